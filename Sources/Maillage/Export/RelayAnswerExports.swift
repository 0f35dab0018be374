// The downloadable forms of a relay answer (`/recherche.csv`, `/recherche.geojson`): one row or
// feature per relay, nearest first, with the keys of its JSON form.

extension RelayAnswer {
    /// One row per relay; services, source ids and intermediaries joined by `|` as in the national schema.
    public func csv() -> String {
        CSVWriter.table(header: ["id", "nom", "kind", "code_insee", "distance_km", "latitude", "longitude", "services", "zone", "remote",
                                 "horaires", "intermediaries", "source_ids"], rows: relays) { relay in
            [relay.id, relay.nom, relay.kind.rawValue, relay.codeInsee ?? "", relay.distanceKm.map { "\($0)" } ?? "",
             relay.latitude.map { "\($0)" } ?? "", relay.longitude.map { "\($0)" } ?? "",
             relay.services.joined(separator: "|"), relay.zone ? "true" : "false", relay.remote ? "true" : "false",
             relay.horaires ?? "", relay.intermediaries.map { "\($0.nom ?? $0.id) (\($0.type))" }.joined(separator: "|"),
             relay.sourceIds.joined(separator: "|")]
        }
    }

    /// A GeoJSON FeatureCollection of the relays that have a location (RFC 7946: longitude first).
    public func geoJSON() -> String {
        let features = relays.compactMap { relay -> String? in
            guard let latitude = relay.latitude, let longitude = relay.longitude else { return nil }
            let properties = [
                "\"id\":" + JSONText.string(relay.id),
                "\"nom\":" + JSONText.string(relay.nom),
                "\"kind\":" + JSONText.string(relay.kind.rawValue),
                "\"code_insee\":" + (relay.codeInsee.map(JSONText.string) ?? "null"),
                "\"distance_km\":" + JSONText.number(relay.distanceKm),
                "\"services\":[" + relay.services.map(JSONText.string).joined(separator: ",") + "]",
                "\"zone\":\(relay.zone)",
                "\"remote\":\(relay.remote)",
                "\"horaires\":" + (relay.horaires.map(JSONText.string) ?? "null"),
                "\"source_ids\":[" + relay.sourceIds.map(JSONText.string).joined(separator: ",") + "]",
            ]
            return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(JSONText.number(longitude)),\(JSONText.number(latitude))]},"
                + "\"properties\":{" + properties.joined(separator: ",") + "}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",\n") + "]}\n"
    }
}
