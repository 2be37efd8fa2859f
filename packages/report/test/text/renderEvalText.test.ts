import type { Evaluation } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { renderEvalText } from '../../src/text/renderEvalText.js';

const binary: Evaluation = {
  task: 'binary',
  n: 150,
  metrics: { accuracy: 0.86, f1: 0.823529411764706, rocAuc: 0.9446330880965854, logLoss: 0.3454124969320048 },
};

describe('renderEvalText', () => {
  it('renderEvalText(evaluation) starts with a summary of the headline metrics, then the metrics table', () => {
    expect(renderEvalText(binary)).toBe(
      [
        'Binary classification on 150 rows: accuracy 0.86, f1 0.8235, rocAuc 0.9446',
        '',
        'metric     value',
        '--------  ------',
        'accuracy    0.86',
        'f1        0.8235',
        'rocAuc    0.9446',
        'logLoss   0.3454',
      ].join('\n'),
    );
  });

  it('renderEvalText(ranking) counts queries, and leaves absent headline metrics out of the summary', () => {
    const text = renderEvalText({ task: 'ranking', n: 12, metrics: { ndcgAt5: 0.6, mrr: 0.75 } });
    expect(text.split('\n')[0]).toBe('Ranking on 12 queries: mrr 0.75');
    const labelsOnly = renderEvalText({ task: 'multiclass', n: 3, metrics: { accuracy: 1, f1Macro: 1 } });
    expect(labelsOnly.split('\n')[0]).toBe('Multiclass classification on 3 rows: accuracy 1, f1Macro 1');
  });

  it('renderEvalText(with intervals) adds a CI column headed by the level, — where a bound is missing', () => {
    const text = renderEvalText({
      ...binary,
      intervals: { accuracy: [0.8, 0.9133], f1: [0.75, 0.88], rocAuc: [Number.NaN, Number.NaN] },
      confidence: 0.95,
      resamples: 200,
    });
    expect(text.split('\n').slice(2)).toEqual([
      'metric     value  95% CI',
      '--------  ------  -------------',
      'accuracy    0.86  [0.8, 0.9133]',
      'f1        0.8235  [0.75, 0.88]',
      'rocAuc    0.9446  [NaN, NaN]',
      'logLoss   0.3454  [—, —]',
    ]);
    const finer = renderEvalText({ ...binary, intervals: { accuracy: [0.8, 0.9] }, confidence: 0.975 });
    expect(finer.split('\n')[2]).toBe('metric     value  97.5% CI');
  });

  it('renderEvalText(with a confusion matrix) labels rows as true and columns as predicted classes', () => {
    const text = renderEvalText({
      ...binary,
      confusionMatrix: {
        labels: ['stay', 'churn'],
        matrix: [
          [80, 13],
          [8, 49],
        ],
      },
    });
    expect(text.split('\n').slice(8)).toEqual([
      '',
      'Confusion matrix (rows: true class, columns: predicted)',
      '       stay  churn',
      '-----  ----  -----',
      'stay     80     13',
      'churn     8     49',
    ]);
  });

  it('renderEvalText(with segments) tabulates the headline metrics per segment, then the notes', () => {
    const text = renderEvalText({
      ...binary,
      segments: {
        north: { n: 52, metrics: { accuracy: 0.9, f1: 0.8, rocAuc: 0.95, logLoss: 0.3 } },
        south: { n: 98, metrics: { accuracy: 0.84, f1: 0.81, rocAuc: Number.NaN, logLoss: 0.4 } },
      },
      notes: ['positive class: "churn"'],
    });
    expect(text.split('\n').slice(8)).toEqual([
      '',
      'Per segment',
      'segment   n  accuracy    f1  rocAuc',
      '-------  --  --------  ----  ------',
      'north    52       0.9   0.8    0.95',
      'south    98      0.84  0.81     NaN',
      '',
      'note: positive class: "churn"',
    ]);
  });

  it('renderEvalText(segments of a task without headline metrics) shows the first three metrics', () => {
    const text = renderEvalText({
      task: 'regression',
      n: 4,
      metrics: { mse: 1, medianAe: 0.5, maxError: 2, mape: 0.1 },
      segments: { a: { n: 4, metrics: { mse: 1, medianAe: 0.5, maxError: 2, mape: 0.1 } } },
    });
    expect(text).toContain('segment  n  mse  medianAe  maxError\n');
  });

  it('renderEvalText(evaluation, {color}) makes the task bold and the notes dim', () => {
    const text = renderEvalText({ ...binary, notes: ['x'] }, { color: true });
    expect(text.startsWith('\x1b[1mBinary classification\x1b[22m on 150 rows')).toBe(true);
    expect(text.endsWith('\x1b[2mnote: x\x1b[22m')).toBe(true);
    expect(renderEvalText({ ...binary, notes: ['x'] })).not.toContain('\x1b[');
  });
});
