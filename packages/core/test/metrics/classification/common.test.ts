/**
 * Generic tests over every classification metric (after scikit-learn's tests/test_common.py): a registry lists
 * each export of the classification barrel with how to call it, and the invariants are checked for all of them.
 * The first test fails when an export is added to the barrel without a registry entry.
 */
import { describe, expect, it } from 'vitest';
import * as classification from '../../../src/metrics/classification/index.js';
import { createRandom } from '../../../src/stats/random.js';
import { expectClose } from '../../helpers/close.js';
import { thrown } from './golden.js';

type Data = {
  labels: Int32Array;
  preds: Int32Array;
  binary: Int32Array;
  binaryPred: Int32Array;
  score: Float64Array;
  proba: Float64Array[];
};
type Kind = 'labels' | 'binaryLabels' | 'scores' | 'proba';

/** How to call each metric on a data set, reduced to a number (or a list of numbers for curves/matrices). */
const registry: Record<string, { kind: Kind; run: (d: Data) => unknown }> = {
  confusionMatrix: { kind: 'labels', run: (d) => classification.confusionMatrix(d.labels, d.preds) },
  accuracyScore: { kind: 'labels', run: (d) => classification.accuracyScore(d.labels, d.preds) },
  balancedAccuracyScore: {
    kind: 'labels',
    run: (d) => classification.balancedAccuracyScore(d.labels, d.preds),
  },
  precisionRecallFscoreSupport: {
    kind: 'labels',
    run: (d) => classification.precisionRecallFscoreSupport(d.labels, d.preds),
  },
  precisionScore: { kind: 'binaryLabels', run: (d) => classification.precisionScore(d.binary, d.binaryPred) },
  recallScore: { kind: 'binaryLabels', run: (d) => classification.recallScore(d.binary, d.binaryPred) },
  f1Score: { kind: 'labels', run: (d) => classification.f1Score(d.labels, d.preds, { average: 'macro' }) },
  fbetaScore: {
    kind: 'labels',
    run: (d) => classification.fbetaScore(d.labels, d.preds, { beta: 2, average: 'weighted' }),
  },
  specificityScore: {
    kind: 'binaryLabels',
    run: (d) => classification.specificityScore(d.binary, d.binaryPred),
  },
  matthewsCorrcoef: { kind: 'labels', run: (d) => classification.matthewsCorrcoef(d.labels, d.preds) },
  cohenKappaScore: { kind: 'labels', run: (d) => classification.cohenKappaScore(d.labels, d.preds) },
  rocCurve: { kind: 'scores', run: (d) => classification.rocCurve(d.binary, d.score) },
  rocAucScore: { kind: 'scores', run: (d) => classification.rocAucScore(d.binary, d.score) },
  rocAucOvr: { kind: 'proba', run: (d) => classification.rocAucOvr(d.labels, d.proba) },
  precisionRecallCurve: {
    kind: 'scores',
    run: (d) => classification.precisionRecallCurve(d.binary, d.score),
  },
  averagePrecisionScore: {
    kind: 'scores',
    run: (d) => classification.averagePrecisionScore(d.binary, d.score),
  },
  logLoss: { kind: 'scores', run: (d) => classification.logLoss(d.binary, d.score) },
  logLossMulticlass: { kind: 'proba', run: (d) => classification.logLossMulticlass(d.labels, d.proba) },
  brierScoreLoss: { kind: 'scores', run: (d) => classification.brierScoreLoss(d.binary, d.score) },
  calibrationCurve: {
    kind: 'scores',
    // Mean probabilities are sums in sample order, which may differ in the last bits: compared to 12 digits.
    run: (d) => {
      const { probTrue, probPred, counts } = classification.calibrationCurve(d.binary, d.score);
      return { probTrue, counts, probPred: Array.from(probPred, (v) => v.toPrecision(12)) };
    },
  },
};

function makeData(n: number, seed: number): Data {
  const random = createRandom(seed);
  const labels = new Int32Array(n);
  const preds = new Int32Array(n);
  const binary = new Int32Array(n);
  const binaryPred = new Int32Array(n);
  const score = new Float64Array(n);
  const proba = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    labels[i] = i % 3; // every class present
    preds[i] = random.next() < 0.6 ? labels[i] : Math.floor(random.next() * 3);
    binary[i] = i % 2;
    binaryPred[i] = random.next() < 0.7 ? binary[i] : 1 - binary[i];
    score[i] = Math.round((random.next() * 0.7 + 0.3 * binary[i]) * 20) / 20;
    const a = random.next() + (labels[i] === 0 ? 1 : 0);
    const b = random.next() + (labels[i] === 1 ? 1 : 0);
    const c = random.next() + (labels[i] === 2 ? 1 : 0);
    proba[0][i] = a / (a + b + c);
    proba[1][i] = b / (a + b + c);
    proba[2][i] = 1 - proba[0][i] - proba[1][i];
  }
  return { labels, preds, binary, binaryPred, score, proba };
}

function permute(d: Data, order: Int32Array): Data {
  const p = <T extends Int32Array | Float64Array>(a: T): T => a.map((_, i) => a[order[i]]) as T;
  return {
    labels: p(d.labels),
    preds: p(d.preds),
    binary: p(d.binary),
    binaryPred: p(d.binaryPred),
    score: p(d.score),
    proba: d.proba.map(p),
  };
}

function empty(): Data {
  return {
    labels: new Int32Array(0),
    preds: new Int32Array(0),
    binary: new Int32Array(0),
    binaryPred: new Int32Array(0),
    score: new Float64Array(0),
    proba: [new Float64Array(0), new Float64Array(0)],
  };
}

describe('classification metrics registry', () => {
  it('every export of the classification barrel that is a function has a registry entry', () => {
    const functions = Object.entries(classification)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual(Object.keys(registry).sort());
  });

  const data = makeData(61, 5);
  const random = createRandom(9);
  const order = Int32Array.from({ length: 61 }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const shuffled = permute(data, order);

  for (const [name, { kind, run }] of Object.entries(registry)) {
    it(`${name}(shuffled rows) gives the same result (sample order invariance)`, () => {
      const a = run(data);
      const b = run(shuffled);
      if (typeof a === 'number') {
        // Sums in a different order may differ in the last bits.
        expectClose(b as number, a, 1e-12);
      } else {
        // Counts, and curves built from counts, are exact whatever the order.
        const plain = (_: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v);
        expect(JSON.stringify(b, plain)).toBe(JSON.stringify(a, plain));
      }
    });
    it(`${name}(empty input) throws EMPTY_INPUT or, for probabilities, a length/shape error`, () => {
      const error = thrown(() => run(empty()));
      expect(['EMPTY_INPUT', 'INVALID_ARGUMENT']).toContain(error.code);
      if (kind !== 'proba') expect(error.code).toBe('EMPTY_INPUT');
    });
    it(`${name}(NaN label) throws NON_FINITE`, () => {
      const d = makeData(12, 1);
      const withNaN = { ...d, labels: Float64Array.from(d.labels), binary: Float64Array.from(d.binary) };
      withNaN.labels[4] = Number.NaN;
      withNaN.binary[4] = Number.NaN;
      expect(thrown(() => run(withNaN as unknown as Data)).code).toBe('NON_FINITE');
    });
    it(`${name}(error message) starts with the function name`, () => {
      const error = thrown(() => run(empty()));
      expect(error.message.startsWith(`${name}: `)).toBe(true);
    });
  }
});
