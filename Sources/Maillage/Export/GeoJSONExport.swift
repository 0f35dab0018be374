/// Writes places as a GeoJSON FeatureCollection of points (for QGIS, uMap), with their properties.
/// A place without coordinates of its own stands at its commune's centroid (`position: "commune"`);
/// one with neither is left out.
public enum GeoJSONExport {
    public static func featureCollection(_ lieux: [LieuRecord]) -> String {
        var output = ExportText()
        try? featureCollection(lieux.forEach, to: &output)
        return output.text
    }

    /// Writes the FeatureCollection a chunk at a time, as places are read.
    public static func featureCollection(_ lieux: EachLieu, to output: inout some ExportOutput,
                                         chunkSize: Int = LieuxExport.chunkSize) throws {
        var features = JSONLines(opening: "{\"type\":\"FeatureCollection\",\"features\":[\n", closing: "]}\n")
        try lieux { lieu in
            guard let feature = feature(lieu) else { return }
            features.append(feature)
            if features.text.utf8.count >= chunkSize { try output.write(features.take()) }
        }
        try output.write(features.close())
    }

    /// One place as a GeoJSON Feature, or nil when it has no position.
    static func feature(_ lieu: LieuRecord) -> String? {
        let own = lieu.latitude.flatMap { lat in lieu.longitude.map { (lat, $0) } }
        let commune = lieu.communeLatitude.flatMap { lat in lieu.communeLongitude.map { (lat, $0) } }
        guard let (latitude, longitude) = own ?? commune else { return nil }
        let strings = { (values: [String]) in "[" + values.map(JSONText.string).joined(separator: ",") + "]" }
        let members = lieu.intermediaries.map { member in
            "{\"id\":\(JSONText.string(member.publicId)),\"type\":\(JSONText.string(member.actorType)),\"headcount\":\(member.headcount.map(String.init) ?? "null")}"
        }
        let properties = [
            ("id", JSONText.string(lieu.publicId)),
            ("nom", JSONText.string(lieu.value(.nom))),
            ("commune", JSONText.string(lieu.value(.commune))),
            ("code_insee", lieu.codeInsee.map(JSONText.string) ?? "null"),
            ("adresse", JSONText.string(lieu.value(.adresse))),
            ("services", strings(lieu.services)),
            ("services_detail", strings(lieu.finerServices)),
            ("programmes", strings(lieu.programmes + lieu.otherProgrammes)),
            ("intermediaries", "[" + members.joined(separator: ",") + "]"),
            ("headcount", String(lieu.intermediaries.reduce(0) { $0 + ($1.headcount ?? 0) })),
            ("horaires", JSONText.string(lieu.value(.horaires))),
            ("active", lieu.active ? "true" : "false"),
            ("position", JSONText.string(own == nil ? "commune" : "place")),
        ].map { "\(JSONText.string($0.0)):\($0.1)" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(JSONText.number(longitude)),\(JSONText.number(latitude))]},\"properties\":{\(properties)}}"
    }
}
