#!/usr/bin/env python3
"""Reference values for samverkan's structure metrics, computed with NetworkX.

Writes test/fixtures/networkx/structure.json, read by
test/metrics/networkx-structure.test.ts. CI has no Python: rerun this by hand
(NetworkX >= 3.2 with numpy + scipy) when the graphs or measures change, and
commit the JSON.

    python3 scripts/networkx_structure.py

Every graph is rebuilt with nodes 0..n-1 inserted in order, so NetworkX's node
order (used by its sparse-matrix code paths) equals samverkan's CSR order.
Edges carry a seeded random weight (karate keeps its own interaction counts).
NaN (NetworkX's value for isolated nodes) is written as null.

Weighted effective size is computed with NetworkX's per-node code path
(`nodes=list(G)`): the vectorised default path has a row/column broadcasting
bug for weighted graphs in NetworkX <= 3.6.1 (networkx/networkx PR #8906).
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

import networkx as nx

SEED = 20240611
OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "networkx" / "structure.json"


def rebuild(G: nx.Graph, rng: random.Random, keep_weights: bool = False, shuffle: bool = False) -> nx.Graph:
    """Relabel to 0..n-1 (optionally in a random order), insert nodes in order, weight edges."""
    nodes = list(G.nodes())
    if shuffle:
        rng.shuffle(nodes)
    relabel = {v: i for i, v in enumerate(nodes)}
    H = nx.Graph()
    H.add_nodes_from(range(len(nodes)))
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (relabel[e[0]], relabel[e[1]])):
        if u == v:
            continue
        w = data.get("weight", 1) if keep_weights else round(rng.uniform(0.5, 5.0), 3)
        H.add_edge(relabel[u], relabel[v], weight=w)
    return H


def articulated(rng: random.Random) -> nx.Graph:
    """Cliques, cycles and trees glued at single nodes: many articulation points and bridges."""
    G = nx.Graph()
    nxt = 0

    def block(kind: str, size: int) -> list[int]:
        nonlocal nxt
        nodes = list(range(nxt, nxt + size))
        nxt += size
        if kind == "clique":
            G.add_edges_from((a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :])
        elif kind == "cycle":
            nx.add_cycle(G, nodes)
        else:  # path
            nx.add_path(G, nodes)
        return nodes

    anchors = block("clique", 5)
    for _ in range(9):
        kind = rng.choice(["clique", "cycle", "path"])
        nodes = block(kind, rng.randint(2, 6))
        G.add_edge(rng.choice(anchors), nodes[0])
        if rng.random() < 0.3:  # occasionally a second tie, closing a cycle
            G.add_edge(rng.choice(anchors), nodes[-1])
        anchors = anchors + nodes
    # a few pendant nodes
    for _ in range(4):
        G.add_edge(rng.choice(anchors), nxt)
        nxt += 1
    return G


def agree(a: dict, b: dict, what: str) -> None:
    """Both NetworkX code paths must give the same values (NaN == NaN)."""
    for v in a:
        x, y = a[v], b[v]
        if not ((math.isnan(x) and math.isnan(y)) or abs(x - y) <= 1e-12 * max(1.0, abs(x))):
            raise AssertionError(f"{what}: node {v}: {x} != {y}")


def nan_to_none(x: float) -> float | None:
    return None if isinstance(x, float) and math.isnan(x) else float(x)


def labels_of(partition, n: int) -> list[int]:
    out = [-1] * n
    for k, community in enumerate(partition):
        for v in community:
            out[v] = k
    assert min(out) >= 0
    return out


def measures(name: str, G: nx.Graph, seed: int) -> dict:
    n = G.number_of_nodes()
    entry: dict = {
        "name": name,
        "n": n,
        "edges": [[u, v, d["weight"]] for u, v, d in G.edges(data=True)],
    }
    for key, weight in (("unweighted", None), ("weighted", "weight")):
        c = nx.constraint(G, weight=weight)
        # nodes=list(G) selects NetworkX's per-node code path, which implements the
        # documented formula. Its vectorised path (nodes=None) normalises the
        # weighted m(v, w) by the wrong axis (networkx/networkx PR #8906), so
        # weighted effective sizes from nx.effective_size(G, weight=...) are wrong
        # in NetworkX <= 3.6.1. Unweighted, both paths agree (checked below).
        e = nx.effective_size(G, nodes=list(G), weight=weight)
        agree(c, nx.constraint(G, nodes=list(G), weight=weight), f"{name} constraint {key}")
        if weight is None:
            agree(e, nx.effective_size(G, weight=None), f"{name} effective size {key}")
        entry[f"constraint_{key}"] = [nan_to_none(c[v]) for v in range(n)]
        entry[f"effective_size_{key}"] = [nan_to_none(e[v]) for v in range(n)]
    entry["articulation_points"] = sorted(nx.articulation_points(G))
    entry["bridges"] = sorted(sorted(e) for e in nx.bridges(G))
    core = nx.core_number(G)
    entry["core_number"] = [core[v] for v in range(n)]
    comps = list(nx.connected_components(G))
    entry["n_components"] = len(comps)
    entry["component_sizes"] = sorted((len(c) for c in comps), reverse=True)
    entry["isolates"] = sorted(nx.isolates(G))

    partitions = []
    if G.number_of_edges() > 0:
        candidates = [
            ("louvain_weighted", nx.community.louvain_communities(G, weight="weight", seed=seed)),
            ("louvain_unweighted", nx.community.louvain_communities(G, weight=None, seed=seed)),
            ("greedy_unweighted", nx.community.greedy_modularity_communities(G, weight=None)),
            ("components", comps),
        ]
        for pname, partition in candidates:
            record = {"name": pname, "labels": labels_of(partition, n), "modularity": []}
            for weighted in (True, False):
                for resolution in (1.0, 0.5, 2.0):
                    q = nx.community.modularity(
                        G, partition, weight="weight" if weighted else None, resolution=resolution
                    )
                    record["modularity"].append(
                        {"weighted": weighted, "resolution": resolution, "value": float(q)}
                    )
            partitions.append(record)
    entry["partitions"] = partitions
    return entry


def main() -> None:
    rng = random.Random(SEED)
    graphs: list[tuple[str, nx.Graph]] = []

    graphs.append(("gnp_40_0.12", rebuild(nx.gnp_random_graph(40, 0.12, seed=rng.randrange(2**31)), rng)))
    sparse = nx.gnp_random_graph(60, 0.03, seed=rng.randrange(2**31))
    sparse.add_nodes_from(range(60, 64))  # guaranteed isolated nodes on top of the random ones
    graphs.append(("gnp_64_sparse_disconnected", rebuild(sparse, rng, shuffle=True)))
    graphs.append(("barabasi_albert_80_2", rebuild(nx.barabasi_albert_graph(80, 2, seed=rng.randrange(2**31)), rng)))
    graphs.append(("barabasi_albert_200_3", rebuild(nx.barabasi_albert_graph(200, 3, seed=rng.randrange(2**31)), rng)))
    graphs.append(
        (
            "connected_watts_strogatz_50_4_0.2",
            rebuild(nx.connected_watts_strogatz_graph(50, 4, 0.2, seed=rng.randrange(2**31)), rng),
        )
    )
    graphs.append(("karate_club", rebuild(nx.karate_club_graph(), rng, keep_weights=True)))
    graphs.append(("articulated", rebuild(articulated(rng), rng, shuffle=True)))
    # Several components at once: a random tree, a dense block and isolated nodes.
    mixed = nx.disjoint_union_all(
        [nx.random_labeled_tree(15, seed=rng.randrange(2**31)), nx.gnp_random_graph(12, 0.5, seed=rng.randrange(2**31)), nx.empty_graph(3)]
    )
    graphs.append(("tree_dense_isolates", rebuild(mixed, rng, shuffle=True)))

    data = {
        "generator": "scripts/networkx_structure.py",
        "networkx": nx.__version__,
        "python": sys.version.split()[0],
        "seed": SEED,
        "graphs": [measures(name, G, seed=SEED + i) for i, (name, G) in enumerate(graphs)],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    for g in data["graphs"]:
        print(
            f"{g['name']}: n={g['n']} m={len(g['edges'])} components={g['n_components']} "
            f"isolates={len(g['isolates'])} articulation={len(g['articulation_points'])} "
            f"bridges={len(g['bridges'])} max_core={max(g['core_number'], default=0)}"
        )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
