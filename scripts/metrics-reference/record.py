"""Records scikit-learn's classification scores for the performance tests, independently of our code.

The labels: a classifier in production meeting a class it never saw in training ("7" appears only among the
actual labels, a new class) and predicting a class that never occurs ("9" appears only among the
predictions); rows missing either label (None) are dropped first, as Phoenix drops them.
Macro means follow scikit-learn's zero_division=0: an undefined precision or recall counts as 0.
Run: /usr/bin/python3 scripts/metrics-reference/record.py  (writes test/fixtures/metrics/performance-sklearn.json)
Needs scikit-learn (Debian: apt-get install python3-sklearn).
"""
import json
from pathlib import Path

import sklearn
from sklearn.metrics import accuracy_score, precision_recall_fscore_support

root = Path(__file__).resolve().parents[2]
predicted = ["1", "1", "2", "2", "1", "2", "1", "9", None, "2", "1", "1"]
actual = ["1", "1", "2", "1", "7", "7", "7", "2", "7", None, "1", "2"]

pairs = [(p, a) for p, a in zip(predicted, actual) if p is not None and a is not None]
y_pred = [p for p, _ in pairs]
y_true = [a for _, a in pairs]
labels = sorted(set(y_pred) | set(y_true))
precision, recall, f1, support = precision_recall_fscore_support(
    y_true, y_pred, labels=labels, average=None, zero_division=0
)
macro = precision_recall_fscore_support(y_true, y_pred, labels=labels, average="macro", zero_division=0)
out = {
    "provenance": f"scripts/metrics-reference/record.py, scikit-learn {sklearn.__version__}, zero_division=0",
    "predicted": predicted,
    "actual": actual,
    "count": len(pairs),
    "accuracy": accuracy_score(y_true, y_pred),
    "classes": [
        {"label": l, "precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
        for l, p, r, f, s in zip(labels, precision, recall, f1, support)
    ],
    "macro": {"precision": float(macro[0]), "recall": float(macro[1]), "f1": float(macro[2])},
}
path = root / "test/fixtures/metrics/performance-sklearn.json"
path.write_text(json.dumps(out, indent=2) + "\n")
print(path, out["macro"])
