#!/usr/bin/env python3
"""Optional cross-check: igraph's Burt constraint vs the NetworkX fixture.

Not used by the tests and not needed to regenerate the fixture. It reads
test/fixtures/networkx/structure.json and compares python-igraph's
`Graph.constraint()` (unweighted and weighted) with the NetworkX values stored
there, so that the reference itself is confirmed by an independent
implementation.

    /usr/bin/python3 scripts/igraph_constraint_check.py   # needs python3-igraph

Exit status 0 when every value agrees to 1e-9 (isolated nodes: NaN in igraph,
null in the fixture), 1 otherwise.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import igraph as ig

FIXTURE = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "networkx" / "structure.json"


def main() -> int:
    data = json.loads(FIXTURE.read_text())
    bad = 0
    checked = 0
    for g in data["graphs"]:
        G = ig.Graph(n=g["n"], edges=[(u, v) for u, v, _ in g["edges"]])
        G.es["weight"] = [w for _, _, w in g["edges"]]
        for key, weights in (("constraint_unweighted", None), ("constraint_weighted", "weight")):
            ours = G.constraint(weights=weights)
            for v, (a, e) in enumerate(zip(ours, g[key])):
                checked += 1
                if e is None:
                    ok = math.isnan(a)
                else:
                    ok = abs(a - e) <= 1e-9 * max(1.0, abs(e))
                if not ok:
                    bad += 1
                    print(f"{g['name']} {key} node {v}: igraph {a} vs networkx {e}")
    print(f"igraph {ig.__version__}: {checked - bad}/{checked} constraint values agree with NetworkX {data['networkx']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
