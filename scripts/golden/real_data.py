#!/usr/bin/env python3
"""Golden values for the CLI tests on the real data sets in ../shared/data (packages/cli/test/*.data.test.ts).

Writes packages/cli/test/golden/real_data.json: numbers only, plus the SHA-256 of every data file read, so that a
changed data file shows up as such in the tests, not only as wrong numbers. Run with /usr/bin/python3
(scikit-learn 1.2.1, scipy 1.10.1, statsmodels 0.13, numpy 1.24, pandas 1.5). Deterministic: no randomness.

CSV numbers are parsed with float_precision='round_trip' (correctly rounded, as JavaScript and DuckDB parse them);
pandas' default parser can be one ulp off.

1. Employment (ACS PUMS, reference.csv): the metrics of
   `vigil eval --task binary --target employed --prediction prediction --score predicted_probability --segment SEX`
   from sklearn.metrics (and its confusion matrix), on all rows and per SEX value.
2. Adult (UCI): `vigil drift` between UCI's training part (data rows 16282-48842, 32561 rows) and its test part
   (data rows 1-16281). The reference has more than 1000 rows, so
   the auto rule (Evidently 0.4's defaults) is: numerical with > 5 distinct values -> normed Wasserstein
   (scipy.stats.wasserstein_distance / max(np.std(ref), 0.001)); otherwise Jensen-Shannon distance
   (scipy.spatial.distance.jensenshannon, natural log) of proportions per value, without zero filling (Evidently's
   jensenshannon calls get_binned_data(..., feel_zeroes=False)).
3. Bike sharing (day.csv): `vigil drift` between yr = 0 (2011) and yr = 1 (2012). The reference has 365 <= 1000
   rows, so: numerical with > 5 distinct values -> scipy.stats.ks_2samp; > 2 -> scipy.stats.chisquare(current
   counts, reference counts * n_cur / n_ref) over the union of values; <= 2 -> statsmodels proportions_ztest on
   the count of the smallest value.
Missing values are dropped before every drift test (Evidently does the same). Distinct values are counted over
reference and current together.
"""
import hashlib
import json
import os
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import sklearn
import sklearn.metrics as skm
import statsmodels
from scipy.spatial.distance import jensenshannon
from statsmodels.stats.proportion import proportions_ztest

VERSIONS = {
    'scikit-learn': sklearn.__version__,
    'scipy': scipy.__version__,
    'statsmodels': statsmodels.__version__,
    'numpy': np.__version__,
    'pandas': pd.__version__,
}
assert VERSIONS['scikit-learn'] == '1.2.1', VERSIONS
assert VERSIONS['scipy'] == '1.10.1', VERSIONS
assert VERSIONS['statsmodels'].startswith('0.13'), VERSIONS
assert VERSIONS['numpy'].startswith('1.24'), VERSIONS
assert VERSIONS['pandas'].startswith('1.5'), VERSIONS

warnings.simplefilter('ignore')
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
DATA = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'data'))
OUT = os.path.join(ROOT, 'packages', 'cli', 'test', 'golden', 'real_data.json')

# Evidently's default thresholds: p < 0.05 is drift for p-value tests, distance >= 0.1 for distances.
P_THRESHOLD = 0.05
DISTANCE_THRESHOLD = 0.1


def sha256(relative):
    with open(os.path.join(DATA, relative), 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def read(relative):
    # keep_default_na with na_values '?' mirrors Vigil's default missing tokens ('', NA, NaN, null, ?).
    return pd.read_csv(os.path.join(DATA, relative), float_precision='round_trip', na_values=['?'])


# ---------------------------------------------------------------------------------------------------------------
# 1. Employment: binary classification metrics


def binary_metrics(y_true, y_pred, y_score):
    return {
        'accuracy': skm.accuracy_score(y_true, y_pred),
        'balancedAccuracy': skm.balanced_accuracy_score(y_true, y_pred),
        'precision': skm.precision_score(y_true, y_pred, pos_label=1),
        'recall': skm.recall_score(y_true, y_pred, pos_label=1),
        'f1': skm.f1_score(y_true, y_pred, pos_label=1),
        'specificity': skm.recall_score(y_true, y_pred, pos_label=0),
        'mcc': skm.matthews_corrcoef(y_true, y_pred),
        'cohenKappa': skm.cohen_kappa_score(y_true, y_pred),
        'rocAuc': skm.roc_auc_score(y_true, y_score),
        'prAuc': skm.average_precision_score(y_true, y_score, pos_label=1),
        'logLoss': skm.log_loss(y_true, y_score),
        'brier': skm.brier_score_loss(y_true, y_score, pos_label=1),
    }


def employment():
    path = 'employment/reference.csv'
    d = read(path)
    y_true = d['employed'].to_numpy()
    y_pred = d['prediction'].to_numpy()
    y_score = d['predicted_probability'].to_numpy(dtype=float)
    segments = {}
    for value in sorted(d['SEX'].unique()):
        mask = (d['SEX'] == value).to_numpy()
        segments[str(int(value))] = {
            'n': int(mask.sum()),
            'metrics': binary_metrics(y_true[mask], y_pred[mask], y_score[mask]),
        }
    return {
        'file': path,
        'sha256': sha256(path),
        'n': int(len(d)),
        'metrics': binary_metrics(y_true, y_pred, y_score),
        # rows: true class 0, 1; columns: predicted class 0, 1
        'confusionMatrix': skm.confusion_matrix(y_true, y_pred, labels=[0, 1]).tolist(),
        'segments': segments,
    }


# ---------------------------------------------------------------------------------------------------------------
# Drift: the auto rule, re-implemented from Evidently 0.4's stattests (Evidently itself is not installed)


def feel_zeroes(p):
    """Evidently's zero filling, per vector: 0 -> min(non-zero)/1e6 if that min <= 1e-4, else 1e-4."""
    p = p.copy()
    nonzero = p[p != 0]
    fill = nonzero.min() / 10**6 if nonzero.min() <= 0.0001 else 0.0001
    p[p == 0] = fill
    return p


def binned_proportions(ref, cur, numerical, fill=True):
    """Evidently's get_binned_data(..., feel_zeroes=fill): > 20 distinct reference values of a numerical column ->
    numpy Sturges edges over both samples; otherwise one bin per distinct value of the union."""
    if numerical and ref.nunique() > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref.to_numpy(), cur.to_numpy()]), bins='sturges')
        p = np.histogram(ref, edges)[0] / len(ref)
        q = np.histogram(cur, edges)[0] / len(cur)
    else:
        keys = sorted(set(ref) | set(cur))
        rc = ref.value_counts()
        cc = cur.value_counts()
        p = np.array([rc.get(k, 0) / len(ref) for k in keys])
        q = np.array([cc.get(k, 0) / len(cur) for k in keys])
    return (feel_zeroes(p), feel_zeroes(q)) if fill else (p, q)


def auto_drift(column, reference, current):
    numeric = pd.api.types.is_numeric_dtype(reference) and pd.api.types.is_numeric_dtype(current)
    ref = reference.dropna()
    cur = current.dropna()
    n_unique = pd.concat([ref, cur]).nunique()
    numerical = numeric and n_unique > 5
    p_value = None
    if len(ref) <= 1000:
        if numerical:
            test = 'ks'
            statistic, p_value = st.ks_2samp(ref.to_numpy(), cur.to_numpy())
        elif n_unique > 2:
            test = 'chisquare'
            keys = sorted(set(ref) | set(cur))
            rc = ref.value_counts()
            cc = cur.value_counts()
            scale = len(cur) / len(ref)
            expected = np.array([rc.get(k, 0) * scale for k in keys], dtype=float)
            observed = np.array([cc.get(k, 0) for k in keys], dtype=float)
            statistic, p_value = st.chisquare(observed, expected)
        else:
            test = 'ztest'
            first = sorted(set(ref) | set(cur))[0]
            statistic, p_value = proportions_ztest(
                np.array([(ref == first).sum(), (cur == first).sum()]), np.array([len(ref), len(cur)])
            )
        drift = bool(p_value < P_THRESHOLD)
        p_value = float(p_value)
    else:
        if numerical:
            test = 'wasserstein'
            statistic = st.wasserstein_distance(ref.to_numpy(), cur.to_numpy()) / max(np.std(ref.to_numpy()), 0.001)
        else:
            test = 'jensenshannon'
            p, q = binned_proportions(ref, cur, numeric, fill=False)  # Evidently: get_binned_data(..., False)
            statistic = jensenshannon(p, q)
        drift = bool(statistic >= DISTANCE_THRESHOLD)
    return {
        'column': column,
        'type': 'numerical' if numeric else 'categorical',
        'test': test,
        'statistic': float(statistic),
        'pValue': p_value,
        'drift': drift,
        'referenceSize': int(len(ref)),
        'currentSize': int(len(cur)),
        'uniqueValues': int(n_unique),
    }


def drift(reference, current, columns):
    return [auto_drift(c, reference[c], current[c]) for c in columns]


def adult():
    path = 'adult/adult.csv'
    d = read(path)
    # adult.csv holds UCI's adult.test (16281 rows) first, then adult.data (32561 rows): its first row is
    # adult.test's first ('25, Private, 226802, 11th, ...'), its row 16282 adult.data's first ('39, State-gov,
    # 77516, ...'). The reference is UCI's training part, the current its test part.
    test_rows = 16281
    reference = d.iloc[test_rows:]
    current = d.iloc[:test_rows]
    return {
        'file': path,
        'sha256': sha256(path),
        'testRows': test_rows,
        'columns': drift(reference, current, list(d.columns)),
    }


def bike_sharing():
    path = 'bike_sharing/day.csv'
    d = read(path)
    columns = [c for c in d.columns if c not in ('instant', 'dteday', 'yr')]
    return {
        'file': path,
        'sha256': sha256(path),
        'columns': drift(d[d['yr'] == 0], d[d['yr'] == 1], columns),
    }


golden = {
    'versions': VERSIONS,
    'employment': employment(),
    'adult': adult(),
    'bikeSharing': bike_sharing(),
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump(golden, f, indent=1, allow_nan=False)
    f.write('\n')
print(f'real_data.py: wrote {os.path.relpath(OUT, ROOT)} (employment metrics, '
      f'{len(golden["adult"]["columns"])} adult and {len(golden["bikeSharing"]["columns"])} bike-sharing drift columns)')
