/**
 * A 1M-prediction window and a 100k-row reference of a binary model with 20 features (15 numerical, 5
 * categorical), as the store's readRows gives them: the workload of issue 4's budget "evaluating all default
 * monitors on a 1M-prediction window ≤ 5 s" (test/monitors/evaluateWindow.data.test.ts and
 * `npm run bench -- server-monitors`).
 */
import { createRandom } from '@vigil/core';
import type { ModelSchema, RowColumns } from '../../src/store/types.js';

export const BIG_SCHEMA: ModelSchema = {
  features: [
    ...Array.from({ length: 15 }, (_, k) => ({ name: `x${k}`, kind: 'numerical' as const })),
    ...Array.from({ length: 5 }, (_, k) => ({ name: `c${k}`, kind: 'categorical' as const })),
  ],
  positive: 'yes',
};

/**
 * `n` rows; `shift` moves the numerical features (drift), `labelled` is the share of rows with a label,
 * `missing` the share of missing feature values.
 */
export function bigRows(
  n: number,
  seed: number,
  options: { shift?: number; labelled?: number; missing?: number } = {},
): RowColumns {
  const random = createRandom(seed);
  const shift = options.shift ?? 0;
  const labelled = options.labelled ?? 1;
  const missing = options.missing ?? 0.01;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const features: RowColumns['features'] = {};
  const categories = Array.from({ length: 5 }, (_, k) =>
    Array.from({ length: 3 + k * 4 }, (_, j) => `v${j}`),
  );
  for (const f of BIG_SCHEMA.features) {
    if (f.kind === 'numerical') {
      const v = new Float64Array(n);
      const k = Number(f.name.slice(1));
      for (let i = 0; i < n; i++)
        v[i] = random.next() < missing ? Number.NaN : k + normal() * (1 + k / 10) + shift;
      features[f.name] = v;
    } else {
      const names = categories[Number(f.name.slice(1))];
      const v: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        v[i] =
          random.next() < missing
            ? null
            : names[Math.min(names.length - 1, Math.floor(random.next() ** 1.5 * names.length))];
      }
      features[f.name] = v;
    }
  }
  const score = new Float64Array(n);
  const predictionText: (string | null)[] = new Array(n);
  const labelText: (string | null)[] = new Array(n);
  const latencyMs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const positive = random.next() < 0.3;
    const s = Math.min(1, Math.max(0, (positive ? 0.65 : 0.35) + 0.5 * (random.next() - 0.5)));
    score[i] = Math.round(s * 1e4) / 1e4;
    predictionText[i] = s >= 0.5 ? 'yes' : 'no';
    labelText[i] = random.next() < labelled ? (positive ? 'yes' : 'no') : null;
    latencyMs[i] = 5 + 20 * random.next() ** 3;
  }
  const nan = new Float64Array(n).fill(Number.NaN);
  return {
    n,
    ids: [],
    timestamps: new Float64Array(n),
    predictionText,
    predictionNumber: nan,
    score,
    latencyMs,
    labelText,
    labelNumber: nan,
    features,
    probas: {},
  };
}
