import {
  binaryMetrics,
  binnedProportions,
  type Column,
  categoricalFromStrings,
  confusionMatrix,
  countProportions,
  createFrame,
  createRandom,
  dataDrift,
  evaluateMetricSet,
  precisionRecallCurve,
  prepareDriftColumn,
  rocCurve,
} from '@vigil/core';
import {
  type DriftHistogram,
  type HtmlReportInput,
  histogramColumns as selectColumns,
} from '../../src/index.js';

/**
 * A drift + binary-evaluation report input built with the core's functions, on seeded synthetic data:
 * `nColumns` numerical columns (every third one shifted in the current data) plus two categorical ones whose
 * names and categories are hostile HTML.
 */
export function reportFixture(nColumns: number, rows = 400): HtmlReportInput {
  const random = createRandom(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const ref: Column[] = [];
  const cur: Column[] = [];
  for (let j = 0; j < nColumns - 2; j++) {
    const shift = j % 3 === 0 ? 0.5 + (j % 7) / 10 : 0;
    const name = `feature_${String(j).padStart(4, '0')}`;
    ref.push({
      kind: 'numeric',
      name,
      type: 'numerical',
      values: Float64Array.from({ length: rows }, normal),
    });
    cur.push({
      kind: 'numeric',
      name,
      type: 'numerical',
      values: Float64Array.from({ length: rows }, () => normal() + shift),
    });
  }
  const cats = ['<b>bold</b>', 'a & b', '"quoted"'];
  const pick = (weights: number[]) => () => {
    const u = random.next();
    let acc = 0;
    for (let k = 0; k < weights.length; k++) if (u < (acc += weights[k])) return cats[k];
    return cats[cats.length - 1];
  };
  for (const [name, w0, w1] of [
    ['<script>alert("x")</script>', [0.6, 0.3, 0.1], [0.2, 0.3, 0.5]],
    ['segment (see https://example.com)', [0.5, 0.25, 0.25], [0.5, 0.25, 0.25]],
  ] as const) {
    ref.push(categoricalFromStrings(name, Array.from({ length: rows }, pick([...w0]))));
    cur.push(categoricalFromStrings(name, Array.from({ length: rows }, pick([...w1]))));
  }
  const reference = createFrame(ref);
  const current = createFrame(cur);
  const result = dataDrift(reference, current);
  const wanted = new Set(selectColumns(result).columns);
  const histograms: Record<string, DriftHistogram> = {};
  for (let j = 0; j < ref.length; j++) {
    if (!wanted.has(ref[j].name)) continue;
    const p = prepareDriftColumn(ref[j], cur[j]);
    if (p.kind === 'numerical') {
      const b = binnedProportions(p.reference, p.current, { kind: 'numerical', fillZeros: false });
      histograms[ref[j].name] = { edges: b.edges, keys: b.keys, reference: b.reference, current: b.current };
    } else {
      const b = countProportions(p.referenceCounts, p.currentCounts, { fillZeros: false });
      histograms[ref[j].name] = { keys: [...p.keys], reference: b.reference, current: b.current };
    }
  }
  // A scorer that is right more often than not.
  const n = 500;
  const yTrue = Int32Array.from({ length: n }, () => (random.next() < 0.4 ? 1 : 0));
  const yScore = Float64Array.from(yTrue, (y) =>
    Math.min(1, Math.max(0, 0.5 + (y ? 0.2 : -0.2) + normal() * 0.2)),
  );
  const yPred = Int32Array.from(yScore, (s) => (s >= 0.5 ? 1 : 0));
  const evaluation = evaluateMetricSet('binary', binaryMetrics(yTrue, yPred, yScore));
  evaluation.confusionMatrix = {
    labels: ['stay', 'churn <&>'],
    matrix: confusionMatrix(yTrue, yPred, { labels: [0, 1] }).matrix,
  };
  const roc = rocCurve(yTrue, yScore);
  const pr = precisionRecallCurve(yTrue, yScore);
  return {
    title: 'Weekly check <of> "churn" model',
    generatedAt: '2024-05-01T12:00:00Z',
    versions: { vigil: '0.1.0' },
    drift: { result, histograms },
    evaluation: {
      result: evaluation,
      curves: { roc: { fpr: roc.fpr, tpr: roc.tpr }, pr: { precision: pr.precision, recall: pr.recall } },
    },
  };
}
