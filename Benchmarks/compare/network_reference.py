"""Reference answers from NetworkX for maillage's network measures.

Generates seeded random graphs (sparse, clustered, with isolated nodes and bridges), runs
NetworkX's articulation_points, bridges, core_number, betweenness_centrality (defaults:
normalized=True, endpoints=False) and the modularity of louvain_communities (seed 42) on them, and writes the inputs and answers to
Tests/MaillageTests/Resources/network-reference.json, which the Swift tests compare against.

Run from the project root: python3 Benchmarks/compare/network_reference.py
"""
import json
import random
import sys

import networkx as nx


def graph(seed, n, extra):
    rng = random.Random(seed)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    # Clusters joined by single edges (bridges), some pendant chains, a few isolated nodes.
    clusters = [list(range(i, min(i + 8, n - 3))) for i in range(0, n - 3, 8)]
    for cluster in clusters:
        for _ in range(len(cluster) + extra):
            a, b = rng.sample(cluster, 2) if len(cluster) > 1 else (cluster[0], cluster[0])
            if a != b:
                g.add_edge(a, b)
    for left, right in zip(clusters, clusters[1:]):
        g.add_edge(rng.choice(left), rng.choice(right))
    return g


cases = []
for seed, n, extra in [(1, 12, 1), (2, 30, 2), (3, 60, 3), (4, 90, 1), (5, 150, 4)]:
    g = graph(seed, n, extra)
    cases.append({
        "count": n,
        "edges": sorted([sorted(e) for e in g.edges()]),
        "articulation_points": sorted(nx.articulation_points(g)),
        "bridges": sorted(sorted(e) for e in nx.bridges(g)),
        "core_number": [nx.core_number(g)[v] for v in range(n)],
        "betweenness": [nx.betweenness_centrality(g)[v] for v in range(n)],
        "isolated": sorted(nx.isolates(g)),
        "louvain_modularity": nx.community.modularity(g, nx.community.louvain_communities(g, seed=42)),
    })
out = "Tests/MaillageTests/Resources/network-reference.json"
with open(out, "w") as f:
    json.dump({"networkx": nx.__version__, "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases with NetworkX {nx.__version__} to {out}", file=sys.stderr)
