"""Golden values for the classification metrics (packages/core/src/metrics/classification).

Writes packages/core/test/golden/metrics_classification.json. Run with /usr/bin/python3 (Debian: numpy 1.24,
scipy 1.10.1, scikit-learn 1.2.1). Deterministic: numpy's RNG is seeded; the "real data" cases use the copies of
the breast-cancer and iris data sets bundled inside scikit-learn (sklearn/datasets/data), so nothing outside the
Python installation is read. NaN is written as null, +-inf as "Infinity" / "-Infinity".

References, all scikit-learn 1.2.1 called directly:
- label metrics: accuracy_score, balanced_accuracy_score, precision_recall_fscore_support (average=None and each
  average), fbeta_score, matthews_corrcoef, cohen_kappa_score, confusion_matrix.
- specificity: no sklearn function; TN / (TN + FP) from confusion_matrix(labels=[0, 1]).
- score metrics: roc_auc_score, average_precision_score, roc_curve (drop_intermediate True and False),
  precision_recall_curve, log_loss (labels given, so one-class yTrue is allowed), brier_score_loss(pos_label=1).
- multiclass probabilities: roc_auc_score(multi_class='ovr', average='macro'|'weighted', labels=range(k)),
  log_loss(labels=range(k)).
"""

import json
import math
import os
import warnings

import numpy as np
import scipy
import sklearn
from sklearn import datasets, metrics
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__.startswith("1.24"), np.__version__

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20240611)

OUT = os.path.join(
    os.path.dirname(__file__), "..", "..", "packages", "core", "test", "golden", "metrics_classification.json"
)


def num(x):
    """JSON has no NaN or infinities: NaN -> null, +-inf -> "Infinity" / "-Infinity" (decoded by the tests)."""
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def nums(a):
    return [num(v) for v in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def matrix(m):
    return [[num(v) for v in row] for row in np.asarray(m, dtype=float)]


# ------------------------------------------------------------------------------------------- label metrics
def prf_all(y, p, labels, zd, w):
    """precision/recall/F1/F0.5/F2 for every average over `labels` (None = sklearn default labels)."""
    out = {}
    for avg in ("macro", "micro", "weighted"):
        pr, rc, f1, _ = metrics.precision_recall_fscore_support(
            y, p, labels=labels, average=avg, zero_division=zd, sample_weight=w
        )
        out[avg] = {
            "precision": num(pr),
            "recall": num(rc),
            "f1": num(f1),
            "fbeta05": num(metrics.fbeta_score(y, p, beta=0.5, labels=labels, average=avg, zero_division=zd,
                                               sample_weight=w)),
            "fbeta2": num(metrics.fbeta_score(y, p, beta=2, labels=labels, average=avg, zero_division=zd,
                                              sample_weight=w)),
        }
    pr, rc, f1, sup = metrics.precision_recall_fscore_support(
        y, p, labels=labels, average=None, zero_division=zd, sample_weight=w
    )
    out["perClass"] = {"precision": nums(pr), "recall": nums(rc), "fScore": nums(f1), "support": nums(sup)}
    return out


def kappa_all(y, p, labels, w):
    return {
        "none": num(metrics.cohen_kappa_score(y, p, labels=labels, sample_weight=w)),
        "linear": num(metrics.cohen_kappa_score(y, p, labels=labels, weights="linear", sample_weight=w)),
        "quadratic": num(metrics.cohen_kappa_score(y, p, labels=labels, weights="quadratic", sample_weight=w)),
    }


def binary_label_case(name, y, p, w=None):
    y = np.asarray(y, dtype=np.int64)
    p = np.asarray(p, dtype=np.int64)
    cm = metrics.confusion_matrix(y, p, labels=[0, 1], sample_weight=w)
    tn, fp = float(cm[0, 0]), float(cm[0, 1])
    expected = {
        "accuracy": num(metrics.accuracy_score(y, p, sample_weight=w)),
        "balancedAccuracy": num(metrics.balanced_accuracy_score(y, p, sample_weight=w)),
        "balancedAccuracyAdjusted": num(metrics.balanced_accuracy_score(y, p, sample_weight=w, adjusted=True)),
        "mcc": num(metrics.matthews_corrcoef(y, p, sample_weight=w)),
        "kappa": num(metrics.cohen_kappa_score(y, p, sample_weight=w)),
        "confusionMatrix": matrix(cm),
    }
    for zd in (0, 1):
        expected[f"zd{zd}"] = {
            "precision": num(metrics.precision_score(y, p, zero_division=zd, sample_weight=w)),
            "recall": num(metrics.recall_score(y, p, zero_division=zd, sample_weight=w)),
            "f1": num(metrics.f1_score(y, p, zero_division=zd, sample_weight=w)),
            "fbeta05": num(metrics.fbeta_score(y, p, beta=0.5, zero_division=zd, sample_weight=w)),
            "fbeta2": num(metrics.fbeta_score(y, p, beta=2, zero_division=zd, sample_weight=w)),
            "fbeta0": num(metrics.fbeta_score(y, p, beta=0, zero_division=zd, sample_weight=w)),
            "specificity": float(zd) if tn + fp == 0 else tn / (tn + fp),
            "multiclass": prf_all(y, p, None, zd, w),
        }
    case = {"name": name, "yTrue": ints(y), "yPred": ints(p), "expected": expected}
    if w is not None:
        case["sampleWeight"] = nums(w)
    return case


def multiclass_label_case(name, y, p, k, w=None):
    y = np.asarray(y, dtype=np.int64)
    p = np.asarray(p, dtype=np.int64)
    all_labels = list(range(k))
    default_labels = sorted(set(ints(y)) | set(ints(p)))
    expected = {
        "accuracy": num(metrics.accuracy_score(y, p, sample_weight=w)),
        "balancedAccuracy": num(metrics.balanced_accuracy_score(y, p, sample_weight=w)),
        "balancedAccuracyAdjusted": num(metrics.balanced_accuracy_score(y, p, sample_weight=w, adjusted=True)),
        "mcc": num(metrics.matthews_corrcoef(y, p, sample_weight=w)),
        "defaultLabels": default_labels,
        "confusionMatrixDefault": matrix(metrics.confusion_matrix(y, p, sample_weight=w)),
        "confusionMatrixAll": matrix(metrics.confusion_matrix(y, p, labels=all_labels, sample_weight=w)),
        "kappaDefault": kappa_all(y, p, None, w),
        "kappaAll": kappa_all(y, p, all_labels, w),
    }
    for zd in (0, 1):
        expected[f"zd{zd}"] = {"default": prf_all(y, p, None, zd, w), "all": prf_all(y, p, all_labels, zd, w)}
    # A subset/reordering of labels: the last two classes, reversed.
    subset = [k - 1, k - 2]
    expected["subsetLabels"] = subset
    expected["confusionMatrixSubset"] = matrix(metrics.confusion_matrix(y, p, labels=subset, sample_weight=w))
    expected["zd0Subset"] = prf_all(y, p, subset, 0, w)
    case = {"name": name, "nClasses": k, "yTrue": ints(y), "yPred": ints(p), "expected": expected}
    if w is not None:
        case["sampleWeight"] = nums(w)
    return case


def noisy_binary(n, flip, pos_rate=0.5):
    y = (rng.random(n) < pos_rate).astype(np.int64)
    p = np.where(rng.random(n) < flip, 1 - y, y)
    return y, p


binary_label_cases = []
for n in (1, 2, 10, 100, 1000):
    y, p = noisy_binary(n, 0.3)
    binary_label_cases.append(binary_label_case(f"random n={n}", y, p))
binary_label_cases.append(binary_label_case("n=1 true 1 predicted 0", [1], [0]))
y, _ = noisy_binary(50, 0)
binary_label_cases.append(binary_label_case("perfect", y, y))
binary_label_cases.append(binary_label_case("worst (every label flipped)", y, 1 - y))
binary_label_cases.append(binary_label_case("all predicted 0 (precision 0/0)", y, np.zeros_like(y)))
binary_label_cases.append(binary_label_case("all predicted 1", y, np.ones_like(y)))
binary_label_cases.append(binary_label_case("all true 0, all predicted 0", np.zeros(7), np.zeros(7)))
binary_label_cases.append(binary_label_case("all true 1, some predicted 0", np.ones(6), [1, 0, 1, 1, 0, 1]))
y, p = noisy_binary(2000, 0.05, pos_rate=0.01)
binary_label_cases.append(binary_label_case("imbalanced 1% positives n=2000", y, p))
y, p = noisy_binary(200, 0.25)
binary_label_cases.append(binary_label_case("sample weights n=200", y, p, rng.uniform(0, 3, 200)))

multiclass_label_cases = []
for k, n in ((3, 60), (3, 500), (5, 300)):
    y = rng.integers(0, k, n)
    p = np.where(rng.random(n) < 0.6, y, rng.integers(0, k, n))
    multiclass_label_cases.append(multiclass_label_case(f"random k={k} n={n}", y, p, k))
for k in (3, 5):
    y = rng.integers(0, k, 120)
    p = np.where(rng.random(120) < 0.5, y, rng.integers(0, k, 120))
    p[p == 1] = 0  # class 1 is never predicted
    multiclass_label_cases.append(multiclass_label_case(f"k={k} class 1 never predicted", y, p, k))
y = rng.integers(0, 3, 80)
p = np.where(rng.random(80) < 0.5, y, rng.integers(0, 3, 80))
multiclass_label_cases.append(
    multiclass_label_case("k=4 (class 3 in the dictionary, never seen)", y, p, 4)
)
y = rng.choice([0, 2], 40)
p = rng.choice([0, 1, 2], 40)
multiclass_label_cases.append(multiclass_label_case("k=3 class 1 only predicted, never true", y, p, 3))
y = rng.integers(0, 5, 150)
p = np.where(rng.random(150) < 0.4, y, rng.integers(0, 5, 150))
multiclass_label_cases.append(multiclass_label_case("k=5 sample weights", y, p, 5, rng.uniform(0.1, 2, 150)))
multiclass_label_cases.append(multiclass_label_case("k=3 constant, same class", [2] * 5, [2] * 5, 3))
multiclass_label_cases.append(multiclass_label_case("k=3 n=1", [2], [1], 3))


# ------------------------------------------------------------------------------------------- score metrics
def binary_score_case(name, y, s, curves=True, w=None, probabilities=True):
    y = np.asarray(y, dtype=np.int64)
    s = np.asarray(s, dtype=float)
    both = len(np.unique(y)) == 2
    has_pos = bool((y == 1).any())
    # null = undefined: Vigil throws ONE_CLASS there (sklearn raises for ROC AUC, warns and returns 0 for AP).
    expected = {
        "rocAuc": num(metrics.roc_auc_score(y, s)) if both else None,
        "prAuc": num(metrics.average_precision_score(y, s)) if has_pos else None,
    }
    if probabilities:
        expected["logLoss"] = num(metrics.log_loss(y, s, labels=[0, 1]))
        expected["brier"] = num(metrics.brier_score_loss(y, s, pos_label=1))
    if w is not None:
        expected["logLossWeighted"] = num(metrics.log_loss(y, s, labels=[0, 1], sample_weight=w))
        expected["brierWeighted"] = num(metrics.brier_score_loss(y, s, pos_label=1, sample_weight=w))
    if curves and both:
        fpr, tpr, thr = metrics.roc_curve(y, s)
        expected["rocCurve"] = {"fpr": nums(fpr), "tpr": nums(tpr), "thresholds": nums(thr)}
        fpr, tpr, thr = metrics.roc_curve(y, s, drop_intermediate=False)
        expected["rocCurveAll"] = {"fpr": nums(fpr), "tpr": nums(tpr), "thresholds": nums(thr)}
    if curves and has_pos:
        pr, rc, thr = metrics.precision_recall_curve(y, s)
        expected["prCurve"] = {"precision": nums(pr), "recall": nums(rc), "thresholds": nums(thr)}
    case = {"name": name, "yTrue": ints(y), "yScore": nums(s), "expected": expected}
    if w is not None:
        case["sampleWeight"] = nums(w)
    return case


def informative_scores(y, strength=1.0):
    """Probabilities from a noisy logistic model: higher for positives, not separable."""
    z = strength * (2 * y - 1) + rng.normal(0, 1.2, len(y))
    return 1 / (1 + np.exp(-z))


binary_score_cases = []
binary_score_cases.append(binary_score_case("n=2 one of each", [0, 1], [0.3, 0.8]))
binary_score_cases.append(binary_score_case("n=2 inverted", [1, 0], [0.3, 0.8]))
binary_score_cases.append(binary_score_case("n=1 (only log loss and Brier defined)", [1], [0.7]))
binary_score_cases.append(binary_score_case("sklearn docstring", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))
for n in (10, 100, 1000):
    y = (rng.random(n) < 0.4).astype(np.int64)
    binary_score_cases.append(binary_score_case(f"random n={n}", y, informative_scores(y), curves=n < 1000))
y = (rng.random(5000) < 0.5).astype(np.int64)
binary_score_cases.append(binary_score_case("random n=5000", y, informative_scores(y, 0.5), curves=False))
y = (rng.random(300) < 0.5).astype(np.int64)
binary_score_cases.append(binary_score_case("ties: scores rounded to 0.1", y, np.round(informative_scores(y), 1)))
binary_score_cases.append(
    binary_score_case("ties: three score values", y, rng.choice([0.2, 0.5, 0.9], len(y)))
)
binary_score_cases.append(binary_score_case("constant score", y, np.full(len(y), 0.4)))
binary_score_cases.append(
    binary_score_case(
        "decision values (negative and > 1)", y, 0.9 * (2 * y - 1) + rng.normal(0, 2, len(y)), probabilities=False
    )
)
y = np.array([0] * 20 + [1] * 15)
s_perfect = np.concatenate([rng.uniform(0, 0.4, 20), rng.uniform(0.6, 1, 15)])
binary_score_cases.append(binary_score_case("perfect ranking", y, s_perfect))
binary_score_cases.append(binary_score_case("worst ranking", y, 1 - s_perfect))
binary_score_cases.append(
    binary_score_case("probabilities exactly 0 and 1 (clipping)", [0, 1, 1, 0, 1, 0], [0, 1, 0, 1, 0.5, 0.25])
)
binary_score_cases.append(binary_score_case("confident and right: 0 and 1", [0, 1, 1, 0], [0, 1, 1, 0]))
binary_score_cases.append(binary_score_case("all positive", [1, 1, 1, 1], [0.2, 0.9, 0.4, 0.4]))
binary_score_cases.append(binary_score_case("all negative (log loss, Brier only)", [0, 0, 0], [0.2, 0.9, 0.4]))
y = (rng.random(5000) < 0.01).astype(np.int64)
binary_score_cases.append(binary_score_case("imbalanced 1% positives n=5000", y, informative_scores(y, 1.5), curves=False))
y = (rng.random(400) < 0.01).astype(np.int64)
binary_score_cases.append(binary_score_case("imbalanced 1% positives n=400", y, informative_scores(y, 1.5)))
y = (rng.random(250) < 0.4).astype(np.int64)
binary_score_cases.append(
    binary_score_case(
        "sample weights (log loss, Brier)", y, informative_scores(y), curves=False, w=rng.uniform(0, 2, 250)
    )
)

# Real data: logistic regression on the breast-cancer data bundled with scikit-learn (569 rows; target 1 =
# benign). Trained on the even rows, scored on every row, so the scores are realistic but not perfect.
bc = datasets.load_breast_cancer()
x = StandardScaler().fit_transform(bc.data)
model = LogisticRegression(C=0.05, max_iter=1000).fit(x[::2], bc.target[::2])
bc_scores = model.predict_proba(x)[:, 1]
binary_score_cases.append(binary_score_case("breast cancer (sklearn bundled), logistic regression", bc.target, bc_scores))
binary_label_cases.append(
    binary_label_case("breast cancer (sklearn bundled), threshold 0.5", bc.target, (bc_scores >= 0.5).astype(int))
)


def proba_case(name, y, proba):
    y = np.asarray(y, dtype=np.int64)
    proba = np.asarray(proba, dtype=float)
    k = proba.shape[1]
    labels = list(range(k))
    expected = {"logLoss": num(metrics.log_loss(y, proba, labels=labels))}
    if len(np.unique(y)) == k and k >= 3:
        expected["rocAucOvrMacro"] = num(
            metrics.roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=labels)
        )
        expected["rocAucOvrWeighted"] = num(
            metrics.roc_auc_score(y, proba, multi_class="ovr", average="weighted", labels=labels)
        )
    return {"name": name, "yTrue": ints(y), "yProba": [nums(proba[:, c]) for c in range(k)], "expected": expected}


def dirichlet_model(y, k, strength):
    """Probabilities leaning to the true class: Dirichlet with extra mass on y."""
    alpha = np.ones((len(y), k))
    alpha[np.arange(len(y)), y] += strength
    return np.vstack([rng.dirichlet(a) for a in alpha])


proba_cases = []
for k, n in ((3, 30), (3, 400), (5, 500)):
    y = rng.integers(0, k, n)
    proba_cases.append(proba_case(f"random k={k} n={n}", y, dirichlet_model(y, k, 2.0)))
y = rng.integers(0, 5, 200)
proba_cases.append(proba_case("k=5 ties: probabilities rounded to 0.25", y,
                              np.array([[0.25, 0.25, 0.5, 0, 0], [0, 0.5, 0.25, 0.25, 0], [0.25, 0, 0, 0.5, 0.25],
                                        [0, 0, 0.25, 0.25, 0.5]])[rng.integers(0, 4, 200)]))
y = np.array([0, 1, 2, 2, 1, 0])
proba_cases.append(proba_case("k=3 probabilities exactly 0 and 1", y,
                              [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 0.5, 0.5], [0.2, 0.3, 0.5]]))
y = rng.integers(0, 3, 50)
y[y == 2] = 0  # class 2 never occurs: log loss is defined, OvR AUC is not
proba_cases.append(proba_case("k=3 class 2 never in yTrue (log loss only)", y, dirichlet_model(y, 3, 1.0)))
proba_cases.append(proba_case("k=3 n=1", [1], [[0.2, 0.5, 0.3]]))
iris = datasets.load_iris()
xi = StandardScaler().fit_transform(iris.data)
iris_model = LogisticRegression(C=0.1, max_iter=1000).fit(xi[::2], iris.target[::2])
proba_cases.append(proba_case("iris (sklearn bundled), logistic regression", iris.target, iris_model.predict_proba(xi)))

out = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "binaryLabelCases": binary_label_cases,
    "multiclassLabelCases": multiclass_label_cases,
    "binaryScoreCases": binary_score_cases,
    "probaCases": proba_cases,
}
with open(OUT, "w") as f:
    json.dump(out, f, separators=(",", ":"), allow_nan=False)
print(
    f"metrics_classification: {len(binary_label_cases)} binary label, {len(multiclass_label_cases)} multiclass label, "
    f"{len(binary_score_cases)} score, {len(proba_cases)} probability cases -> {os.path.relpath(OUT)}"
)
