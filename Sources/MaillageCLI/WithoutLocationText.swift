import Maillage

/// The line reporting the communes left out of an answer's figures because they have no location.
enum WithoutLocationText {
    /// "\n8 communes, 5617 inhabitants without location, left out of these figures: 15031, …"; empty when there are none.
    static func footer(_ without: CommunesWithoutLocation) -> String {
        guard without.communes > 0 else { return "" }
        let shown = without.codes.prefix(10).joined(separator: ", ") + (without.codes.count > 10 ? ", …" : "")
        return "\n\(without.communes) commune\(without.communes > 1 ? "s" : ""), \(without.population) inhabitants without location, "
            + "left out of these figures: \(shown)."
    }
}
