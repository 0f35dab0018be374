import Foundation
import Testing
@testable import Maillage

/// The real national files import with the expected counts, every row accounted for.
@Suite(.requiresSharedData)
struct RealFilesTests {
    private func path(_ name: String) -> String { Fixtures.sharedData.appendingPathComponent(name).path }

    @Test func theNationalFilesImportWithTheirCounts() throws {
        let store = try Fixtures.store()
        let communes = try store.importFile(.communes, path: path("communes-france.csv"))
        #expect(communes.rowsImported == 34_875 && communes.rowsRejected == 0)

        let cnfs = try store.importFile(.cnfs, path: path("conseillers-numeriques-structures-20230405.csv"))
        #expect(cnfs.rowsRead == 2_889 && cnfs.rowsImported == 2_889 && cnfs.rowsRejected == 0)
        #expect(cnfs.figures.contains { $0.name == "conseillers" && $0.value == 3_925 })
        // domain.md: of 352 unknown codes, 197 lost their leading zero, 148 are arrondissements, 7 are left.
        #expect(cnfs.corrections.contains { $0.name == "INSEE code that lost its leading zero, restored" && $0.value == 197 })
        #expect(cnfs.corrections.contains { $0.name == "arrondissement code mapped to its commune" && $0.value == 148 })
        let cnfsLeft = cnfs.figures.filter { $0.name == "placed from postal code and commune name" || $0.name == "not placed in any commune" }
        #expect(cnfsLeft.map(\.value).reduce(0, +) == 7)

        let aidants = try store.importFile(.aidantsConnect, path: path("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
        #expect(aidants.rowsRead == 5_227 && aidants.rowsImported == 5_227)
        #expect(aidants.figures.contains { $0.name == "inactive structures (kept, marked inactive)" && $0.value == 46 })
        #expect(aidants.figures.contains { $0.name == "labelled France Services" && $0.value == 1_049 })

        let hinaura = try store.importFile(.lieux, path: path("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        #expect(hinaura.rowsImported == 687 && hinaura.errors.isEmpty)
        // Placed from their own commune name and postal code first (CommunePlacementTests tell the detail).
        #expect(hinaura.figures.contains { $0.name == "placed from postal code and commune name" && $0.value == 675 })

        let stats = try store.statistics()
        // Sum of population_municipale, computed independently with Python's csv module.
        #expect(stats.communes == 34_875 && stats.population == 68_350_798)
        #expect(stats.places == 2_889 + 5_227 + 687)
        #expect(stats.intermediaries.byType.first { $0.type == "conseiller-numerique" }?.headcount == 3_925)
    }
}
