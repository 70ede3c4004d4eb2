#!/usr/bin/env python3
"""Standard research graphs as a researcher brings them, and NetworkX's values on them.

Usage (from the repository root)::

    python3 scripts/networkx_standard_graphs.py

Writes, under ``test/fixtures/standard/``:

* ``karate.csv``: Zachary's karate club (``nx.karate_club_graph()``) as a bare
  edge list ``source,target`` of integer ids 0..33, the way it circulates.
* ``lesmis.graphml``: Les Misérables co-occurrences
  (``nx.les_miserables_graph()``), written by ``nx.write_graphml`` with its
  ``weight`` attribute.
* ``integer-ids.csv``: a 3 000-node Barabási–Albert graph (m = 2, seeded)
  with integer ids 0..2999, so that about 200 of them (1000..2999) look like
  Swedish municipality codes (2480 is Umeå's).
* ``networkx.json``: NetworkX's values on those graphs, keyed by node id:
  the centralities with NetworkX's defaults, Burt's constraint and effective
  size, core numbers, articulation points, bridges, components,
  the modularity of the ``club`` partition of the karate club, and the five
  link-prediction scores on a fixed sample of unlinked pairs.

CI has no NetworkX: the files are committed and ``test/io/standard-graphs.test.ts``
compares samverkan with them. Everything is seeded; re-running with the same
NetworkX version reproduces the files byte for byte.

Conventions (as samverkan's defaults): the path measures and constraint are
unweighted (NetworkX's defaults when no ``weight`` is passed), PageRank uses
``weight`` as NetworkX's ``pagerank`` does by default, and "strength" is the
weighted degree.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import networkx as nx

OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "standard"
SEED = 20261202


def rounded(x: float) -> float:
    return float(f"{x:.15g}")


def by_id(values: dict) -> dict:
    return {str(k): rounded(float(v)) for k, v in sorted(values.items(), key=lambda kv: str(kv[0]))}


def unlinked_pairs(g: nx.Graph, count: int, rng: random.Random) -> list[list[str]]:
    nodes = sorted(g.nodes(), key=str)
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < count:
        u, v = rng.sample(nodes, 2)
        if g.has_edge(u, v):
            continue
        a, b = sorted((str(u), str(v)))
        pairs.add((a, b))
    return [list(p) for p in sorted(pairs)]


def reference(g: nx.Graph, pairs_count: int, rng: random.Random, heavy: bool = True) -> dict:
    """NetworkX's values on g (node ids as strings)."""
    g = nx.relabel_nodes(g, {n: str(n) for n in g.nodes()})
    out: dict = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "density": rounded(nx.density(g)),
        "components": nx.number_connected_components(g),
        "degree": by_id(nx.degree_centrality(g)),
        "strength": by_id(dict(g.degree(weight="weight"))),
        "core": by_id(nx.core_number(g)),
    }
    if heavy:
        out.update(
            {
                "betweenness": by_id(nx.betweenness_centrality(g)),
                "betweenness_unnormalized": by_id(nx.betweenness_centrality(g, normalized=False)),
                "closeness": by_id(nx.closeness_centrality(g)),
                "harmonic": by_id(nx.harmonic_centrality(g)),
                "eigenvector": by_id(nx.eigenvector_centrality(g)),
                "pagerank": by_id(nx.pagerank(g)),
                "constraint": by_id(nx.constraint(g)),
                "effective_size": by_id(nx.effective_size(g)),
                "articulation_points": sorted(nx.articulation_points(g)),
                "bridges": sorted(sorted(e) for e in nx.bridges(g)),
            }
        )
    pairs = unlinked_pairs(g, pairs_count, rng)
    scores: dict = {"pairs": pairs}
    ebunch = [tuple(p) for p in pairs]
    scores["common_neighbours"] = [len(list(nx.common_neighbors(g, u, v))) for u, v in ebunch]
    scores["jaccard"] = [rounded(s) for _, _, s in nx.jaccard_coefficient(g, ebunch)]
    scores["adamic_adar"] = [rounded(s) for _, _, s in nx.adamic_adar_index(g, ebunch)]
    scores["resource_allocation"] = [rounded(s) for _, _, s in nx.resource_allocation_index(g, ebunch)]
    scores["preferential_attachment"] = [int(s) for _, _, s in nx.preferential_attachment(g, ebunch)]
    out["link_prediction"] = scores
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)

    karate = nx.karate_club_graph()
    with open(OUT / "karate.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("source,target\n")
        for u, v in sorted(tuple(sorted(e)) for e in karate.edges()):
            f.write(f"{u},{v}\n")
    # The edge list carries no weights: the reference is the unweighted graph.
    karate_plain = nx.Graph()
    karate_plain.add_nodes_from(karate.nodes())
    karate_plain.add_edges_from(karate.edges())
    club = {}
    for n, d in karate.nodes(data=True):
        club.setdefault(d["club"], []).append(n)
    karate_ref = reference(karate_plain, 40, rng)
    karate_ref["club"] = {str(n): d["club"] for n, d in karate.nodes(data=True)}
    karate_ref["club_modularity"] = rounded(nx.community.modularity(karate_plain, list(club.values())))

    lesmis = nx.les_miserables_graph()
    nx.write_graphml(lesmis, OUT / "lesmis.graphml")
    lesmis_ref = reference(lesmis, 60, rng)
    lesmis_ref["pagerank_unweighted"] = by_id(nx.pagerank(nx.relabel_nodes(lesmis, str), weight=None))

    ba = nx.barabasi_albert_graph(3000, 2, seed=SEED)
    with open(OUT / "integer-ids.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("source,target\n")
        for u, v in sorted(tuple(sorted(e)) for e in ba.edges()):
            f.write(f"{u},{v}\n")
    ba_ref = reference(ba, 40, rng, heavy=False)

    data = {
        "networkx": nx.__version__,
        "generated_by": "scripts/networkx_standard_graphs.py",
        "graphs": {"karate": karate_ref, "lesmis": lesmis_ref, "integer-ids": ba_ref},
    }
    with open(OUT / "networkx.json", "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
