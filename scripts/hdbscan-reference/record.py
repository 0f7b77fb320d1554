"""Records Python hdbscan's labels for the digits' UMAP projection into
test/fixtures/hdbscan/digits-umap-labels.json (read by test/cells/cluster/digits-umap-reference.test.ts).

Input: test/fixtures/hdbscan/digits-umap-points.json ({dims: 3, points: [...]}, 1,797 points: our UMAP
projection of the digits with Phoenix's defaults, written by make-points.ts). The points are clustered in
float64 by hdbscan.HDBSCAN(..., algorithm="generic"), the exact O(n^2) path (dense mutual reachability
matrix, Prim's MST), the same way /work/shared/fixtures/hdbscan-reference.json was made, for three
parameter sets:

  - min_cluster_size=10, min_samples=1, cluster_selection_epsilon=0   (Phoenix's parameters)
  - min_cluster_size=25, min_samples=5, cluster_selection_epsilon=0
  - min_cluster_size=10, min_samples=1, cluster_selection_epsilon=0.5

Those labels go to "cases". The same parameter sets are also run with hdbscan's default algorithm "best"
(for 3-D euclidean data: dual-tree Boruvka on a KD-tree with approx_min_span_tree=True); those labels are
kept apart under "best", with whether they equal the generic labels up to renumbering and the adjusted Rand
index between the two, and are not what the test checks.

How the committed labels were produced: hdbscan 0.8.33 (scikit-learn-contrib/hdbscan, BSD-3) built from
source, algorithm "generic", float64. The machine had no PyPI access, so the package was rebuilt from
stored copies of its source (Cython 0.29.32, numpy 1.24.2, scikit-learn 1.2.1, Debian 12's
/usr/bin/python3) outside this repository. That build reproduced all 16 cases of
/work/shared/fixtures/hdbscan-reference.json (made with hdbscan 0.8.33, generic, float64) exactly. The
"source" field of the JSON file records the version, source commits and algorithm.

Rerun on a machine with PyPI:
    pip install hdbscan==0.8.33      (it needs Cython < 3 to build, e.g. pip install "cython<3" first)
    python3 scripts/hdbscan-reference/record.py
Options: --build-note TEXT adds a note about the hdbscan build to "source".
"""

import argparse
import json
from pathlib import Path

import numpy as np
import hdbscan

ROOT = Path(__file__).resolve().parents[2]
POINTS = ROOT / "test" / "fixtures" / "hdbscan" / "digits-umap-points.json"
OUT = ROOT / "test" / "fixtures" / "hdbscan" / "digits-umap-labels.json"

# (min_cluster_size, min_samples, cluster_selection_epsilon); the first is Phoenix's.
PARAMETERS = ((10, 1, 0.0), (25, 5, 0.0), (10, 1, 0.5))


def hdbscan_version() -> str:
    try:
        from importlib.metadata import version

        return version("hdbscan")
    except Exception:
        return getattr(hdbscan, "__version__", "unknown")


def run(points: np.ndarray, mcs: int, ms: int, eps: float, algorithm: str) -> np.ndarray:
    model = hdbscan.HDBSCAN(
        min_cluster_size=mcs,
        min_samples=ms,
        cluster_selection_epsilon=float(eps),
        algorithm=algorithm,
    )
    return model.fit(points).labels_.astype(np.int64)


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal up to renumbering of the clusters (noise, -1, must match exactly)."""
    if not np.array_equal(a == -1, b == -1):
        return False
    pairs = set(zip(a.tolist(), b.tolist()))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


def adjusted_rand_index(a: np.ndarray, b: np.ndarray) -> float:
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = np.zeros((ai.max() + 1, bi.max() + 1), dtype=np.int64)
    np.add.at(table, (ai, bi), 1)
    comb = lambda x: (x * (x - 1) / 2).sum()
    index = comb(table)
    rows, cols, total = comb(table.sum(axis=1)), comb(table.sum(axis=0)), comb(np.array([len(a)]))
    expected = rows * cols / total
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else float((index - expected) / (maximum - expected))


def summary(labels: np.ndarray) -> dict:
    return {"nClusters": int(len(set(labels.tolist()) - {-1})), "nNoise": int((labels == -1).sum())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-note", default="", help="note about how hdbscan was built")
    args = parser.parse_args()

    data = json.loads(POINTS.read_text())
    points = np.asarray(data["points"], dtype=np.float64).reshape(-1, data["dims"])

    cases, best = [], []
    for mcs, ms, eps in PARAMETERS:
        generic = run(points, mcs, ms, eps, "generic")
        default = run(points, mcs, ms, eps, "best")
        params = {"minClusterSize": mcs, "minSamples": ms, "clusterSelectionEpsilon": eps}
        cases.append({**params, **summary(generic), "labels": generic.tolist()})
        agrees = same_partition(generic, default)
        ari = adjusted_rand_index(generic, default)
        best.append({**params, **summary(default), "agreesWithGeneric": agrees,
                     "adjustedRandIndexToGeneric": round(ari, 6), "labels": default.tolist()})
        print(f"mcs {mcs:2d} ms {ms} eps {eps}: generic {summary(generic)}; best {summary(default)}, "
              f"same partition as generic: {agrees}, ARI {ari:.6f}")

    source = (f"Python hdbscan {hdbscan_version()} (scikit-learn-contrib/hdbscan), HDBSCAN(min_cluster_size, "
              f"min_samples, cluster_selection_epsilon, algorithm='generic') on float64 points; other "
              f"parameters default (metric euclidean, eom, allow_single_cluster False). "
              f"Recorded by scripts/hdbscan-reference/record.py from {POINTS.relative_to(ROOT)}. "
              f"'best' holds the same parameter sets with the default algorithm 'best' (Boruvka KD-tree, "
              f"approx_min_span_tree=True), for comparison only.")
    if args.build_note:
        source += " Build: " + args.build_note
    out = {"source": source, "cases": cases, "best": best}
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"{len(points)} points, {len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
