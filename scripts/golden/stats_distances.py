#!/usr/bin/env python3
"""Golden values for the two-sample tests, distances, binning and p-value corrections of packages/core/src/stats.

Writes packages/core/test/golden/stats_distances.json. Run with /usr/bin/python3 (Debian's scipy 1.10.1,
numpy 1.24, pandas 1.5, statsmodels 0.13.5, mpmath). Deterministic: one seeded numpy Generator.

References computed here:
- scipy.stats.wasserstein_distance, energy_distance, mannwhitneyu, cramervonmises_2samp, anderson_ksamp;
- scipy.stats._hypotests._cdf_cvm_inf (the limiting Cramér–von Mises CDF) and the exact Mann–Whitney CDF
  (scipy.stats._mannwhitneyu._mwu_state);
- K_nu(x) from mpmath at 40 digits (scipy.special.kv recorded beside it);
- numpy.histogram_bin_edges / numpy.histogram;
- Evidently 0.4.x get_binned_data(reference, current, feature_type, n, feel_zeroes=True), re-implemented below
  line by line with pandas/numpy (Evidently itself is not installed), then scipy's jensenshannon and entropy,
  Evidently's PSI formula, Hellinger and total variation on the binned proportions;
- statsmodels.stats.multitest.multipletests(p, method)[1].
"""
import json
import os
import warnings

import mpmath
import numpy as np
import pandas as pd
import scipy
import scipy.special as sp
import scipy.stats as st
import statsmodels
from scipy.spatial.distance import jensenshannon
from scipy.stats._hypotests import _cdf_cvm_inf
from scipy.stats._mannwhitneyu import _mwu_state
from statsmodels.stats.multitest import multipletests

VERSIONS = {
    'scipy': scipy.__version__,
    'numpy': np.__version__,
    'pandas': pd.__version__,
    'statsmodels': statsmodels.__version__,
    'mpmath': mpmath.__version__,
}
assert VERSIONS['scipy'] == '1.10.1', VERSIONS
assert VERSIONS['numpy'].startswith('1.24'), VERSIONS
assert VERSIONS['pandas'].startswith('1.5'), VERSIONS
assert VERSIONS['statsmodels'].startswith('0.13'), VERSIONS

warnings.simplefilter('ignore')  # anderson_ksamp warns when it clips its p-value; the JSON records it
rng = np.random.default_rng(20240611)
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'test', 'golden',
                   'stats_distances.json')


def short(a):
    """Six significant digits keep the JSON small; the rounded values are the inputs of every reference."""
    return np.array([float('%.6g' % v) for v in np.asarray(a, dtype=float)])


def normal(n, loc=0.0, scale=1.0):
    return short(rng.normal(loc, scale, n))


def ints(n, lam):
    return rng.poisson(lam, n).astype(float)


def has_ties(x, y):
    z = np.concatenate([x, y])
    return np.unique(z).size < z.size


def mwu(x, y, **kw):
    r = st.mannwhitneyu(x, y, **kw)
    return {'statistic': float(r.statistic), 'pValue': float(r.pvalue)}


def cvm(x, y, method):
    r = st.cramervonmises_2samp(x, y, method=method)
    return {'statistic': float(r.statistic), 'pValue': float(r.pvalue)}


def anderson(samples, midrank):
    r = st.anderson_ksamp(samples, midrank=midrank)
    crit = [float(c) for c in r.critical_values]
    clipped = bool(r.statistic < min(crit) or r.statistic > max(crit))
    return {'statistic': float(r.statistic), 'criticalValues': crit, 'pValue': float(r.pvalue),
            'pValueClipped': clipped}


# ---------------------------------------------------------------- two-sample pairs
# (name, x, y, mwu_exact_feasible): scipy's exact Mann–Whitney recursion is far too slow beyond a few hundred
# values, so 'auto' is only asked where it stays fast.
pairs_spec = [
    ('n1', normal(1), normal(1, 0.5), True),
    ('n2', normal(2), normal(2), True),
    ('n5_n8', normal(5), normal(8, 0.7), True),
    ('n8_n9', normal(8), normal(9, 0.3), True),
    ('n9_n9', normal(9), normal(9, 0.5), True),
    ('n20_n20', normal(20), normal(20, 0.4), True),
    ('n21_n15', normal(21), normal(15, 0.2, 2), True),
    ('n50_shifted', normal(50), normal(50, 1.0), True),
    ('n1000_n800', normal(1000), normal(800), True),
    ('n20000_shifted', normal(20000), normal(20000, 0.03), True),
    ('n2_n20000', normal(2, 1.0), normal(20000), False),
    ('ties_small', ints(5, 2), ints(6, 3), True),
    ('ties_n1000', ints(1000, 3), ints(900, 3.3), True),
    ('ties_n20000', ints(20000, 5), ints(5000, 5), True),
    ('identical', normal(30, 2.0), None, True),
    ('constant_both', np.full(10, 5.0), np.full(7, 5.0), True),
    ('constant_vs_normal', np.full(10, 3.0), normal(12, 3.0), True),
    ('far_apart', normal(30), normal(40, 10.0), True),
    ('exact_tail_n8_n400', normal(8, -5.0), normal(400), True),
    ('exact_mid_n3_n500', normal(3), normal(500), True),
    ('exact_n7_n60_ties_forced', ints(7, 4), ints(60, 4), True),
]

pairs = []
for name, x, y, feasible in pairs_spec:
    if y is None:
        y = x.copy()
    case = {'name': name, 'x': x.tolist(), 'y': y.tolist()}
    case['wasserstein'] = float(st.wasserstein_distance(x, y))
    case['energy'] = float(st.energy_distance(x, y))
    m = {}
    auto_exact = (min(len(x), len(y)) <= 8) and not has_ties(x, y)
    if feasible:
        m['auto'] = dict(mwu(x, y), method='exact' if auto_exact else 'asymptotic')
    m['asymptotic'] = mwu(x, y, method='asymptotic')
    m['asymptoticNoContinuity'] = mwu(x, y, method='asymptotic', use_continuity=False)
    if feasible and min(len(x), len(y)) <= 8 and max(len(x), len(y)) <= 500:
        m['exact'] = mwu(x, y, method='exact')
    case['mannWhitneyU'] = m
    if len(x) >= 2 and len(y) >= 2:
        c = {'asymptotic': cvm(x, y, 'asymptotic')}
        c['auto'] = dict(cvm(x, y, 'auto'), method='asymptotic' if max(len(x), len(y)) > 20 else 'exact')
        case['cramerVonMises'] = c
    if len(x) + len(y) >= 4 and np.unique(np.concatenate([x, y])).size >= 2:
        case['anderson'] = {'midrank': anderson([x, y], True), 'right': anderson([x, y], False)}
    pairs.append(case)

# ---------------------------------------------------------------- k-sample Anderson–Darling
ksamples = []
for name, samples in [
    ('k3_same', [normal(40), normal(50), normal(60)]),
    ('k3_shifted', [normal(40), normal(50, 0.5), normal(60, 1.0)]),
    ('k3_far', [normal(40), normal(50, 3.0), normal(60, 6.0)]),
    ('k4_ties', [ints(30, 4), ints(25, 4), ints(35, 4.5), ints(20, 4)]),
    ('k5_small', [normal(3), normal(4), normal(2, 1.0), normal(5), normal(3)]),
    ('k2_n4', [np.array([1.0, 2.0]), np.array([3.0, 4.0])]),
    ('k3_singletons', [np.array([1.0]), np.array([2.0]), np.array([3.0, 0.5])]),
]:
    ksamples.append({'name': name, 'samples': [s.tolist() for s in samples],
                     'midrank': anderson(samples, True), 'right': anderson(samples, False)})

# ---------------------------------------------------------------- limiting CvM CDF, Bessel K, MWU CDF
cvm_inf = [{'x': x, 'cdf': float(_cdf_cvm_inf(x))}
           for x in [0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4614, 0.6, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0]]

mpmath.mp.dps = 40
bessel = []
for nu in [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 2.5, 5.0]:
    for x in [1e-8, 1e-5, 1e-3, 0.01, 0.1, 0.3, 0.5, 1.0, 1.7, 2.0, 3.0, 5.0, 10.0, 25.0, 100.0, 400.0, 700.0]:
        bessel.append({'nu': nu, 'x': x, 'k': float(mpmath.besselk(nu, x)),
                       'kScaled': float(mpmath.besselk(nu, x) * mpmath.exp(x)), 'scipyKv': float(sp.kv(nu, x))})

mwu_cdf = []
for m_, n_ in [(1, 1), (1, 7), (3, 4), (5, 4), (8, 8), (8, 50), (6, 300), (20, 20)]:
    ks = sorted(k for k in {0, 1, 2, m_ * n_ // 4, m_ * n_ // 2, m_ * n_ - 1} if k <= m_ * n_)
    mwu_cdf.append({'n1': m_, 'n2': n_, 'k': ks, 'cdf': [float(_mwu_state.cdf(k, m_, n_)) for k in ks]})

# ---------------------------------------------------------------- probability vectors
def prob_case(name, p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    with np.errstate(divide='ignore', invalid='ignore'):
        psi_terms = (p - q) * np.log(p / q)
    psi_terms[(p == 0) & (q == 0)] = 0.0  # our documented convention; Evidently never passes 0 = 0
    return {
        'name': name, 'p': p.tolist(), 'q': q.tolist(),
        'jensenShannon': float(jensenshannon(p, q)),
        'jensenShannonBase2': float(jensenshannon(p, q, base=2)),
        'kl': float(st.entropy(p, q)),
        'psi': float(np.sum(psi_terms)),
        'hellinger': float(np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2))),
        'totalVariation': float(0.5 * np.sum(np.abs(p - q))),
    }


def dirichlet(k):
    return rng.dirichlet(np.ones(k))


prob = [
    prob_case('uniform_vs_skewed', [0.25] * 4, [0.1, 0.2, 0.3, 0.4]),
    prob_case('random_k10', dirichlet(10), dirichlet(10)),
    prob_case('random_k50_close', *(lambda a: (a, 0.98 * a + 0.02 * dirichlet(50)))(dirichlet(50))),
    prob_case('zeros_in_p', [0.5, 0.0, 0.5, 0.0], [0.25, 0.25, 0.25, 0.25]),
    prob_case('zeros_shared', [0.5, 0.0, 0.5], [0.3, 0.0, 0.7]),
    prob_case('disjoint', [1.0, 0.0], [0.0, 1.0]),
    prob_case('identical', [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]),
    prob_case('counts_not_normalised', [3.0, 1.0, 6.0], [2.0, 2.0, 2.0]),
    prob_case('single_bin', [1.0], [1.0]),
]

# ---------------------------------------------------------------- binning
def edges_case(name, values, bins):
    values = np.asarray(values, dtype=float)
    edges = np.histogram_bin_edges(values, bins=bins)
    probe = np.concatenate([values, edges, [edges[0] - 1, edges[-1] + 1]])
    return {'name': name, 'values': values.tolist(), 'bins': bins, 'edges': edges.tolist(),
            'probe': probe.tolist(), 'counts': np.histogram(probe, edges)[0].astype(float).tolist()}


binning_edges = [
    edges_case('sturges_normal_n1000', normal(1000), 'sturges'),
    edges_case('sturges_n1024_power_of_two', normal(1024, 3.0, 7.0), 'sturges'),
    edges_case('sturges_n1', [4.2], 'sturges'),
    edges_case('sturges_constant', np.full(50, -2.5), 'sturges'),
    edges_case('sturges_integers', ints(300, 6), 'sturges'),
    edges_case('sturges_tenths', np.round(np.arange(0, 10.01, 0.1), 10), 'sturges'),
    edges_case('bins7_uniform', short(rng.uniform(-1, 1, 200)), 7),
    edges_case('bins10_tenths', np.round(np.arange(0, 1.001, 0.1), 10), 10),
    edges_case('bins3_constant', [7.0, 7.0], 3),
]


def feel_zeroes(a):
    nz = a[a != 0]
    m = min(nz)
    np.place(a, a == 0, m / 10 ** 6 if m <= 0.0001 else 0.0001)


def get_binned_data(reference, current, kind):
    """Evidently 0.4.x get_binned_data(..., feel_zeroes=True), keys sorted (Evidently's set order changes no
    distance)."""
    ref = pd.Series(reference)
    cur = pd.Series(current)
    n_vals = ref.nunique()
    out = {}
    if kind == 'numerical' and n_vals > 20:
        bins = np.histogram_bin_edges(pd.concat([ref, cur], axis=0).values, bins='sturges')
        rp = np.histogram(ref, bins)[0] / len(ref)
        cp = np.histogram(cur, bins)[0] / len(cur)
        out['edges'] = bins.tolist()
    else:
        keys = sorted(set(ref.dropna().unique()) | set(cur.dropna().unique()))
        rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
        cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
        rp = np.array([rd[k] / len(ref) for k in keys])
        cp = np.array([cd[k] / len(cur) for k in keys])
        out['keys'] = [float(k) for k in keys]
    feel_zeroes(rp)
    feel_zeroes(cp)
    out['reference'] = rp.tolist()
    out['current'] = cp.tolist()
    out['distances'] = prob_case('binned', rp, cp)
    del out['distances']['p'], out['distances']['q'], out['distances']['name']
    return out


def codes_to_series_values(codes):
    return np.where(codes < 0, np.nan, codes.astype(float))


pair_by_name = {c['name']: c for c in pairs}
binned = []
for name, kind, ref, cur in [
    ('numerical_n1000_n800', 'numerical', 'n1000_n800', None),
    ('numerical_n20000_shifted', 'numerical', 'n20000_shifted', None),
    ('numerical_discrete_ties_n1000', 'numerical', 'ties_n1000', None),
    ('numerical_discrete_ties_n20000', 'numerical', 'ties_n20000', None),
    ('numerical_identical', 'numerical', 'identical', None),
    ('numerical_constant', 'numerical', 'constant_both', None),
    ('numerical_small', 'numerical', 'n5_n8', None),
]:
    x = np.array(pair_by_name[ref]['x'])
    y = np.array(pair_by_name[ref]['y'])
    binned.append(dict({'name': name, 'kind': kind, 'pair': ref}, **get_binned_data(x, y, kind)))

# Categorical codes, −1 = missing; one rare category in 20000 exercises the min/1e6 fill.
cat_ref = rng.choice([0, 1, 2, 3, -1], size=20000, p=[0.4, 0.3, 0.2, 0.05, 0.05]).astype(np.int32)
cat_ref[123] = 7
cat_cur = rng.choice([0, 1, 2, 4, -1], size=3000, p=[0.3, 0.3, 0.3, 0.05, 0.05]).astype(np.int32)
small_ref = np.array([0, 0, 1, -1], dtype=np.int32)
small_cur = np.array([1, 2, 2], dtype=np.int32)
for name, r_, c_ in [('categorical_rare', cat_ref, cat_cur), ('categorical_small', small_ref, small_cur)]:
    d = get_binned_data(codes_to_series_values(r_), codes_to_series_values(c_), 'categorical')
    binned.append(dict({'name': name, 'kind': 'categorical', 'referenceCodes': r_.tolist(),
                        'currentCodes': c_.tolist()}, **d))

# ---------------------------------------------------------------- p-value corrections
corr = []
for name, p in [
    ('single', np.array([0.03])),
    ('five', short(rng.uniform(0, 0.2, 5))),
    ('twenty_mixed', short(np.concatenate([rng.uniform(0, 0.01, 5), rng.uniform(0, 1, 15)]))),
    ('hundred', short(rng.uniform(0, 1, 100))),
    ('ties_and_extremes', np.array([0.0, 0.01, 0.01, 0.5, 1.0, 0.01, 1e-300, 0.04])),
]:
    corr.append({'name': name, 'p': p.tolist(),
                 **{m: multipletests(p, method=m)[1].tolist() for m in ['bonferroni', 'holm', 'fdr_bh']}})

doc = {
    'versions': VERSIONS,
    'pairs': pairs,
    'andersonKSamp': ksamples,
    'cramerVonMisesLimitCdf': cvm_inf,
    'besselK': bessel,
    'mannWhitneyUCdf': mwu_cdf,
    'probabilityVectors': prob,
    'histogram': binning_edges,
    'binnedProportions': binned,
    'adjustPValues': corr,
}
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
    json.dump(no_nan(doc), f, separators=(',', ':'), allow_nan=False)
print(f'stats_distances: {len(pairs)} pairs, {len(ksamples)} k-sample, {len(binned)} binned, '
      f'{len(corr)} corrections -> {os.path.relpath(OUT)} ({os.path.getsize(OUT) // 1024} KiB)')
