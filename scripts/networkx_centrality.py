#!/usr/bin/env python3
"""Generate NetworkX reference values for samverkan's centrality kernels.

Usage (from the repository root)::

    python3 scripts/networkx_centrality.py

Writes ``test/fixtures/networkx/centrality.json``. CI has no Python: the JSON
is committed and ``test/metrics/*.test.ts`` compare the TypeScript kernels
with it (absolute tolerance 1e-6). Re-run only when a graph or a measure is
added; everything is seeded, so re-running with the same NetworkX version
reproduces the file byte for byte.

Conventions mirrored here (see the TSDoc of each kernel in src/metrics/):

* Edge attribute ``weight`` is a *strength* (bigger = stronger tie). For the
  shortest-path measures (betweenness, closeness, harmonic) samverkan uses the
  path length ``1 / weight``; NetworkX reads the attribute it is given as a
  length, so every edge also carries ``distance = 1 / weight`` and the
  weighted references are computed with ``weight='distance'`` /
  ``distance='distance'``.
* Eigenvector centrality and PageRank use ``weight`` directly (as strength).
* Each NetworkX graph is rebuilt with nodes ``0..n-1`` inserted in order and
  edges inserted in lexicographic order of ``(min, max)``, so every adjacency
  dict iterates neighbours in ascending index order -- exactly the order of
  samverkan's CSR view. Dijkstra then pops equal-distance nodes in the same
  order in both implementations, which matters for the exact floating-point
  tie handling in weighted betweenness.
* Power iterations (eigenvector, PageRank) are stored twice: with NetworkX's
  default tolerance (what ``nx.eigenvector_centrality(G)`` returns) and with
  a tight tolerance (``TIGHT_TOL``), which approximates the exact fixed point.
"""

from __future__ import annotations

import json
import math
import platform
import random
import sys
from pathlib import Path

import networkx as nx

SEED = 20240611
TIGHT_TOL = 1e-13
TIGHT_MAX_ITER = 100_000
OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "networkx" / "centrality.json"

# Node keys that break code which indexes plain objects by id or parses
# numbers. Keys that are Object.prototype members ("__proto__", "constructor",
# "toString", ...) are deliberately absent: graphology 0.26 itself cannot add
# an edge whose target has such a key (its adjacency maps are plain objects;
# addEdge reports "edge already exists"). The kernels only see CSR indices;
# test/metrics/degree.test.ts covers such keys on edges graphology accepts.
AWKWARD_IDS = [
    "prototype",
    "0",
    "00",
    "-1",
    "1e3",
    "NaN",
    "undefined",
    "Åre kommun",
    " ",
    "",
]


def canonical(graph: nx.Graph, weights: dict[tuple[int, int], float]) -> nx.Graph:
    """Rebuild ``graph`` (nodes 0..n-1) with sorted adjacency and weights."""
    n = graph.number_of_nodes()
    assert sorted(graph.nodes()) == list(range(n))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for u, v in sorted((min(a, b), max(a, b)) for a, b in graph.edges()):
        w = weights[(u, v)]
        assert w > 0
        g.add_edge(u, v, weight=w, distance=1 / w)
    for v in g:
        assert list(g[v]) == sorted(g[v])
    return g


def int_weights(graph: nx.Graph, rng: random.Random, values: list[int]) -> dict[tuple[int, int], float]:
    return {(min(u, v), max(u, v)): rng.choice(values) for u, v in sorted(graph.edges())}


def float_weights(graph: nx.Graph, rng: random.Random, lo: float, hi: float) -> dict[tuple[int, int], float]:
    return {(min(u, v), max(u, v)): rng.uniform(lo, hi) for u, v in sorted(graph.edges())}


def as_list(values: dict[int, float], n: int) -> list[float]:
    return [float(values[i]) for i in range(n)]


def power(fn, g: nx.Graph, **kwargs):
    """Run a power iteration; None when NetworkX fails to converge."""
    try:
        return as_list(fn(g, **kwargs), g.number_of_nodes())
    except nx.PowerIterationFailedConvergence:
        return None


def link_pairs(g: nx.Graph, rng: random.Random, k_non: int, k_adj: int) -> list[list[int]]:
    n = g.number_of_nodes()
    non_edges = sorted((u, v) for u, v in nx.non_edges(g) if u < v)
    edges = sorted((min(u, v), max(u, v)) for u, v in g.edges())
    pairs = rng.sample(non_edges, min(k_non, len(non_edges)))
    pairs += rng.sample(edges, min(k_adj, len(edges)))
    # A few pairs involving isolated nodes (Jaccard 0/0) when the graph has any.
    isolated = sorted(nx.isolates(g))
    if len(isolated) >= 2:
        pairs.append((isolated[0], isolated[1]))
    if isolated:
        pairs.append((isolated[-1], max(range(n), key=g.degree)))
    # Both orientations must score the same.
    out = []
    for i, (u, v) in enumerate(pairs):
        out.append([v, u] if i % 3 == 1 else [u, v])
    return out


def link_scores(g: nx.Graph, pairs: list[list[int]]) -> dict[str, list[float]]:
    ebunch = [tuple(p) for p in pairs]
    return {
        "common_neighbours": [float(len(nx.common_neighbors(g, u, v))) for u, v in ebunch],
        "jaccard": [float(s) for _, _, s in nx.jaccard_coefficient(g, ebunch)],
        "adamic_adar": [float(s) for _, _, s in nx.adamic_adar_index(g, ebunch)],
        "resource_allocation": [float(s) for _, _, s in nx.resource_allocation_index(g, ebunch)],
        "preferential_attachment": [float(s) for _, _, s in nx.preferential_attachment(g, ebunch)],
    }


def measures(g: nx.Graph) -> dict[str, list[float] | None]:
    n = g.number_of_nodes()
    return {
        "degree": [float(g.degree(i)) for i in range(n)],
        "strength": [float(g.degree(i, weight="weight")) for i in range(n)],
        "betweenness": as_list(nx.betweenness_centrality(g), n),
        "betweenness_unnormalized": as_list(nx.betweenness_centrality(g, normalized=False), n),
        "betweenness_weighted": as_list(nx.betweenness_centrality(g, weight="distance"), n),
        "betweenness_weighted_unnormalized": as_list(
            nx.betweenness_centrality(g, weight="distance", normalized=False), n
        ),
        "closeness": as_list(nx.closeness_centrality(g), n),
        "closeness_weighted": as_list(nx.closeness_centrality(g, distance="distance"), n),
        "harmonic": as_list(nx.harmonic_centrality(g), n),
        "harmonic_weighted": as_list(nx.harmonic_centrality(g, distance="distance"), n),
        "eigenvector": power(nx.eigenvector_centrality, g),
        "eigenvector_tight": power(nx.eigenvector_centrality, g, tol=TIGHT_TOL, max_iter=TIGHT_MAX_ITER),
        "eigenvector_weighted": power(nx.eigenvector_centrality, g, weight="weight"),
        "eigenvector_weighted_tight": power(
            nx.eigenvector_centrality, g, weight="weight", tol=TIGHT_TOL, max_iter=TIGHT_MAX_ITER
        ),
        "pagerank": power(nx.pagerank, g, alpha=0.85),
        "pagerank_unweighted": power(nx.pagerank, g, alpha=0.85, weight=None),
        "pagerank_tight": power(nx.pagerank, g, alpha=0.85, tol=TIGHT_TOL, max_iter=TIGHT_MAX_ITER),
        "pagerank_alpha_0_6_unweighted": power(nx.pagerank, g, alpha=0.6, weight=None),
    }


def build_graphs(rng: random.Random) -> list[tuple[str, str, nx.Graph, list[str]]]:
    graphs = []

    g = nx.gnp_random_graph(40, 0.15, seed=rng.randrange(2**31))
    graphs.append(("gnp_40_0.15", "gnp_random_graph(40, 0.15), integer weights 1..5",
                   canonical(g, int_weights(g, rng, [1, 2, 3, 4, 5])), None))

    # Sparse: several components and isolated nodes. Retry seeds until it has both.
    while True:
        g = nx.gnp_random_graph(70, 0.025, seed=rng.randrange(2**31))
        if nx.number_of_isolates(g) >= 3 and nx.number_connected_components(g) - nx.number_of_isolates(g) >= 3:
            break
    graphs.append(("gnp_70_0.025_disconnected",
                   "gnp_random_graph(70, 0.025): disconnected with isolated nodes, float weights U(0.5, 4)",
                   canonical(g, float_weights(g, rng, 0.5, 4.0)), None))

    g = nx.barabasi_albert_graph(120, 3, seed=rng.randrange(2**31))
    graphs.append(("barabasi_albert_120_3", "barabasi_albert_graph(120, 3), float weights U(0.1, 10)",
                   canonical(g, float_weights(g, rng, 0.1, 10.0)), None))

    g = nx.connected_watts_strogatz_graph(60, 6, 0.2, seed=rng.randrange(2**31))
    graphs.append(("watts_strogatz_60_6_0.2", "connected_watts_strogatz_graph(60, 6, 0.2), integer weights 1..3",
                   canonical(g, int_weights(g, rng, [1, 2, 3])), None))

    g = nx.karate_club_graph()
    karate_w = {(min(u, v), max(u, v)): d["weight"] for u, v, d in g.edges(data=True)}
    graphs.append(("karate_club", "karate_club_graph() with its own integer interaction weights",
                   canonical(g, karate_w), None))

    # Lattice with weights in {1, 2, 3, 4, 6}: path lengths 1, 1/2, 1/3, 1/4, 1/6
    # create many mathematically equal paths, some equal in floating point and
    # some not (1/3 + 1/6 + 1/2 == 1.0 but 1/6 + 1/6 + 1/6 == 0.5 exactly, while
    # other sums round differently). Betweenness must count ties as NetworkX does.
    g = nx.convert_node_labels_to_integers(nx.grid_2d_graph(5, 6), ordering="sorted")
    graphs.append(("grid_5x6_ties", "grid_2d_graph(5, 6), integer weights from {1, 2, 3, 4, 6} (float ties)",
                   canonical(g, int_weights(g, rng, [1, 2, 3, 4, 6])), None))

    # Awkward node keys, plus an isolated node.
    g = nx.gnp_random_graph(len(AWKWARD_IDS), 0.35, seed=rng.randrange(2**31))
    g.remove_edges_from(list(g.edges(len(AWKWARD_IDS) - 1)))
    graphs.append(("awkward_ids", "gnp_random_graph(10, 0.35) with awkward keys ('0', '00', 'NaN', '', ...); last node isolated",
                   canonical(g, int_weights(g, rng, [1, 2, 7])), AWKWARD_IDS))
    return graphs


def main() -> None:
    rng = random.Random(SEED)
    out_graphs = []
    for name, description, g, ids in build_graphs(rng):
        n = g.number_of_nodes()
        pairs = link_pairs(g, rng, 40, 8)
        expected = measures(g)
        for key, values in expected.items():
            if values is None:
                print(f"{name}: {key} did not converge in NetworkX", file=sys.stderr)
        for a, b in [("eigenvector", "eigenvector_tight"), ("eigenvector_weighted", "eigenvector_weighted_tight"),
                     ("pagerank", "pagerank_tight")]:
            if expected[a] is not None and expected[b] is not None:
                diff = max(abs(x - y) for x, y in zip(expected[a], expected[b]))
                print(f"{name}: max |{a} - {b}| = {diff:.3g}")
        out_graphs.append({
            "name": name,
            "description": description,
            "nodes": ids if ids is not None else [f"n{i}" for i in range(n)],
            "edges": [[u, v, d["weight"]] for u, v, d in g.edges(data=True)],
            "components": nx.number_connected_components(g),
            "isolates": nx.number_of_isolates(g),
            "expected": expected,
            "link_prediction": {"pairs": pairs, **link_scores(g, pairs)},
        })
        print(f"{name}: n={n} m={g.number_of_edges()} components={nx.number_connected_components(g)} "
              f"isolates={nx.number_of_isolates(g)}")

    doc = {
        "generator": "scripts/networkx_centrality.py",
        "networkx": nx.__version__,
        "python": platform.python_version(),
        "seed": SEED,
        "tight_tolerance": TIGHT_TOL,
        "conventions": {
            "edges": "[u, v, weight] with node indices into `nodes`; weight is a strength",
            "shortest_path_length": "1 / weight (NetworkX attribute `distance`)",
            "eigenvector": "nx.eigenvector_centrality(G) (weight=None); *_weighted uses weight='weight'; "
                           "*_tight uses tol=tight_tolerance",
            "pagerank": "nx.pagerank(G, alpha=0.85) with weight='weight'; *_unweighted uses weight=None",
        },
        "graphs": out_graphs,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=None, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode('utf-8')) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
