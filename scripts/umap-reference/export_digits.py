"""Writes notebooks/data/digits.csv.gz from the copy of the UCI digits that scikit-learn ships.

1,797 rows: columns pixel_0 … pixel_63 (8×8 image, row by row, integers 0–16) then digit (0–9).
The gzip header carries no time stamp, so the file is the same byte for byte on every run.
Run: /usr/bin/python3 scripts/umap-reference/export_digits.py (Debian: apt-get install python3-sklearn).
"""

import gzip
import io
from pathlib import Path

from sklearn.datasets import load_digits

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "notebooks" / "data" / "digits.csv.gz"


def main() -> None:
    digits = load_digits()
    text = io.StringIO()
    text.write(",".join([f"pixel_{i}" for i in range(64)] + ["digit"]) + "\n")
    for row, label in zip(digits.data.astype(int), digits.target):
        text.write(",".join(str(v) for v in row) + f",{label}\n")
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=9) as out:
        out.write(text.getvalue().encode())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(digits.target)} rows)")


if __name__ == "__main__":
    main()
