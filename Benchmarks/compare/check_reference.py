"""Checks `maillage check` (the data-quality report) against an independent computation.

What it computes from the same SQLite database, with Python's sqlite3, re and python-stdnum only,
independently of maillage's Swift code (the rules are restated here from README.md § check):

- invalid_value, per active source record (table `place` joined to `node`, merged or not): `pivot`
  must match the schema's pattern (read from the national schema file) and, when all digits, be a
  SIRET (stdnum.fr.siret) or SIREN (stdnum.fr.siren); `code_postal`, `code_insee`, `telephone` the
  schema's patterns; each `|`-separated item of `courriels` an e-mail address and of `site_web` a
  web address (the two patterns below).
- unknown_enumeration, per active source record: the values kept aside at import (`unrecognised`),
  the stored values of the enumerated fields outside the taxonomy's labels (`taxonomy_document`),
  `formations_labels` items outside the schema's list, `typologie` codes outside `typologie`.
- Per active real place (`shown_place`, `shown_node`): far_from_commune (haversine, R = 6371.0 km,
  over 30 km from the commune's centroid); other_departement (the département of the nearest
  commune centroid, ties by code, differs from the postal code's or INSEE code's, and that
  département's nearest centroid is more than 10 km farther); stale (`date_maj` before the same
  day a year before --today, the 28th of February for a 29th; or no date); relays_nothing (no
  `shown_relay` row for the place nor for an active intermediary working there).
- intermediary_unattached: active intermediaries working at no active place (`shown_works_at`)
  and with no `shown_zone` row. referral_to_inactive: `shown_referral` rows from an active node to
  an inactive one.
- unreadable_hours is not recomputed (it needs an OSM opening_hours parser): the script checks
  that maillage reports it only for places whose `horaires` it lists, and prints its count.

With --maillage BINARY, runs `BINARY check --db DB --today DAY --format json` and compares row for
row on (kind, id, field, value, other_id); prints PASS or the differences and exits 1 on failure.

Run from the project root:

    python3 -m pip install python-stdnum
    python3 Benchmarks/compare/check_reference.py --db france.sqlite --today 2024-02-22 \\
        --maillage .build/release/maillage
"""

import argparse
import calendar
import datetime
import json
import math
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

from stdnum.fr import siren, siret

EMAIL = r"[^@\s,;|]+@[^@\s,;|]+\.[^@\s,;|]+"
URL = r"https?://[^\s/?#|]+\.[^\s/?#|]+([/?#][^\s|]*)?"
FAR_KM = 30.0
BORDER_MARGIN_KM = 10.0
KINDS = ["invalid_value", "unknown_enumeration", "far_from_commune", "other_departement", "stale", "relays_nothing",
         "intermediary_unattached", "referral_to_inactive", "unreadable_hours", "likely_duplicate", "edit_conflict"]
ENUMERATED = ["publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "modalites_acces",
              "modalites_accompagnement", "itinerance"]


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def items(value):
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def schema_patterns(path):
    fields = json.loads(Path(path).read_text(encoding="utf-8"))["fields"]
    return {f["name"]: f["constraints"]["pattern"] for f in fields if "pattern" in f.get("constraints", {})}


def full(pattern, value):
    return re.fullmatch(f"(?:{pattern})", value) is not None


def pivot_ok(value, pattern):
    if not full(pattern, value):
        return False
    if value.isascii() and value.isdigit():
        return (len(value) == 14 and siret.is_valid(value)) or (len(value) == 9 and siren.is_valid(value))
    return True


def value_problems(db, patterns):
    taxonomy = json.loads(db.execute("SELECT content FROM taxonomy_document WHERE name = 'taxonomy'").fetchone()[0])
    labels = {field: {entry["label"] for entry in entries} for field, entries in taxonomy["enumerations"]["fields"].items()}
    typologies = {row[0] for row in db.execute("SELECT code FROM typologie")}
    rows = db.execute(f"""
        SELECT n.public_id, p.pivot, p.code_postal, p.code_insee, p.telephone, p.courriels, p.site_web, p.typologie,
               p.formations_labels, p.unrecognised, {", ".join("p." + f for f in ENUMERATED)}
        FROM place p JOIN node n ON n.id = p.node_id WHERE n.active""")
    problems, count = [], 0
    for row in rows:
        count += 1
        pid, pivot, postal, insee, phone, mails, sites, typologie, formations, kept = row[:10]
        enumerated = dict(zip(ENUMERATED, row[10:]))
        checks = [("pivot", pivot, lambda v: pivot_ok(v, patterns["pivot"])),
                  ("code_postal", postal, lambda v: full(patterns["code_postal"], v)),
                  ("code_insee", insee, lambda v: full(patterns["code_insee"], v)),
                  ("telephone", phone, lambda v: full(patterns["telephone"], v)),
                  ("courriels", mails, lambda v: all(full(EMAIL, i) for i in items(v))),
                  ("site_web", sites, lambda v: all(full(URL, i) for i in items(v)))]
        for field, value, ok in checks:
            if value and not ok(value):
                problems.append(("invalid_value", pid, field, value, None))
        for field, values in sorted(json.loads(kept).items()) if kept else []:
            problems += [("unknown_enumeration", pid, field, v, None) for v in values]
        for field, value in enumerated.items():
            if field in labels:
                problems += [("unknown_enumeration", pid, field, v, None) for v in items(value) if v not in labels[field]]
        problems += [("unknown_enumeration", pid, "formations_labels", v, None)
                     for v in items(formations) if not full(patterns["formations_labels"], v)]
        problems += [("unknown_enumeration", pid, "typologie", v, None) for v in items(typologie) if v not in typologies]
    return problems, count


class Communes:
    def __init__(self, db):
        self.rows = db.execute("SELECT code_insee, nom, departement_code, latitude, longitude FROM commune ORDER BY code_insee").fetchall()
        self.by_code = {r[0]: r for r in self.rows}
        self.located = [r for r in self.rows if r[3] is not None]

    def nearest(self, lat, lon):
        # Candidates within a degree first (exact when the nearest is under ~70 km), else all.
        near = [r for r in self.located if abs(r[3] - lat) < 1 and abs(r[4] - lon) < 1]
        pool = near if near else self.located
        best = min(pool, key=lambda r: (haversine(lat, lon, r[3], r[4]), r[0]))
        distance = haversine(lat, lon, best[3], best[4])
        if near and distance > 60:
            best = min(self.located, key=lambda r: (haversine(lat, lon, r[3], r[4]), r[0]))
            distance = haversine(lat, lon, best[3], best[4])
        return best, distance

    def nearest_in(self, lat, lon, departements):
        distances = [haversine(lat, lon, r[3], r[4]) for r in self.located if r[2] in departements]
        return min(distances) if distances else None


def postal_departements(code):
    if not code or len(code) != 5 or not (code.isascii() and code.isdigit()):
        return []
    if code.startswith("20"):
        return ["2A", "2B"]
    return [code[:3]] if code[:2] in ("97", "98") else [code[:2]]


def stale_before(today):
    day = min(today.day, calendar.monthrange(today.year - 1, today.month)[1])
    return datetime.date(today.year - 1, today.month, day).isoformat()


def place_problems(db, today):
    communes = Communes(db)
    cutoff = stale_before(today)
    relaying = {r[0] for r in db.execute("SELECT DISTINCT node_id FROM shown_relay")}
    active_intermediaries = {r[0] for r in db.execute(
        "SELECT n.id FROM intermediary i JOIN shown_node n ON n.id = i.node_id WHERE n.active")}
    workplaces = db.execute("SELECT intermediary_id, place_id FROM shown_works_at").fetchall()
    relaying_places = relaying | {p for i, p in workplaces if i in active_intermediaries and i in relaying}
    problems, places = [], db.execute("""
        SELECT n.id, n.public_id, p.code_insee, p.code_postal, p.latitude, p.longitude, p.date_maj
        FROM shown_place p JOIN shown_node n ON n.id = p.node_id WHERE n.active""").fetchall()
    for node, pid, insee, postal, lat, lon, date_maj in places:
        if lat is not None:
            commune = communes.by_code.get(insee)
            if commune and commune[3] is not None and haversine(lat, lon, commune[3], commune[4]) > FAR_KM:
                problems.append(("far_from_commune", pid, "coordinates", f"{lat!r}, {lon!r}", None))
            codes = []
            if postal_departements(postal):
                codes.append(("code_postal", postal, postal_departements(postal)))
            if commune:
                codes.append(("code_insee", insee, [commune[2]]))
            if codes:
                nearest, distance = communes.nearest(lat, lon)
                for field, code, departements in codes:
                    if nearest[2] in departements:
                        continue
                    own = communes.nearest_in(lat, lon, departements)
                    if own is not None and own - distance > BORDER_MARGIN_KM:
                        problems.append(("other_departement", pid, field, code, None))
        if date_maj is None or date_maj < cutoff:
            problems.append(("stale", pid, "date_maj", date_maj, None))
        if node not in relaying_places:
            problems.append(("relays_nothing", pid, "services", None, None))
    active_places = {p[0] for p in places}
    attached = {i for i, p in workplaces if p in active_places}
    zoned = {r[0] for r in db.execute("SELECT DISTINCT node_id FROM shown_zone")}
    for node, pid in db.execute("SELECT n.id, n.public_id FROM intermediary i JOIN shown_node n ON n.id = i.node_id WHERE n.active"):
        if node not in attached and node not in zoned:
            problems.append(("intermediary_unattached", pid, "works_at", None, None))
    for source, target in db.execute("""
            SELECT s.public_id, t.public_id FROM shown_referral r JOIN shown_node s ON s.id = r.source_node_id
            JOIN shown_node t ON t.id = r.target_node_id WHERE s.active AND NOT t.active"""):
        problems.append(("referral_to_inactive", source, "target_id", target, target))
    return problems, len(places)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--today", required=True, help="YYYY-MM-DD")
    parser.add_argument("--schema", default="../shared/data/schema-lieux-mediation-numerique-v1.json")
    parser.add_argument("--maillage", help="the maillage binary to compare with")
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    today = datetime.date.fromisoformat(args.today)

    values, records = value_problems(db, schema_patterns(args.schema))
    others, places = place_problems(db, today)
    reference = values + others
    counts = Counter(p[0] for p in reference)
    print(f"reference: {records} source records, {places} places; stale before {stale_before(today)}")
    for kind in KINDS:
        print(f"  {kind:26} {counts.get(kind, 0):6}" + ("  (not recomputed)" if kind in ("unreadable_hours", "likely_duplicate", "edit_conflict") else ""))
    if not args.maillage:
        return 0

    output = subprocess.run([args.maillage, "check", "--db", args.db, "--today", args.today, "--format", "json"],
                            check=True, capture_output=True, text=True).stdout
    report = json.loads(output)
    theirs = [(p["kind"], p["id"], p["field"], p["value"], p["other_id"]) for p in report["problems"]
              if p["kind"] not in ("unreadable_hours", "likely_duplicate", "edit_conflict")]
    missing = Counter(reference) - Counter(theirs)
    extra = Counter(theirs) - Counter(reference)
    print(f"maillage: {len(report['problems'])} problems; counts {json.dumps(report['counts'], sort_keys=True)}")
    for row in sorted(missing.elements(), key=str):
        print("  only in the reference:", row)
    for row in sorted(extra.elements(), key=str):
        print("  only in maillage:", row)
    hours = {r[0] for r in db.execute("""SELECT n.public_id FROM shown_place p JOIN shown_node n ON n.id = p.node_id
                                          WHERE n.active AND p.horaires IS NOT NULL""")}
    bad_hours = [p["id"] for p in report["problems"] if p["kind"] == "unreadable_hours" and p["id"] not in hours]
    if bad_hours:
        print("  unreadable_hours for places without horaires:", bad_hours)
    ok = not missing and not extra and not bad_hours
    print(f"{'PASS' if ok else 'FAIL'}: {len(reference)} rows compared row for row (kind, id, field, value, other_id)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
