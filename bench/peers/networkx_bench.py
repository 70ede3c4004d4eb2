#!/usr/bin/env python3
"""Time NetworkX's graph kernels on an edge-list file (peer benchmark).

    python3 bench/peers/networkx_bench.py --edges edges.txt --nodes nodes.txt \\
        [--tasks load,betweenness,closeness,harmonic,eigenvector,pagerank,louvain,components,articulation,kcore,all_centralities] \\
        [--repeat 3] [--timeout-per-task 600] [--slow 5] [--sample 10]

Prints ONE JSON object on stdout (progress on stderr); if NetworkX cannot be
imported it prints {"library": "networkx", "skipped": "..."} and exits 0.

Input: edges.txt has one undirected edge "u v w" per line (0-based node
indices, integer weight >= 1); nodes.txt has one actor id per line, so node
count n = its number of lines (isolated nodes may be absent from edges.txt).

load = nx.read_weighted_edgelist(path, nodetype=int) (weights become floats,
as NetworkX does) + G.add_nodes_from(range(n)) for the isolated nodes.

These are NetworkX 3.x defaults, which are samverkan's defaults:
- betweenness: nx.betweenness_centrality(G) (unweighted, normalised);
- closeness: nx.closeness_centrality(G) (unweighted, Wasserman-Faust);
- harmonic: nx.harmonic_centrality(G) (unweighted, sum of 1/d);
- eigenvector: nx.eigenvector_centrality(G, max_iter=1000) (unweighted, power
  iteration, tol 1e-6);
- pagerank: nx.pagerank(G, alpha=0.85, weight='weight');
- louvain: nx.community.louvain_communities(G, weight='weight', seed=1);
  modularity = nx.community.modularity(G, communities, weight='weight')
  (untimed);
- components: nx.connected_components; articulation: nx.articulation_points;
  kcore: nx.core_number.

Environment NX_BENCH_TOL (default 1e-6, NetworkX's default) sets `tol` of
pagerank and eigenvector; a tiny value (e.g. 1e-12, with a larger max_iter)
gives the converged vectors, used by selfcheck.ts to show that the remaining
differences from igraph are NetworkX's stopping rule, not a convention.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

try:
    import networkx as nx
except Exception as e:  # noqa: BLE001
    _common.skip_and_exit(
        "networkx",
        f"NetworkX is not importable by {sys.executable} ({type(e).__name__}: {e}); pip install networkx",
    )


def load(path: str, n: int):
    G = nx.read_weighted_edgelist(path, nodetype=int)
    G.add_nodes_from(range(n))
    if G.number_of_nodes() != n:
        raise ValueError(f"edges.txt has node indices >= node count {n} (nodes.txt)")
    return G


LOADERS = {
    "read_weighted_edgelist": (
        load,
        "nx.read_weighted_edgelist(path, nodetype=int) + G.add_nodes_from(range(n))",
    ),
}


def betweenness(G):
    return nx.betweenness_centrality(G)


def closeness(G):
    return nx.closeness_centrality(G)


def harmonic(G):
    return nx.harmonic_centrality(G)


def _tol() -> float:
    return float(os.environ.get("NX_BENCH_TOL", "1e-6"))


def eigenvector(G):
    return nx.eigenvector_centrality(G, max_iter=1000 if _tol() >= 1e-6 else 100000, tol=_tol())


def pagerank(G):
    return nx.pagerank(G, alpha=0.85, weight="weight", max_iter=100 if _tol() >= 1e-6 else 100000, tol=_tol())


def louvain(G):
    return nx.community.louvain_communities(G, weight="weight", seed=1)


def components(G):
    return [len(c) for c in nx.connected_components(G)]


def articulation(G):
    return list(nx.articulation_points(G))


def kcore(G):
    return nx.core_number(G)


PARTS = {
    "betweenness": betweenness,
    "closeness": closeness,
    "harmonic": harmonic,
    "eigenvector": eigenvector,
    "pagerank": pagerank,
}


def all_centralities(G):
    return _common.timed_parts(PARTS, G)


def main() -> None:
    k = _common.sample_size

    def values(d):
        return [float(d[i]) for i in range(min(k(), len(d)))]

    def sample(G, d):
        return {"values_sample": values(d)}

    def summarize_louvain(G, comms):
        return {"communities": len(comms), "modularity": nx.community.modularity(G, comms, weight="weight")}

    def summarize_components(G, sizes):
        return {"count": len(sizes), "largest": max(sizes) if sizes else 0, "isolated": sum(1 for s in sizes if s == 1)}

    def summarize_articulation(G, points):
        return {"count": len(points), "first": sorted(points)[: k()]}

    def summarize_kcore(G, core):
        return {"values_sample": [int(core[i]) for i in range(min(k(), len(core)))], "max": max(core.values()) if core else 0}

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
        "all_centralities": T(
            all_centralities,
            lambda G, r: {"values_sample": {name: values(d) for name, d in r.items()}},
            has_parts=True,
        ),
    }
    notes = {
        "betweenness": "nx.betweenness_centrality(G)",
        "closeness": "nx.closeness_centrality(G)",
        "harmonic": "nx.harmonic_centrality(G)",
        "eigenvector": f"nx.eigenvector_centrality(G, max_iter=1000, tol={_tol():g}), power iteration (larger max_iter when tol < 1e-6)",
        "pagerank": f"nx.pagerank(G, alpha=0.85, weight='weight', tol={_tol():g})",
        "louvain": "nx.community.louvain_communities(G, weight='weight', seed=1); modularity weighted, untimed",
        "kcore": "nx.core_number(G)",
        "isolation": "tasks run in a forked child (copy-on-write graph) so the timeout can kill them",
    }
    _common.main(
        "networkx",
        nx.__version__,
        LOADERS,
        "read_weighted_edgelist",
        lambda G: {"n": G.number_of_nodes(), "m": G.number_of_edges()},
        tasks,
        notes,
    )


if __name__ == "__main__":
    main()
