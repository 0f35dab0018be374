"""Checks `maillage access` (2SFCA / E2SFCA) against PySAL `access`, and times PySAL.

What it computes, independently of maillage's Swift code:

- Demand points: every commune of the DB, demand `commune.population_municipale` (or, with
  --demand fragility, population x digital fragility index / 10: the commune's index, else its
  EPCI's, else the mean of the known ones); communes without coordinates get no cost rows.
- Supply sites: every active place that relays the service or a finer one (the `service.parent_id`
  tree), either itself (`relay`) or through an active intermediary working there (`works_at`).
  A site stands at its own coordinates, else at its commune's centroid; sites with neither are
  skipped. Supply = the sum of the known headcounts of the active intermediaries working there
  that relay the service (or finer), or 1 when none is known.
- Costs: haversine on a sphere of radius 6371.0 km, every commune x site pair with distance <= D,
  computed with numpy in chunks of sites (the same expression as maillage's `Haversine`).
- Scores: PySAL `Access(...).two_stage_fca(max_cost=D)` or `.enhanced_two_stage_fca(max_cost=D)`
  (default bands {10: 1, 20: 0.68, 30: 0.22}), with `normalize=True` for the normalised score
  (score / demand-weighted mean over all communes). Communes PySAL leaves NaN (no site in reach)
  count as 0.

With --maillage, runs `maillage access --db DB --service S --method M --catchment-km D --format
csv` and checks every commune's score and normalised score to 1e-9 relative (1e-15 absolute
where the reference is 0); prints the counts, the worst relative difference and PASS/FAIL, and
exits 1 on failure. Without it, prints the reference figures only.

With --time, prints one JSON object on stdout (PySAL's own log goes to stderr): PySAL's seconds
from the loaded inputs (cost_table_s, access_init_s, method_s, total_s; best of --repeat runs),
the counts, and the peak RSS of this process (peak_rss_mb; peak_rss_mb_before_timing is the
high-water mark once the inputs are loaded); a Swift benchmark runs this as a subprocess.

--self-test runs the pipeline on the worked example of shared/domain.md (3 communes, 2 sites)
and on a small SQLite fixture for the site and supply rules, and exits 1 on failure.

Run from the project root:

    python3 Benchmarks/compare/access_reference.py --self-test
    python3 Benchmarks/compare/access_reference.py --db /tmp/access-national.sqlite \\
        --service devenir-autonome-dans-les-demarches-administratives \\
        --maillage .build/release/maillage
    python3 Benchmarks/compare/access_reference.py --db /tmp/access-national.sqlite \\
        --service devenir-autonome-dans-les-demarches-administratives --time
"""
import argparse
import csv
import gc
import io
import json
import math
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version

import numpy as np
import pandas as pd
from access import Access

EARTH_RADIUS_KM = 6371.0
DEFAULT_BANDS_KM = (10.0, 20.0, 30.0)  # PySAL's enhanced_two_stage_fca default step bounds
RELATIVE_TOLERANCE = 1e-9
ZERO_TOLERANCE = 1e-15
PAIRS_PER_CHUNK = 2_000_000  # commune x site distances computed at once (16 MB per array)


@dataclass
class Inputs:
    """What PySAL needs, loaded from the DB (not timed)."""

    communes: pd.DataFrame  # index code; columns nom, population, demand, latitude, longitude (NaN if unknown)
    sites: pd.DataFrame  # index site (public_id); columns supply, latitude, longitude
    skipped_sites: int  # sites with neither coordinates nor a located commune


# Loading from the DB ---------------------------------------------------------------------------

SERVICE_TREE = """
    WITH RECURSIVE tree(id) AS (
        SELECT id FROM service WHERE slug = :service
        UNION SELECT s.id FROM service s JOIN tree ON s.parent_id = tree.id)
"""

SITES_SQL = SERVICE_TREE + """
    , relaying_intermediary(id, headcount) AS (
        SELECT i.node_id, i.headcount FROM intermediary i JOIN node n ON n.id = i.node_id
        WHERE n.active AND EXISTS (SELECT 1 FROM relay r WHERE r.node_id = i.node_id
                                   AND r.service_id IN (SELECT id FROM tree)))
    SELECT n.public_id,
           COALESCE((SELECT SUM(ri.headcount) FROM works_at w
                     JOIN relaying_intermediary ri ON ri.id = w.intermediary_id
                     WHERE w.place_id = p.node_id), 1) AS supply,
           COALESCE(p.latitude, c.latitude) AS latitude,
           COALESCE(p.longitude, c.longitude) AS longitude
    FROM place p JOIN node n ON n.id = p.node_id LEFT JOIN commune c ON c.code_insee = p.code_insee
    WHERE n.active AND (
        EXISTS (SELECT 1 FROM relay r WHERE r.node_id = p.node_id AND r.service_id IN (SELECT id FROM tree))
        OR EXISTS (SELECT 1 FROM works_at w JOIN relaying_intermediary ri ON ri.id = w.intermediary_id
                   WHERE w.place_id = p.node_id))
    ORDER BY n.public_id
"""


COMMUNES_SQL = """
    SELECT c.code_insee AS code, c.nom, c.population_municipale AS population, c.latitude, c.longitude,
           COALESCE(fc.total, fe.total) AS fragility
    FROM commune c
    LEFT JOIN fragility fc ON fc.division = 'city' AND fc.code = c.code_insee
    LEFT JOIN fragility fe ON fe.division = 'epci' AND fe.code = c.epci_siren
    ORDER BY c.code_insee
"""


def fragility_demand(communes):
    """Population x index / 10; the index is the commune's own, else its EPCI's, else the plain
    mean of those known (an assumption: the contract only says "the national mean index")."""
    index = communes["fragility"].fillna(communes["fragility"].mean())
    return communes["population"] * index / 10


def load_inputs(db_path, service, demand="population"):
    """Reads the communes (demand) and the sites relaying `service` (supply) from the DB."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        if db.execute("SELECT 1 FROM service WHERE slug = ?", (service,)).fetchone() is None:
            sys.exit(f"unknown service {service!r} in {db_path}")
        if demand == "fragility":
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'fragility'").fetchone():
                sys.exit(f"{db_path} has no fragility table: import the fragility index first")
            communes = pd.read_sql_query(COMMUNES_SQL, db, index_col="code")
            communes["demand"] = fragility_demand(communes)
        else:
            communes = pd.read_sql_query(
                "SELECT code_insee AS code, nom, population_municipale AS population, latitude, longitude "
                "FROM commune ORDER BY code_insee", db, index_col="code")
            communes["demand"] = communes["population"]
        sites = pd.read_sql_query(SITES_SQL, db, params={"service": service}, index_col="public_id")
    sites.index.name = "site"
    # maillage leaves the communes without coordinates out of every figure, the normalising mean
    # included, and reports them apart: compare like for like (their demand is computed first, so
    # that the fragility fallback mean is the one maillage uses).
    communes = communes[communes["latitude"].notna()]
    located = sites["latitude"].notna()
    return Inputs(communes=communes, sites=sites[located].astype(float), skipped_sites=int((~located).sum()))


# Costs -----------------------------------------------------------------------------------------

def haversine_km(lat1, lon1, lat2, lon2, cos1=None, cos2=None):
    """Great-circle distance in km; numpy-broadcast, the same expression as maillage's Haversine.
    cos1, cos2: the cosines of the latitudes when already computed (one per point, not per pair)."""
    radians = math.pi / 180
    cos1 = np.cos(lat1 * math.pi / 180) if cos1 is None else cos1
    cos2 = np.cos(lat2 * math.pi / 180) if cos2 is None else cos2
    d_lat = (lat2 - lat1) * radians
    d_lon = (lon2 - lon1) * radians
    a = np.sin(d_lat / 2) ** 2 + cos1 * cos2 * np.sin(d_lon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def cost_table(communes, sites, max_km):
    """Every (commune, site) pair with distance <= max_km, as PySAL's cost_df: the distance of
    every commune x site pair, a chunk of sites at a time, keeping those within reach."""
    located = communes[communes["latitude"].notna()]
    codes = located.index.to_numpy()
    lat1, lon1 = located["latitude"].to_numpy(), located["longitude"].to_numpy()
    cos1 = np.cos(lat1 * math.pi / 180)
    site_ids = sites.index.to_numpy()
    lat2, lon2 = sites["latitude"].to_numpy(), sites["longitude"].to_numpy()
    cos2 = np.cos(lat2 * math.pi / 180)
    chunk = max(1, PAIRS_PER_CHUNK // max(1, len(codes)))
    communes_in_reach, sites_in_reach, costs = [np.empty(0, int)], [np.empty(0, int)], [np.empty(0)]
    for start in range(0, len(site_ids), chunk):
        rows = slice(start, start + chunk)
        d = haversine_km(lat1[None, :], lon1[None, :], lat2[rows, None], lon2[rows, None],
                         cos1[None, :], cos2[rows, None])
        site_index, commune_index = np.nonzero(d <= max_km)
        communes_in_reach.append(commune_index)
        sites_in_reach.append(site_index + start)
        costs.append(d[site_index, commune_index])
    return pd.DataFrame({"commune": codes[np.concatenate(communes_in_reach)],
                         "site": site_ids[np.concatenate(sites_in_reach)],
                         "cost": np.concatenate(costs)})


# PySAL -----------------------------------------------------------------------------------------

def pysal_access(communes, sites, costs):
    """Builds PySAL's Access object on the loaded inputs."""
    return Access(demand_df=communes[["demand"]], demand_value="demand",
                  supply_df=sites[["supply"]], supply_value="supply",
                  cost_df=costs, cost_origin="commune", cost_dest="site", cost_name="cost")


def run_method(access, method, max_km):
    """Runs 2SFCA or E2SFCA with normalize=True; returns (raw score, normalised), NaN kept."""
    run = access.two_stage_fca if method == "2sfca" else access.enhanced_two_stage_fca
    normalized = run(name=method, max_cost=max_km, normalize=True)[f"{method}_supply"]
    score = access.access_df[f"{method}_supply"]
    return score, normalized


def reference_scores(communes, sites, costs, method, max_km):
    """Score and normalised score per commune code, NaN (no site in reach) counted as 0."""
    score, normalized = run_method(pysal_access(communes, sites, costs), method, max_km)
    frame = pd.DataFrame({"score": score, "normalized": normalized}).reindex(communes.index)
    left_nan = frame["score"].isna()
    frame = frame.fillna(0.0)
    frame["pysal_nan"] = left_nan
    return frame


def catchment_demand(communes, costs, method):
    """Each site's (weighted) demand within reach, as PySAL's first step sums it (for the report)."""
    weights = np.ones(len(costs))
    if method == "e2sfca":
        weights = np.select([costs["cost"] <= 10, costs["cost"] <= 20, costs["cost"] <= 30], [1.0, 0.68, 0.22], 0.0)
    demand = communes["demand"].reindex(costs["commune"]).to_numpy() * weights
    return pd.Series(demand).groupby(costs["site"].to_numpy()).sum()


def describe_edges(inputs, costs, reference, method):
    """The cases where PySAL's behaviour is worth knowing: sites out of reach of every commune
    (dropped), sites whose catchment demand is 0 (ratio inf, or NaN when their supply is 0 too),
    communes out of reach (NaN, counted 0) and infinite scores."""
    demand = catchment_demand(inputs.communes, costs, method)
    out_of_reach = len(inputs.sites) - len(demand)
    print(f"sites with no commune in reach: {out_of_reach}; with catchment demand 0: {int((demand == 0).sum())}; "
          f"communes PySAL leaves NaN (no site in reach or no coordinates): {int(reference['pysal_nan'].sum())}; "
          f"infinite scores: {int(np.isinf(reference['score']).sum())}")
    # Invariant of 2SFCA and E2SFCA: sum of score x demand = the supply of the sites with demand in reach.
    served = inputs.sites["supply"].reindex(demand.index[demand > 0]).sum()
    print(f"sum of score x demand {(reference['score'] * inputs.communes['demand']).sum():.12g} "
          f"(supply of the sites with demand in reach: {served:g})")


def boundary_pairs(costs, max_km, method, slack=1e-9):
    """Pairs whose distance lies within `slack` km of a bound (the catchment or an E2SFCA band):
    a last-bit difference between two haversine implementations could classify these differently."""
    bounds = [max_km] + (list(DEFAULT_BANDS_KM) if method == "e2sfca" else [])
    cost = costs["cost"].to_numpy()
    return int(sum(np.count_nonzero(np.abs(cost - b) <= slack) for b in bounds))


# maillage and the check ------------------------------------------------------------------------

def run_maillage(binary, db_path, service, method, max_km, demand):
    """maillage's CSV output, as a DataFrame indexed by commune code."""
    command = [binary, "access", "--db", db_path, "--service", service, "--method", method,
               "--catchment-km", repr(float(max_km)), "--format", "csv"]
    if demand != "population":
        command += ["--demand", demand]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    expected = ["code", "nom", "population", "demand", "score", "normalized"]
    if not rows or rows[0] != expected:
        sys.exit(f"unexpected maillage header {rows[0] if rows else None}, expected {expected}")
    # Python's float() reads back every printed double exactly (and "inf", "nan").
    numbers = {column: [float(row[i]) for row in rows[1:]] for i, column in enumerate(expected) if i >= 2}
    return pd.DataFrame({"nom": [row[1] for row in rows[1:]], **numbers},
                        index=pd.Index([row[0] for row in rows[1:]], name="code"))


def relative_differences(expected, actual):
    """|a - b| / max(|a|, |b|), 0 where both are equal (including both 0 or the same infinity)."""
    expected, actual = np.asarray(expected, float), np.asarray(actual, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        diff = np.abs(expected - actual) / np.maximum(np.abs(expected), np.abs(actual))
    diff[expected == actual] = 0.0
    return np.where(np.isnan(diff), np.inf, diff)


def mismatches(expected, actual):
    """Boolean mask of values outside the tolerance of the contract."""
    expected, actual = np.asarray(expected, float), np.asarray(actual, float)
    relative = relative_differences(expected, actual)
    zero_ok = (expected == 0) & (np.abs(actual) <= ZERO_TOLERANCE)
    return np.where(expected == 0, ~zero_ok, relative > RELATIVE_TOLERANCE)


def compare(reference, communes, ours):
    """Prints the differences between the reference and maillage's rows; True when they agree."""
    ok = True
    missing, extra = reference.index.difference(ours.index), ours.index.difference(reference.index)
    if len(missing) or len(extra):
        print(f"communes missing from maillage: {len(missing)} {list(missing[:5])}; "
              f"unknown to the DB: {len(extra)} {list(extra[:5])}")
        ok = False
    ours = ours.reindex(reference.index)
    for column in ("population", "demand"):
        off = (relative_differences(communes[column], ours[column]) > RELATIVE_TOLERANCE) & ours[column].notna()
        if off.any():
            print(f"{column} differs for {int(off.sum())} communes, e.g. {list(reference.index[off][:5])}")
            ok = False
    for column in ("score", "normalized"):
        present = ours[column].notna().to_numpy()
        expected, actual = reference[column].to_numpy()[present], ours[column].to_numpy(float)[present]
        relative = relative_differences(expected, actual)
        bad = mismatches(expected, actual)
        worst = float(relative.max()) if len(relative) else 0.0
        print(f"{column}: worst relative difference {worst:.3g}, {int(bad.sum())} outside tolerance")
        codes = reference.index.to_numpy()[present]
        for i in np.argsort(-relative)[: min(5, int(bad.sum()))]:
            print(f"  {codes[i]} {communes.at[codes[i], 'nom']}: "
                  f"PySAL {float(expected[i])!r}, maillage {float(actual[i])!r}")
        ok = ok and not bad.any()
    return ok


# Modes -----------------------------------------------------------------------------------------

def check(args):
    inputs = load_inputs(args.db, args.service, args.demand)
    costs = cost_table(inputs.communes, inputs.sites, args.catchment_km)
    reference = reference_scores(inputs.communes, inputs.sites, costs, args.method, args.catchment_km)
    reached = int((reference["score"] > 0).sum())
    print(f"PySAL access {version('access')}, {args.method}, catchment {args.catchment_km:g} km, "
          f"service {args.service}, demand {args.demand}")
    print(f"communes {len(inputs.communes)} (located {int(inputs.communes['latitude'].notna().sum())}, "
          f"score > 0: {reached}), sites {len(inputs.sites)} (skipped, no location: {inputs.skipped_sites}), "
          f"cost pairs {len(costs)}, pairs within 1e-9 km of a bound: "
          f"{boundary_pairs(costs, args.catchment_km, args.method)}")
    describe_edges(inputs, costs, reference, args.method)
    demand = inputs.communes["demand"]
    print(f"demand-weighted mean score {(reference['score'] * demand).sum() / demand.sum():.17g}")
    if not args.maillage:
        return 0
    ours = run_maillage(args.maillage, args.db, args.service, args.method, args.catchment_km, args.demand)
    ok = compare(reference, inputs.communes, ours)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def time_pysal(args):
    """Seconds for cost table + Access + method, best of --repeat runs; JSON on stdout."""
    inputs = load_inputs(args.db, args.service, args.demand)
    rss_before = peak_rss_mb()
    runs = []
    for _ in range(args.repeat):
        gc.collect()
        t0 = time.perf_counter()
        costs = cost_table(inputs.communes, inputs.sites, args.catchment_km)
        t1 = time.perf_counter()
        access = pysal_access(inputs.communes, inputs.sites, costs)
        t2 = time.perf_counter()
        run_method(access, args.method, args.catchment_km)
        t3 = time.perf_counter()
        runs.append((t1 - t0, t2 - t1, t3 - t2, t3 - t0))
        pairs = len(costs)
        del costs, access
    best = min(runs, key=lambda run: run[3])
    print(json.dumps({
        "pysal_access": version("access"), "method": args.method, "catchment_km": args.catchment_km,
        "demand": args.demand,
        "communes": len(inputs.communes), "sites": len(inputs.sites), "cost_pairs": pairs,
        "repeat": args.repeat, "cost_table_s": best[0], "access_init_s": best[1],
        "method_s": best[2], "total_s": best[3], "total_s_runs": [run[3] for run in runs],
        "peak_rss_mb": round(peak_rss_mb(), 1), "peak_rss_mb_before_timing": round(rss_before, 1),
    }))
    return 0


# Self-test -------------------------------------------------------------------------------------

def worked_example():
    """shared/domain.md: demand A, B, C; supply S1, S2; the six costs."""
    communes = pd.DataFrame({"nom": ["A", "B", "C"], "demand": [1000, 500, 2000],
                             "latitude": np.nan, "longitude": np.nan},
                            index=pd.Index(["A", "B", "C"], name="code"))
    sites = pd.DataFrame({"supply": [2.0, 1.0]}, index=pd.Index(["S1", "S2"], name="site"))
    costs = pd.DataFrame({"commune": ["A", "A", "B", "B", "C", "C"],
                          "site": ["S1", "S2", "S1", "S2", "S1", "S2"],
                          "cost": [5.0, 25.0, 15.0, 12.0, 40.0, 18.0]})
    return communes, sites, costs


def expect_close(label, got, want, tolerance):
    ok = all(abs(g - w) <= tolerance * max(1.0, abs(w)) for g, w in zip(got, want)) and len(got) == len(want)
    shown = [float(f"{g:.9g}") for g in got], [float(f"{w:.9g}") for w in want]
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {shown[0]} (expected {shown[1]})")
    return ok


def self_test_worked_example():
    communes, sites, costs = worked_example()
    ok = True
    two = reference_scores(communes, sites, costs, "2sfca", 30.0)
    r1, r2 = 2 / 1500, 1 / 3500
    ok &= expect_close("2SFCA, exact", list(two["score"]), [r1 + r2, r1 + r2, r2], 1e-12)
    ok &= expect_close("2SFCA, domain.md", [round(x, 6) for x in two["score"]], [0.001619, 0.001619, 0.000286], 1e-12)
    ok &= expect_close("2SFCA normalised, domain.md", [round(x, 6) for x in two["normalized"]],
                       [1.888889, 1.888889, 0.333333], 1e-12)
    enhanced = reference_scores(communes, sites, costs, "e2sfca", 30.0)
    r1, r2 = 2 / 1340, 1 / 1920
    ok &= expect_close("E2SFCA, exact", list(enhanced["score"]), [r1 + 0.22 * r2, 0.68 * (r1 + r2), 0.68 * r2], 1e-12)
    ok &= expect_close("E2SFCA, domain.md", [round(x, 6) for x in enhanced["score"]],
                       [0.001607, 0.001369, 0.000354], 1e-12)
    mean = (enhanced["score"] * communes["demand"]).sum() / communes["demand"].sum()
    ok &= expect_close("E2SFCA normalised = score / weighted mean", list(enhanced["normalized"]),
                       list(enhanced["score"] / mean), 1e-12)
    # A fourth commune out of reach: PySAL leaves it NaN; it counts as 0 and its demand still
    # enters the weighted mean.
    communes.loc["D"] = ["D", 3500, np.nan, np.nan]
    farther = reference_scores(communes, sites, costs, "2sfca", 30.0)
    ok &= expect_close("2SFCA with an unreached commune", list(farther["normalized"]),
                       [1.888889 * 2, 1.888889 * 2, 0.333333 * 2, 0.0], 1e-5)
    return ok


def self_test_tolerance_and_haversine():
    """The tolerance: equal values and zeros pass, a 1e-8 relative change or a tiny nonzero fails."""
    expected = np.array([1e-3, 0.0, 2.5, 0.0])
    ok = not mismatches(expected, expected * (1 + 1e-12)).any()
    ok &= list(mismatches(expected, [1e-3 * (1 + 1e-8), 0.0, 2.5, 1e-14])) == [True, False, False, True]
    d = haversine_km(np.array(48.8566), np.array(2.3522), np.array(45.7640), np.array(4.8357))
    ok &= abs(float(d) - 391.5) < 1.0  # Paris - Lyon
    ok &= float(haversine_km(np.array(10.0), np.array(20.0), np.array(10.0), np.array(20.0))) == 0.0
    print(f"{'ok  ' if ok else 'FAIL'} tolerance check and haversine (Paris-Lyon {float(d):.1f} km)")
    return ok


FIXTURE_SQL = """
CREATE TABLE service (id INTEGER PRIMARY KEY, slug TEXT, parent_id INTEGER);
CREATE TABLE commune (code_insee TEXT PRIMARY KEY, nom TEXT, population_municipale INTEGER,
                      latitude REAL, longitude REAL, epci_siren TEXT);
CREATE TABLE fragility (division TEXT, code TEXT, total REAL);
INSERT INTO fragility VALUES ('city', '01001', 5.0), ('epci', '200000001', 3.0), ('city', '99999', 9.0);
CREATE TABLE node (id INTEGER PRIMARY KEY, kind TEXT, public_id TEXT, active BOOLEAN);
CREATE TABLE place (node_id INTEGER PRIMARY KEY, code_insee TEXT, latitude REAL, longitude REAL);
CREATE TABLE intermediary (node_id INTEGER PRIMARY KEY, headcount INTEGER);
CREATE TABLE works_at (intermediary_id INTEGER, place_id INTEGER);
CREATE TABLE relay (node_id INTEGER, service_id INTEGER);
INSERT INTO service VALUES (1, 'parent', NULL), (2, 'child', 1), (3, 'grandchild', 2), (4, 'other', NULL);
INSERT INTO commune VALUES ('01001', 'Un', 100, 46.0, 5.0, '200000001'), ('01002', 'Deux', 200, 46.1, 5.1, '200000001'),
                           ('01003', 'Sans lieu', 50, NULL, NULL, NULL);
INSERT INTO node VALUES
    (1, 'place', 'p-self', 1), (2, 'place', 'p-heads', 1), (3, 'place', 'p-unknown-heads', 1),
    (4, 'place', 'p-inactive', 0), (5, 'place', 'p-other-service', 1), (6, 'place', 'p-centroid', 1),
    (7, 'place', 'p-nowhere', 1), (8, 'place', 'p-inactive-worker', 1),
    (10, 'intermediary', 'i-3', 1), (11, 'intermediary', 'i-2', 1), (12, 'intermediary', 'i-null', 1),
    (13, 'intermediary', 'i-other', 1), (14, 'intermediary', 'i-off', 0), (15, 'intermediary', 'i-4', 1);
INSERT INTO place VALUES (1, '01001', 46.0, 5.0), (2, '01001', 46.01, 5.0), (3, '01002', 46.1, 5.1),
    (4, '01001', 46.0, 5.0), (5, '01001', 46.0, 5.0), (6, '01002', NULL, NULL), (7, NULL, NULL, NULL),
    (8, '01001', 46.0, 5.0);
INSERT INTO intermediary VALUES (10, 3), (11, 2), (12, NULL), (13, 7), (14, 5), (15, 4);
INSERT INTO works_at VALUES (10, 2), (11, 2), (13, 2), (12, 3), (14, 8), (15, 4), (15, 6), (15, 7);
INSERT INTO relay VALUES (1, 1), (10, 3), (11, 2), (12, 1), (13, 4), (14, 1), (15, 2), (5, 4);
"""


def self_test_fixture():
    """Sites and supply from a small DB: own relay, relay through workers (finer service),
    headcounts summed (other-service and inactive workers ignored), unknown headcount -> 1,
    inactive place skipped, centroid fallback, unlocatable place skipped."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fixture.sqlite")
        with sqlite3.connect(path) as db:
            db.executescript(FIXTURE_SQL)
        inputs = load_inputs(path, "parent")
        fragile = load_inputs(path, "parent", demand="fragility").communes["demand"]
    got = {site: (float(row.supply), float(row.latitude), float(row.longitude))
           for site, row in inputs.sites.iterrows()}
    want = {"p-self": (1.0, 46.0, 5.0), "p-heads": (5.0, 46.01, 5.0), "p-unknown-heads": (1.0, 46.1, 5.1),
            "p-centroid": (4.0, 46.1, 5.1)}
    # 01003 has no coordinates: left out, as maillage leaves it out of every figure.
    ok = got == want and inputs.skipped_sites == 1 and list(inputs.communes.index) == ["01001", "01002"]
    print(f"{'ok  ' if ok else 'FAIL'} sites and supply from a fixture DB: {got}, skipped {inputs.skipped_sites}")
    costs = cost_table(inputs.communes, inputs.sites, 30.0)
    ok2 = len(costs) == 8 and "01003" not in set(costs["commune"])
    print(f"{'ok  ' if ok2 else 'FAIL'} cost table: {len(costs)} pairs, none for the commune without coordinates")
    # 01001 its own index 5, 01002 its EPCI's 3 (01003, without coordinates, is left out once its demand is known).
    ok3 = list(fragile) == [100 * 5 / 10, 200 * 3 / 10]
    print(f"{'ok  ' if ok3 else 'FAIL'} fragility demand: {list(fragile)}")
    return ok and ok2 and ok3


def self_test():
    results = [self_test_worked_example(), self_test_tolerance_and_haversine(), self_test_fixture()]
    print("PASS" if all(results) else "FAIL")
    return 0 if all(results) else 1


# Entry point -----------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="maillage SQLite database")
    parser.add_argument("--service", help="service slug (finer services included)")
    parser.add_argument("--method", choices=["e2sfca", "2sfca"], default="e2sfca")
    parser.add_argument("--catchment-km", type=float, default=30.0)
    parser.add_argument("--demand", choices=["population", "fragility"], default="population")
    parser.add_argument("--maillage", help="maillage binary: run it and compare")
    parser.add_argument("--time", action="store_true", help="print PySAL's timing as JSON")
    parser.add_argument("--repeat", type=int, default=1, help="timing runs (best is reported)")
    parser.add_argument("--self-test", action="store_true", help="check the pipeline on domain.md's example")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.db or not args.service:
        parser.error("--db and --service are required (or --self-test)")
    return time_pysal(args) if args.time else check(args)


if __name__ == "__main__":
    sys.exit(main())
