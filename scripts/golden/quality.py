"""Golden values for data profiling (packages/core/src/quality, stats/{rankdata,pearsonCorrelation,spearmanCorrelation}).

Writes packages/core/test/golden/quality.json: small frames (their data included, NaN as null, ±Infinity as
"Infinity"/"-Infinity") and what profileFrame must report on them, computed here with pandas 1.5 / numpy 1.24 /
scipy 1.10.1: counts and `nunique` by pandas, mean and std (ddof=1) by pandas on the finite values, quantiles by
`numpy.percentile` (linear), histograms by `numpy.histogram`, correlations by `scipy.stats.pearsonr` / `spearmanr`
on the rows where both values are finite, Cramér's V by `scipy.stats.contingency.association(pandas.crosstab(a, b),
method='cramer')`, duplicated rows by `pandas.DataFrame.duplicated().sum()`. Run with /usr/bin/python3.
Deterministic: numpy's RNG is seeded.
"""

import json
import math
import os

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.stats.contingency import association

assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__.startswith("1.24"), np.__version__
assert pd.__version__.startswith("1.5"), pd.__version__

rng = np.random.default_rng(20240613)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "packages", "core", "test", "golden", "quality.json")
QS = [1, 5, 25, 50, 75, 95, 99]


def enc(v):
    """NaN → None, ±inf → strings, numpy scalars → Python."""
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        v = float(v)
        if math.isnan(v):
            return None
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    return v


def top_values(items, top):
    return [{"value": v, "count": int(c)} for v, c in sorted(items, key=lambda t: (-t[1], t[0]))[:top]]


def outliers(f_rowidx, f, method, threshold, max_rows=10):
    """f: finite values in row order; f_rowidx: their row indices."""
    if len(f) == 0:
        return {"count": 0, "rows": [], "share": math.nan, "lower": math.nan, "upper": math.nan}
    if method == "zscore":
        t = 3.0 if threshold is None else threshold
        std = f.std()  # ddof = 0, as scipy.stats.zscore
        if std == 0:
            mask = np.zeros(len(f), bool)
        else:
            mask = np.abs(stats.zscore(f)) > t
        lower, upper = f.mean() - t * std, f.mean() + t * std
    elif method == "iqr":
        k = 1.5 if threshold is None else threshold
        q1, q3 = np.percentile(f, [25, 75])
        lower, upper = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
        mask = (f < lower) | (f > upper)
    else:
        t = 3.5 if threshold is None else threshold
        med = np.median(f)
        mad = np.median(np.abs(f - med))
        if mad == 0:
            return {"count": 0, "rows": [], "share": 0.0, "lower": math.nan, "upper": math.nan}
        mask = np.abs(0.6745 * (f - med) / mad) > t
        lower, upper = med - t * mad / 0.6745, med + t * mad / 0.6745
    rows = [int(i) for i in f_rowidx[mask][:max_rows]]
    return {"count": int(mask.sum()), "rows": rows, "share": mask.sum() / len(f), "lower": lower, "upper": upper}


def numeric_profile(name, typ, x, top, bins, method, threshold):
    s = pd.Series(x, dtype=float)
    fin = np.isfinite(x)
    f = x[fin]
    p = {
        "name": name, "type": typ, "kind": "numeric",
        "count": int(s.count()), "missing": int(s.isna().sum()),
        "missingShare": s.isna().sum() / len(x) if len(x) else math.nan,
        "unique": int(s.nunique()),
        "zeros": int((x == 0).sum()), "negatives": int((x < 0).sum()), "infinities": int(np.isinf(x).sum()),
        "min": f.min() if len(f) else math.nan, "max": f.max() if len(f) else math.nan,
        "mean": pd.Series(f).mean() if len(f) else math.nan,
        "std": pd.Series(f).std() if len(f) > 1 else math.nan,
        "quantiles": dict(zip(["p1", "p5", "p25", "p50", "p75", "p95", "p99"],
                              np.percentile(f, QS) if len(f) else [math.nan] * 7)),
    }
    if len(f):
        counts, edges = np.histogram(f, bins=bins)
        p["histogram"] = {"edges": list(edges), "counts": [int(c) for c in counts]}
    else:
        p["histogram"] = None
    vc = pd.Series(f).value_counts()
    p["topValues"] = top_values([(float(v), int(c)) for v, c in vc.items()], top)
    p["outliers"] = outliers(np.nonzero(fin)[0], f, method, threshold)
    return p


def categorical_profile(name, typ, v, top):
    s = pd.Series(v, dtype=object)
    present = [t for t in v if t is not None]
    vc = s.value_counts()
    lengths = [len(t) for t in present]
    return {
        "name": name, "type": typ, "kind": "categorical",
        "count": int(s.count()), "missing": int(s.isna().sum()),
        "missingShare": s.isna().sum() / len(v) if len(v) else math.nan,
        "unique": int(s.nunique()),
        "topValues": top_values(list(vc.items()), top),
        "textLength": {"min": min(lengths), "max": max(lengths), "mean": float(np.mean(lengths))} if lengths else None,
    }


def corr_pair(x, y):
    m = np.isfinite(x) & np.isfinite(y)
    a, b = x[m], y[m]
    if len(a) < 2 or a.min() == a.max() or b.min() == b.max():
        return math.nan, math.nan
    return stats.pearsonr(a, b).statistic, stats.spearmanr(a, b).statistic


def cramer(a, b):
    df = pd.DataFrame({"a": a, "b": b}).dropna()
    if len(df) == 0:
        return math.nan
    table = pd.crosstab(df["a"], df["b"]).to_numpy()
    if min(table.shape) < 2:
        return math.nan
    return association(table, method="cramer")


def profile(columns, n, options):
    top = options.get("top", 10)
    bins = options.get("bins", 10)
    method = options.get("outliers", "iqr")
    threshold = options.get("outlierThreshold")
    corr_t = options.get("corrThreshold", 0.9)
    leak_t = options.get("leakThreshold", 0.95)
    almost = 0.95
    target = options.get("target")
    profiles = []
    data = {}
    for c in columns:
        if c["kind"] == "numeric":
            x = np.array([math.nan if v is None else float(v) for v in c["values"]], dtype=float)
            data[c["name"]] = x
            profiles.append(numeric_profile(c["name"], c["type"], x, top, bins, method, threshold))
        else:
            data[c["name"]] = c["values"]
            profiles.append(categorical_profile(c["name"], c["type"], c["values"], top))
    df = pd.DataFrame({c["name"]: (data[c["name"]] if c["kind"] == "numeric" else pd.Series(data[c["name"]], dtype=object)) for c in columns}, index=range(n))
    dup = df.duplicated() if len(columns) and n else pd.Series([], dtype=bool)
    almost_cols = []
    for p in profiles:
        if p["unique"] > 1 and p["topValues"] and p["topValues"][0]["count"] / p["count"] >= almost:
            almost_cols.append({"column": p["name"], "value": p["topValues"][0]["value"], "share": p["topValues"][0]["count"] / p["count"]})
    num = [c["name"] for c in columns if c["kind"] == "numeric" and c["type"] in ("numerical", "boolean")]
    cat = [c["name"] for c in columns if c["kind"] == "categorical" and c["type"] == "categorical"]
    k = len(num)
    pear = [[math.nan] * k for _ in range(k)]
    spear = [[math.nan] * k for _ in range(k)]
    high = []
    for i in range(k):
        f = data[num[i]][np.isfinite(data[num[i]])]
        pear[i][i] = spear[i][i] = 1.0 if len(f) >= 2 and f.min() != f.max() else math.nan
        for j in range(i + 1, k):
            p_, s_ = corr_pair(data[num[i]], data[num[j]])
            pear[i][j] = pear[j][i] = p_
            spear[i][j] = spear[j][i] = s_
    kc = len(cat)
    cv = [[math.nan] * kc for _ in range(kc)]
    for i in range(kc):
        for j in range(i, kc):
            cv[i][j] = cv[j][i] = cramer(data[cat[i]], data[cat[j]]) if n else math.nan
    for m, names, method_name in ((pear, num, "pearson"), (spear, num, "spearman"), (cv, cat, "cramersV")):
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                if abs(m[i][j]) >= corr_t:
                    high.append({"a": names[i], "b": names[j], "method": method_name, "value": m[i][j]})
    leakage = []
    if target in num:
        for c in num:
            if c == target:
                continue
            p_, s_ = corr_pair(data[target], data[c])
            method_name, v = ("spearman", s_) if abs(s_) > abs(p_) else ("pearson", p_)
            if abs(v) >= leak_t:
                leakage.append({"column": c, "method": method_name, "value": v})
    elif target in cat:
        for c in cat:
            if c != target:
                v = cramer(data[target], data[c])
                if v >= leak_t:
                    leakage.append({"column": c, "method": "cramersV", "value": v})
    return {
        "nRows": n, "nColumns": len(columns),
        "duplicatedRows": {"count": int(dup.sum()), "rows": [int(i) for i in np.nonzero(dup.to_numpy())[0][:10]]},
        "columnsWithMissing": sum(1 for p in profiles if p["missing"] > 0),
        "constantColumns": [p["name"] for p in profiles if p["unique"] <= 1],
        "almostConstantColumns": almost_cols,
        "correlations": {"pearson": {"columns": num, "values": pear}, "spearman": {"columns": num, "values": spear},
                         "cramersV": {"columns": cat, "values": cv}},
        "highlyCorrelated": high,
        "highlyCorrelatedPairs": len({(h["a"], h["b"]) for h in high}),
        "targetLeakage": leakage,
        "columns": profiles,
    }


def num_col(name, values, typ="numerical"):
    return {"name": name, "kind": "numeric", "type": typ, "values": [None if (isinstance(v, float) and math.isnan(v)) else v for v in values]}


def cat_col(name, values, typ="categorical"):
    return {"name": name, "kind": "categorical", "type": typ, "values": list(values)}


cases = []
# mixed: correlated numericals, ties, NaN/±Inf, a boolean, categoricals with missing, text, duplicated rows.
n0 = 300
x = rng.normal(10, 2, n0)
y = 3 * x + rng.normal(0, 0.1, n0)
t = 2 * x + 1 + rng.normal(0, 0.01, n0)
ties = rng.integers(0, 5, n0).astype(float)
w = rng.normal(0, 5, n0)
w[rng.random(n0) < 0.05] = math.nan
w[[3, 17]] = math.inf
w[40] = -math.inf
w[[5, 6, 7]] = 0.0
w[[50, 51, 52]] = [60.0, -55.0, 80.0]
flag = (rng.random(n0) < 0.3).astype(float)
a = [["red", "green", "blue"][i] for i in rng.integers(0, 3, n0)]
b = [{"red": "R", "green": "G", "blue": "B"}[v] if rng.random() > 0.05 else None for v in a]
c = [["p", "q", "r", "s"][i] if rng.random() > 0.1 else None for i in rng.integers(0, 4, n0)]
words = ["a", "bb", "ccc dd", "naïve", "😀 emoji", "longer text here"]
s = [words[i] if rng.random() > 0.05 else None for i in rng.integers(0, len(words), n0)]
mixed_cols = [num_col("x", x.round(6).tolist()), num_col("y", y.round(6).tolist()), num_col("t", t.round(6).tolist()),
              num_col("ties", ties.tolist()), num_col("w", [v if np.isfinite(v) or np.isnan(v) else ("Infinity" if v > 0 else "-Infinity") for v in w.round(4).tolist()]),
              num_col("flag", flag.tolist(), "boolean"), num_col("rare", [1.0 if i in (8, 99, 200) else 0.0 for i in range(n0)]), cat_col("a", a), cat_col("b", b), cat_col("c", c), cat_col("s", s, "text")]
# Append copies of rows 0..9 (duplicates), and one row equal to row 3 except in one column (not a duplicate).
for col in mixed_cols:
    col["values"] = col["values"] + col["values"][:10] + [col["values"][3]]
mixed_cols[0]["values"][-1] = 1234.5
n_mixed = n0 + 11


def as_input(cols):
    out = []
    for col in cols:
        if col["kind"] == "numeric":
            vals = [math.nan if v is None else (float(v) if not isinstance(v, str) else float(v.replace("Infinity", "inf"))) for v in col["values"]]
            out.append({**col, "values": vals})
        else:
            out.append(col)
    return out


mixed_in = as_input(mixed_cols)
for opts in ({"target": "t"}, {"outliers": "zscore", "top": 3, "bins": 7}, {"outliers": "mad", "corrThreshold": 0.5},
             {"outliers": "iqr", "outlierThreshold": 3.0, "target": "a"}, {"outliers": "zscore", "outlierThreshold": 2.0}):
    cases.append({"name": f"mixed {json.dumps(opts)}", "nRows": n_mixed, "columns": mixed_in, "options": opts,
                  "expected": profile(mixed_in, n_mixed, opts)})

edge_cols = as_input([
    num_col("constant", [2.0] * 8), num_col("allMissing", [math.nan] * 8),
    num_col("zeroMad", [0.0] * 6 + [1.0, 100.0]), num_col("spread", [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 50.0, -40.0]),
    num_col("negZero", [-0.0, 0.0, 1.0, 1.0, -0.0, 0.0, 2.0, 2.0]),
    cat_col("oneLevel", ["u"] * 7 + [None]), cat_col("two", ["a", "b", "a", "b", "a", "a", "b", None]),
    cat_col("allMissingCat", [None] * 8),
])
for opts in ({"outliers": "mad"}, {"outliers": "zscore"}, {"outliers": "iqr", "target": "oneLevel"}):
    cases.append({"name": f"edges {json.dumps(opts)}", "nRows": 8, "columns": edge_cols, "options": opts,
                  "expected": profile(edge_cols, 8, opts)})
empty_cols = [num_col("x", []), cat_col("c", [])]
cases.append({"name": "empty frame", "nRows": 0, "columns": empty_cols, "options": {}, "expected": profile(empty_cols, 0, {})})
one_cols = [num_col("x", [5.0]), num_col("y", [-1.0]), cat_col("c", ["a"])]
cases.append({"name": "one row", "nRows": 1, "columns": one_cols, "options": {"target": "x"}, "expected": profile(one_cols, 1, {"target": "x"})})

# Direct cases for the stats primitives.
u = rng.integers(0, 6, 40).astype(float)
v = u + rng.integers(0, 3, 40)
z = rng.normal(size=25)
primitives = {
    "rankdata": [{"values": list(map(float, arr)), "ranks": list(stats.rankdata(arr))}
                 for arr in ([10, 20, 10, 30], [3.0, 3.0, 3.0], [-0.0, 0.0, -1.0], list(u))],
    "correlation": [{"x": list(map(float, p)), "y": list(map(float, q)), "pearson": stats.pearsonr(p, q).statistic,
                     "spearman": stats.spearmanr(p, q).statistic}
                    for p, q in ((u, v), (z, z ** 3), (z, -z + 0.1 * rng.normal(size=25)), ([1, 2, 3, 4], [2, 4, 5, 9]), ([1, 2, 2, 4], [1, 3, 2, 4]))],
    "cramersV": [{"a": list(map(int, p)), "b": list(map(int, q)), "value": cramer([str(i) if i >= 0 else None for i in p], [str(i) if i >= 0 else None for i in q])}
                 for p, q in (([0, 0, 1, 1], [0, 0, 1, 0]), (list(rng.integers(0, 3, 60)), list(rng.integers(0, 4, 60))),
                              ([0, 1, 2, 0, 1, 2, -1], [0, 1, 2, 0, 1, 2, 1]), ([0, 0, 0, 0], [0, 1, 0, 1]), ([0, -1, 2, 2, 0], [1, 1, -1, 0, 0]))],
}

out = {"versions": {"scipy": scipy.__version__, "numpy": np.__version__, "pandas": pd.__version__},
       "cases": enc(cases), "primitives": enc(primitives)}
with open(OUT, "w") as fh:
    json.dump(out, fh, indent=1, allow_nan=False)
print(f"quality.json: {len(cases)} profile cases, {sum(len(v) for v in primitives.values())} primitive cases")
