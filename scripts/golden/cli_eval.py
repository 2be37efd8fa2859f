"""Fixtures and golden values for `vigil eval` end to end.

Writes small CSV fixtures to packages/cli/test/fixtures/ (binary, multiclass, regression, clustering, ranking) and
the metrics `vigil eval --format json` must report on them to packages/cli/test/golden/cli_eval.json. Run with
/usr/bin/python3 (Debian: numpy 1.24, scikit-learn 1.2.1). Deterministic: numpy's RNG is seeded. NaN is written
as null.

The expected values are computed from the CSV text as written (each file is read back with the csv module), so
the TypeScript side and this script see the very same doubles.

References:
- classification, regression, clustering and NDCG: scikit-learn 1.2.1 functions, called directly.
- specificity: TN / (TN + FP) from sklearn.metrics.confusion_matrix (no sklearn function).
- adjusted R²: 1 - (1 - R²)(n - 1)/(n - p - 1) from sklearn's r2_score (no sklearn function).
- NDCG@k: sklearn.metrics.ndcg_score per query (queries differ in size), averaged over queries; a query with no
  relevant item counts as 0, as sklearn scores it.
- precision@k, recall@k, MAP@k, hit rate@k, MRR: no library function exists, so `ranking_reference` below
  implements the textbook definitions (Manning et al., Introduction to IR, §8.4); ties keep row order. Queries
  with no relevant item count as 0 for precision@k and are left out for the others (Vigil's documented defaults).
"""

import csv
import io
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
rng = np.random.default_rng(20240611)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FIXTURES = os.path.join(ROOT, "packages", "cli", "test", "fixtures")
OUT = os.path.join(ROOT, "packages", "cli", "test", "golden", "cli_eval.json")
os.makedirs(FIXTURES, exist_ok=True)
os.makedirs(os.path.dirname(OUT), exist_ok=True)


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def write_csv(name, header, rows):
    """Writes the fixture and returns its rows read back as dicts of strings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(os.path.join(FIXTURES, name), "w", newline="") as f:
        f.write(buffer.getvalue())
    with open(os.path.join(FIXTURES, name), newline="") as f:
        return list(csv.DictReader(f))


def column(rows, name, cast=str):
    return [cast(r[name]) for r in rows]


def segments_of(rows, seg, compute):
    """Metrics per segment value, on that value's rows only (keys as the CLI prints them: the CSV text)."""
    values = sorted(set(r[seg] for r in rows), key=lambda v: (float(v), v) if is_number(v) else (math.inf, v))
    out = {}
    for v in values:
        subset = [r for r in rows if r[seg] == v]
        out[v] = {"n": len(subset), "metrics": compute(subset)}
    return out


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


cases = []


def case(name, data, task, args, n, metrics_, confusion=None, segments=None):
    entry = {"name": name, "data": data, "task": task, "args": args, "n": n, "metrics": metrics_}
    if confusion is not None:
        entry["confusionMatrix"] = confusion
    if segments is not None:
        entry["segments"] = segments
    cases.append(entry)


# ---------------------------------------------------------------- binary
def sigmoid(x):
    return 1 / (1 + math.exp(-x))


N = 150
binary_rows = []
for i in range(N):
    churn = rng.random() < 0.4
    region = ["north", "south", "west"][int(rng.integers(0, 3))]
    # Two decimals: many tied scores, so the AUC tie handling is exercised.
    score = min(0.99, max(0.01, round(sigmoid(1.4 * (1 if churn else -1) + rng.normal(0, 1.3)), 2)))
    predicted = "churn" if score + rng.normal(0, 0.15) >= 0.5 else "stay"
    binary_rows.append([i + 1, "churn" if churn else "stay", predicted, f"{score:.2f}", int(churn), region])
rows = write_csv("binary.csv", ["id", "label", "predicted", "score", "churned", "region"], binary_rows)


def binary_metrics(y_true, y_pred, score, positive):
    """The twelve binary metrics; y_true/y_pred are label strings, `positive` the positive one."""
    labels = sorted(set(y_true) | set(y_pred), key=lambda c: c == positive)  # negative first
    negative = [c for c in labels if c != positive][0]
    yt = np.array([1 if v == positive else 0 for v in y_true])
    yp = np.array([1 if v == positive else 0 for v in y_pred])
    s = np.array(score, dtype=float)
    tn, fp, fn, tp = metrics.confusion_matrix(yt, yp, labels=[0, 1]).ravel()
    out = {
        "accuracy": metrics.accuracy_score(yt, yp),
        "balancedAccuracy": metrics.balanced_accuracy_score(yt, yp),
        "precision": metrics.precision_score(yt, yp, zero_division=0),
        "recall": metrics.recall_score(yt, yp, zero_division=0),
        "f1": metrics.f1_score(yt, yp, zero_division=0),
        "specificity": tn / (tn + fp),
        "mcc": metrics.matthews_corrcoef(yt, yp),
        "cohenKappa": metrics.cohen_kappa_score(yt, yp),
        "rocAuc": metrics.roc_auc_score(yt, s),
        "prAuc": metrics.average_precision_score(yt, s),
        "logLoss": metrics.log_loss(yt, s),
        "brier": metrics.brier_score_loss(yt, s),
    }
    matrix = metrics.confusion_matrix(y_true, y_pred, labels=[negative, positive]).tolist()
    return {k: num(v) for k, v in out.items()}, {"labels": [negative, positive], "matrix": matrix}


def binary_from_columns(subset):
    m, _ = binary_metrics(column(subset, "label"), column(subset, "predicted"), column(subset, "score", float), "churn")
    return m


m, cm = binary_metrics(column(rows, "label"), column(rows, "predicted"), column(rows, "score", float), "churn")
case(
    "binary: string labels, --prediction and --score, segments",
    "binary.csv",
    "binary",
    ["--target", "label", "--prediction", "predicted", "--score", "score", "--positive", "churn", "--segment", "region"],
    N,
    m,
    cm,
    segments_of(rows, "region", binary_from_columns),
)

thresholded = ["churn" if s >= 0.3 else "stay" for s in column(rows, "score", float)]
m, cm = binary_metrics(column(rows, "label"), thresholded, column(rows, "score", float), "churn")
case(
    "binary: labels from --score >= --threshold 0.3",
    "binary.csv",
    "binary",
    ["--target", "label", "--score", "score", "--positive", "churn", "--threshold", "0.3"],
    N,
    m,
    cm,
)

churned = column(rows, "churned")
at_half = ["1" if s >= 0.5 else "0" for s in column(rows, "score", float)]
m, cm = binary_metrics(churned, at_half, column(rows, "score", float), "1")
case(
    "binary: 0/1 target, positive class 1 by default, labels from score >= 0.5",
    "binary.csv",
    "binary",
    ["--target", "churned", "--score", "score"],
    N,
    m,
    cm,
)

# ---------------------------------------------------------------- multiclass
CLASSES = ["cat", "dog", "bird"]  # column order, not alphabetical: the CLI must follow the columns
N = 150
multi_rows = []
i = 0
while len(multi_rows) < N:
    truth = int(rng.integers(0, 3))
    logits = rng.normal(0, 1, 3)
    logits[truth] += 1.3
    p = np.exp(logits) / np.exp(logits).sum()
    thousandths = [int(round(p[0] * 1000)), int(round(p[1] * 1000))]
    thousandths.append(1000 - sum(thousandths))
    if min(thousandths) < 1 or sorted(thousandths)[-1] == sorted(thousandths)[-2]:
        continue  # keep every probability positive and the argmax unique
    best = int(np.argmax(thousandths))
    predicted = best if rng.random() > 0.12 else int(rng.integers(0, 3))
    batch = 1 + len(multi_rows) % 2
    multi_rows.append(
        [CLASSES[truth], CLASSES[predicted]] + [f"{t / 1000:.3f}" for t in thousandths] + [batch]
    )
rows = write_csv(
    "multiclass.csv", ["animal", "predicted", "proba_cat", "proba_dog", "proba_bird", "batch"], multi_rows
)


def multiclass_metrics(y_true, y_pred, proba, labels):
    out = {
        "accuracy": metrics.accuracy_score(y_true, y_pred),
        "balancedAccuracy": metrics.balanced_accuracy_score(y_true, y_pred),
    }
    for average in ("macro", "micro", "weighted"):
        suffix = average.capitalize()
        out["precision" + suffix] = metrics.precision_score(y_true, y_pred, labels=labels, average=average, zero_division=0)
        out["recall" + suffix] = metrics.recall_score(y_true, y_pred, labels=labels, average=average, zero_division=0)
        out["f1" + suffix] = metrics.f1_score(y_true, y_pred, labels=labels, average=average, zero_division=0)
    out["cohenKappa"] = metrics.cohen_kappa_score(y_true, y_pred)
    out["mcc"] = metrics.matthews_corrcoef(y_true, y_pred)
    if proba is not None:
        # sklearn wants the labels sorted and the probability columns in that order.
        order = sorted(range(len(labels)), key=lambda j: labels[j])
        P = np.array(proba, dtype=float)[:, order]
        ordered = [labels[j] for j in order]
        out["rocAucOvrMacro"] = metrics.roc_auc_score(y_true, P, multi_class="ovr", average="macro", labels=ordered)
        out["rocAucOvrWeighted"] = metrics.roc_auc_score(
            y_true, P, multi_class="ovr", average="weighted", labels=ordered
        )
        out["logLoss"] = metrics.log_loss(y_true, P, labels=ordered)
    matrix = metrics.confusion_matrix(y_true, y_pred, labels=labels).tolist()
    return {k: num(v) for k, v in out.items()}, {"labels": labels, "matrix": matrix}


def probas(subset):
    return [[float(r["proba_" + c]) for c in CLASSES] for r in subset]


def multiclass_with_predictions(subset):
    m, _ = multiclass_metrics(column(subset, "animal"), column(subset, "predicted"), probas(subset), CLASSES)
    return m


m, cm = multiclass_metrics(column(rows, "animal"), column(rows, "predicted"), probas(rows), CLASSES)
case(
    "multiclass: --prediction and --probas, numeric segment",
    "multiclass.csv",
    "multiclass",
    ["--target", "animal", "--prediction", "predicted", "--probas", "proba_", "--segment", "batch"],
    N,
    m,
    cm,
    segments_of(rows, "batch", multiclass_with_predictions),
)

argmax = [CLASSES[int(np.argmax(p))] for p in probas(rows)]
m, cm = multiclass_metrics(column(rows, "animal"), argmax, probas(rows), CLASSES)
case(
    "multiclass: --probas only, labels are the argmax",
    "multiclass.csv",
    "multiclass",
    ["--target", "animal", "--probas", "proba_"],
    N,
    m,
    cm,
)

sorted_classes = sorted(CLASSES)
m, cm = multiclass_metrics(column(rows, "animal"), column(rows, "predicted"), None, sorted_classes)
case(
    "multiclass: --prediction only, classes in alphabetical order",
    "multiclass.csv",
    "multiclass",
    ["--target", "animal", "--prediction", "predicted"],
    N,
    m,
    cm,
)

# ---------------------------------------------------------------- regression
N = 120
reg_rows = []
for i in range(N):
    x = rng.normal(0, 1, 3)
    y = 6 + 1.5 * x[0] - 0.8 * x[1] + rng.normal(0, 0.6)
    y = max(y, 0.75)  # keep |y| away from 0 so MAPE is well defined
    y_pred = y + rng.normal(0.1, 0.7)
    site = ["A", "B", "C"][i % 3]
    reg_rows.append([f"{y:.3f}", f"{y_pred:.3f}", f"{x[0]:.3f}", f"{x[1]:.3f}", f"{x[2]:.3f}", site])
rows = write_csv("regression.csv", ["y", "y_pred", "x1", "x2", "x3", "site"], reg_rows)


def regression_metrics(y, p, n_features):
    y = np.array(y, dtype=float)
    p = np.array(p, dtype=float)
    r2 = metrics.r2_score(y, p)
    n = len(y)
    adjusted = float("nan") if n - n_features - 1 <= 0 else 1 - (1 - r2) * (n - 1) / (n - n_features - 1)
    out = {
        "mse": metrics.mean_squared_error(y, p),
        "rmse": metrics.mean_squared_error(y, p, squared=False),
        "mae": metrics.mean_absolute_error(y, p),
        "mape": metrics.mean_absolute_percentage_error(y, p),
        "r2": r2,
        "adjustedR2": adjusted,
        "explainedVariance": metrics.explained_variance_score(y, p),
        "medianAe": metrics.median_absolute_error(y, p),
        "maxError": metrics.max_error(y, p),
    }
    return {k: num(v) for k, v in out.items()}


def regression_3(subset):
    return regression_metrics(column(subset, "y", float), column(subset, "y_pred", float), 3)


case(
    "regression: --n-features 3, segments",
    "regression.csv",
    "regression",
    ["--target", "y", "--prediction", "y_pred", "--n-features", "3", "--segment", "site"],
    N,
    regression_3(rows),
    segments=segments_of(rows, "site", regression_3),
)
case(
    "regression: default features are the 4 other columns",
    "regression.csv",
    "regression",
    ["--target", "y", "--prediction", "y_pred"],
    N,
    regression_metrics(column(rows, "y", float), column(rows, "y_pred", float), 4),
)

# ---------------------------------------------------------------- clustering
N = 90
centers = np.array([[0.0, 0.0, 0.0], [4.0, 1.0, -2.0], [1.0, 5.0, 3.0]])
clu_rows = []
for i in range(N):
    c = i % 3
    x = centers[c] + rng.normal(0, 1.2, 3)
    label = c if rng.random() > 0.08 else int(rng.integers(0, 3))
    batch = 1 + (i // 3) % 2  # numerical, so the default features must leave the segment column out
    clu_rows.append([f"{x[0]:.3f}", f"{x[1]:.3f}", f"{x[2]:.3f}", label, batch])
rows = write_csv("clustering.csv", ["f1", "f2", "f3", "cluster", "batch"], clu_rows)


def clustering_metrics(subset):
    X = np.array([[float(r["f1"]), float(r["f2"]), float(r["f3"])] for r in subset])
    labels = column(subset, "cluster", int)
    return {
        "silhouette": num(metrics.silhouette_score(X, labels)),
        "daviesBouldin": num(metrics.davies_bouldin_score(X, labels)),
        "calinskiHarabasz": num(metrics.calinski_harabasz_score(X, labels)),
    }


case(
    "clustering: --features",
    "clustering.csv",
    "clustering",
    ["--prediction", "cluster", "--features", "f1,f2,f3"],
    N,
    clustering_metrics(rows),
)
case(
    "clustering: default features (numerical columns but the cluster id and the segment), segments",
    "clustering.csv",
    "clustering",
    ["--prediction", "cluster", "--segment", "batch"],
    N,
    clustering_metrics(rows),
    segments=segments_of(rows, "batch", clustering_metrics),
)

# ---------------------------------------------------------------- ranking
rank_rows = []
for q in range(1, 13):
    size = int(rng.integers(3, 9))
    for _ in range(size):
        relevance = 0 if q == 7 else int(rng.choice([0, 0, 0, 1, 1, 2, 3]))
        score = round(0.05 * relevance + rng.random(), 2)  # two decimals: ties
        rank_rows.append([f"q{q:02d}", relevance, f"{score:.2f}"])
rng.shuffle(rank_rows)  # rows of a query need not be contiguous
rows = write_csv("ranking.csv", ["query", "relevance", "score"], rank_rows)


def ranking_reference(qids, rel, scores, k, metric):
    """Per query, then averaged; ties keep row order (Python's sort is stable)."""
    policy = "zero" if metric == "precisionAtK" else "skip"
    total, counted = 0.0, 0
    for q in sorted(set(qids)):
        ranked = sorted([i for i in range(len(qids)) if qids[i] == q], key=lambda i: -scores[i])
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
        elif metric == "hitRateAtK":
            value = 1.0 if sum(top) > 0 else 0.0
        elif metric == "mrr":
            value = next((1.0 / r for r, is_rel in enumerate(top, start=1) if is_rel), 0.0)
        total += value
        counted += 1
    return float("nan") if counted == 0 else total / counted


def ndcg(qids, rel, scores, k):
    values = []
    for q in sorted(set(qids)):
        idx = [i for i in range(len(qids)) if qids[i] == q]
        values.append(metrics.ndcg_score([[rel[i] for i in idx]], [[scores[i] for i in idx]], k=k))
    return float(np.mean(values))


qids, rel, scores = column(rows, "query"), column(rows, "relevance", float), column(rows, "score", float)
ranking = {}
for k in (1, 3, 5):
    ranking[f"ndcgAt{k}"] = num(ndcg(qids, rel, scores, k))
    ranking[f"precisionAt{k}"] = num(ranking_reference(qids, rel, scores, k, "precisionAtK"))
    ranking[f"recallAt{k}"] = num(ranking_reference(qids, rel, scores, k, "recallAtK"))
    ranking[f"mapAt{k}"] = num(ranking_reference(qids, rel, scores, k, "mapAtK"))
    ranking[f"hitRateAt{k}"] = num(ranking_reference(qids, rel, scores, k, "hitRateAtK"))
ranking["mrr"] = num(ranking_reference(qids, rel, scores, None, "mrr"))
case(
    "ranking: --k 1,3,5, unordered rows, a query without relevant items",
    "ranking.csv",
    "ranking",
    ["--query", "query", "--relevance", "relevance", "--score", "score", "--k", "1,3,5"],
    len(set(qids)),
    ranking,
)

golden = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(golden, f, allow_nan=False, indent=1)
written = sorted({c["data"] for c in cases})
sizes = {name: os.path.getsize(os.path.join(FIXTURES, name)) for name in written}
print(f"cli_eval: {len(cases)} cases; fixtures {', '.join(f'{k} {v} B' for k, v in sizes.items())}")
