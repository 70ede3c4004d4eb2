#!/usr/bin/env python3
"""Graph file fixtures for samverkan's GEXF/GraphML/JSON reader and writer.

Run from the repository root:

    python3 scripts/make_graph_fixtures.py

It does three things, writing into test/fixtures/graphs/:

1. Files written by NetworkX (the interpreter running this script, NetworkX
   3.6.1 when the fixtures were made): `nx.write_graphml`, `nx.write_gexf`
   (GEXF 1.2draft, NetworkX's default), a directed graph, a multigraph and
   node-link JSON. test/io/graph-import.test.ts reads them.
2. A file written by python-igraph's `Graph.write_graphml` (igraph writes
   node ids n0, n1, ... and the vertex names as the attribute `name`). When
   this interpreter has no igraph, the script runs itself again with
   /usr/bin/python3 (Debian's python3-igraph) for that part.
3. Evidence that samverkan's own exports are valid for other tools: it runs
   scripts/write_export_fixtures.ts (samverkan-*.gexf/.graphml/.json), reads
   them back with NetworkX (and the GraphML with igraph), and writes what
   those libraries saw to samverkan-export.readback.json. CI has no Python:
   the tests check that the committed exports are byte-identical to what
   samverkan writes today and that the read-back matches the network.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "test", "fixtures", "graphs")


def path(name):
    return os.path.join(OUT, name)


def networkx_fixtures():
    import networkx as nx

    # A small cooperation network as an analyst might keep it in NetworkX:
    # string attributes (Swedish names, kinds, municipalities by name or
    # code), an integer attribute, float and integer weights, dates.
    G = nx.Graph()
    G.add_node("moske-umea", label="Moské i Umeå", kind="religious", kommun="Umeå", members=120)
    G.add_node("2480")  # Umeå by its code, no kind: read as the municipality
    G.add_node("Vännäs")  # a municipality by its name
    G.add_node("idrott", label='Idrottsföreningen <&"\'>', type="civil_society", municipality="2460", founded="1921")
    G.add_node("__proto__", label="Prototypföreningen", kind="other", note="åäö")
    G.add_node("lst-ac", name="Länsstyrelsen Västerbotten", kind="authority", county="24")
    G.add_edge("moske-umea", "2480", weight=2.5, kind="dialog", since="2019-03-01")
    G.add_edge("idrott", "Vännäs", weight=1, kind="avtal")
    G.add_edge("2480", "Vännäs", weight=4.0, kind="samverkan")
    G.add_edge("__proto__", "moske-umea", weight=0.5)
    G.add_edge("lst-ac", "2480", weight=1.25, kind="tillsyn")
    nx.write_graphml(G, path("networkx.graphml"))
    nx.write_gexf(G, path("networkx.gexf"))
    with open(path("networkx-node-link.json"), "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(G, edges="edges"), f, ensure_ascii=False, indent=1)
        f.write("\n")

    # Directed: A->B and B->A are two links of one pair in samverkan.
    D = nx.DiGraph()
    D.add_node("a", kind="civil_society", municipality="2480")
    D.add_node("b", kind="religious", municipality="2480")
    D.add_edge("a", "b", weight=1.0)
    D.add_edge("b", "a", weight=2.0)
    nx.write_gexf(D, path("networkx-directed.gexf"))

    # A multigraph: parallel edges are separate links.
    M = nx.MultiGraph()
    M.add_node("a", kind="civil_society", municipality="2480")
    M.add_node("b", kind="religious", municipality="2460")
    M.add_edge("a", "b", weight=1.0, kind="avtal")
    M.add_edge("a", "b", weight=2.0, kind="dialog")
    nx.write_graphml(M, path("networkx-multigraph.graphml"))
    return nx.__version__


def igraph_fixtures():
    import igraph as ig

    g = ig.Graph()
    g.add_vertices(4)
    g.vs["name"] = ["moske-umea", "2480", "idrott", "constructor"]
    g.vs["label"] = ["Moské i Umeå", "Umeå", "Idrottsföreningen", "Konstruktörerna"]
    g.vs["type"] = ["religious", "municipality", "civil_society", "other"]
    g.vs["kommun"] = ["Umeå", "", "Vännäs", ""]
    g.add_edges([(0, 1), (2, 1), (3, 0)])
    g.es["weight"] = [2.5, 1.0, 3.0]
    g.es["type"] = ["dialog", "avtal", "avtal"]
    g.write_graphml(path("igraph.graphml"))

    seen = {}
    for name in ["samverkan-pairs.graphml", "samverkan-links.graphml"]:
        h = ig.Graph.Read_GraphML(path(name))
        seen[name] = {
            "reader": "igraph.Graph.Read_GraphML",
            "nodes": h.vcount(),
            "edges": h.ecount(),
            "ids": sorted(h.vs["id"]),
            "labels": sorted(h.vs["label"]),
            "weights": sorted(
                [sorted([h.vs[e.source]["id"], h.vs[e.target]["id"]]) + [e["weight"]] for e in h.es]
            ),
        }
    return ig.__version__, seen


def jsonable(value):
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    return value


def networkx_readback():
    import networkx as nx

    seen = {}
    for name, read in [
        ("samverkan-pairs.gexf", nx.read_gexf),
        ("samverkan-links.gexf", nx.read_gexf),
        ("samverkan-pairs.graphml", nx.read_graphml),
        ("samverkan-links.graphml", nx.read_graphml),
    ]:
        G = read(path(name))
        seen[name] = {
            "reader": f"nx.{read.__name__}",
            "type": type(G).__name__,
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "node_attributes": {str(n): jsonable(d) for n, d in sorted(G.nodes(data=True))},
            "weights": sorted([sorted([str(u), str(v)]) + [d.get("weight")] for u, v, d in G.edges(data=True)]),
        }
    with open(path("samverkan-pairs.json"), encoding="utf-8") as f:
        data = json.load(f)
    seen["samverkan-pairs.json"] = {
        "reader": "json.load",
        "nodes": len(data["nodes"]),
        "edges": len(data["edges"]),
        "keys": sorted(n["key"] for n in data["nodes"]),
    }
    return seen


def main():
    if "--igraph" in sys.argv:
        version, seen = igraph_fixtures()
        json.dump({"version": version, "files": seen}, sys.stdout, ensure_ascii=False)
        return

    subprocess.run(["npx", "tsx", os.path.join("scripts", "write_export_fixtures.ts")], cwd=ROOT, check=True)
    nx_version = networkx_fixtures()
    try:
        import igraph  # noqa: F401

        ig_version, ig_seen = igraph_fixtures()
    except ImportError:
        run = subprocess.run(["/usr/bin/python3", os.path.abspath(__file__), "--igraph"], capture_output=True, text=True, check=True)
        result = json.loads(run.stdout)
        ig_version, ig_seen = result["version"], result["files"]

    readback = {
        "about": "samverkan's exports of the fixture network (test/io/graph-fixture-network.ts) as NetworkX and igraph read them; made by scripts/make_graph_fixtures.py",
        "networkx": nx_version,
        "igraph": ig_version,
        "networkx_read": networkx_readback(),
        "igraph_read": ig_seen,
    }
    with open(path("samverkan-export.readback.json"), "w", encoding="utf-8") as f:
        json.dump(readback, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"fixtures written to {os.path.relpath(OUT, ROOT)} (NetworkX {nx_version}, igraph {ig_version})")


if __name__ == "__main__":
    main()
