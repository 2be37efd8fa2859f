"""Golden values for the calibration curve (packages/core/src/metrics/classification/calibrationCurve.ts).

Writes packages/core/test/golden/calibration.json. Run with /usr/bin/python3 (Debian: numpy 1.24, scipy 1.10.1,
scikit-learn 1.2.1). Deterministic: numpy's RNG is seeded.

Reference: `sklearn.calibration.calibration_curve(y_true, y_prob, n_bins=..., strategy=..., pos_label=...)`
(scikit-learn 1.2.1) gives prob_true and prob_pred. scikit-learn does not return the number of samples per bin;
`counts` is computed here with the same three lines scikit-learn runs internally (bin edges from
`numpy.linspace` / `numpy.percentile`, `numpy.searchsorted(bins[1:-1], y_prob)`, `numpy.bincount`), and the script
asserts that those bins reproduce scikit-learn's prob_true and prob_pred exactly, so the counts are the ones
scikit-learn used.
"""

import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.calibration import calibration_curve

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__.startswith("1.24"), np.__version__

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20240614)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "packages", "core", "test", "golden", "calibration.json")


def counts_of(y_prob, n_bins, strategy):
    """Samples per non-empty bin, binned exactly as sklearn 1.2.1 does inside calibration_curve."""
    y_prob = np.asarray(y_prob, dtype=float)
    if strategy == "quantile":
        bins = np.percentile(y_prob, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        bins = np.linspace(0.0, 1.0, n_bins + 1)
    binids = np.searchsorted(bins[1:-1], y_prob)
    total = np.bincount(binids, minlength=len(bins))
    return binids, bins, total


cases = []


def case(name, y_true, y_prob, n_bins, strategy="uniform", pos_label=None):
    y_true = np.asarray(y_true, dtype=int)
    y_prob = np.asarray(y_prob, dtype=float)
    kwargs = {"n_bins": n_bins, "strategy": strategy}
    if pos_label is not None:
        kwargs["pos_label"] = pos_label
    prob_true, prob_pred = calibration_curve(y_true, y_prob, **kwargs)
    binids, bins, total = counts_of(y_prob, n_bins, strategy)
    nonzero = total != 0
    positives = y_true == (1 if pos_label is None else pos_label)
    # The recomputed bins must give sklearn's numbers bit for bit, or the counts would not be sklearn's.
    assert np.array_equal(np.bincount(binids, weights=positives, minlength=len(bins))[nonzero] / total[nonzero], prob_true)
    assert np.array_equal(np.bincount(binids, weights=y_prob, minlength=len(bins))[nonzero] / total[nonzero], prob_pred)
    entry = {
        "name": name,
        "yTrue": [int(v) for v in y_true],
        "yProb": [float(v) for v in y_prob],
        "nBins": n_bins,
        "strategy": strategy,
        "expected": {
            "probTrue": [float(v) for v in prob_true],
            "probPred": [float(v) for v in prob_pred],
            "counts": [int(v) for v in total[nonzero]],
            "edges": [float(v) for v in bins],
        },
    }
    if pos_label is not None:
        entry["posLabel"] = pos_label
    cases.append(entry)


# scikit-learn's docstring example.
doc_y = [0, 0, 0, 0, 1, 1, 1, 1, 1]
doc_p = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0]
case("sklearn docstring example, 3 uniform bins", doc_y, doc_p, 3)
case("sklearn docstring example, 3 quantile bins", doc_y, doc_p, 3, "quantile")

# A calibrated-ish model on 400 samples.
p = rng.beta(2, 3, 400)
y = (rng.random(400) < p).astype(int)
for n_bins in (5, 10, 15):
    case(f"beta(2,3) scores n=400, {n_bins} uniform bins", y, p, n_bins)
    case(f"beta(2,3) scores n=400, {n_bins} quantile bins", y, p, n_bins, "quantile")

# Values exactly on the uniform edges (0, 0.1, ..., 1): the inner edges are i * 0.1 as numpy.linspace computes them
# (3 * 0.1 = 0.30000000000000004), a value equal to an edge goes to the lower bin, and 1 goes to the last bin.
grid = [i / 10 for i in range(11)]
grid_y = [0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1]
for n_bins in (2, 3, 5, 10, 20):
    case(f"values on the tenths grid, {n_bins} uniform bins", grid_y, grid, n_bins)
case("values on the tenths grid, 4 quantile bins", grid_y, grid, 4, "quantile")
thirds = [0, 1 / 3, 2 / 3, 1, 1 / 3, 2 / 3]
case("values on the thirds, 3 uniform bins (2/3 on the edge)", [0, 1, 0, 1, 1, 1], thirds, 3)

# Ties: scores rounded to 0.05.
p = np.round(rng.random(120) * 20) / 20
y = (rng.random(120) < p).astype(int)
case("scores rounded to 0.05 (ties), 10 uniform bins", y, p, 10)
case("scores rounded to 0.05 (ties), 10 quantile bins", y, p, 10, "quantile")
case("scores rounded to 0.05 (ties), 7 quantile bins", y, p, 7, "quantile")

# All samples in one bin.
p = 0.42 + rng.random(30) * 0.03
y = (rng.random(30) < 0.4).astype(int)
case("all scores in [0.42, 0.45], 10 uniform bins (one bin)", y, p, 10)
case("all scores in [0.42, 0.45], 10 quantile bins", y, p, 10, "quantile")

# Quantile edges that repeat: most scores are 0.5, so several edges coincide and their bins are empty.
p = np.array([0.5] * 25 + [0.1, 0.2, 0.8, 0.9, 0.95])
y = np.array([0, 1] * 12 + [1, 0, 0, 1, 1, 1])
case("mostly 0.5 (duplicate quantile edges), 10 quantile bins", y, p, 10, "quantile")
case("mostly 0.5 (duplicate quantile edges), 4 quantile bins", y, p, 4, "quantile")
case("constant 0.3, 5 quantile bins", [0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3], 5, "quantile")
case("constant 0.3, 5 uniform bins", [0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3], 5)

# Scores only 0 and 1.
case("scores 0 and 1 only, 10 uniform bins", [0, 1, 1, 0, 1], [0.0, 1.0, 1.0, 0.0, 0.0], 10)
case("scores 0 and 1 only, 10 quantile bins", [0, 1, 1, 0, 1], [0.0, 1.0, 1.0, 0.0, 0.0], 10, "quantile")

# n = 1 and one class.
case("n=1, 10 uniform bins", [1], [0.7], 10)
case("n=1, 10 quantile bins", [0], [0.7], 10, "quantile")
case("one class (all 0), 5 uniform bins", [0, 0, 0, 0], [0.1, 0.35, 0.6, 0.95], 5)
case("one class (all 1), 3 quantile bins", [1, 1, 1, 1, 1], [0.2, 0.4, 0.4, 0.9, 0.99], 3, "quantile")

# One bin; more bins than samples.
p = rng.random(25)
y = (rng.random(25) < p).astype(int)
case("n=25, 1 uniform bin", y, p, 1)
case("n=25, 1 quantile bin", y, p, 1, "quantile")
case("n=25, 50 uniform bins", y, p, 50)
case("n=25, 50 quantile bins", y, p, 50, "quantile")

# pos_label = 0: class 0 is the positive class and y_prob its probability.
case("pos_label=0, 5 uniform bins", doc_y, doc_p, 5, pos_label=0)
case("pos_label=0, 3 quantile bins", doc_y, doc_p, 3, "quantile", pos_label=0)

out = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "cases": cases,
}
with open(OUT, "w") as f:
    json.dump(out, f, separators=(",", ":"), allow_nan=False)
print(f"calibration: {len(cases)} cases -> {os.path.relpath(OUT)}")
