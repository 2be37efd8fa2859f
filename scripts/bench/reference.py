"""Reference timings for `npm run bench`: the same workloads through scipy / scikit-learn / pandas.

Reads the binary inputs that run.mjs wrote (float64 / int32 little-endian), times only the computation (or the
read, for loading workloads) and prints one JSON object per line: {"workload", "seconds", "value"?, "peakRssMb"?}.
Run with Debian's /usr/bin/python3 (python3-scipy, python3-sklearn, python3-pandas).
"""
import json
import resource
import sys
import time

import numpy as np


def emit(workload, seconds, **extra):
    print(json.dumps({"workload": workload, "seconds": seconds, **extra}), flush=True)


def ks(d):
    from scipy.stats import ks_2samp
    x = np.fromfile(f"{d}/ks_x.f64")
    y = np.fromfile(f"{d}/ks_y.f64")
    t = time.perf_counter()
    r = ks_2samp(x, y)
    emit("ks-1m", time.perf_counter() - t, value=[float(r.statistic), float(r.pvalue)])


def auc(d):
    from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
    y = np.fromfile(f"{d}/auc_y.i32", dtype=np.int32)
    s = np.fromfile(f"{d}/auc_s.f64")
    for name, fn in (("roc-auc-10m", roc_auc_score), ("pr-auc-10m", average_precision_score), ("log-loss-10m", log_loss)):
        t = time.perf_counter()
        v = fn(y, s)
        emit(name, time.perf_counter() - t, value=float(v))


def csv(d):
    import pandas as pd
    t = time.perf_counter()
    frame = pd.read_csv(f"{d}/drift/reference.csv")
    emit("load-csv-1m", time.perf_counter() - t, value=len(frame))


def drift(d):
    """What Evidently's DataDriftPreset does for these files (its `auto` rule, reference > 1000 rows): normed
    Wasserstein for numerical columns, Jensen–Shannon on binned proportions otherwise; pandas reads the files."""
    import pandas as pd
    from scipy.spatial.distance import jensenshannon
    from scipy.stats import wasserstein_distance
    t = time.perf_counter()
    ref = pd.read_csv(f"{d}/drift/reference.csv")
    cur = pd.read_csv(f"{d}/drift/current.csv")
    drifted = 0
    for c in ref.columns:
        r = ref[c].dropna()
        k = cur[c].dropna()
        if pd.api.types.is_numeric_dtype(r) and pd.concat([r, k]).nunique() > 5:
            score = wasserstein_distance(r, k) / max(np.std(r), 0.001)
        else:
            keys = sorted(set(r.unique()) | set(k.unique()), key=str)
            p = r.value_counts().reindex(keys, fill_value=0).to_numpy() / len(r)
            q = k.value_counts().reindex(keys, fill_value=0).to_numpy() / len(k)
            score = jensenshannon(p, q)
        drifted += score >= 0.1
    seconds = time.perf_counter() - t
    emit("drift-e2e", seconds, value=int(drifted), peakRssMb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


if __name__ == "__main__":
    {"ks": ks, "auc": auc, "csv": csv, "drift": drift}[sys.argv[1]](sys.argv[2])
