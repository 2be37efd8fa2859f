/**
 * The model evaluation of each side of a suite (current, reference), computed at most once: the suite's metric
 * checks and the HTML report's model section share it (`vigil check --html`).
 */
import { type Evaluation, isVigilError, type Side } from '@vigil/core';
import type { HtmlReportInput } from '@vigil/report';
import { type ChartInputs, evaluationCurves } from './reportData.js';

/** One side's evaluation, with the arrays the report's charts need. */
export interface SideEvaluation {
  evaluation: Evaluation;
  chartInputs: ChartInputs;
}

/** Evaluates a side on first call and returns the same result (or throws the same error) afterwards. */
export type SideEvaluations = (side: Side) => SideEvaluation;

/** Wraps `run` (which fills the chart inputs it is given) so that each side is evaluated once. */
export function memoizeEvaluations(
  run: (side: Side, chartInputs: ChartInputs) => Evaluation,
): SideEvaluations {
  const done = new Map<Side, { value?: SideEvaluation; error?: unknown }>();
  return (side) => {
    let entry = done.get(side);
    if (entry === undefined) {
      const chartInputs: ChartInputs = {};
      try {
        entry = { value: { evaluation: run(side, chartInputs), chartInputs } };
      } catch (error) {
        entry = { error };
      }
      done.set(side, entry);
    }
    if (entry.value === undefined) throw entry.error;
    return entry.value;
  };
}

/**
 * The model section of a report: the current evaluation with its curves and, when there is a reference, the
 * reference evaluation to compare with. An evaluation that fails (the suite already reports it as errored checks)
 * is left out (without the current one, the whole section), and `onError` gets the message; errors that are not
 * Vigil's are rethrown.
 */
export function modelReportSection(
  evaluations: SideEvaluations,
  hasReference: boolean,
  onError: (side: Side, message: string) => void,
): Pick<HtmlReportInput, 'evaluation' | 'referenceEvaluation'> {
  const attempt = (side: Side) => {
    try {
      return evaluations(side);
    } catch (error) {
      if (!isVigilError(error)) throw error;
      onError(side, error.message);
      return undefined;
    }
  };
  const current = attempt('current');
  if (current === undefined) return {};
  const reference = hasReference ? attempt('reference') : undefined;
  return {
    evaluation: { result: current.evaluation, curves: evaluationCurves(current.chartInputs) },
    ...(reference ? { referenceEvaluation: reference.evaluation } : {}),
  };
}
