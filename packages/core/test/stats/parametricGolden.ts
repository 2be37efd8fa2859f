/**
 * Shared access to test/golden/stats_parametric.json (written by scripts/golden/stats_parametric.py): decoding of
 * the JSON encodings of NaN and ±Infinity, a labelled closeness check, and the Weyl generator that rebuilds the
 * large KS samples bit for bit.
 */
import golden from '../golden/stats_parametric.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

export { golden };

/** JSON value → number: null is NaN, "Infinity" / "-Infinity" are ±Infinity. */
export function num(value: unknown): number {
  if (value === null) return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value as number;
}

/** {@link expectClose} with the case named in the failure message. */
export function expectCloseAt(label: string, actual: number, expected: number, rtol = 1e-9, atol = 0): void {
  try {
    expectClose(actual, expected, rtol, atol);
  } catch (error) {
    if (error instanceof Error) error.message = `${label}: ${error.message}`;
    throw error;
  }
}

/** x_i = scale · ((i·A + seed) mod 2³²)/2³² + shift, exact in doubles (i·A < 2⁵³), as the golden script. */
export function weyl(spec: { n: number; seed: number; scale: number; shift: number }): Float64Array {
  const a = golden.weyl.a;
  const m = golden.weyl.m;
  const out = new Float64Array(spec.n);
  for (let i = 0; i < spec.n; i++) out[i] = (((i * a + spec.seed) % m) / m) * spec.scale + spec.shift;
  return out;
}
