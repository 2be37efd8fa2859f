/**
 * A seeded window, its reference and monitors of every kind and of the configurations that take other paths
 * (feature lists with a feature the schema lacks, a p-value correction, a distance test, a rule on the drift
 * flag, relative performance rules, custom monitors reading other monitors), per task: what the tests of the
 * split evaluation (monitorParts, the worker pool, the scheduler's worker path) compare with evaluateMonitors.
 */
import type { EvaluationContext } from '../../src/monitors/evaluationContext.js';
import type { ModelSchema, Monitor, RowColumns, Task } from '../../src/store/types.js';
import { categories, contextOf, monitorOf, normals, rowsOf, uniforms } from './rows.js';

export interface KindFixture {
  schema: ModelSchema;
  reference: RowColumns;
  window: RowColumns;
  monitors: Monitor[];
  context: EvaluationContext;
}

const warn = { severity: 'warning' } as const;

/** Rows of `n` predictions; `seed` varies the draw, `shift` moves x (drift), `labelled` the share of labels. */
function rowsFor(task: Task, n: number, seed: number, shift: number, labelled: number): RowColumns {
  const u = uniforms(n, seed);
  const v = uniforms(n, seed + 1);
  const x = normals(n, seed + 2, shift, 1);
  // y is missing in every row of the window (seed ≥ 100): its drift and quality cannot be measured.
  const y = seed >= 100 ? new Float64Array(n).fill(Number.NaN) : normals(n, seed + 3);
  const color = categories(n, seed + 4, ['red', 'green', 'blue'], [5, 3, 2]);
  const city = categories(
    n,
    seed + 5,
    seed >= 100 ? ['paris', 'oslo', 'rome'] : ['paris', 'lyon'],
    [3, 2, 1],
  );
  const classes = task === 'multiclass' ? ['a', 'b', 'c'] : ['no', 'yes'];
  const prediction =
    task === 'regression'
      ? Array.from(x, (xi) => 2 * xi + 1)
      : Array.from(u, (ui) => classes[Math.floor(ui * classes.length)]);
  const label = prediction.map((p, i) => {
    if (v[i] >= labelled) return null;
    if (task === 'regression') return (p as number) + (u[i] - 0.5);
    return v[i] < labelled * 0.8 ? p : classes[(classes.indexOf(p as string) + 1) % classes.length];
  });
  const probas: Record<string, number[]> = {};
  if (task === 'multiclass') {
    for (const [k, c] of classes.entries())
      probas[c] = Array.from(
        u,
        (ui, i) => (Math.floor(ui * 3) === k ? 0.6 : 0.2) + (v[i] - 0.5) * 0.1 * (k - 1),
      );
  }
  return rowsOf({
    features: { x, y, color, city },
    prediction,
    label,
    score: task === 'binary' ? u : undefined,
    latencyMs: Array.from(v, (vi) => 10 + 40 * vi ** 2),
    probas,
  });
}

export function everyKind(task: Task, n = 2000): KindFixture {
  const schema: ModelSchema = {
    features: [
      { name: 'x', kind: 'numerical' },
      { name: 'y', kind: 'numerical' },
      { name: 'color', kind: 'categorical' },
      { name: 'city', kind: 'categorical' },
    ],
    ...(task === 'binary' ? { positive: 'yes' } : {}),
    ...(task === 'multiclass' ? { classes: ['a', 'b', 'c'] } : {}),
  };
  const metrics =
    task === 'binary'
      ? [['accuracy', 'f1'], ['rocAuc']]
      : task === 'multiclass'
        ? [
            ['accuracy', 'f1Macro'],
            ['rocAucOvrMacro', 'logLoss'],
          ]
        : [['rmse', 'mae'], ['r2']];
  const monitors: Monitor[] = [
    monitorOf(
      'drift',
      { prediction: true, score: task === 'binary', alertMetric: 'driftScore' },
      {
        operator: 'lt',
        value: 0.05,
        ...warn,
      },
    ),
    monitorOf('drift', { features: ['x', 'ghost', 'color', 'city'], correction: 'holm' }, undefined),
    monitorOf(
      'drift',
      { features: ['x', 'city'], test: 'psi', alertMetric: 'drift' },
      {
        operator: 'gte',
        value: 1,
        ...warn,
      },
    ),
    monitorOf('quality', {}, { operator: 'gt', value: 0.1, ...warn }),
    monitorOf(
      'quality',
      { features: ['city', 'ghost'], alertMetric: 'unseenShare' },
      {
        operator: 'gt',
        value: 0.05,
        ...warn,
      },
    ),
    monitorOf(
      'performance',
      { metrics: metrics[0], alertMetric: metrics[0][0] },
      {
        operator: task === 'regression' ? 'gt' : 'lt',
        value: task === 'regression' ? 1.25 : 0.95,
        relativeToReference: true,
        severity: 'critical',
      },
    ),
    monitorOf('performance', { metrics: metrics[1], minLabelCoverage: 0.3 }, undefined),
    monitorOf(
      'latency',
      { quantiles: ['p50', 'p99.9'], alertMetric: 'p99.9' },
      {
        operator: 'gt',
        value: 45,
        ...warn,
      },
    ),
    monitorOf('volume', { alertMetric: 'count' }, { operator: 'lt', value: 1, ...warn }),
    monitorOf(
      'custom',
      { monitorId: 1, feature: '', metric: 'driftShare' },
      {
        operator: 'gte',
        value: 0.5,
        ...warn,
      },
    ),
    monitorOf(
      'custom',
      { monitorId: 10, feature: '', metric: 'driftShare' },
      {
        operator: 'gt',
        value: 0,
        ...warn,
      },
    ),
  ].map((m, i) => ({ ...m, id: i + 1, name: `${m.kind} ${i + 1}` }));
  return {
    schema,
    reference: rowsFor(task, Math.round(n / 2), 1, 0, 1),
    window: rowsFor(task, n, 100, 0.3, 0.6),
    monitors,
    context: contextOf(task, schema),
  };
}
