/**
 * Chart data for the HTML report, computed from the loaded frames with the core's functions (binned proportions,
 * ROC and precision–recall curves, histograms), so the core stays free of I/O and the report stays a renderer.
 */
import { writeFile } from 'node:fs/promises';
import {
  binnedProportions,
  type Column,
  calibrationCurve,
  countProportions,
  type DataDriftResult,
  histogramBinEdges,
  histogramCounts,
  precisionRecallCurve,
  prepareDriftColumn,
  rocCurve,
} from '@vigil/core';
import {
  type DriftHistogram,
  type EvaluationCurves,
  type HtmlReportInput,
  histogramColumns,
  renderHtmlReport,
} from '@vigil/report';

/** Categories drawn per histogram at most; the rest are merged into one "other" bar. */
const MAX_CATEGORIES = 30;
/** Points kept per curve or scatter at most. */
const MAX_POINTS = 2000;

/**
 * Reference and current shares per bin for the columns the report draws ({@link histogramColumns}): numerical
 * columns binned as the drift distances bin them (`binnedProportions`, no zero filling), categories counted per
 * category (`countProportions`), missing values dropped.
 */
export function driftHistograms(
  pairs: readonly (readonly [Column, Column])[],
  result: DataDriftResult,
): Record<string, DriftHistogram> {
  const wanted = new Set(histogramColumns(result).columns);
  const out: Record<string, DriftHistogram> = {};
  for (const [reference, current] of pairs) {
    if (!wanted.has(reference.name)) continue;
    const prepared = prepareDriftColumn(reference, current);
    if (prepared.kind === 'numerical') {
      if (prepared.reference.length === 0 || prepared.current.length === 0) continue;
      const b = binnedProportions(prepared.reference, prepared.current, {
        kind: 'numerical',
        fillZeros: false,
      });
      out[reference.name] = b.edges
        ? { edges: b.edges, reference: b.reference, current: b.current }
        : { keys: b.keys, reference: b.reference, current: b.current };
    } else {
      if (sum(prepared.referenceCounts) === 0 || sum(prepared.currentCounts) === 0) continue;
      const p = countProportions(prepared.referenceCounts, prepared.currentCounts, { fillZeros: false });
      out[reference.name] = topCategories([...prepared.keys], p.reference, p.current);
    }
  }
  return out;
}

/** The `MAX_CATEGORIES − 1` categories with the largest share on either side, then one bar for the others. */
function topCategories(keys: string[], reference: Float64Array, current: Float64Array): DriftHistogram {
  if (keys.length <= MAX_CATEGORIES) return { keys, reference, current };
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => Math.max(reference[b], current[b]) - Math.max(reference[a], current[a]));
  const kept = order.slice(0, MAX_CATEGORIES - 1);
  const rest = order.slice(MAX_CATEGORIES - 1);
  const pick = (v: Float64Array) => [...kept.map((i) => v[i]), rest.reduce((s, i) => s + v[i], 0)];
  return {
    keys: [...kept.map((i) => keys[i]), 'other'],
    reference: pick(reference),
    current: pick(current),
    merged: rest.length,
  };
}

/** Arrays that `evaluate` (commands/eval.ts) already holds and the HTML report's charts need. */
export interface ChartInputs {
  /** Binary task with a score: class codes (1 = positive) and the positive-class probability. */
  binary?: { yTrue: Int32Array; yScore: Float64Array };
  regression?: { actual: Float64Array; predicted: Float64Array };
}

/** The charts of the model-quality section for what `evaluate` collected (none for other tasks). */
export function evaluationCurves(inputs: ChartInputs): EvaluationCurves | undefined {
  const { binary, regression } = inputs;
  if (binary) return binaryCurves(binary.yTrue, binary.yScore);
  if (regression) return regressionCurves(regression.actual, regression.predicted);
  return undefined;
}

/**
 * ROC and precision–recall curves (core `rocCurve`, `precisionRecallCurve`, thinned) and the calibration curve
 * (core `calibrationCurve`, 10 bins of equal width) of a binary scorer.
 */
export function binaryCurves(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): EvaluationCurves {
  const roc = rocCurve(yTrue, yScore);
  const pr = precisionRecallCurve(yTrue, yScore);
  const calibration = calibrationCurve(yTrue, yScore, { nBins: 10, strategy: 'uniform' });
  const r = thinPair(roc.fpr, roc.tpr);
  const p = thinPair(pr.recall, pr.precision);
  return {
    roc: { fpr: r[0], tpr: r[1] },
    pr: { recall: p[0], precision: p[1] },
    calibration: { probTrue: calibration.probTrue, probPred: calibration.probPred },
  };
}

/** Predicted-vs-actual points (at most 2000, by stride) and the Sturges histogram of the residuals. */
export function regressionCurves(actual: ArrayLike<number>, predicted: ArrayLike<number>): EvaluationCurves {
  const residuals: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    const r = actual[i] - predicted[i];
    if (Number.isFinite(r)) residuals.push(r);
  }
  const [a, p] = thinPair(actual, predicted);
  const curves: EvaluationCurves = { scatter: { actual: a, predicted: p, total: actual.length } };
  if (residuals.length > 0) {
    const edges = histogramBinEdges(residuals, 'sturges');
    curves.residualHistogram = { edges, counts: histogramCounts(residuals, edges) };
  }
  return curves;
}

/**
 * Every k-th point with k = ⌈n / 2000⌉, keeping the last one (a curve must still reach its end point). Only for
 * drawing: the metrics are computed on all points.
 */
export function thinPair(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  max = MAX_POINTS,
): [Float64Array, Float64Array] {
  const n = x.length;
  if (n <= max) return [Float64Array.from(x), Float64Array.from(y)];
  const step = Math.ceil(n / max);
  const idx: number[] = [];
  for (let i = 0; i < n; i += step) idx.push(i);
  if (idx[idx.length - 1] !== n - 1) idx[idx.length - 1] = n - 1;
  return [Float64Array.from(idx, (i) => x[i]), Float64Array.from(idx, (i) => y[i])];
}

/** Renders the report and writes it to `file`. */
export async function writeHtmlReport(
  file: string,
  input: Omit<HtmlReportInput, 'generatedAt' | 'versions'>,
) {
  const html = renderHtmlReport({
    ...input,
    generatedAt: new Date().toISOString(),
    versions: { vigil: '0.1.0', node: process.version },
  });
  await writeFile(file, html, 'utf8');
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}
