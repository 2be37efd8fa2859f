"""Fixtures and golden values for `vigil drift` end to end.

Writes packages/cli/test/fixtures/drift_reference.csv and drift_current.csv (a few KB each) and, in
packages/cli/test/golden/cli_drift.json, scipy's two-sample Kolmogorov–Smirnov test on their numerical columns
(what `vigil drift --test ks` must report). The CLI test compares every other number with @vigil/core's
dataDrift on the same files, whose statistics have their own golden tests. Run with /usr/bin/python3
(scipy 1.10.1). Deterministic: numpy's RNG is seeded.

Columns: age (numerical, shifted), income (numerical, slight shift, missing values in the current file),
tenure (numerical, same distribution), visits (integers 0–4: few distinct values, so chi-square under `auto`),
city (categorical, a category unseen in the reference), plan (two categories: z-test under `auto`).
"""

import csv
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__.startswith("1.24"), np.__version__

rng = np.random.default_rng(20240612)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FIXTURES = os.path.join(ROOT, "packages", "cli", "test", "fixtures")
OUT = os.path.join(ROOT, "packages", "cli", "test", "golden", "cli_drift.json")
os.makedirs(FIXTURES, exist_ok=True)
HEADER = ["age", "income", "tenure", "visits", "city", "plan"]


def rows(n, current):
    out = []
    for i in range(n):
        age = int(rng.integers(25, 81) if current else rng.integers(18, 71))
        income = rng.normal(52 if current else 50, 10)
        tenure = rng.exponential(3.0)
        visits = int(rng.integers(0, 5))
        cities = ["a", "b", "c", "d"] if current else ["a", "b", "c"]
        city = cities[int(rng.integers(0, len(cities)))]
        plan = "pro" if rng.random() < (0.45 if current else 0.35) else "basic"
        income_text = "" if current and i % 25 == 3 else f"{income:.2f}"
        out.append([age, income_text, f"{tenure:.3f}", visits, city, plan])
    return out


def write(name, data):
    with open(os.path.join(FIXTURES, name), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(data)
    with open(os.path.join(FIXTURES, name), newline="") as f:
        return list(csv.DictReader(f))


reference = write("drift_reference.csv", rows(200, False))
current = write("drift_current.csv", rows(150, True))


def values(data, name):
    return np.array([float(r[name]) for r in data if r[name] != ""])


ks = {}
for name in ("age", "income", "tenure", "visits"):
    result = stats.ks_2samp(values(reference, name), values(current, name))
    ks[name] = {"statistic": float(result.statistic), "pValue": float(result.pvalue)}
    assert not math.isnan(ks[name]["pValue"])

golden = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__}, "ks": ks}
with open(OUT, "w") as f:
    json.dump(golden, f, allow_nan=False, indent=1)
print(f"cli_drift: ks on {len(ks)} columns; reference {len(reference)} rows, current {len(current)} rows")
