"""Checks `maillage network --format json` on the demo territory against NetworkX.

Builds the place-level referral network straight from Seeds/demo (an intermediary stands for the
first of its places, by id; intermediaries without a place drop out), runs NetworkX on it and
compares: articulation points, bridges, core numbers and isolated places exactly, betweenness to
1e-9, and the modularity of maillage's communities no lower than NetworkX's Louvain (seed 42) − 0.01.

    .build/release/maillage network --db Exports/demo.sqlite --format json > /tmp/network.json
    python3 Benchmarks/compare/network_demo.py /tmp/network.json
"""
import csv
import json
import sys

import networkx as nx

ours = json.load(open(sys.argv[1]))
places = sorted(row["id"] for row in csv.DictReader(open("Seeds/demo/lieux.csv", encoding="utf-8")))
stands_for = {p: p for p in places}
for row in csv.DictReader(open("Seeds/demo/intermediaires.csv", encoding="utf-8")):
    workplaces = sorted(p for p in row["place_id"].split("|") if p in stands_for)
    if workplaces:
        stands_for[row["id"]] = workplaces[0]
g = nx.Graph()
g.add_nodes_from(places)
for row in csv.DictReader(open("Seeds/demo/orientations.csv", encoding="utf-8")):
    a, b = stands_for.get(row["source_id"]), stands_for.get(row["target_id"])
    if a and b and a != b:
        g.add_edge(a, b)

failures = []
def check(name, ok):
    print(f"{'ok  ' if ok else 'FAIL'} {name}")
    if not ok:
        failures.append(name)

check(f"nodes {g.number_of_nodes()} and edges {g.number_of_edges()}", (ours["nodes"], ours["edges"]) == (g.number_of_nodes(), g.number_of_edges()))
check(f"articulation points ({len(list(nx.articulation_points(g)))})", ours["articulation_points"] == sorted(nx.articulation_points(g)))
check(f"bridges ({len(list(nx.bridges(g)))})", ours["bridges"] == sorted(sorted(e) for e in nx.bridges(g)))
check("core numbers", ours["core_number"] == nx.core_number(g))
check(f"isolated ({len(list(nx.isolates(g)))})", ours["isolated"] == sorted(nx.isolates(g)))
reference = nx.betweenness_centrality(g)
worst = max(abs(ours["betweenness"][v] - reference[v]) for v in g)
check(f"betweenness (largest difference {worst:.2e})", worst <= 1e-9)
theirs = nx.community.modularity(g, nx.community.louvain_communities(g, seed=42))
check(f"modularity: maillage {ours['modularity']:.4f}, NetworkX Louvain {theirs:.4f}", ours["modularity"] >= theirs - 0.01)
print(f"{7 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
