"""Records NumPy's quantiles (np.quantile, method "linear": what Phoenix's np.nanquantile computes) of arrays
whose quantiles an a + (b − a)·t interpolation gets wrong in the last bit, for test/cells/drift/quantile.test.ts.

Run: python3 scripts/drift-reference/quantiles.py  (writes test/fixtures/drift/numpy-quantiles.json)
Needs numpy (Debian: apt-get install python3-numpy).
"""
import json
from pathlib import Path

import numpy as np

root = Path(__file__).resolve().parents[2]
rng = np.random.default_rng(20261203)
ps = [0, 0.01, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.99, 1]
cases = [{"values": [0.11, 0.34, 1.2, 19, 20, 40]}]  # its first decile, 0.225, is a value of the primary
for _ in range(300):
    n = int(rng.integers(1, 60))
    scale = float(rng.choice([1, 1e-7, 1e5]))
    values = np.round(rng.normal(10, 30, n), int(rng.integers(0, 4))) * scale
    cases.append({"values": [float(v) for v in values]})
for case in cases:
    case["ps"] = ps
    case["quantiles"] = [float(q) for q in np.quantile(np.array(case["values"], dtype=np.float64), ps)]
out = root / "test/fixtures/drift/numpy-quantiles.json"
out.write_text(json.dumps({"numpy": np.__version__, "cases": cases}) + "\n")
print(f"wrote {len(cases)} cases to {out.relative_to(root)} (numpy {np.__version__})")
