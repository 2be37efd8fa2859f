import { type Evaluation, VigilError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { memoizeEvaluations, modelReportSection } from '../src/modelEvaluations.js';

const evaluation = (n: number): Evaluation => ({ task: 'binary', n, metrics: { accuracy: 0.9 } });

describe('memoizeEvaluations', () => {
  it('memoizeEvaluations(run) evaluates each side once, however often it is asked', () => {
    const calls: string[] = [];
    const evaluations = memoizeEvaluations((side, chartInputs) => {
      calls.push(side);
      chartInputs.binary = { yTrue: Int32Array.of(0, 1), yScore: Float64Array.of(0.2, 0.8) };
      return evaluation(side === 'current' ? 2 : 3);
    });
    const first = evaluations('current');
    expect(evaluations('current')).toBe(first);
    expect(evaluations('reference').evaluation.n).toBe(3);
    evaluations('reference');
    expect(calls).toEqual(['current', 'reference']);
    expect(first.chartInputs.binary?.yScore).toEqual(Float64Array.of(0.2, 0.8));
  });

  it('memoizeEvaluations(run that throws) throws the same error again without running twice', () => {
    let calls = 0;
    const error = new VigilError('ONE_CLASS', 'eval: only one class');
    const evaluations = memoizeEvaluations(() => {
      calls++;
      throw error;
    });
    expect(() => evaluations('current')).toThrow(error);
    expect(() => evaluations('current')).toThrow(error);
    expect(calls).toBe(1);
  });
});

describe('modelReportSection', () => {
  const ok = memoizeEvaluations((side, chartInputs) => {
    if (side === 'current')
      chartInputs.binary = { yTrue: Int32Array.of(0, 1, 1), yScore: Float64Array.of(0.1, 0.7, 0.9) };
    return evaluation(side === 'current' ? 3 : 5);
  });

  it('modelReportSection(evaluations, reference) has the current result with curves and the reference', () => {
    const section = modelReportSection(ok, true, () => {});
    expect(section.evaluation?.result.n).toBe(3);
    expect(section.evaluation?.curves?.calibration?.probTrue.length).toBeGreaterThan(0);
    expect(section.referenceEvaluation?.n).toBe(5);
    expect(modelReportSection(ok, false, () => {}).referenceEvaluation).toBeUndefined();
  });

  it('modelReportSection(failing side) leaves that side out and reports the message', () => {
    const messages: string[] = [];
    const failing = (failSide: string) =>
      memoizeEvaluations((side) => {
        if (side === failSide) throw new VigilError('INVALID_PROBABILITY', `${side} failed`);
        return evaluation(1);
      });
    const noReference = modelReportSection(failing('reference'), true, (side, m) =>
      messages.push(`${side}: ${m}`),
    );
    expect(noReference.evaluation?.result.n).toBe(1);
    expect(noReference.referenceEvaluation).toBeUndefined();
    expect(modelReportSection(failing('current'), true, (side, m) => messages.push(`${side}: ${m}`))).toEqual(
      {},
    );
    expect(messages).toEqual(['reference: reference failed', 'current: current failed']);
  });

  it('modelReportSection(a bug) rethrows errors that are not VigilErrors', () => {
    const buggy = memoizeEvaluations(() => {
      throw new TypeError('x is undefined');
    });
    expect(() => modelReportSection(buggy, false, () => {})).toThrow(TypeError);
  });
});
