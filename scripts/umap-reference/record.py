"""Records umap-learn's layout quality on the UCI digits into test/fixtures/umap/reference.json.

For each case (n_neighbors 15 and Phoenix's 30, n_components 2 and 3, min_dist 0 as Phoenix, three
random_state values) it runs umap-learn single-threaded and scores the layout with the same metrics as
src/cells/project/umap/quality.ts: trustworthiness (k = 15) and kNN recall, exact, in float64, ties in input
distance ranked by point index. sklearn.manifold.trustworthiness is recorded beside ours as a cross-check,
and one layout is stored (float32, base64) so that the TypeScript metrics can be checked on it. Beside the
layouts it records umap-learn's own intermediate values for exact checks: find_ab_params for a few
(spread, min_dist), and smooth_knn_dist and the fuzzy union (fuzzy_simplicial_set) on the first 60 digits
with 8 exact neighbours.

Run: /usr/bin/python3 scripts/umap-reference/record.py
(Debian 12: apt-get install python3-sklearn umap-learn, i.e. umap-learn 0.5.3 with pynndescent.)
"""

import base64
import gzip
import json
import time
from pathlib import Path

import numpy as np
import pynndescent
import sklearn
import umap
from sklearn.manifold import trustworthiness as sklearn_trustworthiness
from umap.umap_ import find_ab_params, fuzzy_simplicial_set

ROOT = Path(__file__).resolve().parents[2]
DIGITS = ROOT / "notebooks" / "data" / "digits.csv.gz"
OUT = ROOT / "test" / "fixtures" / "umap" / "reference.json"
K = 15
NEIGHBORS = (15, 30)
COMPONENTS = (2, 3)
RANDOM_STATES = (0, 1, 2)
MIN_DIST = 0.0


def load_digits() -> np.ndarray:
    with gzip.open(DIGITS, "rt") as f:
        rows = f.read().strip().split("\n")[1:]
    return np.array([[float(v) for v in row.split(",")[:-1]] for row in rows], dtype=np.float32)


def layout_quality(vectors: np.ndarray, coordinates: np.ndarray, k: int = K) -> dict:
    """Mirror of quality.ts: exact ranks with ties broken by index (a stable sort)."""
    x = vectors.astype(np.float64)
    y = coordinates.astype(np.float64)
    n = x.shape[0]
    penalty = 0
    hits = 0
    for i in range(n):
        input_d = ((x - x[i]) ** 2).sum(axis=1)
        input_d[i] = np.inf
        ranks = np.empty(n, dtype=np.int64)
        ranks[np.argsort(input_d, kind="stable")] = np.arange(1, n + 1)
        layout_d = ((y - y[i]) ** 2).sum(axis=1)
        layout_d[i] = np.inf
        neighbors = np.argsort(layout_d, kind="stable")[:k]
        r = ranks[neighbors]
        penalty += int((r[r > k] - k).sum())
        hits += int((r <= k).sum())
    return {
        "trustworthiness": 1.0 - penalty * 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)),
        "knnRecall": hits / (n * k),
    }


def ab_params() -> list:
    pairs = [(1.0, 0.0), (1.0, 0.1), (1.0, 0.5), (2.0, 0.3), (1.0, 0.99)]
    return [{"spread": s, "minDist": m, "a": float(a), "b": float(b)} for s, m in pairs for a, b in [find_ab_params(s, m)]]


def graph_case(vectors: np.ndarray, n: int = 60, k: int = 8) -> dict:
    """umap-learn's fuzzy graph from exact neighbours (ties by index) of the first n digits."""
    x = vectors[:n].astype(np.float64)
    d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2))
    indices = np.argsort(d, axis=1, kind="stable")[:, :k].astype(np.int32)
    distances = np.take_along_axis(d, indices, axis=1).astype(np.float32)
    graph, sigmas, rhos = fuzzy_simplicial_set(
        vectors[:n], k, np.random.RandomState(0), "euclidean", knn_indices=indices, knn_dists=distances
    )
    graph = graph.tocsr()
    graph.sort_indices()
    return {
        "n": n,
        "k": k,
        "indices": indices.ravel().tolist(),
        "distances": distances.ravel().tolist(),
        "sigmas": sigmas.tolist(),
        "rhos": rhos.tolist(),
        "indptr": graph.indptr.tolist(),
        "columns": graph.indices.tolist(),
        "weights": graph.data.tolist(),
    }


def run_case(vectors: np.ndarray, n_neighbors: int, n_components: int, random_state: int) -> tuple:
    model = umap.UMAP(
        n_neighbors=n_neighbors,
        n_components=n_components,
        min_dist=MIN_DIST,
        random_state=random_state,
        n_jobs=1,
    )
    start = time.perf_counter()
    embedding = model.fit_transform(vectors).astype(np.float32)
    seconds = time.perf_counter() - start
    return embedding, seconds


def main() -> None:
    vectors = load_digits()
    run_case(vectors[:200], 15, 2, 0)  # numba compiles here, not in the first timed case
    cases = []
    cross_check = None
    for n_neighbors in NEIGHBORS:
        for n_components in COMPONENTS:
            for random_state in RANDOM_STATES:
                embedding, seconds = run_case(vectors, n_neighbors, n_components, random_state)
                quality = layout_quality(vectors, embedding)
                sk = float(sklearn_trustworthiness(vectors, embedding, n_neighbors=K))
                case = {
                    "nNeighbors": n_neighbors,
                    "nComponents": n_components,
                    "minDist": MIN_DIST,
                    "randomState": random_state,
                    **quality,
                    "sklearnTrustworthiness": sk,
                    "seconds": round(seconds, 2),
                }
                print(case, flush=True)
                cases.append(case)
                if cross_check is None:
                    cross_check = {
                        key: case[key]
                        for key in ("nNeighbors", "nComponents", "randomState", "trustworthiness", "knnRecall", "sklearnTrustworthiness")
                    }
                    cross_check["coordinates"] = base64.b64encode(embedding.astype("<f4").tobytes()).decode()
    reference = {
        "about": "umap-learn's layouts of the UCI digits (notebooks/data/digits.csv.gz, 1,797 × 64) scored by "
        "trustworthiness and kNN recall (k = 15); written by scripts/umap-reference/record.py",
        "versions": {"umap-learn": umap.__version__, "pynndescent": pynndescent.__version__, "scikit-learn": sklearn.__version__},
        "k": K,
        "cases": cases,
        "crossCheck": cross_check,
        "abParams": ab_params(),
        "graph": graph_case(vectors),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(reference, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
