import Foundation
import Testing
@testable import Maillage

/// A place's commune comes from its own fields first (INSEE code, then name and postal code, then a
/// postal code known to serve one commune) and from its coordinates only when those fail.
@Suite struct CommunePlacementTests {
    /// Communes chosen to trip a nearest-centroid placement: Privas and Alboussière are 24 km apart,
    /// two "Saint-" communes, a homonym pair in Ardèche, and the three cities with arrondissements.
    static let communes = """
        \(Fixtures.communesHeader)
        07186,Privas,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,8000,8200,44.735,4.599,commune
        07007,Alboussière,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,2000,2050,44.94,4.73,commune
        07019,Aubenas,07,Ardèche,84,Auvergne-Rhône-Alpes,200072023,CC du Bassin d'Aubenas,CC,12000,12400,44.62,4.39,commune
        07204,Saint-Étienne-de-Fontbellon,07,Ardèche,84,Auvergne-Rhône-Alpes,200072023,CC du Bassin d'Aubenas,CC,2800,2850,44.60,4.38,commune
        07223,Sainte-Eulalie,07,Ardèche,84,Auvergne-Rhône-Alpes,200072023,CC du Bassin d'Aubenas,CC,250,260,44.81,4.19,commune
        07901,Le Pont-de-Test,07,Ardèche,84,Auvergne-Rhône-Alpes,200072023,CC du Bassin d'Aubenas,CC,100,100,44.70,4.50,commune
        07902,Homonyme,07,Ardèche,84,Auvergne-Rhône-Alpes,200072023,CC du Bassin d'Aubenas,CC,100,100,44.50,4.30,commune
        07903,Homonyme,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,100,100,44.80,4.60,commune
        75056,Paris,75,Paris,11,Île-de-France,200054781,Métropole du Grand Paris,METRO,2100000,2150000,48.86,2.34,moyenne_sous_entites
        69123,Lyon,69,Rhône,84,Auvergne-Rhône-Alpes,200046977,Métropole de Lyon,MET69,520000,530000,45.76,4.83,moyenne_sous_entites
        13055,Marseille,13,Bouches-du-Rhône,93,Provence-Alpes-Côte d'Azur,200054807,Métropole d'Aix-Marseille-Provence,METRO,870000,880000,43.28,5.38,moyenne_sous_entites

        """

    private func store() throws -> Store {
        let store = try Fixtures.store()
        _ = try store.importData(.communes, name: "communes.csv", data: Data(Self.communes.utf8))
        return store
    }

    /// A row without INSEE code, with this commune name, postal code and (optional) coordinates.
    private func row(_ id: String, commune: String, postalCode: String, at point: (Double, Double)? = nil) -> [LieuColumn: String] {
        Fixtures.lieu(id, [.codeInsee: "", .commune: commune, .codePostal: postalCode,
                           .latitude: point.map { "\($0.0)" } ?? "", .longitude: point.map { "\($0.1)" } ?? ""])
    }

    private func importLieux(_ store: Store, _ rows: [[LieuColumn: String]], name: String = "lieux.csv") throws -> ImportReport {
        try store.importData(.lieux, name: name, data: Fixtures.lieux(rows))
    }

    private func communes(_ store: Store) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try store.lieux().map { ($0.publicId, $0.codeInsee ?? "-") })
    }

    @Test func theNamedCommuneWinsOverTheNearestCentroid() throws {
        let store = try store()
        // Written in capitals, 2 km from Alboussière's centroid and 24 km from Privas's (the Clermont-Ferrand / Chamalières case).
        let report = try importLieux(store, [row("p1", commune: "PRIVAS", postalCode: "07000", at: (44.93, 4.72))])
        #expect(try communes(store)["p1"] == "07186")
        #expect(report.figures.contains { $0.name == "placed from postal code and commune name" && $0.value == 1 })
    }

    @Test(arguments: [
        ("ST ETIENNE DE FONTBELLON", "07200", "07204"), ("Saint Etienne de Fontbellon", "07200", "07204"),
        ("STE EULALIE", "07510", "07223"), ("sainte-eulalie", "07510", "07223"), ("Pont de Test", "07200", "07901"),
        ("LE PONT DE TEST", "07200", "07901"), ("Aubenas Cedex 03", "07205", "07019"),
        ("PARIS 11", "75011", "75056"), ("Paris 11e Arrondissement", "75011", "75056"), ("LYON 3E", "69003", "69123"),
        ("Lyon 3ème", "69003", "69123"), ("MARSEILLE 1ER", "13001", "13055"), ("Marseille 13eme arrondissement", "13013", "13055"),
    ])
    func namesAreReadAsPeopleWriteThem(name: String, postalCode: String, expected: String) throws {
        let store = try store()
        // Coordinates at Privas's centroid: the name must win.
        _ = try importLieux(store, [row("p1", commune: name, postalCode: postalCode, at: (44.735, 4.599))])
        #expect(try communes(store)["p1"] == expected, "\(name) \(postalCode)")
    }

    @Test func aPostalCodeKnownToServeOneCommunePlacesTheRow() throws {
        let store = try store()
        // The file's own rows give INSEE code and postal code: 07200 serves Aubenas only, 07000 two communes.
        let known = [Fixtures.lieu("known-1", [.codeInsee: "07019", .commune: "Aubenas", .codePostal: "07200"]),
                     Fixtures.lieu("known-2", [.codeInsee: "07186", .commune: "Privas", .codePostal: "07000"]),
                     Fixtures.lieu("known-3", [.codeInsee: "07007", .commune: "Alboussière", .codePostal: "07000"])]
        let report = try importLieux(store, known + [
            // A name no commune bears, coordinates near Privas: the postal code alone decides.
            row("p1", commune: "Quartier Pont-d'Aubenas", postalCode: "07200", at: (44.735, 4.599)),
            // 07000 serves two communes: the nearest of those two to the coordinates.
            row("p2", commune: "Lieu-dit inconnu", postalCode: "07000", at: (44.93, 4.72)),
            // Homonyms in the département: the postal code's communes tell them apart.
            row("p3", commune: "Homonyme", postalCode: "07000"),
        ])
        let placed = try communes(store)
        #expect(placed["p1"] == "07019" && placed["p2"] == "07007")
        #expect(placed["p3"] == "-", "no pair names either homonym with 07000")
        #expect(report.figures.contains { $0.name == "placed from postal code alone (the one commune it is known to serve)" && $0.value == 1 })
        #expect(report.figures.contains { $0.name == "placed from coordinates among the communes of its postal code" && $0.value == 1 })
        let nameWarnings = report.warnings.filter { $0.column == "commune" }.map(\.message)
        #expect(nameWarnings.count == 3 && nameWarnings.filter { $0.contains("no current commune of département 07 has this name") }.count == 2)
        #expect(nameWarnings.contains { $0.contains("2 communes of département 07 have this name (07902, 07903)") })

        _ = try importLieux(store, known + [Fixtures.lieu("known-4", [.codeInsee: "07903", .commune: "Homonyme", .codePostal: "07000"]),
                                            row("p3", commune: "HOMONYME", postalCode: "07000")])
        #expect(try communes(store)["p3"] == "07903")
        // Pairs already in the database do not count: only the file's own rows (so that a place's
        // commune never depends on what was imported before it).
        _ = try importLieux(store, [row("p4", commune: "Ailleurs", postalCode: "07200")], name: "alone.csv")
        #expect(try communes(store)["p4"] == "-")
    }

    @Test func theNearestCentroidIsTheLastResortAndIsReported() throws {
        let store = try store()
        let report = try importLieux(store, [row("p1", commune: "Nulle Part", postalCode: "07999", at: (44.93, 4.72))])
        #expect(try communes(store)["p1"] == "07007")
        #expect(report.figures.contains { $0.name == "placed at the nearest commune centroid (last resort, warned)" && $0.value == 1 })
        let warning = try #require(report.warnings.first { $0.message.contains("last resort") })
        #expect(warning.column == "latitude" && warning.message.contains("07007 (Alboussière)") && warning.message.contains("1.4 km away"))
    }

    @Test func inconsistentPairsAreNotLearnt() {
        let codes = PostalCodes(pairs: [(postalCode: "67000", commune: "68224"), (postalCode: "67000", commune: "67482"),
                                        (postalCode: "20000", commune: "2A004"), (postalCode: "13100", commune: "13001"),
                                        (postalCode: "13100", commune: "13001")])
        #expect(codes.communes(withPostalCode: "67000") == ["67482"])
        #expect(codes.onlyCommune(withPostalCode: "20000") == "2A004" && codes.onlyCommune(withPostalCode: "13100") == "13001")
    }
}

/// The Hinaura file (687 places, no INSEE code), placed after the two lists (which change nothing:
/// only a file's own rows teach postal codes).
@Suite(.requiresSharedData)
struct HinauraPlacementTests {
    private func path(_ name: String) -> String { Fixtures.sharedData.appendingPathComponent(name).path }

    @Test func placesAreInTheCommuneTheyName() throws {
        let store = try Fixtures.store()
        _ = try store.importFile(.communes, path: path("communes-france.csv"))
        _ = try store.importFile(.cnfs, path: path("conseillers-numeriques-structures-20230405.csv"))
        _ = try store.importFile(.aidantsConnect, path: path("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
        let report = try store.importFile(.lieux, path: path("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        let index = try store.writer.read { try store.communeIndex($0) }
        let hinaura = try store.lieux().filter { $0.sourceLabel == "Hinaura" }
        #expect(hinaura.count == 687)

        var moved = 0
        var exact = 0
        var near: [String] = []
        var other: [String] = []
        for place in hinaura {
            let code = try #require(place.codeInsee)
            // What the nearest centroid in the postal code's département gave before.
            let departement = place.text[.codePostal].flatMap(index.departement(ofPostalCode:))
            if let latitude = place.latitude, let longitude = place.longitude,
               index.nearest(latitude: latitude, longitude: longitude, inDepartement: departement)?.commune.code != code { moved += 1 }
            // The row's own commune name against the name of the commune it was put in, ignoring case, accents and separators.
            let named = place.text[.commune] ?? ""
            let nom = try #require(index.commune(code: code)).nom
            if CommuneIndex.looseKey(CommuneIndex.nameKey(named)) == CommuneIndex.looseKey(CommuneIndex.nameKey(nom))
                || MunicipalArrondissement.named(named)?.commune == code {
                exact += 1
            } else if index.communes(nearlyNamed: named, inDepartement: CommuneIndex.departement(ofInseeCode: code)).map(\.code) == [code] {
                near.append(named)
            } else {
                other.append("\(named) → \(code) \(nom)")
            }
        }
        print("Hinaura: \(moved) places changed commune; \(exact) named exactly, \(near.count) nearly, \(other.count) otherwise")
        // 76 places are no longer where the nearest centroid put them (Clermont-Ferrand's among them).
        #expect(moved == 76)
        #expect(exact == 653)
        // Names written short or long, or misspelt by one letter (each warned as "read as").
        // Names written short or long (a commune nouvelle named after the communes it joined among them),
        // or misspelt by one letter: each warned as "read as".
        #expect(near.sorted() == (["Annecy-le-Vieux", "Annecy-le-Vieux", "Ardes sur couze", "CHAMONIX", "Chamonix", "Les Molettes",
                                   "Livron", "Loriol", "OULLINS", "OULLINS", "PIERRE BENITE", "Pierre-Bénite", "Pierre-Bénite",
                                   "SAINT GERVAIS", "Sciez-sur-Léman", "Talloires", "Vorey sur Arzon"]
                                  + Array(repeating: "Oullins", count: 5)).sorted())
        // Former communes merged into a commune nouvelle whose name does not show theirs, and a name two
        // communes bear: the commune list cannot link them and the file gives no INSEE code to learn its
        // postal codes from, so they take the last resort, warned. Right for 7 (Cran-Gevrier and Seynod are
        // in Annecy, La Rochette in Valgelon-La Rochette); wrong for 5: Entremont (now in Glières-Val-de-Borne),
        // Meythet and Pringy (now in Annecy) lie nearer another commune's centroid.
        #expect(other.sorted() == [
            "Cran Gevrier → 74010 Annecy", "Cran-Gevrier - Annecy → 74010 Annecy", "Cran-Gevrier → 74010 Annecy",
            "Entremont → 74239 Saint-Jean-de-Sixt", "La Rochette → 73215 Valgelon-La Rochette", "MEYTHET → 74213 Poisy",
            "Meythet - Annecy → 74213 Poisy", "Meythet → 74213 Poisy", "Pringy → 74019 Argonay",
            "Seynod → 74010 Annecy", "Seynod → 74010 Annecy", "Seynod → 74010 Annecy",
        ])
        #expect(report.figures.contains { $0.name == "placed from postal code and commune name" && $0.value == 675 })
        #expect(report.figures.contains { $0.name == "placed at the nearest commune centroid (last resort, warned)" && $0.value == 12 })
        #expect(report.warnings.filter { $0.message.contains("last resort") }.count == 12)
    }

    @Test func clermontFerrandIsNoLongerChamalieres() throws {
        let store = try Fixtures.store()
        _ = try store.importFile(.communes, path: path("communes-france.csv"))
        _ = try store.importFile(.lieux, path: path("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        let clermont = try store.lieux().filter { $0.text[.commune]?.uppercased() == "CLERMONT-FERRAND" && $0.text[.codePostal] == "63000" }
        #expect(!clermont.isEmpty && clermont.allSatisfy { $0.codeInsee == "63113" })
    }
}

/// The territory table lists the municipal arrondissements and reads every territory code given.
@Suite struct TerritoryResolutionTests {
    private func table() throws -> TerritoryTable {
        let store = try Fixtures.store()
        _ = try store.importData(.communes, name: "communes.csv", data: Data(CommunePlacementTests.communes.utf8))
        return try store.territoryTable()
    }

    @Test func theTableListsTheFortyFiveArrondissements() throws {
        let table = try table()
        #expect(table.arrondissements.count == 45 && MunicipalArrondissement.all.count == 45)
        #expect(table.arrondissements.filter { $0.commune == "75056" }.map(\.code) == (75101...75120).map(String.init))
        #expect(table.arrondissements.filter { $0.commune == "69123" }.map(\.code) == (69381...69389).map(String.init))
        #expect(table.arrondissements.filter { $0.commune == "13055" }.map(\.code) == (13201...13216).map(String.init))
        let names = Dictionary(uniqueKeysWithValues: table.arrondissements.map { ($0.code, $0.nom) })
        #expect(names["75101"] == "Paris 1er Arrondissement" && names["75111"] == "Paris 11e Arrondissement")
        #expect(names["69383"] == "Lyon 3e Arrondissement" && names["13216"] == "Marseille 16e Arrondissement")
        // Without Paris loaded, its arrondissements are not listed.
        let store = try Fixtures.storeWithCommunes()
        #expect(try store.territoryTable().arrondissements.map(\.commune) == Array(repeating: "69123", count: 9))
    }

    @Test func arrondissementCodesStandForTheirCommune() throws {
        let table = try table()
        let lyon = try table.territory("69383")
        #expect(lyon.level == .commune && lyon.code == "69123" && lyon.nom == "Lyon" && lyon.arrondissement?.nom == "Lyon 3e Arrondissement")
        #expect(try table.communes(within: "69383") == table.communes(within: "69123"))
        #expect(try table.territory("commune:75111").code == "75056")
        #expect(throws: QueryError.unknownTerritory("75121")) { try table.territory("75121") }
        #expect(try table.territory("07").notes.isEmpty)
    }
}
