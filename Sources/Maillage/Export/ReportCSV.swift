// The CSV forms of the reports, shared by the command line (`--format csv`) and the web
// application's downloads: one row per territory, commune or site, the columns named as the JSON keys.

extension GapReport {
    /// One row per territory: population, uncovered population, nearest relay and relay counts.
    public func csv() -> String {
        CSVWriter.table(header: ["code", "nom", "population", "uncovered_population", "nearest_km", "relays_within", "relays_by_zone", "communes",
                                 "uncovered_communes"], rows: territories) { gap in
            [gap.code, gap.nom, String(gap.population), String(gap.uncoveredPopulation), gap.nearestKm.map { "\($0)" } ?? "",
             gap.relaysWithin.map(String.init) ?? "", gap.relaysByZone.map(String.init) ?? "", String(gap.communes), String(gap.uncoveredCommunes)]
        }
    }
}

extension AccessReport {
    /// One row per commune: population, demand, accessibility score and its normalized value.
    public func csv() -> String {
        CSVWriter.table(header: ["code", "nom", "population", "demand", "score", "normalized"], rows: communes) { commune in
            [commune.code, commune.nom, String(commune.population), "\(commune.demand)", "\(commune.score)", "\(commune.normalized)"]
        }
    }
}

extension SingleRelayReport {
    /// One row per commune that depends on a single relay, with that relay.
    public func csv() -> String {
        CSVWriter.table(header: ["code", "nom", "population", "relay_id", "relay_nom", "distance_km"], rows: communes) { commune in
            [commune.code, commune.nom, String(commune.population), commune.relayId, commune.relayNom, commune.distanceKm.map { "\($0)" } ?? ""]
        }
    }
}

extension SitePlan {
    /// One row per suggested site, in the order chosen, with the population it adds.
    public func csv() -> String {
        CSVWriter.table(header: ["rank", "id", "nom", "code_insee", "latitude", "longitude", "covered_population", "covered_communes",
                                 "cumulative_covered_population"], rows: sites) { site in
            [String(site.rank), site.id, site.nom, site.codeInsee ?? "", "\(site.latitude)", "\(site.longitude)",
             String(site.coveredPopulation), String(site.coveredCommunes), String(site.cumulativeCoveredPopulation)]
        }
    }
}
