/// Reading latitude and longitude from a row: decimal points or commas, both or neither,
/// in range, and swapped pairs put back the right way round.
package enum Coordinates {
    /// The row's coordinates, or nil when both are empty; records an issue on bad values.
    package static func read(_ reader: inout RowReader, latitude: Int?, longitude: Int?) -> (latitude: Double, longitude: Double)? {
        let latText = reader.value(at: latitude), lonText = reader.value(at: longitude)
        switch (latText, lonText) {
        case (nil, nil): return nil
        case (nil, _): reader.error(latitude, nil, "expected a latitude, since the row gives a longitude"); return nil
        case (_, nil): reader.error(longitude, nil, "expected a longitude, since the row gives a latitude"); return nil
        case (let latText?, let lonText?):
            guard let lat = number(latText) else { reader.error(latitude, latText, "expected a decimal latitude in degrees (WGS84)"); return nil }
            guard let lon = number(lonText) else { reader.error(longitude, lonText, "expected a decimal longitude in degrees (WGS84)"); return nil }
            return check(&reader, lat, lon, latitude: latitude, longitude: longitude)
        }
    }

    /// Checks a pair already parsed (JSON input).
    package static func check(_ reader: inout RowReader, _ lat: Double, _ lon: Double, latitude: Int?, longitude: Int?) -> (latitude: Double, longitude: Double)? {
        guard lat.isFinite, lon.isFinite, abs(lat) <= 90, abs(lon) <= 180 else {
            reader.error(abs(lat) > 90 ? latitude : longitude, "\(lat), \(lon)", "expected a latitude within ±90 and a longitude within ±180")
            return nil
        }
        if looksSwapped(latitude: lat, longitude: lon) {
            reader.warning(latitude, "\(lat), \(lon)", "latitude and longitude look swapped (a point in France has latitude 41–52 and longitude −5.5–10); read as \(lon), \(lat)")
            return (lon, lat)
        }
        return (lat, lon)
    }

    /// A pair that lies outside metropolitan France but inside it once swapped.
    static func looksSwapped(latitude: Double, longitude: Double) -> Bool {
        let inFrance = { (lat: Double, lon: Double) in (41...51.5).contains(lat) && (-5.5...10).contains(lon) }
        return !inFrance(latitude, longitude) && inFrance(longitude, latitude)
    }

    /// A decimal number written with a point or a comma.
    static func number(_ text: String) -> Double? {
        Double(text) ?? Double(text.replacingOccurrences(of: ",", with: "."))
    }
}
