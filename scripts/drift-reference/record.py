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


# Phoenix's quantile binning: the probabilities np.arange(1, 10) / 10 with 0 and 1 added (np.linspace(0, 1, 11)
# differs from them in the last bit at 0.3, 0.6 and 0.7), np.nanquantile (infinities included), NaN quantiles
# dropped, the rest deduplicated; breaks[1:-1] of more than two, else breaks[:1].
PROBABILITIES = sorted({0.0, 1.0}.union(set(np.arange(1, 10) / 10)))


def continuous_counts(p_values, q_values):
    with np.errstate(invalid="ignore"):
        quantiles = np.nanquantile(q_values, PROBABILITIES)
    breaks = sorted(set(quantiles[~np.isnan(quantiles)].tolist()))
    breaks = np.array(breaks[1:-1] if len(breaks) > 2 else breaks[:1])
    def counts(values):
        # bins [-inf, b1), [b1, b2), ..., [bk, +inf), left-closed as pd.cut(right=False): index = number of
        # breaks <= value; NaN and +inf (in no bin) are missing
        kept = values[values < np.inf]
        index = np.searchsorted(breaks, kept, side="right")
        c = np.bincount(index, minlength=len(breaks) + 1).astype(float)
        return np.append(c, len(values) - len(kept))
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
