"""Checks `maillage plan` (greedy MCLP / LSCP) against exact solutions from PySAL `spopt` + CBC.

What it computes, independently of maillage's Swift code, for each département D of --departements:

- Relays: every active place that relays the service or a finer one (the `service.parent_id`
  tree), itself or through an active intermediary working there, at its own coordinates (both
  latitude and longitude known) else its commune's centroid; relays with neither are skipped.
  Relays anywhere in France count (a relay across the border covers too).
- Demand: the communes of D (`commune.departement_code`) with population_municipale > 0 that no
  relay covers now: no relay within R km of the centroid (haversine, 6371.0 km, inclusive).
  Zones of intervention (table `zone`) also cover in maillage; this script does not model them
  and stops (exit 2) when the DB has any zone row.
- Candidates: every commune of D with coordinates, at its centroid, in code order; a candidate
  covers the demand communes within R km (distance from the candidate to the commune). Demand
  communes without coordinates are reachable by no candidate ("uncoverable").

Checks, per département (exit 1 if any fails):

1. maillage's population, uncovered_population_before, uncovered_communes_before and its
   uncoverable communes equal the Python figures exactly.
2. The population actually covered by maillage's MCLP sites, recomputed from their coordinates
   (which must be the candidate communes' centroids), equals its cumulative_covered_population at
   every rank, each site's covered_population/covered_communes equal its recomputed marginal gain,
   and uncovered_population_after = before - covered. Its sites are those of a plain (non-lazy)
   greedy in Python with the same tie rule (weight, then communes, then the lower candidate);
   a different site with an equal gain would be reported as a tie-break difference only.
3. For the LSCP (--cover-all): the same recomputation; the sites are the plain greedy's minus
   those later sites make redundant (checked from the last to the first, as maillage does), and
   they cover every coverable demand commune (uncovered_population_after = the uncoverable
   communes' population).
4. The exact optima: `spopt.locate.MCLP.from_cost_matrix(...)` for each P of --sites and
   `LSCP.from_cost_matrix(...)` (coverable demand only: an unreachable row makes it infeasible),
   solved with `pulp.PULP_CBC_CMD(msg=False)`; status Optimal, and each optimum re-verified
   from the chosen facilities (covered population = objective; the LSCP choice covers everyone).
5. Sanity of both: greedy <= optimal and greedy >= (1 - 1/e) x optimal for MCLP; greedy >=
   optimal and greedy <= H(d) x optimal for LSCP (d: the most demand communes one candidate covers,
   H the harmonic number: the greedy set-cover bound).

Times: maillage end to end per call (process start, DB load, plan, JSON; best of --repeat), and
spopt's model construction + CBC solve from the cost matrix (best of --repeat; the cost matrix
itself, shared by every model, is timed apart).

Prints a markdown table per service (the README's), and PASS/FAIL. --self-test checks the
Python greedy and the spopt wrappers on a 4-commune instance where greedy is suboptimal.

Run from the project root:

    python3 Benchmarks/compare/plan_reference.py --self-test
    python3 Benchmarks/compare/plan_reference.py --db /tmp/plan-national.sqlite \\
        --maillage .build/release/maillage --service aide-aux-demarches-administratives \\
        --radius-km 10 --departements 07,23,48,2A,15
"""
import argparse
import json
import math
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib.metadata import version

import numpy as np
import pandas as pd
import pulp
from spopt.locate import LSCP, MCLP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from access_reference import SERVICE_TREE, haversine_km  # noqa: E402  (same haversine as maillage's)

DEFAULT_SERVICE = "aide-aux-demarches-administratives"
DEFAULT_RADIUS_KM = 10.0
DEFAULT_DEPARTEMENTS = "07,23,48,2A,15"
DEFAULT_SITES = "3,5,10"
PAIRS_PER_CHUNK = 2_000_000  # commune x relay distances computed at once
BOUNDARY_SLACK_KM = 1e-9


# Loading from the DB ---------------------------------------------------------------------------

RELAYS_SQL = SERVICE_TREE + """
    , relaying(node_id) AS (SELECT node_id FROM relay WHERE service_id IN (SELECT id FROM tree))
    SELECT n.public_id,
           CASE WHEN p.latitude IS NOT NULL AND p.longitude IS NOT NULL THEN p.latitude ELSE c.latitude END AS latitude,
           CASE WHEN p.latitude IS NOT NULL AND p.longitude IS NOT NULL THEN p.longitude ELSE c.longitude END AS longitude
    FROM place p JOIN node n ON n.id = p.node_id LEFT JOIN commune c ON c.code_insee = p.code_insee
    WHERE n.active AND (
        p.node_id IN (SELECT node_id FROM relaying)
        OR EXISTS (SELECT 1 FROM works_at w JOIN intermediary i ON i.node_id = w.intermediary_id
                   JOIN node ni ON ni.id = i.node_id
                   WHERE w.place_id = p.node_id AND ni.active AND i.node_id IN (SELECT node_id FROM relaying)))
    ORDER BY n.public_id
"""

COMMUNES_SQL = """
    SELECT c.code_insee AS code, c.nom, c.population_municipale AS population, c.latitude, c.longitude
    FROM commune c JOIN departement d ON d.code = c.departement_code
    WHERE c.departement_code = ? ORDER BY c.code_insee
"""


def connect(db_path):
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)


def load_relays(db, service):
    """The located relays of the service (anywhere), and how many were skipped for no location."""
    if db.execute("SELECT 1 FROM service WHERE slug = ?", (service,)).fetchone() is None:
        sys.exit(f"unknown service {service!r}")
    relays = pd.read_sql_query(RELAYS_SQL, db, params={"service": service}, index_col="public_id")
    located = relays["latitude"].notna() & relays["longitude"].notna()
    return relays[located].astype(float), int((~located).sum())


def zone_rows(db):
    return db.execute("SELECT COUNT(*) FROM zone").fetchone()[0]


# The instance ----------------------------------------------------------------------------------

@dataclass
class Instance:
    departement: str
    communes: pd.DataFrame  # the scope, code order: nom, population, latitude, longitude, covered_now
    demand: pd.DataFrame  # inhabited and uncovered now (subset of communes, same order)
    candidates: pd.DataFrame  # communes with coordinates (code order)
    cover: np.ndarray  # bool [demand x candidates]: candidate within R of the demand commune
    distance: np.ndarray  # float [demand x candidates], inf for a demand commune without coordinates
    boundary_pairs: int  # pairs (now-coverage or plan) within BOUNDARY_SLACK_KM of R
    build_s: float = 0.0

    @property
    def weights(self):
        return self.demand["population"].to_numpy(np.int64)

    @property
    def coverable(self):
        return self.cover.any(axis=1)


def covered_now(communes, relays, radius_km):
    """Whether a relay lies within radius_km of each commune's centroid, and how many pairs lie
    within BOUNDARY_SLACK_KM of the radius (where two haversine implementations could disagree)."""
    lat1, lon1 = communes["latitude"].to_numpy(float), communes["longitude"].to_numpy(float)
    lat2, lon2 = relays["latitude"].to_numpy(), relays["longitude"].to_numpy()
    cos1, cos2 = np.cos(lat1 * math.pi / 180), np.cos(lat2 * math.pi / 180)
    covered = np.zeros(len(communes), bool)
    boundary = 0
    chunk = max(1, PAIRS_PER_CHUNK // max(1, len(communes)))
    for start in range(0, len(relays), chunk):
        rows = slice(start, start + chunk)
        # maillage measures from the commune (origin) to the relay.
        d = haversine_km(lat1[None, :], lon1[None, :], lat2[rows, None], lon2[rows, None], cos1[None, :], cos2[rows, None])
        covered |= (d <= radius_km).any(axis=0)  # NaN (no centroid) compares False
        boundary += int(np.count_nonzero(np.abs(d - radius_km) <= BOUNDARY_SLACK_KM))
    return covered, boundary


def build_instance(db, departement, relays, radius_km):
    t0 = time.perf_counter()
    communes = pd.read_sql_query(COMMUNES_SQL, db, params=(departement,), index_col="code")
    if communes.empty:
        sys.exit(f"no commune in département {departement!r}")
    # maillage leaves the communes without coordinates out of every figure (reported apart).
    communes = communes[communes["latitude"].notna() & communes["longitude"].notna()]
    now, boundary = covered_now(communes, relays, radius_km)
    communes["covered_now"] = now
    demand = communes[(communes["population"] > 0) & ~communes["covered_now"]]
    candidates = communes[communes["latitude"].notna() & communes["longitude"].notna()]
    # maillage measures from the candidate (origin) to the demand commune.
    distance = haversine_km(candidates["latitude"].to_numpy()[None, :], candidates["longitude"].to_numpy()[None, :],
                            demand["latitude"].to_numpy(float)[:, None], demand["longitude"].to_numpy(float)[:, None])
    distance = np.where(np.isnan(distance), np.inf, distance)
    boundary += int(np.count_nonzero(np.abs(distance - radius_km) <= BOUNDARY_SLACK_KM))
    return Instance(departement, communes, demand, candidates, distance <= radius_km, distance, boundary,
                    time.perf_counter() - t0)


# Greedy (plain, no lazy evaluation) and recomputation -------------------------------------------

def greedy(instance, limit, objective):
    """maillage's rule without the lazy bookkeeping: at each step the candidate with the largest
    key among those adding something; MCLP key (weight, points), LSCP key (points, weight); ties:
    the lower candidate index. Returns candidate indices."""
    weights, cover = instance.weights, instance.cover
    uncovered = np.ones(len(weights), bool)
    chosen = []
    while len(chosen) < limit:
        newly = cover & uncovered[:, None]
        gain_w, gain_p = weights @ newly, newly.sum(axis=0)
        keys = (gain_w, gain_p) if objective == "mclp" else (gain_p, gain_w)
        best = np.lexsort((-np.arange(len(gain_p)), keys[1], keys[0]))[-1]  # max key, then lowest index
        if gain_p[best] == 0:
            break
        chosen.append(int(best))
        uncovered &= ~cover[:, best]
    return chosen


def without_redundant(instance, chosen):
    """maillage's clean-up of an LSCP cover: from the last chosen site to the first, drop each one
    whose communes the other kept sites all cover."""
    kept = list(chosen)
    for c in reversed(chosen):
        others = [k for k in kept if k != c]
        covered_by_others = instance.cover[:, others].any(axis=1) if others else np.zeros(len(instance.weights), bool)
        if not (instance.cover[:, c] & ~covered_by_others).any():
            kept.remove(c)
    return kept


def marginal_gains(instance, chosen):
    """(covered population, covered communes, cumulative population) each chosen candidate adds."""
    uncovered = np.ones(len(instance.weights), bool)
    gains, cumulative = [], 0
    for c in chosen:
        newly = instance.cover[:, c] & uncovered
        weight = int(instance.weights[newly].sum())
        cumulative += weight
        gains.append((weight, int(newly.sum()), cumulative))
        uncovered &= ~newly
    return gains


def harmonic(n):
    return sum(1 / k for k in range(1, n + 1))


# spopt -----------------------------------------------------------------------------------------

def solve(model):
    """Solves with CBC; a status other than Optimal is reported by the caller (spopt raises)."""
    try:
        model.solve(pulp.PULP_CBC_CMD(msg=False), results=False)
    except RuntimeError as error:
        print(f"  spopt: {error}")


def solve_mclp(instance, radius_km, p):
    """Exact MCLP: (covered population, chosen candidate indices, seconds for model + solve)."""
    if len(instance.demand) == 0:
        return "Optimal", 0, [], None  # nothing to cover: no model
    # spopt requires exactly p facilities: no more than there are candidates.
    p = min(p, instance.distance.shape[1])
    t0 = time.perf_counter()
    model = MCLP.from_cost_matrix(instance.distance, instance.weights, service_radius=radius_km, p_facilities=p)
    solve(model)
    seconds = time.perf_counter() - t0
    status = pulp.LpStatus[model.problem.status]
    chosen = [j for j, x in enumerate(model.fac_vars) if x.value() is not None and x.value() > 0.5]
    value = pulp.value(model.problem.objective)
    return status, round(value) if value is not None else None, chosen, seconds


def solve_lscp(instance, radius_km):
    """Exact LSCP on the coverable demand: (status, site count, chosen candidates, seconds)."""
    rows = instance.coverable
    t0 = time.perf_counter()
    model = LSCP.from_cost_matrix(instance.distance[rows], service_radius=radius_km)
    solve(model)
    seconds = time.perf_counter() - t0
    status = pulp.LpStatus[model.problem.status]
    chosen = [j for j, x in enumerate(model.fac_vars) if x.value() is not None and x.value() > 0.5]
    value = pulp.value(model.problem.objective)
    return status, round(value) if value is not None else None, chosen, seconds


# maillage --------------------------------------------------------------------------------------

def run_maillage(binary, db_path, service, radius_km, departement, sites=None, cover_all=False):
    """maillage's JSON plan and its wall time (process start to exit)."""
    command = [binary, "plan", "--db", db_path, "--service", service, "--radius-km", repr(float(radius_km)),
               "--within", departement, "--candidates", "communes", "--format", "json"]
    command += ["--cover-all"] if cover_all else ["--sites", str(sites)]
    t0 = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout), seconds


def timed_maillage(args, departement, repeat, **kwargs):
    runs = [run_maillage(args.maillage, args.db, args.service, args.radius_km, departement, **kwargs) for _ in range(repeat)]
    return runs[0][0], min(seconds for _, seconds in runs)


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, label, ok, detail=""):
        if not ok:
            self.failures.append(f"{label}: {detail}")
            print(f"  FAIL {label}: {detail}")
        return ok


def check_header(checks, tag, plan, instance, args):
    """Check 1: the figures before planning, and the uncoverable communes."""
    population = int(instance.communes["population"].sum())
    uncovered_pop = int(instance.weights.sum())
    checks.expect(f"{tag} candidates and radius", plan["candidates"] == "communes" and plan["radius_km"] == args.radius_km,
                  f"{plan['candidates']}, {plan['radius_km']}")
    checks.expect(f"{tag} population", plan["population"] == population, f"maillage {plan['population']}, python {population}")
    checks.expect(f"{tag} uncovered_population_before", plan["uncovered_population_before"] == uncovered_pop,
                  f"maillage {plan['uncovered_population_before']}, python {uncovered_pop}")
    checks.expect(f"{tag} uncovered_communes_before", plan["uncovered_communes_before"] == len(instance.demand),
                  f"maillage {plan['uncovered_communes_before']}, python {len(instance.demand)}")
    unreachable = sorted(instance.demand.index[~instance.coverable])
    got = sorted(u["code"] for u in plan["uncoverable"])
    checks.expect(f"{tag} uncoverable", got == unreachable, f"maillage {got}, python {unreachable}")


def check_sites(checks, tag, plan, instance):
    """Checks 2-3: sites at candidate centroids; recomputed gains equal the reported ones. Returns
    the candidate indices of maillage's sites (None when a site is not a candidate)."""
    index = {code: i for i, code in enumerate(instance.candidates.index)}
    chosen = []
    for site in plan["sites"]:
        i = index.get(site["id"])
        ok = i is not None and (site["latitude"], site["longitude"]) == tuple(instance.candidates.iloc[i][["latitude", "longitude"]])
        if not checks.expect(f"{tag} site {site['id']}", ok, f"not a candidate centroid: {site}"):
            return None
        chosen.append(i)
    checks.expect(f"{tag} distinct sites", len(set(chosen)) == len(chosen), f"{[s['id'] for s in plan['sites']]}")
    checks.expect(f"{tag} ranks", [s["rank"] for s in plan["sites"]] == list(range(1, len(chosen) + 1)), "")
    # Recompute from the site coordinates given by maillage (not the candidate table's).
    lat = np.array([s["latitude"] for s in plan["sites"]]), np.array([s["longitude"] for s in plan["sites"]])
    d = haversine_km(lat[0][None, :], lat[1][None, :], instance.demand["latitude"].to_numpy(float)[:, None],
                     instance.demand["longitude"].to_numpy(float)[:, None])
    cover = d <= plan["radius_km"]
    uncovered = np.ones(len(instance.demand), bool)
    cumulative = 0
    for k, site in enumerate(plan["sites"]):
        newly = cover[:, k] & uncovered
        weight, points = int(instance.weights[newly].sum()), int(newly.sum())
        cumulative += weight
        uncovered &= ~newly
        checks.expect(f"{tag} rank {k + 1} ({site['id']})",
                      (site["covered_population"], site["covered_communes"], site["cumulative_covered_population"])
                      == (weight, points, cumulative),
                      f"maillage +{site['covered_population']} inh. / {site['covered_communes']} communes, total "
                      f"{site['cumulative_covered_population']}; recomputed +{weight} / {points}, total {cumulative}")
    checks.expect(f"{tag} uncovered_population_after", plan["uncovered_population_after"] == int(instance.weights.sum()) - cumulative,
                  f"maillage {plan['uncovered_population_after']}, before - covered {int(instance.weights.sum()) - cumulative}")
    return chosen


def compare_greedy(checks, tag, instance, chosen, objective, limit):
    """Check 2 (greedy rule): maillage's sequence = the plain greedy's; when not, whether maillage's
    choice at the first difference still had the best key (a tie) or not (a bug)."""
    reference = greedy(instance, limit, objective)
    if objective == "lscp":
        reference = without_redundant(instance, reference)
    if chosen == reference:
        return True
    codes = list(instance.candidates.index)
    k = next((k for k, (a, b) in enumerate(zip(chosen, reference)) if a != b), min(len(chosen), len(reference)))
    prefix = chosen[:k]
    gains = {}
    for c in set(chosen[k:k + 1] + reference[k:k + 1]):
        w, p, _ = marginal_gains(instance, prefix + [c])[-1]
        gains[codes[c]] = (w, p) if objective == "mclp" else (p, w)
    detail = (f"maillage {[codes[c] for c in chosen]}, plain greedy {[codes[c] for c in reference]}; "
              f"keys at rank {k + 1}: {gains}")
    tie = len(chosen) == len(reference) and len(set(gains.values())) == 1
    if tie:
        print(f"  note {tag}: tie-break differs from the plain greedy ({detail})")
        return True
    return checks.expect(f"{tag} greedy sequence", False, detail)


# The run ---------------------------------------------------------------------------------------

@dataclass
class Row:
    departement: str
    nom: str
    communes: int
    uncovered_communes: int
    uncovered_population: int
    coverable_population: int
    uncoverable: int
    boundary_pairs: int
    mclp: dict = field(default_factory=dict)  # P -> (greedy, optimal, maillage s, spopt s)
    lscp: tuple = None  # (greedy, optimal, H(d) bound, maillage s, spopt s)
    cost_matrix_s: float = 0.0


def best_time(function, repeat):
    results = [function() for _ in range(repeat)]
    seconds = [r[-1] for r in results if r[-1] is not None]
    return results[0][:-1] + (min(seconds) if seconds else None,)


def run_departement(args, db, departement, relays, checks):
    instance = build_instance(db, departement, relays, args.radius_km)
    nom = db.execute("SELECT nom FROM departement WHERE code = ?", (departement,)).fetchone()[0]
    weights = instance.weights
    coverable_pop = int(weights[instance.coverable].sum())
    row = Row(departement, nom, len(instance.communes), len(instance.demand), int(weights.sum()), coverable_pop,
              int((~instance.coverable).sum()), instance.boundary_pairs, cost_matrix_s=instance.build_s)
    print(f"{departement} {nom}: {len(instance.communes)} communes ({len(instance.candidates)} candidates), "
          f"{len(instance.demand)} uncovered inhabited ({row.uncovered_population} inh.; {row.uncoverable} without "
          f"coordinates), pairs within {BOUNDARY_SLACK_KM:g} km of R: {instance.boundary_pairs}")

    for p in args.sites:
        tag = f"{departement} MCLP P={p}"
        plan, maillage_s = timed_maillage(args, departement, args.repeat, sites=p)
        checks.expect(f"{tag} objective", plan["objective"] == "mclp", plan["objective"])
        check_header(checks, tag, plan, instance, args)
        chosen = check_sites(checks, tag, plan, instance)
        if chosen is not None:
            compare_greedy(checks, tag, instance, chosen, "mclp", p)
        greedy_value = plan["sites"][-1]["cumulative_covered_population"] if plan["sites"] else 0
        status, optimum, facilities, spopt_s = best_time(lambda: solve_mclp(instance, args.radius_km, p), args.repeat)
        if checks.expect(f"{tag} spopt status", status == "Optimal", status):
            recomputed = marginal_gains(instance, facilities)[-1][2] if facilities else 0
            checks.expect(f"{tag} spopt solution", len(facilities) <= p and recomputed == optimum,
                          f"{len(facilities)} facilities covering {recomputed}, objective {optimum}")
            checks.expect(f"{tag} greedy <= optimal", greedy_value <= optimum, f"greedy {greedy_value}, optimal {optimum}")
            bound = (1 - 1 / math.e) * optimum
            checks.expect(f"{tag} greedy >= (1 - 1/e) optimal", greedy_value >= bound - 1e-9,
                          f"greedy {greedy_value}, bound {bound:.1f}")
            checks.expect(f"{tag} optimal <= coverable", optimum <= coverable_pop, f"{optimum} > {coverable_pop}")
        row.mclp[p] = (greedy_value, optimum, maillage_s, spopt_s)

    tag = f"{departement} LSCP"
    plan, maillage_s = timed_maillage(args, departement, args.repeat, cover_all=True)
    checks.expect(f"{tag} objective", plan["objective"] == "lscp", plan["objective"])
    check_header(checks, tag, plan, instance, args)
    chosen = check_sites(checks, tag, plan, instance)
    if chosen is not None:
        compare_greedy(checks, tag, instance, chosen, "lscp", len(instance.candidates) + 1)
    uncoverable_pop = int(weights[~instance.coverable].sum())
    checks.expect(f"{tag} covers every coverable commune", plan["uncovered_population_after"] == uncoverable_pop,
                  f"after {plan['uncovered_population_after']}, uncoverable {uncoverable_pop}")
    greedy_sites = len(plan["sites"])
    max_degree = int(instance.cover.sum(axis=0).max()) if instance.cover.size else 0
    h_bound = harmonic(max_degree)
    optimum, spopt_s = None, None
    if instance.coverable.any():
        status, optimum, facilities, spopt_s = best_time(lambda: solve_lscp(instance, args.radius_km), args.repeat)
        if checks.expect(f"{tag} spopt status", status == "Optimal", status):
            covers_all = bool(instance.cover[instance.coverable][:, facilities].any(axis=1).all())
            checks.expect(f"{tag} spopt solution", covers_all and len(facilities) == optimum,
                          f"{len(facilities)} facilities, objective {optimum}, cover all: {covers_all}")
            checks.expect(f"{tag} greedy >= optimal", greedy_sites >= optimum, f"greedy {greedy_sites}, optimal {optimum}")
            checks.expect(f"{tag} greedy <= H(d) optimal", greedy_sites <= h_bound * optimum + 1e-9,
                          f"greedy {greedy_sites}, H({max_degree}) x optimal {h_bound * optimum:.1f}")
            # Cross-check with the MCLP optima: P >= LSCP optimum reaches everyone coverable.
            for p, (_, mclp_opt, _, _) in row.mclp.items():
                if p >= optimum and mclp_opt is not None:
                    checks.expect(f"{departement} MCLP P={p} vs LSCP", mclp_opt == coverable_pop,
                                  f"P={p} >= LSCP optimum {optimum} but MCLP optimum {mclp_opt} < {coverable_pop}")
    else:
        optimum = 0
        checks.expect(f"{tag} nothing to cover", greedy_sites == 0, f"{greedy_sites} sites")
    row.lscp = (greedy_sites, optimum, h_bound, maillage_s, spopt_s)
    return row


# Report ----------------------------------------------------------------------------------------

def number(n):
    return f"{n:,}".replace(",", "\u202f")  # narrow no-break space, as in French


def mclp_cell(greedy_value, optimum):
    if optimum is None:
        return f"{number(greedy_value)} / ?"
    if greedy_value == optimum:
        return f"{number(greedy_value)} = opt"
    gap = 100 * (greedy_value - optimum) / optimum if optimum else math.inf
    return f"{number(greedy_value)} / {number(optimum)} ({gap:+.1f} %)".replace("-", "−")


def seconds(value):
    return "—" if value is None else f"{value:.2f}"  # — : nothing to cover, no model


def print_tables(args, rows):
    ps = args.sites
    print()
    print(f"Service `{args.service}`, radius {args.radius_km:g} km, candidates: the communes' centroids. "
          f"MCLP cells: greedy / optimal covered inhabitants (gap); LSCP: greedy / optimal sites. "
          f"Communes with no centroid are demand no candidate reaches.")
    print()
    header = (["Dép.", "Uncovered communes (inh.; no centroid)"] + [f"MCLP P={p}" for p in ps]
              + ["LSCP sites", "maillage s/call", "spopt s (MCLP P=" + ",".join(map(str, ps)) + "; LSCP)"])
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] * 2 + ["---:"] * (len(header) - 2)) + "|")
    for r in rows:
        cells = [f"{r.departement} {r.nom}", f"{r.uncovered_communes} ({number(r.uncovered_population)}; {r.uncoverable})"]
        cells += [mclp_cell(*r.mclp[p][:2]) for p in ps]
        g, o = r.lscp[0], r.lscp[1]
        cells.append(f"{g} = opt" if g == o else f"{g} / {o}")
        maillage_times = [r.mclp[p][2] for p in ps] + [r.lscp[3]]
        cells.append(f"{min(maillage_times):.2f}–{max(maillage_times):.2f}")
        cells.append("; ".join(["/".join(seconds(r.mclp[p][3]) for p in ps), seconds(r.lscp[4])]))
        print("| " + " | ".join(cells) + " |")
    print()
    worst = [(r.mclp[p][0] / r.mclp[p][1], r.departement, p) for r in rows for p in ps if r.mclp[p][1]]
    if worst:
        ratio, dep, p = min(worst)
        print(f"Worst MCLP ratio greedy / optimal: {ratio:.4f} ({dep}, P={p}); the (1 - 1/e) bound is {1 - 1 / math.e:.4f}.")
    print(f"Python instance build (SQL + numpy haversine) per département: "
          f"{', '.join(f'{r.departement} {r.cost_matrix_s:.2f}' for r in rows)} s; times are the best of {args.repeat}.")


# Self-test -------------------------------------------------------------------------------------

def self_test():
    """4 demand communes, 3 candidates: c0 = {b, c} (6), c1 = {a, b} (5), c2 = {c, d} (5).
    Greedy MCLP P=2 takes c0 then c1 (8) where {c1, c2} covers 10; greedy LSCP needs 3 (2 once c0, made redundant, is dropped), optimum 2."""
    demand = pd.DataFrame({"population": [2, 3, 3, 2], "latitude": 0.0, "longitude": 0.0}, index=list("abcd"))
    cover = np.array([[0, 1, 0], [1, 1, 0], [1, 0, 1], [0, 0, 1]], bool)
    distance = np.where(cover, 1.0, 5.0)
    instance = Instance("test", demand, demand, pd.DataFrame(index=["c0", "c1", "c2"]), cover, distance, 0)
    ok = greedy(instance, 2, "mclp") == [0, 1] and marginal_gains(instance, [0, 1])[-1][2] == 8
    ok &= greedy(instance, 10, "lscp") == [0, 1, 2]
    ok &= without_redundant(instance, [0, 1, 2]) == [1, 2]  # c1 and c2 leave c0 redundant
    status, value, chosen, _ = solve_mclp(instance, 2.0, 2)
    ok &= (status, value, sorted(chosen)) == ("Optimal", 10, [1, 2])
    status, value, chosen, _ = solve_mclp(instance, 2.0, 5)  # P > candidates: all three
    ok &= (status, value, sorted(chosen)) == ("Optimal", 10, [0, 1, 2])
    status, value, chosen, _ = solve_lscp(instance, 2.0)
    ok &= (status, value, sorted(chosen)) == ("Optimal", 2, [1, 2])
    # Ties: equal weight and points -> the lower index.
    tied = Instance("tie", demand.iloc[:2], demand.iloc[:2], pd.DataFrame(index=["x", "y"]),
                    np.array([[1, 1], [0, 0]], bool), np.array([[1.0, 1.0], [5.0, 5.0]]), 0)
    ok &= greedy(tied, 1, "mclp") == [0]
    print("PASS" if ok else "FAIL", "self-test (greedy trap, spopt MCLP/LSCP, ties)")
    return 0 if ok else 1


# Entry point -----------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="maillage SQLite database (national)")
    parser.add_argument("--maillage", help="maillage binary")
    parser.add_argument("--service", default=DEFAULT_SERVICE, help="service slug (finer services included)")
    parser.add_argument("--radius-km", type=float, default=DEFAULT_RADIUS_KM)
    parser.add_argument("--departements", default=DEFAULT_DEPARTEMENTS, help="comma-separated département codes")
    parser.add_argument("--sites", default=DEFAULT_SITES, help="comma-separated P values for the MCLP")
    parser.add_argument("--repeat", type=int, default=1, help="timing runs (best is reported)")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.db or not args.maillage:
        parser.error("--db and --maillage are required (or --self-test)")
    args.sites = [int(p) for p in args.sites.split(",")]
    departements = [d.strip() for d in args.departements.split(",") if d.strip()]

    print(f"spopt {version('spopt')}, PuLP {version('pulp')} (CBC), numpy {np.__version__}; service {args.service}, "
          f"radius {args.radius_km:g} km")
    with connect(args.db) as db:
        zones = zone_rows(db)
        if zones:
            print(f"the DB has {zones} zone rows: zones of intervention also cover in maillage, which this "
                  "script does not model")
            return 2
        relays, skipped = load_relays(db, args.service)
        print(f"zone table empty; {len(relays)} located relays of the service in France ({skipped} without location)")
        checks = Checks()
        rows = [run_departement(args, db, d, relays, checks) for d in departements]
    print_tables(args, rows)
    if checks.failures:
        print(f"FAIL: {len(checks.failures)} check(s)")
        for failure in checks.failures:
            print(f"  {failure}")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
