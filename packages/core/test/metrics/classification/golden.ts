/**
 * Typed access to test/golden/metrics_classification.json, written by scripts/golden/metrics_classification.py
 * (scikit-learn 1.2.1). JSON has no NaN or infinities: the script writes null and "Infinity" / "-Infinity",
 * decoded here by {@link num}.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { VigilError } from '../../../src/errors.js';
import { expectClose } from '../../helpers/close.js';

export type GoldenNumber = number | null | 'Infinity' | '-Infinity';

/** Decodes a golden number: null → NaN, "Infinity" → Infinity. */
export function num(value: GoldenNumber): number {
  if (value === null) return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}

export interface Averages {
  precision: GoldenNumber;
  recall: GoldenNumber;
  f1: GoldenNumber;
  fbeta05: GoldenNumber;
  fbeta2: GoldenNumber;
}

export interface PrfAll {
  macro: Averages;
  micro: Averages;
  weighted: Averages;
  perClass: {
    precision: GoldenNumber[];
    recall: GoldenNumber[];
    fScore: GoldenNumber[];
    support: GoldenNumber[];
  };
}

export interface BinaryLabelCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  sampleWeight?: number[];
  expected: {
    accuracy: GoldenNumber;
    balancedAccuracy: GoldenNumber;
    balancedAccuracyAdjusted: GoldenNumber;
    mcc: GoldenNumber;
    kappa: GoldenNumber;
    confusionMatrix: number[][];
    zd0: BinaryZd;
    zd1: BinaryZd;
  };
}

export interface BinaryZd extends Averages {
  fbeta0: GoldenNumber;
  specificity: GoldenNumber;
  multiclass: PrfAll;
}

export interface Kappas {
  none: GoldenNumber;
  linear: GoldenNumber;
  quadratic: GoldenNumber;
}

export interface MulticlassLabelCase {
  name: string;
  nClasses: number;
  yTrue: number[];
  yPred: number[];
  sampleWeight?: number[];
  expected: {
    accuracy: GoldenNumber;
    balancedAccuracy: GoldenNumber;
    balancedAccuracyAdjusted: GoldenNumber;
    mcc: GoldenNumber;
    defaultLabels: number[];
    confusionMatrixDefault: number[][];
    confusionMatrixAll: number[][];
    kappaDefault: Kappas;
    kappaAll: Kappas;
    zd0: { default: PrfAll; all: PrfAll };
    zd1: { default: PrfAll; all: PrfAll };
    subsetLabels: number[];
    confusionMatrixSubset: number[][];
    zd0Subset: PrfAll;
  };
}

export interface BinaryScoreCase {
  name: string;
  yTrue: number[];
  yScore: number[];
  sampleWeight?: number[];
  expected: {
    /** null: undefined (one class), Vigil throws ONE_CLASS. */
    rocAuc: number | null;
    /** null: no positives, Vigil throws ONE_CLASS. */
    prAuc: number | null;
    logLoss?: number;
    brier?: number;
    logLossWeighted?: number;
    brierWeighted?: number;
    rocCurve?: { fpr: number[]; tpr: number[]; thresholds: number[] };
    rocCurveAll?: { fpr: number[]; tpr: number[]; thresholds: number[] };
    prCurve?: { precision: number[]; recall: number[]; thresholds: number[] };
  };
}

export interface ProbaCase {
  name: string;
  yTrue: number[];
  yProba: number[][];
  expected: { logLoss: number; rocAucOvrMacro?: number; rocAucOvrWeighted?: number };
}

export interface Golden {
  versions: { numpy: string; scipy: string; sklearn: string };
  binaryLabelCases: BinaryLabelCase[];
  multiclassLabelCases: MulticlassLabelCase[];
  binaryScoreCases: BinaryScoreCase[];
  probaCases: ProbaCase[];
}

export const golden: Golden = JSON.parse(
  readFileSync(new URL('../../golden/metrics_classification.json', import.meta.url), 'utf8'),
);

/** Element-wise {@link expectClose} after checking the lengths. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: readonly GoldenNumber[],
  rtol = 1e-9,
): void {
  expect(actual.length, 'length').toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], num(expected[i]), rtol);
}

/** Runs `run` and returns the VigilError it throws (failing the test if it throws nothing or something else). */
export function thrown(run: () => unknown): VigilError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VigilError);
    return error as VigilError;
  }
  throw new Error('expected a VigilError, nothing was thrown');
}
