import { describe, expect, test } from 'vitest';
import { formatDuration, type SummaryInput, summarySentences } from '../../src/dashboard/summary.js';
import { windowStarts } from '../../src/dashboard/windowStarts.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

function input(series: Partial<SummaryInput['series']>, extra: Partial<SummaryInput> = {}): SummaryInput {
  const n = series.volume?.length ?? 6;
  const starts = windowStarts(T0 + (n - 1) * H, H, n);
  return {
    now: T0 + n * H,
    windowMs: H,
    starts,
    lastDataAt: T0 + n * H - 1,
    openAlerts: { critical: 0, warning: 0 },
    series: {
      volume: new Array(n).fill(100),
      predictions: { kind: 'score', mean: new Array(n).fill(null) },
      performance: { metric: null, values: [], reference: null, coverage: new Array(n).fill(null) },
      drift: { features: [], scores: [], drifted: [], test: {}, threshold: {} },
      ...series,
    } as SummaryInput['series'],
    ...extra,
  };
}

describe('summarySentences', () => {
  test('summarySentences(no data) says so and nothing else', () => {
    expect(summarySentences(input({}, { lastDataAt: undefined }))).toEqual([
      'No predictions have arrived yet.',
    ]);
  });

  test('summarySentences(level shift) reports the mean score change against the earlier windows', () => {
    const mean = [0.4, 0.42, 0.38, 0.4, 0.4, 0.46];
    const usual = (0.4 + 0.42 + 0.38 + 0.4 + 0.4) / 5;
    const percent = Math.round((0.46 / usual - 1) * 100);
    expect(summarySentences(input({ predictions: { kind: 'score', mean } }))).toEqual([
      `Predictions are ${percent}% higher than usual (mean score 0.46; usually ${usual.toFixed(2)}).`,
    ]);
  });

  test('summarySentences(accuracy falling) names the values over the last 3 windows', () => {
    const values = [0.81, 0.8, 0.78, 0.74];
    const sentences = summarySentences(
      input({
        volume: [100, 100, 100, 100],
        performance: { metric: 'accuracy', values, reference: 0.8, coverage: [1, 1, 0.9, 0.4] },
      }),
    );
    expect(sentences).toEqual([
      'Accuracy fell from 0.80 to 0.74 over the last 3 windows.',
      "Labels have arrived for 40% of the last window's predictions.",
    ]);
  });

  test('summarySentences(drift) counts the drifted features of the newest tested window and lists them', () => {
    const features = ['AGEP', 'SCHL', 'MAR', 'SEX', '(prediction)'];
    const drifted = [
      [false, true],
      [false, true],
      [false, false],
      [false, null],
      [false, true],
    ];
    const sentences = summarySentences(
      input({
        volume: [10, 10],
        drift: { features, scores: drifted.map(() => [0.5, 0.01]), drifted, test: {}, threshold: {} },
      }),
    );
    expect(sentences).toEqual([
      '2 of 3 features drifted in the last window (AGEP, SCHL).',
      'The distribution of predictions drifted in the last window.',
    ]);
  });

  test('summarySentences(silence, traffic drop, alerts) reports each', () => {
    const volume = [100, 100, 100, 100, 40];
    const n = volume.length;
    const sentences = summarySentences(
      input(
        { volume },
        { now: T0 + (n + 2) * H, lastDataAt: T0 + n * H - 1, openAlerts: { critical: 1, warning: 2 } },
      ),
    );
    expect(sentences).toEqual([
      `No data for ${formatDuration(2 * H + 1)}.`,
      '3 alerts are open (1 critical, 2 warning).',
      'Traffic is 60% lower than usual (40 predictions in the last window; 100 on average).',
    ]);
    expect(formatDuration(2 * H + 1)).toBe('2 h');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(3 * 24 * H)).toBe('3 days');
  });
});
