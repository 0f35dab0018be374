"""Checks `maillage week` against an independent reading of the opening hours, on a generated territory.

Generates communes (positions, populations) and places, each with a weekly schedule drawn as data
(per day, a list of opening intervals; some closed on public holidays; some open 24/7, some
always closed, some with hours no one can read), writes the schedules as OpenStreetMap
opening_hours text for maillage, and computes in plain Python, from the drawn schedules and not
from the text, the population with an open place within the radius at each half hour of a week
holding a public holiday (Christmas 2026, a Friday; haversine on the mean Earth radius). Every one
of the 168 slots must match: covered population and open relays.

    python3 Benchmarks/compare/week_reference.py --maillage .build/debug/maillage [--seed 7] [--places 400]
"""
import argparse
import csv
import json
import math
import os
import random
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--maillage", required=True)
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--communes", type=int, default=150)
parser.add_argument("--places", type=int, default=400)
parser.add_argument("--radius-km", type=float, default=12)
args = parser.parse_args()
random.seed(args.seed)

DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
MONDAY = (2026, 12, 21)          # the week of Christmas: Friday 25 December is a public holiday
HOLIDAY_DAY = 4                  # Friday


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def random_schedule():
    """A schedule as data: {"days": [[(start, end) minutes]…7], "ph_off": bool, "kind": "hours"|"24/7"|"off"|"unreadable"}."""
    roll = random.random()
    if roll < 0.05:
        return {"kind": "24/7"}
    if roll < 0.08:
        return {"kind": "off"}
    if roll < 0.12:
        return {"kind": "unreadable"}
    morning = (random.choice([8, 8.5, 9, 9.5]), random.choice([11.5, 12, 12.5]))
    afternoon = (random.choice([13.5, 14]), random.choice([16.5, 17, 17.5, 18, 19]))
    days = []
    for day in range(7):
        intervals = []
        if day < 5 and random.random() < 0.8:
            intervals.append(morning)
        if day < 5 and random.random() < 0.6:
            intervals.append(afternoon)
        if day == 5 and random.random() < 0.3:
            intervals.append((random.choice([9, 10]), 12))
        days.append([(int(a * 60), int(b * 60)) for a, b in intervals])
    return {"kind": "hours", "days": days, "ph_off": random.random() < 0.5}


def osm_text(schedule):
    if schedule["kind"] == "24/7":
        return "24/7"
    if schedule["kind"] == "off":
        return "off"
    if schedule["kind"] == "unreadable":
        return "le mardi matin"
    rules = []
    for day, intervals in enumerate(schedule["days"]):
        if intervals:
            rules.append(DAYS[day] + " " + ",".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}" for a, b in intervals))
    if schedule["ph_off"]:
        rules.append("PH off")
    return "; ".join(rules) if rules else "off"


def is_open(schedule, day, minute):
    """Open at `minute` of `day` (0 = Monday) of the week of Christmas; None when no one can tell."""
    kind = schedule["kind"]
    if kind == "24/7":
        return True
    if kind == "off":
        return False
    if kind == "unreadable":
        return None
    if day == HOLIDAY_DAY and schedule["ph_off"]:
        return False
    return any(a <= minute < b for a, b in schedule["days"][day])


communes = []
for i in range(args.communes):
    communes.append({"code": f"07{i + 1:03d}", "nom": f"Commune {i + 1}", "lat": random.uniform(44.3, 45.3), "lon": random.uniform(4.0, 4.9),
                     "population": random.choice([50, 200, 800, 1500, 4000, 12000])})
places = []
for i in range(args.places):
    home = random.choice(communes)
    places.append({"id": f"gen-{i}", "commune": home, "lat": home["lat"] + random.uniform(-0.02, 0.02),
                   "lon": home["lon"] + random.uniform(-0.02, 0.02), "schedule": random_schedule()})

failures = []
with tempfile.TemporaryDirectory() as folder:
    env = dict(os.environ, MAILLAGE_DB=os.path.join(folder, "week.sqlite"))
    with open(os.path.join(folder, "communes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["code_insee", "nom", "code_departement", "nom_departement", "code_region", "nom_region", "siren_epci", "nom_epci",
                    "nature_epci", "population_municipale", "population_totale", "latitude", "longitude", "source_coordonnees"])
        for c in communes:
            w.writerow([c["code"], c["nom"], "07", "Ardèche", "84", "Auvergne-Rhône-Alpes", "200000001", "CC Générée", "CC",
                        c["population"], c["population"], f"{c['lat']:.6f}", f"{c['lon']:.6f}", "commune"])
    with open(os.path.join(folder, "lieux.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "nom", "commune", "code_postal", "code_insee", "adresse", "latitude", "longitude", "horaires", "date_maj", "services", "source"])
        for p in places:
            w.writerow([p["id"], f"Lieu {p['id']}", p["commune"]["nom"], "07000", p["commune"]["code"], "1 rue", f"{p['lat']:.6f}", f"{p['lon']:.6f}",
                        osm_text(p["schedule"]), "2026-01-01", "Aide aux démarches administratives", "generated"])
    for step in (["init"], ["import", "communes", os.path.join(folder, "communes.csv")], ["import", "lieux", os.path.join(folder, "lieux.csv")]):
        subprocess.run([args.maillage] + step, env=env, check=True, capture_output=True)
    out = subprocess.run([args.maillage, "week", "--service", "aide-aux-demarches-administratives", "--radius-km", str(args.radius_km),
                          "--date", "2026-12-23", "--format", "json"], env=env, check=True, capture_output=True, text=True).stdout
    ours = json.loads(out)

reaching = {c["code"]: [p for p in places if haversine(c["lat"], c["lon"], p["lat"], p["lon"]) <= args.radius_km] for c in communes}
reaching_any = {p["id"] for ps in reaching.values() for p in ps}
population = sum(c["population"] for c in communes)
mismatches = []
for slot in range(168):
    day, hour = divmod(slot, 24)
    minute = hour * 60 + 30
    covered = sum(c["population"] for c in communes if any(is_open(p["schedule"], day, minute) for p in reaching[c["code"]]))
    open_relays = sum(1 for p in places if p["id"] in reaching_any and is_open(p["schedule"], day, minute))
    theirs = ours["slots"][slot]
    if (theirs["covered_population"], theirs["open_relays"]) != (covered, open_relays):
        mismatches.append((DAYS[day], hour, theirs["covered_population"], covered, theirs["open_relays"], open_relays))
unreadable = sum(1 for p in places if p["schedule"]["kind"] == "unreadable")
print(f"{args.communes} communes ({population} inhabitants), {args.places} places ({unreadable} with unreadable hours), radius {args.radius_km} km, week of {ours['week_of']}")
print(f"{'ok  ' if not mismatches else 'FAIL'} the 168 slots: covered population and open relays equal the independent reading" + (f"; first mismatches {mismatches[:3]}" if mismatches else ""))
print(f"{'ok  ' if ours['unknown_hours_left_out'] == unreadable else 'FAIL'} relays whose hours are unknown, left out: {ours['unknown_hours_left_out']} (expected {unreadable})")
print(f"{'ok  ' if ours['population'] == population else 'FAIL'} population {ours['population']}")
friday = ours["slots"][HOLIDAY_DAY * 24 + 10]["covered_population"], ours["slots"][3 * 24 + 10]["covered_population"]
print(f"     Christmas Friday 10:30 covered {friday[0]} against Thursday 10:30 {friday[1]}")
sys.exit(1 if mismatches or ours["unknown_hours_left_out"] != unreadable or ours["population"] != population else 0)
