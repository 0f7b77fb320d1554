"""Records reference values for the drift and data-quality tests with NumPy and SciPy, independently of our code.

Data: notebooks/data/penguins.csv. Reference = penguins not from Biscoe island, primary = Biscoe.
Run: python3 scripts/drift-reference/record.py  (writes test/fixtures/drift/penguins-reference.json)
Needs numpy and scipy (Debian: apt-get install python3-numpy python3-scipy).
"""
import csv
import json
import math
from pathlib import Path

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy

root = Path(__file__).resolve().parents[2]
rows = list(csv.DictReader(open(root / "notebooks/data/penguins.csv")))
reference = [r for r in rows if r["island"] != "Biscoe"]
primary = [r for r in rows if r["island"] == "Biscoe"]


def numbers(rs, column):
    return np.array([float(r[column]) if r[column] != "" else np.nan for r in rs])


def continuous_counts(p_values, q_values):
    q_finite = q_values[~np.isnan(q_values)]
    breaks = np.unique(np.quantile(q_finite, np.linspace(0, 1, 11), method="linear"))
    if len(breaks) > 2:
        breaks = breaks[1:-1]
    def counts(values):
        finite = values[~np.isnan(values)]
        # bins (-inf, b1), [b1, b2), ..., [bk, +inf): index = number of breaks <= value
        index = np.searchsorted(breaks, finite, side="right")
        c = np.bincount(index, minlength=len(breaks) + 1).astype(float)
        return np.append(c, np.isnan(values).sum())
    return counts(p_values), counts(q_values), breaks.tolist()


def discrete_counts(p_values, q_values):
    labels = sorted({v for v in p_values + q_values if v != ""})
    def counts(values):
        return np.array([sum(v == label for v in values) for label in labels] + [sum(v == "" for v in values)], float)
    return counts(p_values), counts(q_values), labels


def divergences(p_counts, q_counts):
    keep = (p_counts + q_counts) > 0
    p, q = p_counts[keep], q_counts[keep]
    d = keep.sum()
    p = (p + 1) / (p.sum() + d)
    q = (q + 1) / (q.sum() + d)
    return {
        "kl": float(entropy(p, q)),  # natural log
        "psi": float(entropy(p, q) + entropy(q, p)),
        "js": float(jensenshannon(p, q)),  # base e by default: the distance, sqrt of the divergence
    }


drift = {}
for column in ["body_mass_g", "flipper_length_mm"]:
    p_counts, q_counts, breaks = continuous_counts(numbers(primary, column), numbers(reference, column))
    drift[column] = {"breaks": breaks, "primary": p_counts.tolist(), "reference": q_counts.tolist(), **divergences(p_counts, q_counts)}
for column in ["sex", "species"]:
    p_counts, q_counts, labels = discrete_counts([r[column] for r in primary], [r[column] for r in reference])
    drift[column] = {"labels": labels, "primary": p_counts.tolist(), "reference": q_counts.tolist(), **divergences(p_counts, q_counts)}

quality = {}
for column in ["body_mass_g", "beak_length_mm"]:
    values = numbers(rows, column)
    finite = values[~np.isnan(values)]
    quality[column] = {
        "count": len(values),
        "percentEmpty": float(100 * np.isnan(values).sum() / len(values)),
        "cardinality": int(len(np.unique(finite))),
        "mean": float(finite.mean()),
        "sum": float(finite.sum()),
        "min": float(finite.min()),
        "max": float(finite.max()),
        **{f"p{p:02d}": float(np.percentile(finite, p, method="linear")) for p in [1, 25, 50, 75, 99]},
    }
sex = [r["sex"] for r in rows]
quality["sex"] = {"count": len(sex), "percentEmpty": 100 * sex.count("") / len(sex), "cardinality": len({s for s in sex if s})}

out = root / "test/fixtures/drift/penguins-reference.json"
out.write_text(json.dumps({"source": "scripts/drift-reference/record.py (numpy %s, scipy)" % np.__version__, "drift": drift, "quality": quality}, indent=2) + "\n")
print(out)
