import Testing
@testable import Maillage

/// The parts of dedupe's score, each against a value worked out by hand, and the hand-made pairs
/// the issue names: true duplicates that must merge, near-misses that must stay apart.
@Suite struct DedupeScoringTests {
    @Test func theIndelRatioIsRapidfuzzRatioWorkedByHand() {
        // "privas" / "priva": longest common subsequence 5, indel distance 1, lengths 11.
        #expect(abs(IndelRatio.of("privas", "priva") - 100 * (1 - 1.0 / 11)) < 1e-12)
        // "chat" / "chien": common "ch", distance 2 + 3 = 5 of 9.
        #expect(abs(IndelRatio.of("chat", "chien") - 100 * (1 - 5.0 / 9)) < 1e-12)
        #expect(IndelRatio.of("", "") == 100 && IndelRatio.of("abc", "") == 0 && IndelRatio.of("abc", "abc") == 100)
    }

    @Test func namesFoldCaseAccentsLigaturesAndGenericWords() {
        #expect(String(decoding: ComparableName("MÉDIATHÈQUE  Jean-Moulin").full, as: UTF8.self) == "mediatheque jean moulin")
        #expect(String(decoding: ComparableName("Œuvre d'Entraide").full, as: UTF8.self) == "oeuvre entraide")
        #expect(String(decoding: ComparableName("Mairie de Lalevade-d'Ardèche").core, as: UTF8.self) == "lalevade ardeche")
        #expect(ComparableName.similarity(ComparableName("Mairie de Privas"), ComparableName("Privas")) == 100)
        #expect(ComparableName.similarity(ComparableName("Centre social"), ComparableName("Centre Social")) == 100, "no core left: the full names")
        #expect(ComparableName("« — »").isEmpty)
    }

    @Test func streetsWriteOutAbbreviationsAndDropThePostalCodeAndCommune() {
        #expect(String(decoding: ComparableStreet.of("12 r. Jean Jaurès"), as: UTF8.self) == "12 rue jean jaures")
        #expect(String(decoding: ComparableStreet.of("12 RUE JEAN JAURES 07000 PRIVAS"), as: UTF8.self) == "12 rue jean jaures")
        #expect(String(decoding: ComparableStreet.of("2 PL DE L HOTEL DE VILLE"), as: UTF8.self) == "2 place hotel ville")
        #expect(String(decoding: ComparableStreet.of("3 av. du Gal de Gaulle"), as: UTF8.self) == "3 avenue general gaulle")
        #expect(ComparableStreet.of(nil).isEmpty && ComparableStreet.of("07000 Privas").isEmpty)
    }

    @Test func theDistancePartIsFullUpTo50MetresThenFallsAsOneOverD() {
        #expect(PairComparison.distanceScore(metres: 0) == 100 && PairComparison.distanceScore(metres: 50) == 100)
        #expect(PairComparison.distanceScore(metres: 100) == 50 && PairComparison.distanceScore(metres: 1000) == 5)
    }

    @Test func structureKindsComeFromTypologyThenName() {
        #expect(StructureKind.of(name: FoldedText("Réseau des Médiathèques du Pays"), typologie: nil) == .library)
        #expect(StructureKind.of(name: FoldedText("Espace Jean Ferrat"), typologie: "CS|ASSO") == .socialCentre)
        #expect(StructureKind.of(name: FoldedText("COMMUNE DE PRIVAS"), typologie: nil) == nil)
        #expect(StructureKind.compatible(.franceServices, .townHall) && StructureKind.compatible(nil, .shop))
        #expect(!StructureKind.compatible(.library, .shop) && !StructureKind.compatible(.library, .socialCentre))
    }

    // MARK: Hand-made pairs

    private static let privas = (latitude: 44.7350, longitude: 4.5990)
    /// A point `metres` north of Privas's point (1° of latitude is 111.195 km on maillage's sphere).
    private static func north(_ metres: Double) -> (Double, Double) { (privas.latitude + metres / 111_194.93, privas.longitude) }

    private func record(_ id: String, _ nom: String, source: String, adresse: String? = "12 rue Jean Jaurès", insee: String? = "07186",
                        at point: (Double, Double)? = north(0), siret: String? = nil, typologie: String? = nil) -> ComparableRecord {
        ComparableRecord(DedupeRecord(nodeId: Int64(abs(id.hashValue) % 1_000_000), publicId: id, source: source, nom: nom, siret: siret,
                                      codeInsee: insee, adresse: adresse, latitude: point?.0, longitude: point?.1, typologie: typologie))
    }

    @Test func trueDuplicatesScoreOverTheThreshold() {
        let pairs: [(String, ComparableRecord, ComparableRecord)] = [
            ("typos", record("a", "Espace numérique de Privas", source: "cnfs"), record("b", "Espace numerque Privas", source: "hub", at: Self.north(20))),
            ("accents and case", record("a", "MÉDIATHÈQUE JEAN MOULIN", source: "cnfs"), record("b", "Médiathèque Jean Moulin", source: "hub")),
            ("Mairie de X and X", record("a", "Mairie de Privas", source: "aidants-connect", at: nil), record("b", "Privas", source: "hub")),
            ("r. and rue", record("a", "Le Lien", source: "cnfs", adresse: "12 r. Jean Jaurès 07000 PRIVAS"), record("b", "Le Lien", source: "hub")),
            ("moved 30 m", record("a", "Le Lien", source: "cnfs"), record("b", "Le Lien", source: "hub", at: Self.north(30))),
        ]
        for (label, a, b) in pairs {
            let comparison = PairComparison(a, b)
            #expect(comparison.veto == nil && comparison.score >= DedupeOptions.acrossSourcesThreshold, "\(label): \(comparison.reason)")
        }
        // Worked by hand: names "espace numerique privas" / "espace numerque privas", one letter
        // dropped: 100 × (1 − 1/45) (their cores, "privas" and "numerque privas", are further
        // apart); street identical (100), 20 m (100).
        #expect(abs(PairComparison(pairs[0].1, pairs[0].2).score - (100 * (1 - 1.0 / 45) + 200) / 3) < 1e-12)
        // "le lien", same street, 30 m: all three parts 100.
        #expect(PairComparison(pairs[4].1, pairs[4].2).reason == "name 100, street 100, distance 100")
    }

    @Test func theSameSiretInTheSameCommuneIsOnePlaceAcrossSourcesWhateverTheNames() {
        let cnfs = record("cnfs:21070186400017", "COMMUNE DE PRIVAS", source: "cnfs", adresse: "12 RUE JEAN JAURES 07000 PRIVAS", at: nil, siret: "21070186400017")
        let ac = record("aidants-connect:9", "France Services Privas", source: "aidants-connect", adresse: "12 rue Jean-Jaurès", at: nil, siret: "21070186400017")
        let comparison = PairComparison(cnfs, ac)
        #expect(comparison.siret == "21070186400017" && comparison.score == 100 && comparison.reason == "same SIRET 21070186400017 in the same commune")
        // Within one source, rows sharing a SIRET are that source's own entries: scored.
        let sibling = record("aidants-connect:10", "Bibliothèque de Privas", source: "aidants-connect", adresse: "12 rue Jean-Jaurès", at: nil, siret: "21070186400017")
        #expect(PairComparison(ac, sibling).siret == nil)
        // Another site of the same legal entity (streets far apart) is scored too.
        let elsewhere = record("hub-1", "Espace Jean Ferrat", source: "hub", adresse: "1 place de la Poste", at: nil, siret: "21070186400017")
        #expect(PairComparison(cnfs, elsewhere).siret == nil)
    }

    @Test func nearMissesStayApart() {
        // Two places in one building: a library and a social centre at the same address.
        let building = PairComparison(record("a", "Médiathèque de Privas", source: "cnfs"), record("b", "Centre social de Privas", source: "hub"))
        #expect(building.veto == .incompatibleKinds && building.kinds == ["bibliotheque", "centre-social"])
        // The same name in two communes.
        let communes = PairComparison(record("a", "Le Lien", source: "cnfs"), record("b", "Le Lien", source: "hub", insee: "07019", at: (44.62, 4.39)))
        #expect(communes.veto == .differentCommunes)
        // A chain of franchises in one town: same name, other street, 2 km apart.
        let chain = PairComparison(record("a", "Emmaüs Connect", source: "cnfs"),
                                   record("b", "Emmaüs Connect", source: "hub", adresse: "45 avenue de Chomérac", at: Self.north(2000)))
        #expect(chain.veto == nil && chain.score < DedupeOptions.nearMissFloor, "\(chain.reason)")
        // Worked by hand: name 100; streets "12 rue jean jaures" / "45 avenue chomerac" (common
        // subsequence of length 6, as rapidfuzz LCSseq says: 100 × 12 / 36); distance 100 × 50 / 2000 = 2.5
        // (the 2 km are 2 km to a few millimetres).
        #expect(IndelRatio.longestCommonSubsequence(Array("12 rue jean jaures".utf8), Array("45 avenue chomerac".utf8)) == 6)
        #expect(abs(chain.score - (100 + 100 * 12 / 36 + 2.5) / 3) < 1e-6)
        // A missing name (nothing left once folded).
        #expect(PairComparison(record("a", "***", source: "cnfs"), record("b", "Le Lien", source: "hub")).veto == .missingName)
    }
}
