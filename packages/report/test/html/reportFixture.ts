import {
  binaryMetrics,
  binnedProportions,
  type CheckResult,
  type Column,
  type ConditionOperator,
  calibrationCurve,
  categoricalFromStrings,
  confusionMatrix,
  countProportions,
  createFrame,
  createRandom,
  dataDrift,
  type Evaluation,
  evaluateMetricSet,
  precisionRecallCurve,
  prepareDriftColumn,
  profileFrame,
  rocCurve,
  type SuiteResult,
  summarizeChecks,
} from '@vigil/core';
import {
  type DriftHistogram,
  type HtmlReportInput,
  histogramColumns as selectColumns,
} from '../../src/index.js';

/**
 * A drift + binary-evaluation + checks + data-quality report input built with the core's functions, on seeded
 * synthetic data: `nColumns` numerical columns (every third one shifted in the current data) plus two categorical
 * ones whose names and categories are hostile HTML. The checks hold every status, computed from the fixture's own
 * numbers; the data-quality profile is that of the current data plus an `income` column with missing values.
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
  const income = Float64Array.from({ length: rows }, (_, i) =>
    i % 9 === 4 ? Number.NaN : 30_000 + 8_000 * normal(),
  );
  const quality = profileFrame(
    createFrame([...cur, { kind: 'numeric', name: 'income', type: 'numerical', values: income }]),
  );
  const scriptColumn = quality.columns.find((c) => c.name.startsWith('<script>'))!;
  const checkList = [
    check('accuracy', 'Accuracy on current data', evaluation.metrics.accuracy, 'gte', 0.9, 'fail', 'model'),
    check('rocAuc', 'ROC AUC on current data', evaluation.metrics.rocAuc, 'gte', 0.85, 'fail', 'model'),
    check('drift.share', 'Share of drifted columns', result.driftShare, 'lte', 0.2, 'warn', 'drift'),
    {
      name: 'missingShare[age]',
      title: 'Missing values in age',
      status: 'error',
      value: null,
      condition: { operator: 'lte', threshold: 0.05, description: 'lte 0.05' },
      severity: 'fail',
      message: 'missingShare: column "age" not found; did you mean "income"?',
    } satisfies CheckResult,
    check(
      `missingShare[${scriptColumn.name}]`,
      'Missing values',
      scriptColumn.missingShare,
      'lte',
      0.05,
      'fail',
    ),
    check('duplicatedRows', 'Duplicated rows', quality.duplicatedRows.count, 'eq', 0, 'fail', 'quality'),
  ];
  const checks: SuiteResult = {
    name: 'churn <gate>',
    checks: checkList,
    summary: summarizeChecks(checkList),
    metadata: { rows: { current: rows } },
  };
  const roc = rocCurve(yTrue, yScore);
  const pr = precisionRecallCurve(yTrue, yScore);
  const calibration = calibrationCurve(yTrue, yScore);
  return {
    title: 'Weekly check <of> "churn" model',
    generatedAt: '2024-05-01T12:00:00Z',
    versions: { vigil: '0.1.0' },
    drift: { result, histograms },
    checks,
    quality,
    evaluation: {
      result: evaluation,
      curves: {
        roc: { fpr: roc.fpr, tpr: roc.tpr },
        pr: { precision: pr.precision, recall: pr.recall },
        calibration: { probTrue: calibration.probTrue, probPred: calibration.probPred },
      },
    },
  };
}

/**
 * The fixture's binary evaluation on other (reference) data: a seeded sample of `n` rows from a scorer that is a
 * little better than the current one (`separation` 0.25 instead of 0.2), computed with the core's functions.
 */
export function referenceEvaluationFixture(n = 800, separation = 0.25): Evaluation {
  const random = createRandom(11);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const yTrue = Int32Array.from({ length: n }, () => (random.next() < 0.4 ? 1 : 0));
  const yScore = Float64Array.from(yTrue, (y) =>
    Math.min(1, Math.max(0, 0.5 + (y ? separation : -separation) + normal() * 0.2)),
  );
  const yPred = Int32Array.from(yScore, (s) => (s >= 0.5 ? 1 : 0));
  return evaluateMetricSet('binary', binaryMetrics(yTrue, yPred, yScore));
}

/** A check whose status follows from its value, as the engine would decide it. */
function check(
  name: string,
  title: string,
  value: number,
  operator: Exclude<ConditionOperator, 'between'>,
  threshold: number,
  severity: 'fail' | 'warn',
  preset?: string,
): CheckResult {
  const ok = {
    gt: value > threshold,
    gte: value >= threshold,
    lt: value < threshold,
    lte: value <= threshold,
    eq: value === threshold,
  }[operator];
  return {
    name,
    title,
    status: ok ? 'pass' : severity,
    value,
    condition: { operator, threshold, description: `${operator} ${threshold}` },
    severity,
    message: ok
      ? undefined
      : `${name} ${Number(value.toPrecision(4))} does not satisfy ${operator} ${threshold}`,
    preset,
  };
}
