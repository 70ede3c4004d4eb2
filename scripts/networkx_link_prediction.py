#!/usr/bin/env python3
"""Reference values for samverkan's network-level linkScores, computed with NetworkX.

Writes test/fixtures/networkx/link-prediction.json, read by
test/recommend/link-scores.test.ts. CI has no Python: rerun this by hand
(NetworkX >= 3.2) when the network or the pairs change, and commit the JSON.

    python3 scripts/networkx_link_prediction.py

The network is given as the two CSV files samverkan loads (actors and links,
embedded in the JSON so the test loads exactly what NetworkX saw). Actor ids
include names of Object.prototype members (`__proto__`, `constructor`, …),
which graphology cannot hold as raw node keys. Ends that are four-digit codes
are Swedish municipalities (from the embedded geography in samverkan). The
graph is the actor graph: one unweighted edge per linked pair, whatever the
number of links or their weights.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import networkx as nx

OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "networkx" / "link-prediction.json"

ACTORS = """id,name,kind,municipality
__proto__,Proto-föreningen,civil_society,2480
constructor,Byggarna,civil_society,2460
toString,Strängnätverket,religious,2480
hasOwnProperty,Ägarföreningen,civil_society,2409
valueOf,Värdegrunden,religious,2401
moske-umea,Moské i Umeå,religious,2480
polis-nord,Polisregion Nord,authority,
lst-24,Länsstyrelsen Västerbotten,authority,
ensam,Ensamma föreningen,civil_society,2403
"""

LINKS = """source,target,kind,weight
2480,__proto__,agreement,2
2480,toString,dialogue,1
2480,moske-umea,dialogue,1.5
2480,2460,agreement,1
2480,2401,agreement,1
2460,constructor,project,1
2460,__proto__,project,0.5
2460,polis-nord,agreement,1
2480,polis-nord,agreement,1
2401,polis-nord,agreement,1
2409,polis-nord,agreement,1
2409,hasOwnProperty,network,1
2401,valueOf,dialogue,1
__proto__,constructor,network,1
__proto__,toString,project,1
toString,moske-umea,network,1
constructor,hasOwnProperty,project,1
lst-24,polis-nord,network,1
lst-24,2480,network,1
lst-24,2409,network,1
lst-24,2401,project,1
2480,__proto__,project,1
2409,2401,agreement,1
"""


def main() -> None:
    G = nx.Graph()
    actors = list(csv.DictReader(io.StringIO(ACTORS)))
    G.add_nodes_from(a["id"] for a in actors)
    for link in csv.DictReader(io.StringIO(LINKS)):
        G.add_edge(link["source"], link["target"])  # repeats merge: one unweighted edge
    # Every pair of nodes (sorted, so the order is stable), self-pairs excluded.
    nodes = sorted(G.nodes())
    pairs = [list(p) for p in itertools.combinations(nodes, 2)]
    tuples = [tuple(p) for p in pairs]
    scores = {
        "common_neighbours": [len(list(nx.common_neighbors(G, u, v))) for u, v in tuples],
        "jaccard": [p for _, _, p in nx.jaccard_coefficient(G, tuples)],
        "adamic_adar": [p for _, _, p in nx.adamic_adar_index(G, tuples)],
        "resource_allocation": [p for _, _, p in nx.resource_allocation_index(G, tuples)],
        "preferential_attachment": [p for _, _, p in nx.preferential_attachment(G, tuples)],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "generator": f"scripts/networkx_link_prediction.py (NetworkX {nx.__version__})",
                "actors": ACTORS,
                "links": LINKS,
                "nodes": len(nodes),
                "edges": G.number_of_edges(),
                "pairs": pairs,
                "scores": scores,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(f"wrote {OUT} ({len(pairs)} pairs, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")


if __name__ == "__main__":
    main()
