#!/usr/bin/env python3
"""Golden values for the drift engine of packages/core/src/drift (columnDrift, dataDrift).

Writes packages/core/test/golden/drift.json. Run with /usr/bin/python3 (Debian's scipy 1.10.1, numpy 1.24,
pandas 1.5, statsmodels 0.13.5). Deterministic: one seeded numpy Generator.

The engine reproduces the verdicts of Evidently 0.4's DataDriftPreset. Evidently is not installed, so its
stattests are re-implemented below from their documented rules (Evidently 0.4
`evidently/calculations/stattests/*.py` and `calculations/data_drift.py`), on scipy / statsmodels:
- every column: ±inf become missing and missing values are dropped before any test (`get_one_column_drift`);
- auto rule (`registry._get_default_stattest`): reference <= 1000 values -> KS for numerical columns with more
  than 5 distinct values over both samples, else chi-square (> 2 distinct) or the z-test; larger reference ->
  Wasserstein normed by the reference's population std (numerical, > 5 distinct), else Jensen-Shannon;
- chi-square: scipy.stats.chisquare(current counts, reference counts * n_cur / n_ref) over the union of values;
- z-test: statsmodels proportions_ztest on the share of the first value in sorted order (Evidently sorts the
  keys); when both samples hold one and the same value Evidently returns p = 1 (statsmodels gives NaN): we
  record statistic 0, p 1 (the engine's documented convention);
- binned distances: Evidently's get_binned_data (numerical with > 20 distinct reference values -> numpy Sturges
  edges over both samples, else one bin per value of the union); zero filling (`feel_zeroes`) for PSI and KL,
  not for Jensen-Shannon (Evidently calls get_binned_data(..., False) there), nor for Hellinger and total
  variation (Vigil's own distances on the same bins: sqrt(0.5 sum (sqrt p - sqrt q)^2) and 0.5 sum |p - q|);
  Jensen-Shannon with scipy's default natural log;
- other tests as scipy: ks_2samp, mannwhitneyu, cramervonmises_2samp, anderson_ksamp (its interpolated
  significance level, clipped to [0.001, 0.25]), ttest_ind(equal_var=False) (Welch), energy_distance;
- verdicts: p-value tests drift when p < 0.05, distances when statistic >= 0.1;
- dataset: share of drifted columns >= 0.5; corrections by statsmodels multipletests(p, method)[1] over the
  p-value tests only, verdict on the adjusted value.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import statsmodels
from scipy.spatial.distance import jensenshannon
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

VERSIONS = {
    'scipy': scipy.__version__,
    'numpy': np.__version__,
    'pandas': pd.__version__,
    'statsmodels': statsmodels.__version__,
}
assert VERSIONS['scipy'] == '1.10.1', VERSIONS
assert VERSIONS['numpy'].startswith('1.24'), VERSIONS
assert VERSIONS['pandas'].startswith('1.5'), VERSIONS
assert VERSIONS['statsmodels'].startswith('0.13'), VERSIONS

warnings.simplefilter('ignore')  # chisquare divides by 0 for unseen values, anderson_ksamp clips its p-value
rng = np.random.default_rng(20240702)
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'test', 'golden', 'drift.json')

P_THRESHOLD = 0.05
DISTANCE_THRESHOLD = 0.1
P_VALUE_TESTS = {'ks', 'chisquare', 'ztest', 'mannwhitney', 'cvm', 'anderson', 'ttest'}
NUMERICAL_ONLY = {'ks', 'mannwhitney', 'cvm', 'anderson', 'ttest', 'energy', 'wasserstein'}
ALL_TESTS = ['ks', 'chisquare', 'ztest', 'mannwhitney', 'cvm', 'anderson', 'ttest', 'energy', 'wasserstein',
             'jensenshannon', 'psi', 'kl', 'hellinger', 'tvd']


# ---------------------------------------------------------------- data
def short(a):
    """Five significant digits keep the JSON small; the rounded values are the inputs of every reference."""
    return np.array([float('%.5g' % v) for v in np.asarray(a, dtype=float)])


def sprinkle_nan(a, share):
    a = np.asarray(a, dtype=float).copy()
    a[rng.random(a.size) < share] = np.nan
    return a


def choice(values, n, p, missing=0.0):
    out = rng.choice(np.array(values, dtype=object), size=n, p=p)
    if missing > 0:
        out[rng.random(n) < missing] = None
    return out


def num(name, ref, cur):
    return {'name': name, 'type': 'numerical', 'reference': np.asarray(ref, float), 'current': np.asarray(cur, float)}


def cat(name, ref, cur):
    return {'name': name, 'type': 'categorical', 'reference': np.asarray(ref, object),
            'current': np.asarray(cur, object)}


def small200():
    nr, nc = 200, 150
    inf_ref = short(rng.normal(0, 1, nr))
    inf_ref[[3, 50]] = [np.inf, -np.inf]
    inf_cur = short(rng.normal(0.1, 1, nc))
    inf_cur[7] = np.inf
    return 'small200', [
        num('num_shift', sprinkle_nan(short(rng.normal(0, 1, nr)), 0.05), sprinkle_nan(short(rng.normal(0.6, 1, nc)), 0.05)),
        num('num_scale', short(rng.normal(5, 1, nr)), short(rng.normal(5, 1.8, nc))),
        num('num_same', short(rng.normal(0, 1, nr)), short(rng.normal(0, 1, nc))),
        num('num_inf', inf_ref, inf_cur),
        num('int5', rng.choice(5, nr, p=[0.3, 0.3, 0.2, 0.1, 0.1]), rng.choice(5, nc, p=[0.2, 0.2, 0.2, 0.2, 0.2])),
        num('int20', sprinkle_nan(rng.binomial(14, 0.5, nr), 0.03), rng.binomial(14, 0.55, nc)),
        num('binary', rng.binomial(1, 0.3, nr), rng.binomial(1, 0.45, nc)),
        # 'red' comes first in the reference rows but 'amber' is first in sorted order (the z-test's category).
        cat('cat_freq', np.concatenate([['red'], choice(['red', 'green', 'blue', 'amber'], nr - 1, [0.4, 0.3, 0.2, 0.1], 0.03)]),
            choice(['amber', 'blue', 'green', 'red'], nc, [0.25, 0.25, 0.25, 0.25], 0.03)),
        cat('cat_unseen', choice(['x', 'y', 'z'], nr, [0.5, 0.3, 0.2]), choice(['x', 'y', 'z', 'w'], nc, [0.45, 0.3, 0.2, 0.05])),
        cat('cat_binary', np.concatenate([['yes'], choice(['yes', 'no'], nr - 1, [0.7, 0.3])]), choice(['no', 'yes'], nc, [0.4, 0.6], 0.02)),
        num('constant', np.full(nr, 7.0), np.full(nc, 7.0)),
    ]


def one_nan(a):
    a = np.asarray(a, dtype=float).copy()
    a[17] = np.nan
    return a


def one_missing(a):
    a = a.copy()
    a[17] = None
    return a


def boundary1001():
    """1001 reference rows: one missing value makes a column's reference 1000 values (small rule)."""
    nr, nc = 1001, 800
    return 'boundary1001', [
        num('num_1000', one_nan(short(rng.normal(0, 1, nr))), short(rng.normal(0.1, 1, nc))),
        num('num_1001', short(rng.normal(0, 1, nr)), short(rng.normal(0.1, 1, nc))),
        # 5 distinct values in the reference, a 6th only in the current: 6 over both.
        num('int_5plus1_1000', one_nan(rng.choice(5, nr)), rng.choice(6, nc)),
        num('int_5_1000', one_nan(rng.choice(5, nr)), rng.choice(5, nc, p=[0.3, 0.2, 0.2, 0.2, 0.1])),
        num('int_6_1001', rng.choice(6, nr), rng.choice(6, nc)),
        num('int_3_1001', rng.choice(3, nr, p=[0.5, 0.3, 0.2]), rng.choice(3, nc, p=[0.3, 0.3, 0.4])),
        cat('cat_2plus1_1000', one_missing(choice(['b', 'a'], nr, [0.6, 0.4])), choice(['a', 'b', 'c'], nc, [0.4, 0.5, 0.1])),
        cat('cat_2_1000', one_missing(choice(['on', 'off'], nr, [0.55, 0.45])), choice(['on', 'off'], nc, [0.5, 0.5])),
        cat('cat_3_1001', choice(['p', 'q', 'r'], nr, [0.2, 0.3, 0.5]), choice(['p', 'q', 'r'], nc, [0.3, 0.3, 0.4])),
    ]


def large5000():
    nr, nc = 5000, 2500
    return 'large5000', [
        num('num_shift', sprinkle_nan(short(rng.normal(0, 1, nr)), 0.02), sprinkle_nan(short(rng.normal(0.15, 1, nc)), 0.02)),
        num('num_scale', short(rng.normal(10, 2, nr)), short(rng.normal(10, 2.6, nc))),
        num('num_same', short(rng.normal(0, 1, nr)), short(rng.normal(0, 1, nc))),
        num('int5', rng.choice(5, nr, p=[0.3, 0.3, 0.2, 0.1, 0.1]), rng.choice(5, nc, p=[0.25, 0.25, 0.2, 0.15, 0.15])),
        num('int20', sprinkle_nan(rng.binomial(14, 0.5, nr), 0.01), rng.binomial(14, 0.53, nc)),
        num('int_wide', rng.poisson(20, nr), rng.poisson(21, nc)),
        cat('cat_freq', choice(['d', 'c', 'b', 'a', 'e'], nr, [0.3, 0.25, 0.2, 0.15, 0.1], 0.02),
            choice(['a', 'b', 'c', 'd', 'e'], nc, [0.2, 0.2, 0.2, 0.2, 0.2], 0.02)),
        # 'rare' only in the reference (an empty current bin), 'new' only in the current.
        cat('cat_unseen', np.concatenate([['rare'], choice(['u', 'v'], nr - 1, [0.6, 0.4])]),
            choice(['u', 'v', 'new'], nc, [0.58, 0.4, 0.02])),
    ]


# ---------------------------------------------------------------- Evidently's tests, re-implemented
def clean(values, kind):
    s = pd.Series(values, dtype=float if kind == 'numerical' else object)
    if kind == 'numerical':
        s = s.replace([-np.inf, np.inf], np.nan)
    return s.dropna().reset_index(drop=True)


def auto_test(kind, ref, cur):
    n_unique = pd.concat([ref, cur]).nunique()
    numerical = kind == 'numerical' and n_unique > 5
    if len(ref) <= 1000:
        return 'ks' if numerical else ('chisquare' if n_unique > 2 else 'ztest')
    return 'wasserstein' if numerical else 'jensenshannon'


def union_keys(ref, cur):
    return sorted(set(ref.unique()) | set(cur.unique()))


def feel_zeroes(a):
    a = a.copy()
    m = min(a[a != 0])
    np.place(a, a == 0, m / 10 ** 6 if m <= 0.0001 else 0.0001)
    return a


def binned(ref, cur, kind, fill):
    if kind == 'numerical' and ref.nunique() > 20:
        bins = np.histogram_bin_edges(pd.concat([ref, cur], axis=0).values, bins='sturges')
        p = np.histogram(ref, bins)[0] / len(ref)
        q = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = union_keys(ref, cur)
        rc, cc = ref.value_counts(), cur.value_counts()
        p = np.array([rc.get(k, 0) / len(ref) for k in keys])
        q = np.array([cc.get(k, 0) / len(cur) for k in keys])
    return (feel_zeroes(p), feel_zeroes(q)) if fill else (p, q)


def run(test, kind, ref, cur):
    """(statistic, p-value or None) of one test on cleaned samples."""
    x, y = ref.to_numpy(), cur.to_numpy()
    if test == 'ks':
        r = st.ks_2samp(x.astype(float), y.astype(float))
        return r.statistic, r.pvalue
    if test == 'chisquare':
        keys = union_keys(ref, cur)
        rc, cc = ref.value_counts(), cur.value_counts()
        k_norm = len(cur) / len(ref)
        r = st.chisquare([cc.get(k, 0) for k in keys], [rc.get(k, 0) * k_norm for k in keys])
        return r.statistic, r.pvalue
    if test == 'ztest':
        first = union_keys(ref, cur)[0]
        z, p = proportions_ztest(np.array([(ref == first).sum(), (cur == first).sum()]),
                                 np.array([len(ref), len(cur)]))
        if np.isnan(z):  # both samples one and the same value: Evidently's p = 1
            return 0.0, 1.0
        return z, p
    if test == 'mannwhitney':
        r = st.mannwhitneyu(x, y)
        return r.statistic, r.pvalue
    if test == 'cvm':
        r = st.cramervonmises_2samp(x, y)
        return r.statistic, r.pvalue
    if test == 'anderson':
        r = st.anderson_ksamp([x, y])
        return r.statistic, r.significance_level
    if test == 'ttest':
        r = st.ttest_ind(x, y, equal_var=False)
        return r.statistic, r.pvalue
    if test == 'energy':
        return st.energy_distance(x, y), None
    if test == 'wasserstein':
        return st.wasserstein_distance(x, y) / max(np.std(x), 0.001), None
    if test == 'jensenshannon':
        p, q = binned(ref, cur, kind, False)
        return jensenshannon(p, q), None
    if test == 'psi':
        p, q = binned(ref, cur, kind, True)
        return np.sum((p - q) * np.log(p / q)), None
    if test == 'kl':
        p, q = binned(ref, cur, kind, True)
        return st.entropy(p, q), None
    if test == 'hellinger':
        p, q = binned(ref, cur, kind, False)
        return np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)), None
    if test == 'tvd':
        p, q = binned(ref, cur, kind, False)
        return 0.5 * np.sum(np.abs(p - q)), None
    raise ValueError(test)


def column_result(column, requested):
    kind = column['type']
    ref = clean(column['reference'], kind)
    cur = clean(column['current'], kind)
    auto = auto_test(kind, ref, cur)
    test = auto if requested == 'auto' else requested
    fallback = kind == 'categorical' and test in NUMERICAL_ONLY
    if fallback:
        test = auto
    statistic, p_value = run(test, kind, ref, cur)
    if test in P_VALUE_TESTS:
        drift = bool(p_value < P_THRESHOLD)
    else:
        drift = bool(statistic >= DISTANCE_THRESHOLD)
    out = {'test': test, 'statistic': float(statistic),
           'pValue': None if p_value is None else float(p_value), 'drift': drift}
    if fallback:
        out['fallback'] = True
    return out


def applicable(column, test):
    """scipy's anderson_ksamp refuses a single distinct value; every other pairing is defined."""
    if test == 'anderson' and column['type'] == 'numerical':
        ref = clean(column['reference'], 'numerical')
        cur = clean(column['current'], 'numerical')
        return pd.concat([ref, cur]).nunique() > 1
    return True


def summary(results, correction):
    """Dataset verdict with a p-value correction applied to the p-value tests only."""
    adjusted = [None] * len(results)
    drift = [r['drift'] for r in results]
    tested = [i for i, r in enumerate(results) if r['test'] in P_VALUE_TESTS]
    if correction != 'none' and tested:
        adj = multipletests([results[i]['pValue'] for i in tested], method=correction)[1]
        for i, a in zip(tested, adj):
            adjusted[i] = float(a)
            drift[i] = bool(a < P_THRESHOLD)
    drifted = sum(drift)
    share = drifted / len(results)
    return {'correction': correction, 'drift': drift, 'pValueAdjusted': adjusted, 'driftedColumns': drifted,
            'driftShare': share, 'datasetDrift': bool(share >= 0.5)}


def json_number(v):
    """A data value for the JSON: null for NaN, "Infinity" / "-Infinity", integers without ".0"."""
    if np.isnan(v):
        return None
    if np.isinf(v):
        return 'Infinity' if v > 0 else '-Infinity'
    return int(v) if float(v).is_integer() else float(v)


def json_values(column):
    conv = json_number if column['type'] == 'numerical' else (lambda v: v)
    return [conv(v) for v in column['reference']], [conv(v) for v in column['current']]


datasets = []
n_cases = 0
for name, columns in [small200(), boundary1001(), large5000()]:
    out_columns = []
    for column in columns:
        kind = column['type']
        ref = clean(column['reference'], kind)
        cur = clean(column['current'], kind)
        ref_json, cur_json = json_values(column)
        expected = {'auto': column_result(column, 'auto')}
        for test in ALL_TESTS:
            if applicable(column, test):
                expected[test] = column_result(column, test)
        n_cases += len(expected)
        out_columns.append({
            'name': column['name'], 'type': kind, 'reference': ref_json, 'current': cur_json,
            'referenceSize': int(len(ref)), 'currentSize': int(len(cur)),
            'uniqueValues': int(pd.concat([ref, cur]).nunique()),
            'unseenCategories': sorted(set(cur) - set(ref)) if kind == 'categorical' else None,
            'expected': expected,
        })
    summaries = []
    for test in ['auto', 'ks', 'psi']:
        results = [c['expected'][test] for c in out_columns]
        for correction in ['none', 'bonferroni', 'holm', 'fdr_bh']:
            summaries.append(dict({'test': test}, **summary(results, correction)))
    datasets.append({'name': name, 'columns': out_columns, 'summaries': summaries})


def no_nan(o):
    """JSON has no NaN or infinity: write null for NaN and "Infinity" / "-Infinity" (tests convert back)."""
    if isinstance(o, float) and o != o:
        return None
    if isinstance(o, float) and o in (float('inf'), float('-inf')):
        return 'Infinity' if o > 0 else '-Infinity'
    if isinstance(o, dict):
        return {k: no_nan(v) for k, v in o.items()}
    if isinstance(o, list):
        return [no_nan(v) for v in o]
    return o


with open(OUT, 'w') as f:
    json.dump(no_nan({'versions': VERSIONS, 'datasets': datasets}), f, separators=(',', ':'), allow_nan=False)
print(f'drift: {len(datasets)} data sets, {n_cases} column/test cases -> {os.path.relpath(OUT)} '
      f'({os.path.getsize(OUT) // 1024} KiB)')
