/**
 * The drift tests Vigil offers, with what each applies to, how its verdict reads and its default threshold.
 *
 * Two families (as in Evidently, whose defaults we keep so its users get the same verdicts):
 * - p-value tests: drift when `pValue < threshold` (default 0.05);
 * - distances: drift when `statistic >= threshold` (default 0.1).
 */
export const driftTestNames = [
  'ks',
  'chisquare',
  'ztest',
  'mannwhitney',
  'cvm',
  'anderson',
  'ttest',
  'energy',
  'wasserstein',
  'jensenshannon',
  'psi',
  'kl',
  'hellinger',
  'tvd',
] as const;

export type DriftTestName = (typeof driftTestNames)[number];

export interface DriftTestSpec {
  /** What the statistic is, in words, for reports. */
  readonly title: string;
  /** `pValue`: drift when p < threshold. `distance`: drift when statistic >= threshold. */
  readonly verdict: 'pValue' | 'distance';
  readonly defaultThreshold: number;
  /** Whether the test works on categories (counts) as well as numbers. */
  readonly categorical: boolean;
  readonly numerical: boolean;
}

export const driftTests: Readonly<Record<DriftTestName, DriftTestSpec>> = {
  ks: {
    title: 'Kolmogorov–Smirnov',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: false,
  },
  chisquare: {
    title: 'chi-square',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: true,
  },
  ztest: {
    title: 'Z-test (proportions)',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: true,
  },
  mannwhitney: {
    title: 'Mann–Whitney U',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: false,
  },
  cvm: {
    title: 'Cramér–von Mises',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: false,
  },
  anderson: {
    title: 'Anderson–Darling',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: false,
  },
  ttest: {
    title: 'Welch t-test',
    verdict: 'pValue',
    defaultThreshold: 0.05,
    numerical: true,
    categorical: false,
  },
  energy: {
    title: 'energy distance',
    verdict: 'distance',
    defaultThreshold: 0.1,
    numerical: true,
    categorical: false,
  },
  wasserstein: {
    title: 'Wasserstein (normed)',
    verdict: 'distance',
    defaultThreshold: 0.1,
    numerical: true,
    categorical: false,
  },
  jensenshannon: {
    title: 'Jensen–Shannon',
    verdict: 'distance',
    defaultThreshold: 0.1,
    numerical: true,
    categorical: true,
  },
  psi: { title: 'PSI', verdict: 'distance', defaultThreshold: 0.1, numerical: true, categorical: true },
  kl: {
    title: 'Kullback–Leibler',
    verdict: 'distance',
    defaultThreshold: 0.1,
    numerical: true,
    categorical: true,
  },
  hellinger: {
    title: 'Hellinger',
    verdict: 'distance',
    defaultThreshold: 0.1,
    numerical: true,
    categorical: true,
  },
  tvd: {
    title: 'total variation',
    verdict: 'distance',
    defaultThreshold: 0.1,
    numerical: true,
    categorical: true,
  },
};

/** True when `name` is one of {@link driftTestNames}. */
export function isDriftTestName(name: string): name is DriftTestName {
  return (driftTestNames as readonly string[]).includes(name);
}
