"""An independent computation of `maillage dedupe` on a maillage database, compared pair for pair.

Reads the active place records of DB (the same rows `dedupe` reads), applies the rules the README
states with rapidfuzz's `fuzz.ratio` (the indel ratio), Python's own Unicode tables and a brute-force
distance blocking, and compares the merges and near-misses with `maillage dedupe --dry-run
--format json` (same database): every pair, its rule and its score to 1e-9.

Run from the project root, after building maillage:
    python3 Benchmarks/compare/dedupe_reference.py DB [MAILLAGE_BINARY]
Exits 1 on any difference. With --reference-only in place of the binary, it only computes its own
proposal (the DedupeBenchmark times it beside maillage's).
"""
import json
import math
import sqlite3
import subprocess
import sys
import unicodedata
from itertools import combinations

from rapidfuzz import fuzz

STOP = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "sur", "sous"}
GENERIC = set("""mairie hotel ville commune communaute communes cc agglomeration centre social sociale sociaux
socioculturel communal intercommunal action espace mediatheque bibliotheque maison association asso ass france
services service numerique numeriques public publique ccas cias pimms msap epn point info antenne pole""".split())
ABBREVIATIONS = {"r": "rue", "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "boul": "boulevard",
                 "pl": "place", "ch": "chemin", "chem": "chemin", "rte": "route", "imp": "impasse", "all": "allee",
                 "sq": "square", "fg": "faubourg", "fbg": "faubourg", "st": "saint", "ste": "sainte", "crs": "cours",
                 "res": "residence", "gal": "general", "gen": "general", "mal": "marechal", "pdt": "president",
                 "qu": "quai", "prom": "promenade", "lot": "lotissement"}
KIND_PHRASES = [
    ("france services", "france-services"), ("msap", "france-services"), ("maison de services au public", "france-services"),
    ("pimms", "france-services"), ("centre communal d action sociale", "action-sociale"), ("ccas", "action-sociale"),
    ("cias", "action-sociale"), ("maison des solidarites", "action-sociale"), ("maison departementale des solidarites", "action-sociale"),
    ("medico social", "action-sociale"), ("centre social", "centre-social"), ("centre socioculturel", "centre-social"),
    ("centre socio culturel", "centre-social"), ("espace de vie sociale", "centre-social"), ("mediatheque", "bibliotheque"),
    ("bibliotheque", "bibliotheque"), ("ludotheque", "bibliotheque"), ("mission locale", "emploi"), ("pole emploi", "emploi"),
    ("france travail", "emploi"), ("information jeunesse", "jeunesse"), ("mjc", "jeunesse"), ("maison des jeunes", "jeunesse"),
    ("espace public numerique", "espace-numerique"), ("epn", "espace-numerique"), ("cyber base", "espace-numerique"),
    ("fablab", "espace-numerique"), ("tiers lieu", "espace-numerique"), ("mairie", "mairie"), ("hotel de ville", "mairie"),
    ("college", "enseignement"), ("lycee", "enseignement"), ("ecole", "enseignement"), ("universite", "enseignement"),
    ("boulangerie", "commerce"), ("pharmacie", "commerce"), ("tabac", "commerce"), ("supermarche", "commerce"),
]
TYPOLOGIES = {"FS": "france-services", "MUNI": "mairie", "BIB": "bibliotheque", "CS": "centre-social", "CCAS": "action-sociale",
              "CIAS": "action-sociale", "MDS": "action-sociale", "ML": "emploi", "PE": "emploi", "PIJ_BIJ": "jeunesse",
              "MJC": "jeunesse", "EPN": "espace-numerique", "TIERS_LIEUX": "espace-numerique"}
FAMILIES = [{"france-services", "mairie"}, {"bibliotheque", "espace-numerique"}, {"centre-social", "espace-numerique"},
            {"centre-social", "jeunesse"}, {"jeunesse", "emploi"}]


def fold(text):
    out = []
    for c in unicodedata.normalize("NFKD", text.lower()):
        if unicodedata.category(c) == "Mn":
            continue
        if "a" <= c <= "z" or "0" <= c <= "9":
            out.append(c)
        else:
            out.append({"œ": "oe", "æ": "ae", "ß": "ss"}.get(c, " "))
    return "".join(out).split()


def singular(word):
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def kind(name, typologie):
    for code in (typologie or "").split("|"):
        if code in TYPOLOGIES:
            return TYPOLOGIES[code]
    words = [singular(w) for w in fold(name)]
    for phrase, k in KIND_PHRASES:
        p = [singular(w) for w in phrase.split()]
        if any(words[i:i + len(p)] == p for i in range(len(words) - len(p) + 1)):
            return k
    return None


def compatible(a, b):
    return a is None or b is None or a == b or any(a in f and b in f for f in FAMILIES)


def street(address):
    words = []
    for w in fold(address or ""):
        if len(w) == 5 and w.isdigit():
            break
        w = ABBREVIATIONS.get(w, w)
        if w not in STOP:
            words.append(w)
    return " ".join(words)


def haversine_km(p, q):
    r = math.pi / 180
    a = math.sin((q[0] - p[0]) * r / 2) ** 2 + math.cos(p[0] * r) * math.cos(q[0] * r) * math.sin((q[1] - p[1]) * r / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1, math.sqrt(a)))


def prepared(row):
    node_id, public_id, source, nom, siret, insee, adresse, lat, lon, typologie = row
    words = [w for w in fold(nom) if w not in STOP]
    return {"node": node_id, "id": public_id, "source": source, "nom": nom, "siret": siret, "insee": insee,
            "full": " ".join(words), "core": " ".join(w for w in words if w not in GENERIC), "street": street(adresse),
            "point": (lat, lon) if lat is not None and lon is not None else None, "kind": kind(nom, typologie)}


def veto(a, b):
    if not a["full"] or not b["full"]:
        return "missing_name"
    if a["insee"] and b["insee"] and a["insee"] != b["insee"]:
        return "different_communes"
    if not compatible(a["kind"], b["kind"]):
        return "incompatible_kinds"
    return None


def compare(a, b):
    name = fuzz.ratio(a["full"], b["full"])
    if a["core"] and b["core"]:
        name = max(name, fuzz.ratio(a["core"], b["core"]))
    parts = [name]
    st = fuzz.ratio(a["street"], b["street"]) if a["street"] and b["street"] else None
    if st is not None:
        parts.append(st)
    if a["point"] and b["point"]:
        metres = haversine_km(a["point"], b["point"]) * 1000
        parts.append(100 if metres <= 50 else 100 * 50 / metres)
    similarity = sum(parts) / len(parts)
    score, rule = similarity, "score"
    v = veto(a, b)
    if v is None and a["siret"] and a["siret"] == b["siret"] and a["source"] != b["source"] and a["insee"] and (st is None or st >= 50):
        score, rule = 100.0, "siret"
    return v, rule, score, similarity


def main():
    db, binary = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else ".build/release/maillage")
    con = sqlite3.connect(db)
    rows = con.execute("""SELECT n.id, n.public_id, s.name, p.nom, p.pivot, p.code_insee, p.adresse, p.latitude, p.longitude, p.typologie
                          FROM place p JOIN node n ON n.id = p.node_id JOIN source s ON s.id = n.source_id WHERE n.active ORDER BY n.id""").fetchall()
    groups = con.execute("SELECT node_id, head_id FROM place_group").fetchall()
    never = {tuple(sorted(r)) for r in con.execute("SELECT first_id, second_id FROM never_merge")}
    records = [prepared(r) for r in rows]
    # Blocking: same commune, or within 1 km by brute force over the records with coordinates.
    pairs = set()
    by_insee = {}
    for i, r in enumerate(records):
        if r["insee"]:
            by_insee.setdefault(r["insee"], []).append(i)
    for members in by_insee.values():
        pairs.update(combinations(members, 2))
    located = [i for i, r in enumerate(records) if r["point"]]
    for i, j in combinations(located, 2):
        if haversine_km(records[i]["point"], records[j]["point"]) <= 1.0:
            pairs.add((i, j))

    parent = list(range(len(records)))

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    index = {r["node"]: i for i, r in enumerate(records)}
    heads = {}
    for node, head in groups:
        if node in index and head in index:
            heads.setdefault(head, []).append(index[node])
    for members in heads.values():
        for m in members[1:]:
            parent[root(m)] = root(members[0])
    apart = {(index[a], index[b]) for a, b in never if a in index and b in index}
    apart |= {(b, a) for a, b in apart}

    candidates, near = [], []
    for i, j in sorted(pairs):
        a, b = records[i], records[j]
        v, rule, score, similarity = compare(a, b)
        if v or root(i) == root(j) or (i, j) in apart:
            continue
        threshold = 90 if a["source"] == b["source"] else 83
        if score >= threshold:
            candidates.append((score, rule, a["id"], b["id"], i, j, similarity))
        elif score >= 70:
            near.append((score, rule, a["id"], b["id"], similarity))

    def members(r):
        return [k for k in range(len(records)) if root(k) == r]

    merges = []
    # Best first: score, SIRET matches before scores, the more similar, then ids.
    for score, rule, ida, idb, i, j, _ in sorted(candidates, key=lambda c: (-c[0], c[1] != "siret", -c[6], c[2], c[3])):
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        first, second = members(ri), members(rj)
        def conflict(x, y):
            a, b = records[x], records[y]
            return (x, y) in apart or veto(a, b) or (a["source"] == b["source"] and compare(a, b)[2] < 90)
        if any(conflict(x, y) for x in first for y in second):
            continue
        parent[rj] = ri
        merges.append((score, rule, ida, idb))
    near = [c[:4] for c in sorted(near, key=lambda c: (-c[0], c[1] != "siret", -c[4], c[2], c[3]))]
    if binary == "--reference-only":
        print(f"reference: {len(merges)} merges, {len(near)} near-misses, {len(pairs)} pairs examined")
        return

    swift = json.loads(subprocess.run([binary, "dedupe", "--dry-run", "--format", "json", "--db", db],
                                      check=True, capture_output=True, text=True).stdout)
    ok = True
    for label, ours, theirs in [("merges", merges, swift["merges"]), ("near-misses", near, swift["near_misses"])]:
        theirs = [(p["score"], p["rule"], p["first"]["id"], p["second"]["id"]) for p in theirs]
        same = len(ours) == len(theirs) and all(a[1:] == b[1:] and abs(a[0] - b[0]) < 1e-9 for a, b in zip(ours, theirs))
        print(f"{label}: reference {len(ours)}, maillage {len(theirs)}: {'identical, pair for pair (scores within 1e-9)' if same else 'DIFFERENT'}")
        if not same:
            ok = False
            mine, other = {x[2:]: x for x in ours}, {x[2:]: x for x in theirs}
            for key in sorted(set(mine) ^ set(other))[:20]:
                print("  only in", "reference" if key in mine else "maillage", mine.get(key) or other.get(key))
            for key in sorted(set(mine) & set(other)):
                if mine[key][1] != other[key][1] or abs(mine[key][0] - other[key][0]) >= 1e-9:
                    print("  differs", mine[key], other[key])
    print(f"pairs examined: {len(pairs)} (maillage {swift['pairs_examined']}), of {len(records) * (len(records) - 1) // 2} pairs in all")
    ok = ok and len(pairs) == swift["pairs_examined"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
