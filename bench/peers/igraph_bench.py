#!/usr/bin/env python3
"""Time python-igraph's graph kernels on an edge-list file (peer benchmark).

    /usr/bin/python3 bench/peers/igraph_bench.py --edges edges.txt --nodes nodes.txt \\
        [--tasks load,betweenness,closeness,harmonic,eigenvector,pagerank,louvain,components,articulation,kcore,all_centralities] \\
        [--repeat 3] [--timeout-per-task 600] [--slow 5] [--sample 10] [--load-method ncol|python|numpy]

Prints ONE JSON object on stdout (progress on stderr); if igraph cannot be
imported it prints {"library": "igraph", "skipped": "..."} and exits 0.

Input: edges.txt has one undirected edge "u v w" per line (0-based node
indices, integer weight >= 1); nodes.txt has one actor id per line, so node
count n = its number of lines (isolated nodes may be absent from edges.txt).
Node i of the file is vertex i of the igraph graph.

Conventions (converted to NetworkX's = samverkan's defaults, so values_sample
can be compared across libraries):
- betweenness: unweighted, g.betweenness(directed=False) counts each unordered
  pair once; scaled by 2 / ((n-1)(n-2)) = nx.betweenness_centrality(G).
- closeness: igraph 0.10 closeness(mode="all", normalized=True) is
  (r-1) / sum of distances to the r-1 nodes *in the same component* (NaN for
  an isolated node). NetworkX (wf_improved=True) multiplies that by
  (r-1)/(n-1); we do the same with r = component size, and isolated -> 0.
- harmonic: g.harmonic_centrality(normalized=False), sum of 1/d.
- eigenvector: g.eigenvector_centrality(scale=False), unweighted, ARPACK
  (converged eigenvector, unit Euclidean norm). NetworkX uses power
  iteration on A + I stopped at tol=1e-6, so values differ by ~1e-5..1e-4.
- pagerank: g.pagerank(damping=0.85, weights="weight") (PRPACK, exact
  solve); NetworkX iterates to tol=1e-6, differences ~1e-7.
- louvain: g.community_multilevel(weights="weight") with Python's random
  seeded to 1 (python-igraph uses the random module as its RNG);
  modularity = g.modularity(membership, weights="weight") (untimed).
- components: g.connected_components(); articulation: g.articulation_points();
  kcore: g.coreness() (unweighted degree cores).
"""

from __future__ import annotations

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

# igraph's PRPACK (pagerank) is built with OpenMP in Debian's python3-igraph.
# samverkan and NetworkX are single-threaded, and on a busy 2-core machine
# OpenMP threads make pagerank times erratic (0.0016 s to 0.26 s on the same
# graph), so we pin igraph to one thread unless OMP_NUM_THREADS is set.
# Must happen before igraph (and libgomp) is loaded.
OMP_THREADS = os.environ.setdefault("OMP_NUM_THREADS", "1")

try:
    import igraph as ig
except Exception as e:  # noqa: BLE001
    _common.skip_and_exit(
        "igraph",
        f"python-igraph is not importable by {sys.executable} ({type(e).__name__}: {e}); "
        "on Debian: apt-get install python3-igraph, and run with /usr/bin/python3",
    )


def load_ncol(path: str, n: int) -> "ig.Graph":
    """igraph's own reader for weighted edge lists (NCOL format: 'a b w').

    NCOL treats names as symbols and numbers vertices in order of first
    appearance, so we permute vertex i to position int(name) and add the
    isolated nodes; both are included in the timed load.
    """
    g = ig.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
    names = g.vs["name"]
    k = g.vcount()
    if k < n:
        g.add_vertices(n - k)
    seen = bytearray(n)
    perm = [0] * n
    for i, name in enumerate(names):
        j = int(name)
        if j >= n:
            raise ValueError(f"node index {j} >= node count {n} (nodes.txt)")
        perm[i] = j
        seen[j] = 1
    missing = (j for j in range(n) if not seen[j])
    for i in range(k, n):
        perm[i] = next(missing)
    g = g.permute_vertices(perm)
    del g.vs["name"]
    return g


def _parse_python(path: str):
    with open(path, "rb") as f:
        data = f.read().split()
    nums = list(map(int, data))
    edges = list(zip(nums[0::3], nums[1::3]))
    weights = nums[2::3]
    return edges, weights


def load_python(path: str, n: int) -> "ig.Graph":
    """Plain Python parse, then Graph(n=n, edges=...) and es['weight']."""
    edges, weights = _parse_python(path)
    g = ig.Graph(n=n, edges=edges, directed=False)
    g.es["weight"] = weights
    return g


def load_numpy(path: str, n: int) -> "ig.Graph":
    """numpy.fromfile(sep=' ') parse, then Graph(n=n, edges=...)."""
    import numpy as np

    a = np.fromfile(path, dtype=np.int64, sep=" ").reshape(-1, 3)
    g = ig.Graph(n=n, edges=a[:, :2].tolist(), directed=False)
    g.es["weight"] = a[:, 2].tolist()
    return g


LOADERS = {
    "ncol": (load_ncol, "igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False) + permute_vertices to file order + add isolated nodes"),
    "python": (load_python, "Python bytes.split()/int parse + igraph.Graph(n=n, edges=...) + es['weight']"),
    "numpy": (load_numpy, "numpy.fromfile(sep=' ') + igraph.Graph(n=n, edges=...) + es['weight']"),
}


# --- tasks -----------------------------------------------------------------


def betweenness(g):
    n = g.vcount()
    b = g.betweenness(directed=False)
    if n <= 2:
        return [0.0] * n
    s = 2.0 / ((n - 1) * (n - 2))
    return [x * s for x in b]


def closeness(g):
    n = g.vcount()
    c = g.closeness(mode="all", normalized=True)
    if n <= 1:
        return [0.0] * n
    cc = g.connected_components()
    sizes = cc.sizes()
    member = cc.membership
    out = [0.0] * n
    for v in range(n):
        r = sizes[member[v]]
        x = c[v]
        out[v] = 0.0 if r <= 1 or x != x else x * (r - 1) / (n - 1)
    return out


def harmonic(g):
    return g.harmonic_centrality(mode="all", normalized=False)


def eigenvector(g):
    x = g.eigenvector_centrality(directed=False, scale=False, weights=None)
    norm = sum(v * v for v in x) ** 0.5
    return [v / norm for v in x] if norm > 0 else x


def pagerank(g):
    return g.pagerank(damping=0.85, weights="weight", directed=False)


def louvain(g):
    random.seed(1)
    return g.community_multilevel(weights="weight").membership


def components(g):
    return g.connected_components().sizes()


def articulation(g):
    return g.articulation_points()


def kcore(g):
    return g.coreness(mode="all")


PARTS = {
    "betweenness": betweenness,
    "closeness": closeness,
    "harmonic": harmonic,
    "eigenvector": eigenvector,
    "pagerank": pagerank,
}


def all_centralities(g):
    return _common.timed_parts(PARTS, g)


def main() -> None:
    k = _common.sample_size

    def sample(g, values):
        return {"values_sample": list(values[: k()])}

    def summarize_louvain(g, membership):
        return {
            "communities": max(membership) + 1 if membership else 0,
            "modularity": g.modularity(membership, weights="weight"),
        }

    def summarize_components(g, sizes):
        return {"count": len(sizes), "largest": max(sizes) if sizes else 0, "isolated": sum(1 for s in sizes if s == 1)}

    def summarize_articulation(g, points):
        return {"count": len(points), "first": sorted(points)[: k()]}

    def summarize_kcore(g, core):
        out = sample(g, core)
        out["max"] = max(core) if core else 0
        return out

    def summarize_all(g, results):
        return {name: list(v[: k()]) for name, v in results.items()}

    T = _common.Task
    tasks = {
        "betweenness": T(betweenness, sample),
        "closeness": T(closeness, sample),
        "harmonic": T(harmonic, sample),
        "eigenvector": T(eigenvector, sample),
        "pagerank": T(pagerank, sample),
        "louvain": T(louvain, summarize_louvain),
        "components": T(components, summarize_components),
        "articulation": T(articulation, summarize_articulation),
        "kcore": T(kcore, summarize_kcore),
        "all_centralities": T(all_centralities, lambda g, r: {"values_sample": summarize_all(g, r)}, has_parts=True),
    }
    notes = {
        "betweenness": "g.betweenness(directed=False) * 2/((n-1)(n-2)) (= nx.betweenness_centrality)",
        "closeness": "g.closeness(mode='all', normalized=True) is per component; * (r-1)/(n-1), r = component size, isolated -> 0 (= nx.closeness_centrality, wf_improved)",
        "harmonic": "g.harmonic_centrality(normalized=False)",
        "eigenvector": "g.eigenvector_centrality(scale=False), unweighted, ARPACK, unit L2 norm (NetworkX: power iteration, tol 1e-6)",
        "pagerank": "g.pagerank(damping=0.85, weights='weight'), PRPACK",
        "louvain": "g.community_multilevel(weights='weight'), random.seed(1); modularity weighted, untimed",
        "kcore": "g.coreness()",
        "threads": f"OMP_NUM_THREADS={OMP_THREADS} (PRPACK uses OpenMP; default pinned to 1 by this script)",
        "isolation": "tasks run in a forked child (copy-on-write graph) so the timeout can kill them",
    }
    _common.main(
        "igraph",
        ig.__version__,
        LOADERS,
        "ncol",
        lambda g: {"n": g.vcount(), "m": g.ecount()},
        tasks,
        notes,
    )


if __name__ == "__main__":
    main()
