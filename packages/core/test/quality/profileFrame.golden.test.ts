import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Column,
  categoricalFromStrings,
  cramersV,
  createFrame,
  type ProfileFrameOptions,
  pearsonCorrelation,
  profileFrame,
  rankdata,
  spearmanCorrelation,
} from '../../src/index.js';
import { expectClose } from '../helpers/close.js';
import { num } from '../helpers/goldenNumber.js';

/**
 * profileFrame and its primitives against scripts/golden/quality.py (pandas 1.5, numpy 1.24, scipy 1.10.1): every
 * number the script computes is compared at 1e-9 relative; the expected object pins the keys it names.
 */
type GoldenValue = number | string | null | boolean | GoldenValue[] | { [key: string]: GoldenValue };
interface GoldenColumn {
  name: string;
  kind: 'numeric' | 'categorical';
  type: string;
  values: (number | string | null)[];
}
const golden: {
  versions: Record<string, string>;
  cases: {
    name: string;
    nRows: number;
    columns: GoldenColumn[];
    options: ProfileFrameOptions;
    expected: GoldenValue;
  }[];
  primitives: {
    rankdata: { values: number[]; ranks: number[] }[];
    correlation: { x: number[]; y: number[]; pearson: number; spearman: number }[];
    cramersV: { a: number[]; b: number[]; value: number | null }[];
  };
} = JSON.parse(readFileSync(new URL('../golden/quality.json', import.meta.url), 'utf8'));

function toColumn(c: GoldenColumn): Column {
  if (c.kind === 'numeric') {
    return {
      kind: 'numeric',
      name: c.name,
      type: c.type as 'numerical' | 'boolean',
      values: Float64Array.from(c.values.map((v) => num(v as number | string | null))),
    };
  }
  return categoricalFromStrings(c.name, c.values as (string | null)[], c.type as 'categorical' | 'text');
}

/** Compares `actual` with every key `expected` names; numbers at 1e-9 relative, null = NaN, "Infinity" = ∞. */
function expectMatches(actual: unknown, expected: GoldenValue, path: string): void {
  if (expected === null && (actual === null || (typeof actual === 'number' && Number.isNaN(actual)))) return;
  if (
    typeof actual === 'number' &&
    (typeof expected === 'number' || typeof expected === 'string' || expected === null)
  ) {
    try {
      expectClose(actual, num(expected as number | string | null));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path}.length`).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectMatches(list[i], e, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} is an object`).toBe(true);
    for (const [key, e] of Object.entries(expected)) {
      expectMatches((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toBe(expected);
}

describe('profileFrame golden (pandas 1.5, numpy 1.24, scipy 1.10.1)', () => {
  it('golden file pins the reference versions', () => {
    expect(golden.versions).toMatchObject({ scipy: '1.10.1', pandas: expect.stringMatching(/^1\.5/) });
  });

  for (const c of golden.cases) {
    it(`profileFrame(${c.name}) matches pandas/numpy/scipy`, () => {
      const frame = createFrame(c.columns.map(toColumn));
      expect(frame.nRows).toBe(c.nRows);
      expectMatches(profileFrame(frame, c.options), c.expected, 'profile');
    });
  }
});

describe('correlation primitives golden (scipy 1.10.1)', () => {
  it.each(golden.primitives.rankdata)(
    'rankdata($values) matches scipy.stats.rankdata',
    ({ values, ranks }) => {
      expect(Array.from(rankdata(values))).toEqual(ranks);
    },
  );
  it.each(golden.primitives.correlation)(
    'pearson/spearman($x, $y) match scipy',
    ({ x, y, pearson, spearman }) => {
      expectClose(pearsonCorrelation(x, y), pearson);
      expectClose(spearmanCorrelation(x, y), spearman);
    },
  );
  it.each(golden.primitives.cramersV)('cramersV($a, $b) matches scipy association', ({ a, b, value }) => {
    expectClose(cramersV(a, b), num(value));
  });
});
