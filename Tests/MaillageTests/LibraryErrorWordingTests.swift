import Testing
@testable import Maillage

/// The library's errors name fields, never a command-line option: the web server words them its own way.
@Suite struct LibraryErrorWordingTests {
    @Test func noLibraryErrorNamesAnOption() {
        let errors: [any Error] = [
            DiagramError.missing(kind: .territory, field: .scope), DiagramError.missing(kind: .ego, field: .id),
            DiagramError.missing(kind: .coverage, field: .service),
            QueryError.unknownValue(.publics, value: "Astronautes", expected: ["Jeunes"]), QueryError.noFragilityIndex,
        ]
        for error in errors {
            let text = String(describing: (error as? QueryError)?.errorDescription ?? String(describing: error))
            #expect(!text.contains("--"), "\(text)")
        }
        #expect(String(describing: DiagramError.missing(kind: .ego, field: .id)) == "An ego diagram needs the id of a place or intermediary.")
        #expect(QueryError.unknownValue(.priseEnCharge, value: "x", expected: ["Surdité"]).errorDescription
                == "Unknown value 'x' for prise_en_charge_specifique: expected one of 'Surdité'.")
    }
}
