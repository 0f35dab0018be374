"""Times betweenness centrality in python-igraph and NetworkX on an edge list, for NetworkBenchmark.

Reads an edge list (`a b` per line, nodes 0..N-1, `#` comments), then times igraph's
`Graph.betweenness()` and NetworkX's `betweenness_centrality` (normalized=True, endpoints=False),
the call alone, not the loading. igraph's raw values are converted to NetworkX's normalisation:
for an undirected graph, value * 2 / ((n-1)(n-2)); the script checks the conversion against
NetworkX on a small graph each time it runs.

A full NetworkX run on 20,000 nodes and 60,000 edges takes over an hour (4,474 s CPU here), so by default it
runs from K sampled sources (`k=K`) and extrapolates the full time as t * n / K: Brandes' cost is
one breadth-first search and accumulation per source. `--full` runs every source instead.

Prints one JSON object on stdout (wall and CPU seconds per tool); progress goes to stderr.

    python3 Benchmarks/compare/betweenness_reference.py EDGES [--nodes N] [--only igraph|networkx]
        [--k 500 | --full] [--seed 1] [--values FILE]

`--values FILE` writes igraph's converted values, one per line, in node order.
"""
import argparse
import json
import sys
import time

try:
    import igraph as ig
    import networkx as nx
except ImportError as error:
    sys.exit(f"{error}: install the comparison packages with\n"
             f"    python3 -m pip install -r Benchmarks/compare/requirements.txt")


def igraph_normalised(graph):
    """igraph's betweenness in NetworkX's normalisation (undirected, normalized=True, endpoints=False)."""
    n = graph.vcount()
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
    return [value * scale for value in graph.betweenness()]


def check_normalisation():
    """igraph converted against NetworkX on a small seeded graph with isolated nodes: exits if they differ."""
    small = nx.gnm_random_graph(60, 90, seed=3)
    theirs = nx.betweenness_centrality(small)
    ours = igraph_normalised(ig.Graph(n=60, edges=list(small.edges())))
    worst = max(abs(ours[v] - theirs[v]) for v in range(60))
    if worst > 1e-12:
        sys.exit(f"igraph's normalisation does not match NetworkX's on a 60-node graph (difference {worst:g})")


def timed(call):
    """Runs call() and returns its result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("edges")
parser.add_argument("--nodes", type=int, help="node count (default: largest id + 1)")
parser.add_argument("--only", choices=["igraph", "networkx"])
parser.add_argument("--k", type=int, default=500, help="NetworkX sampled sources (default 500)")
parser.add_argument("--full", action="store_true", help="NetworkX from every source, no extrapolation")
parser.add_argument("--seed", type=int, default=1, help="seed of NetworkX's source sample")
parser.add_argument("--values", help="write igraph's converted values here, one per line")
args = parser.parse_args()

edges = []
with open(args.edges) as file:
    for line in file:
        if line.strip() and not line.startswith("#"):
            a, b = line.split()
            edges.append((int(a), int(b)))
n = args.nodes or 1 + max(max(edge) for edge in edges)
report = {"nodes": n, "edges": len(edges)}

if args.only != "networkx":
    check_normalisation()
    graph = ig.Graph(n=n, edges=edges)
    values, wall, cpu = timed(lambda: igraph_normalised(graph))
    report["igraph"] = {"version": ig.__version__, "seconds": wall, "cpu_seconds": cpu}
    print(f"igraph {ig.__version__}: {wall:.1f} s", file=sys.stderr)
    if args.values:
        with open(args.values, "w") as file:
            file.writelines(f"{value!r}\n" for value in values)

if args.only != "igraph":
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    k = None if args.full or args.k >= n else args.k
    result, wall, cpu = timed(lambda: nx.betweenness_centrality(graph, k=k, seed=args.seed))
    factor = n / k if k else 1
    report["networkx"] = {"version": nx.__version__, "seconds": wall * factor, "cpu_seconds": cpu * factor,
                          "sources": k or n, "extrapolated": k is not None}
    if k:
        print(f"NetworkX {nx.__version__}: {wall:.1f} s from {k} sampled sources; "
              f"extrapolated to all {n} (Brandes' cost is per source): {wall * factor:.0f} s", file=sys.stderr)
    else:
        print(f"NetworkX {nx.__version__}: {wall:.1f} s from all {n} sources", file=sys.stderr)
        if "igraph" in report:
            worst = max(abs(result[v] - values[v]) for v in range(n))
            report["networkx"]["max_difference_from_igraph"] = worst
            print(f"largest difference from igraph's values: {worst:.3g}", file=sys.stderr)

json.dump(report, sys.stdout)
print()
