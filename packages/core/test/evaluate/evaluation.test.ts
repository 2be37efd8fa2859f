import { describe, expect, it } from 'vitest';
import { binaryMetrics, multiclassMetrics } from '../../src/evaluate/classificationMetrics.js';
import { clusteringMetrics } from '../../src/evaluate/clusteringMetrics.js';
import { evaluateMetricSet } from '../../src/evaluate/evaluation.js';
import { rankingMetrics } from '../../src/evaluate/rankingMetrics.js';
import { regressionMetrics } from '../../src/evaluate/regressionMetrics.js';
import { accuracyScore } from '../../src/metrics/classification/accuracyScore.js';
import { rocAucScore } from '../../src/metrics/classification/rocAucScore.js';
import { ndcgAtK } from '../../src/metrics/ranking/ndcgAtK.js';
import { r2Score } from '../../src/metrics/regression/r2Score.js';
import { createRandom } from '../../src/stats/random.js';

const yTrue = Int32Array.from([0, 1, 1, 0, 1, 0, 1, 1, 0, 0]);
const yScore = Float64Array.from([0.1, 0.8, 0.6, 0.4, 0.9, 0.3, 0.35, 0.7, 0.2, 0.55]);
const yPred = Int32Array.from(yScore, (s) => (s >= 0.5 ? 1 : 0));

describe('binaryMetrics', () => {
  it('binaryMetrics(yTrue, yPred, yScore).compute() has every key of the eval contract', () => {
    const metrics = binaryMetrics(yTrue, yPred, yScore).compute();
    expect(Object.keys(metrics).sort()).toEqual(
      [
        'accuracy',
        'balancedAccuracy',
        'precision',
        'recall',
        'f1',
        'specificity',
        'mcc',
        'cohenKappa',
        'rocAuc',
        'prAuc',
        'logLoss',
        'brier',
      ].sort(),
    );
    expect(metrics.accuracy).toBe(accuracyScore(yTrue, yPred));
    expect(metrics.rocAuc).toBe(rocAucScore(yTrue, yScore));
  });

  it('binaryMetrics(…).compute(indices) equals the metrics of the gathered rows', () => {
    const rows = Uint32Array.from([1, 2, 3, 3, 9, 0]);
    const picked = (a: ArrayLike<number>) => Array.from(rows, (i) => a[i]);
    const metrics = binaryMetrics(yTrue, yPred, yScore).compute(rows);
    expect(metrics.accuracy).toBe(accuracyScore(picked(yTrue), picked(yPred)));
    expect(metrics.rocAuc).toBe(rocAucScore(picked(yTrue), picked(yScore)));
  });

  it('binaryMetrics(one class) throws ONE_CLASS on the whole data but gives NaN AUC on a resample', () => {
    const ones = Int32Array.from([1, 1, 1]);
    const scores = Float64Array.from([0.2, 0.7, 0.9]);
    expect(() => binaryMetrics(ones, undefined, scores).compute()).toThrow(
      expect.objectContaining({ code: 'ONE_CLASS' }),
    );
    const onResample = binaryMetrics(yTrue, undefined, yScore).compute(Uint32Array.from([1, 2, 4]));
    expect(onResample.rocAuc).toBeNaN();
    expect(onResample.logLoss).toBeGreaterThan(0);
  });

  it('binaryMetrics(yTrue, undefined, yScore) computes only score metrics', () => {
    expect(Object.keys(binaryMetrics(yTrue, undefined, yScore).compute()).sort()).toEqual([
      'brier',
      'logLoss',
      'prAuc',
      'rocAuc',
    ]);
  });
});

describe('multiclassMetrics', () => {
  it('multiclassMetrics(…) reports macro, micro and weighted averages and OvR AUC', () => {
    const t = Int32Array.from([0, 1, 2, 2, 1, 0]);
    const p = Int32Array.from([0, 2, 2, 1, 1, 0]);
    const proba = [
      Float64Array.from([0.8, 0.1, 0.1, 0.2, 0.1, 0.7]),
      Float64Array.from([0.1, 0.3, 0.2, 0.5, 0.6, 0.2]),
      Float64Array.from([0.1, 0.6, 0.7, 0.3, 0.3, 0.1]),
    ];
    const metrics = multiclassMetrics(t, 3, p, proba).compute();
    for (const key of [
      'precisionMacro',
      'recallMicro',
      'f1Weighted',
      'rocAucOvrMacro',
      'rocAucOvrWeighted',
      'logLoss',
      'cohenKappa',
      'mcc',
    ]) {
      expect(Number.isFinite(metrics[key]), key).toBe(true);
    }
    expect(metrics.accuracy).toBeCloseTo(4 / 6, 15);
  });
});

describe('evaluateMetricSet', () => {
  it('evaluateMetricSet(set, { segments }) computes each segment on its rows only', () => {
    const set = binaryMetrics(yTrue, yPred, yScore);
    const first = Uint32Array.from([0, 1, 2, 3, 4]);
    const second = Uint32Array.from([5, 6, 7, 8, 9]);
    const result = evaluateMetricSet('binary', set, {
      segments: new Map([
        ['a', first],
        ['b', second],
        ['empty', new Uint32Array(0)],
      ]),
    });
    expect(result.n).toBe(10);
    expect(result.segments?.a).toEqual({ n: 5, metrics: set.compute(first) });
    expect(result.segments?.b).toEqual({ n: 5, metrics: set.compute(second) });
    expect(result.segments).not.toHaveProperty('empty');
  });

  it('evaluateMetricSet(set, { ci }) is deterministic for a seed and brackets the estimate', () => {
    const random = createRandom(5);
    const n = 400;
    const t = new Float64Array(n);
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = random.next() * 10;
      p[i] = t[i] + random.next() - 0.5;
    }
    const set = regressionMetrics(t, p, { nFeatures: 3 });
    const a = evaluateMetricSet('regression', set, { ci: 0.9, resamples: 200, seed: 3 });
    const b = evaluateMetricSet('regression', set, { ci: 0.9, resamples: 200, seed: 3 });
    expect(a).toEqual(b);
    expect(a.metrics.r2).toBe(r2Score(t, p));
    const [low, high] = a.intervals!.r2;
    expect(low).toBeLessThan(a.metrics.r2);
    expect(high).toBeGreaterThan(a.metrics.r2);
    expect(a.confidence).toBe(0.9);
    expect(a.resamples).toBe(200);
  });
});

describe('rankingMetrics', () => {
  const queries = Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2]);
  const relevance = Float64Array.from([2, 0, 1, 0, 1, 1, 0, 3]);
  const scores = Float64Array.from([0.9, 0.8, 0.1, 0.7, 0.6, 0.5, 0.4, 0.3]);

  it('rankingMetrics(…) names keys by k and agrees with the metric functions', () => {
    const metrics = rankingMetrics(queries, 3, relevance, scores, [1, 2]).compute();
    expect(Object.keys(metrics).sort()).toEqual([
      'hitRateAt1',
      'hitRateAt2',
      'mapAt1',
      'mapAt2',
      'mrr',
      'ndcgAt1',
      'ndcgAt2',
      'precisionAt1',
      'precisionAt2',
      'recallAt1',
      'recallAt2',
    ]);
    expect(metrics.ndcgAt2).toBe(ndcgAtK(queries, relevance, scores, { k: 2 }));
  });

  it('rankingMetrics(…).compute(indices) resamples whole queries, a query drawn twice counting twice', () => {
    const set = rankingMetrics(queries, 3, relevance, scores, [2]);
    expect(set.n).toBe(3);
    const twiceFirst = set.compute(Uint32Array.from([0, 0, 1]));
    const q = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    const r = Float64Array.from([2, 0, 1, 2, 0, 1, 0, 1]);
    const s = Float64Array.from([0.9, 0.8, 0.1, 0.9, 0.8, 0.1, 0.7, 0.6]);
    expect(twiceFirst.ndcgAt2).toBe(ndcgAtK(q, r, s, { k: 2 }));
  });
});

describe('clusteringMetrics', () => {
  it('clusteringMetrics(features, labels) gives the three scores', () => {
    const x = Float64Array.from([0, 0.1, 0.2, 5, 5.1, 5.2]);
    const y = Float64Array.from([0, 0.2, 0.1, 5, 5.2, 5.1]);
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const metrics = clusteringMetrics([x, y], labels).compute();
    expect(metrics.silhouette).toBeGreaterThan(0.9);
    expect(metrics.daviesBouldin).toBeLessThan(0.1);
    expect(metrics.calinskiHarabasz).toBeGreaterThan(100);
  });
});

describe('clusteringMetrics on degenerate resamples', () => {
  it('clusteringMetrics(…).compute(one-cluster rows) is NaN, while the whole data keeps its error', () => {
    const x = Float64Array.from([0, 0.1, 5, 5.1]);
    const labels = Int32Array.from([0, 0, 1, 1]);
    const set = clusteringMetrics([x], labels);
    expect(set.compute(Uint32Array.from([0, 1, 0]))).toEqual({
      silhouette: Number.NaN,
      daviesBouldin: Number.NaN,
      calinskiHarabasz: Number.NaN,
    });
    expect(Number.isFinite(set.compute(Uint32Array.from([0, 1, 2])).silhouette)).toBe(true);
    expect(() => clusteringMetrics([x], Int32Array.from([0, 0, 0, 0])).compute()).toThrow(
      expect.objectContaining({ code: 'ONE_CLASS' }),
    );
  });
});
