/// The family of a source as dedupe counts merges: the two national lists, or a lieux file.
enum SourceFamily {
    static let order = ["CNFS", "Aidants Connect", "lieux"]

    static func of(_ source: String) -> String {
        switch source {
        case "cnfs": "CNFS"
        case "aidants-connect": "Aidants Connect"
        default: "lieux"
        }
    }

    /// "CNFS × Aidants Connect", "CNFS × lieux", "lieux × lieux": the families in that order.
    static func pair(_ first: String, _ second: String) -> String {
        [of(first), of(second)].sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }.joined(separator: " × ")
    }
}
