/**
 * Test fixtures of the monitors: RowColumns built from plain arrays, seeded samples, and monitors/contexts.
 */
import { createRandom } from '@vigil/core';
import type { EvaluationContext } from '../../src/monitors/evaluationContext.js';
import type {
  AlertRule,
  Model,
  ModelSchema,
  Monitor,
  MonitorKind,
  RowColumns,
} from '../../src/store/types.js';

export interface RowsInput {
  features?: Record<string, (number | null)[] | (string | null)[] | Float64Array>;
  prediction?: (string | number | null)[];
  label?: (string | number | null)[];
  score?: (number | null)[] | Float64Array;
  latencyMs?: (number | null)[] | Float64Array;
  probas?: Record<string, number[]>;
  n?: number;
}

const num = (values: ArrayLike<number | null> | undefined, n: number): Float64Array => {
  const out = new Float64Array(n).fill(Number.NaN);
  if (values) for (let i = 0; i < n; i++) out[i] = values[i] ?? Number.NaN;
  return out;
};

/** RowColumns as a store's readRows gives them: text and number forms of prediction and label. */
export function rowsOf(input: RowsInput): RowColumns {
  const n =
    input.n ??
    Object.values(input.features ?? {})[0]?.length ??
    input.prediction?.length ??
    input.latencyMs?.length ??
    input.score?.length ??
    0;
  const text = (v: (string | number | null)[] | undefined) =>
    Array.from({ length: n }, (_, i) => (v?.[i] === null || v?.[i] === undefined ? null : String(v[i])));
  const number = (v: (string | number | null)[] | undefined) =>
    Float64Array.from({ length: n }, (_, i) => {
      const x = v?.[i];
      return typeof x === 'number' ? x : Number.NaN;
    });
  const features: RowColumns['features'] = {};
  for (const [name, values] of Object.entries(input.features ?? {})) {
    const first = Array.from(values as ArrayLike<unknown>).find((v) => v !== null);
    features[name] =
      values instanceof Float64Array || typeof first === 'number'
        ? num(values as ArrayLike<number | null>, n)
        : Array.from(values as (string | null)[]);
  }
  const probas: RowColumns['probas'] = {};
  for (const [c, values] of Object.entries(input.probas ?? {})) probas[c] = Float64Array.from(values);
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => `id${i}`),
    timestamps: new Float64Array(n),
    predictionText: text(input.prediction),
    predictionNumber: number(input.prediction),
    score: num(input.score, n),
    latencyMs: num(input.latencyMs, n),
    labelText: text(input.label),
    labelNumber: number(input.label),
    features,
    probas,
  };
}

/** n standard normals (Box–Muller on the core's seeded generator), shifted and scaled. */
export function normals(n: number, seed: number, mean = 0, sd = 1): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random.next()));
    const a = 2 * Math.PI * random.next();
    out[i] = mean + sd * r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = mean + sd * r * Math.sin(a);
  }
  return out;
}

/** n draws of the categories with the given weights. */
export function categories(n: number, seed: number, names: string[], weights: number[]): string[] {
  const random = createRandom(seed);
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: n }, () => {
    let u = random.next() * total;
    for (let k = 0; k < names.length; k++) {
      u -= weights[k];
      if (u < 0) return names[k];
    }
    return names[names.length - 1];
  });
}

export function uniforms(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => random.next());
}

export function monitorOf(
  kind: MonitorKind,
  config: Record<string, unknown>,
  rule?: AlertRule,
  id = 1,
): Monitor {
  return {
    id,
    model: 'm',
    name: `${kind} ${id}`,
    kind,
    config,
    rule,
    enabled: true,
    createdAt: 0,
    updatedAt: 0,
  };
}

export function contextOf(task: Model['task'], schema: ModelSchema): EvaluationContext {
  return {
    model: { name: 'm', task, schema },
    windowStart: 3_600_000,
    windowEnd: 7_200_000,
    computedAt: 7_300_000,
  };
}
