"""Golden values for regression, clustering and ranking metrics, quantiles and the seeded generator.

Writes packages/core/test/golden/metrics_regression_clustering_ranking.json. Run with /usr/bin/python3
(Debian: numpy 1.24, scikit-learn 1.2.1). Deterministic: numpy's RNG is seeded. NaN is written as null.

References:
- regression, clustering, NDCG: scikit-learn 1.2.1 functions, called directly.
- adjusted R²: 1 - (1 - R²)(n - 1)/(n - p - 1) computed here from sklearn's r2_score (no sklearn function).
- precision@k, recall@k, MAP@k, MRR, hit rate@k: no scipy/scikit-learn function exists, so they are computed below
  by a straightforward reference implementation of the textbook definitions (Manning et al., IR book §8.4).
- quantiles: numpy.quantile (method='linear').
- generator: a plain Python transcription of the published C reference code of SplitMix64 and xoshiro128** 1.1
  (Vigna, prng.di.unimi.it), to pin the TypeScript stream.
"""

import json
import math
import os
import warnings

import numpy as np
import scipy
import sklearn
from sklearn import metrics

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__.startswith("1.24"), np.__version__

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20240601)

OUT = os.path.join(
    os.path.dirname(__file__), "..", "..", "packages", "core", "test", "golden",
    "metrics_regression_clustering_ranking.json",
)


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def nums(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


# ---------------------------------------------------------------- regression
def adjusted_r2(r2, n, p):
    if n - p - 1 <= 0 or math.isnan(r2):
        return float("nan")
    return 1 - (1 - r2) * (n - 1) / (n - p - 1)


def regression_case(name, y, p):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    r2 = metrics.r2_score(y, p)
    n = len(y)
    return {
        "name": name,
        "yTrue": nums(y),
        "yPred": nums(p),
        "expected": {
            "meanSquaredError": num(metrics.mean_squared_error(y, p)),
            "rootMeanSquaredError": num(metrics.mean_squared_error(y, p, squared=False)),
            "meanAbsoluteError": num(metrics.mean_absolute_error(y, p)),
            "meanAbsolutePercentageError": num(metrics.mean_absolute_percentage_error(y, p)),
            "r2Score": num(r2),
            "explainedVarianceScore": num(metrics.explained_variance_score(y, p)),
            "medianAbsoluteError": num(metrics.median_absolute_error(y, p)),
            "maxError": num(metrics.max_error(y, p)),
        },
        "adjustedR2Score": [{"nFeatures": k, "value": num(adjusted_r2(r2, n, k))} for k in (0, 1, 3, n - 2, n - 1)
                            if k >= 0],
    }


regression = []
y = rng.normal(10, 3, 50)
regression.append(regression_case("normal n=50", y, y + rng.normal(0.5, 1, 50)))
y = np.round(rng.standard_t(3, 2001) * 100, 4)  # rounded: shorter JSON, same exactness
regression.append(regression_case("heavy tails n=2001 (odd, median)", y, np.round(y * 0.9 + rng.normal(0, 20, 2001), 4)))
regression.append(regression_case("sklearn docs example", [3, -0.5, 2, 7], [2.5, 0.0, 2, 8]))
regression.append(regression_case("n=1", [3.5], [2.0]))
regression.append(regression_case("n=2", [1.0, 4.0], [2.0, 2.0]))
regression.append(regression_case("constant yTrue, perfect", [-2, -2, -2], [-2, -2, -2]))
regression.append(regression_case("constant yTrue, imperfect", [-2, -2, -2], [-2, -2, -2 + 1e-8]))
regression.append(regression_case("constant yTrue, constant offset", [4, 4, 4, 4], [5, 5, 5, 5]))
regression.append(regression_case("zeros in yTrue (MAPE eps)", [0, 1, 2, 0, -3], [0.5, 1, 1.5, 0, -2]))
regression.append(regression_case("ties in residuals, even n", [1, 2, 3, 4, 5, 6], [2, 3, 4, 4, 5, 8]))
regression.append(regression_case("perfect predictions", [1.5, -2.25, 3, 8], [1.5, -2.25, 3, 8]))
y = rng.normal(0, 1, 200) * 1e6 + 1e9
regression.append(regression_case("large offset 1e9", y, y + rng.normal(0, 1e5, 200)))

# ---------------------------------------------------------------- clustering
def clustering_case(name, X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels, dtype=float)
    return {
        "name": name,
        "features": [nums(X[:, j]) for j in range(X.shape[1])],
        "labels": nums(labels),
        "expected": {
            "silhouetteScore": num(metrics.silhouette_score(X, labels)),
            "daviesBouldinScore": num(metrics.davies_bouldin_score(X, labels)),
            "calinskiHarabaszScore": num(metrics.calinski_harabasz_score(X, labels)),
        },
    }


def blobs(centers, sizes, scale, d):
    X = np.concatenate([rng.normal(c, scale, (s, d)) for c, s in zip(centers, sizes)])
    labels = np.concatenate([np.full(s, i) for i, s in enumerate(sizes)])
    perm = rng.permutation(len(labels))
    return X[perm], labels[perm]


clustering = []
X, lab = blobs([0, 4, 9], [20, 25, 15], 1.5, 2)
clustering.append(clustering_case("3 blobs 2-D, shuffled", X, lab))
X, lab = blobs([0, 3], [30, 30], 1.0, 3)
clustering.append(clustering_case("2 clusters 3-D", X, lab))
X, lab = blobs([0, 5, 10], [10, 10, 1], 1.0, 2)
clustering.append(clustering_case("singleton cluster", X, lab))
X, lab = blobs([0, 5], [1, 4], 1.0, 2)
clustering.append(clustering_case("2 clusters, one a singleton", X, lab))
X, lab = blobs([0, 2, 4, 6], [5, 6, 7, 8], 2.0, 4)
clustering.append(clustering_case("overlapping, labels -1/5/7.5/100", X, np.array([-1, 5, 7.5, 100])[lab.astype(int)]))
clustering.append(clustering_case("duplicate points", [[0.0], [0.0], [1.0], [1.0], [1.0]], [0, 0, 1, 1, 1]))
clustering.append(clustering_case("1-D, n=4", [[0.0], [1.0], [10.0], [11.0]], [0, 0, 1, 1]))
clustering.append(clustering_case("n=3, 2 labels", [[0.0, 1.0], [0.5, 2.0], [4.0, -1.0]], [1, 1, 2]))
X, lab = blobs([0, 3, 6, 9, 12], [150, 250, 200, 180, 220], 2.0, 10)
clustering.append(clustering_case("5 clusters 10-D n=1000", np.round(X, 5), lab))

# ---------------------------------------------------------------- ranking
def ranking_reference(qids, rel, scores, k, metric, policy):
    """Textbook definitions, per query then averaged (no library function exists). Ties: stable by row order."""
    total, counted = 0.0, 0
    for q in sorted(set(qids)):
        rows = [i for i in range(len(qids)) if qids[i] == q]
        ranked = sorted(rows, key=lambda i: -scores[i])  # Python's sort is stable: ties keep row order
        relevant = [1 if rel[i] > 0 else 0 for i in ranked]
        R = sum(relevant)
        top = relevant[:k] if k is not None else relevant
        if R == 0:
            if policy == "zero":
                counted += 1
            continue
        if metric == "precisionAtK":
            value = sum(top) / k
        elif metric == "recallAtK":
            value = sum(top) / R
        elif metric == "mapAtK":
            hits, s = 0, 0.0
            for r, is_rel in enumerate(top, start=1):
                if is_rel:
                    hits += 1
                    s += hits / r
            value = s / min(k, R)
        elif metric == "mrr":
            value = 0.0
            for r, is_rel in enumerate(top, start=1):
                if is_rel:
                    value = 1.0 / r
                    break
        elif metric == "hitRateAtK":
            value = 1.0 if sum(top) > 0 else 0.0
        total += value
        counted += 1
    return float("nan") if counted == 0 else total / counted


def ndcg_per_query(qids, rel, scores, k, policy):
    """Mean over queries of sklearn.metrics.ndcg_score on each query alone (every query has >= 2 items)."""
    values = []
    for q in sorted(set(qids)):
        idx = [i for i in range(len(qids)) if qids[i] == q]
        r = np.asarray([rel[i] for i in idx], dtype=float)
        if r.sum() == 0 and policy == "skip":
            continue
        values.append(metrics.ndcg_score([r], [[scores[i] for i in idx]], k=k))
    return float("nan") if not values else float(np.mean(values))


def ranking_case(name, qids, rel, scores, equal_groups):
    qids, rel, scores = list(map(float, qids)), list(map(float, rel)), list(map(float, scores))
    ks = [1, 3, 5, 20]
    case = {"name": name, "queryIds": qids, "relevance": rel, "scores": scores, "ndcg": [], "other": []}
    for k in ks + [None]:
        for policy in ("zero", "skip"):
            case["ndcg"].append({"k": k, "noRelevant": policy, "value": num(ndcg_per_query(qids, rel, scores, k, policy))})
    if equal_groups:
        # One sklearn call on the 2-D (queries x items) arrays: the library's own averaging.
        order = sorted(set(qids))
        Y = np.array([[rel[i] for i in range(len(qids)) if qids[i] == q] for q in order])
        S = np.array([[scores[i] for i in range(len(qids)) if qids[i] == q] for q in order])
        case["ndcg2d"] = [{"k": k, "value": num(metrics.ndcg_score(Y, S, k=k))} for k in ks + [None]]
    for metric in ("precisionAtK", "recallAtK", "mapAtK", "mrr", "hitRateAtK"):
        for k in ks + ([None] if metric == "mrr" else []):
            for policy in ("zero", "skip"):
                value = ranking_reference(qids, rel, scores, k, metric, policy)
                case["other"].append({"metric": metric, "k": k, "noRelevant": policy, "value": num(value)})
    return case


ranking = []
# Equal groups: 12 queries x 8 items, graded relevance 0..3, scores rounded to 1 decimal (ties), one all-zero query.
nq, m = 12, 8
qids = np.repeat(np.arange(nq) * 7 + 3, m)
rel = rng.choice([0, 0, 0, 1, 1, 2, 3], size=nq * m)
rel[qids == qids[0]] = 0
scores = np.round(rng.uniform(0, 1, nq * m), 1)
perm = rng.permutation(nq * m)  # interleave the queries' rows
ranking.append(ranking_case("12 queries x 8 items, ties, one all-zero query, shuffled rows",
                            qids[perm], rel[perm], scores[perm], True))
# Unequal groups (2..12 items), continuous scores plus a block of exact ties.
sizes = rng.integers(2, 13, 15)
qids = np.repeat(np.arange(15), sizes)
rel = rng.choice([0, 0, 1, 2], size=qids.size)
rel[qids == 4] = 0
scores = rng.normal(0, 1, qids.size)
scores[qids == 2] = 0.5
perm = rng.permutation(qids.size)
ranking.append(ranking_case("15 queries of 2..12 items, one all-tied, one all-zero",
                            qids[perm], rel[perm], scores[perm], False))
ranking.append(ranking_case("sklearn docs example", [0] * 5, [10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70], True))
ranking.append(ranking_case("all queries without relevant items", [1, 1, 2, 2], [0, 0, 0, 0], [0.3, 0.2, 0.9, 0.1],
                            True))

# ---------------------------------------------------------------- quantiles
quantiles = []
ps = [0, 0.01, 0.025, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 0.975, 0.99, 1]
for name, x in [
    ("n=1", np.array([4.2])),
    ("n=2", np.array([-1.0, 3.0])),
    ("normal n=101", rng.normal(0, 1, 101)),
    ("ties", np.array([1, 1, 2, 2, 2, 3, 5, 5, 8], dtype=float)),
    ("exponential n=1000", rng.exponential(2.0, 1000)),
]:
    quantiles.append({"name": name, "values": nums(x), "p": ps, "expected": nums(np.quantile(x, ps))})

# ---------------------------------------------------------------- generator
M64, M32 = (1 << 64) - 1, (1 << 32) - 1


def xoshiro_stream(seed, count):
    x = seed & M64

    def splitmix64():
        nonlocal x
        x = (x + 0x9E3779B97F4A7C15) & M64
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    a, b = splitmix64(), splitmix64()
    s = [a & M32, a >> 32, b & M32, b >> 32]

    def rotl(v, r):
        return ((v << r) | (v >> (32 - r))) & M32

    out = []
    for _ in range(count):
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        out.append(result)
    return out


random_cases = []
for seed in (0, 1, 42, -1, 2**53 - 1):
    u = xoshiro_stream(seed, 20)
    doubles = [((u[2 * i] >> 5) * 67108864 + (u[2 * i + 1] >> 6)) / 2**53 for i in range(5)]
    random_cases.append({"seed": seed, "uint32": u[:10], "next": doubles})

golden = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "regression": regression,
    "clustering": clustering,
    "ranking": ranking,
    "quantile": quantiles,
    "random": random_cases,
}
with open(OUT, "w") as f:
    json.dump(golden, f, allow_nan=False)
print(f"metrics_regression_clustering_ranking: {len(regression)} regression, {len(clustering)} clustering, "
      f"{len(ranking)} ranking, {len(quantiles)} quantile, {len(random_cases)} generator cases")
