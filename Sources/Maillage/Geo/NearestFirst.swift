/// The order of answers that have a distance: nearest first, those without a distance last, then by id.
enum NearestFirst {
    static func precedes(_ a: (distance: Double?, id: String), _ b: (distance: Double?, id: String)) -> Bool {
        switch (a.distance, b.distance) {
        case let (x?, y?) where x != y: x < y
        case (_?, nil): true
        case (nil, _?): false
        default: a.id < b.id
        }
    }
}
