import Foundation
import Testing
@testable import Maillage

@Suite struct TaxonomyTests {
    @Test func seedsHoldTheNationalVocabularies() throws {
        let taxonomy = try Fixtures.taxonomy()
        #expect(taxonomy.actorTypes.count == 13)
        #expect(taxonomy.services.filter { $0.level == .national }.count == 9)
        #expect(taxonomy.services.filter { $0.level == .v01 }.count == 15)
        #expect(taxonomy.services.filter { $0.level == .demarche }.map(\.label) == ["CAF", "CPAM / MSA", "Assurance retraite", "France Travail", "DGFiP", "ANTS", "Justice", "La Poste"])
        #expect(taxonomy.programmes.filter(\.v1).count == 11)
    }

    @Test func everyFinerServiceSitsUnderANationalOne() throws {
        let taxonomy = try Fixtures.taxonomy()
        let national = Set(taxonomy.services.filter { $0.level == .national }.map(\.slug))
        for service in taxonomy.services where service.level != .national {
            #expect(national.contains(service.parent ?? ""), "\(service.slug)")
        }
    }

    @Test(arguments: [
        ("illetrisme", "Illettrisme", true), ("ILLETTRISME", "Illettrisme", false), ("Gratuit : Je peux", "Gratuit", true),
        ("familles/enfants", "Familles et/ou enfants", false), ("Seniors", "Seniors", false),
    ])
    func labelsMatchLikeAPatientReader(raw: String, label: String, corrected: Bool) throws {
        let taxonomy = try Fixtures.taxonomy()
        let context = ImportContext(taxonomy: taxonomy, communes: CommuneIndex(communes: []))
        let all = ["prise_en_charge_specifique", "frais_a_charge", "publics_specifiquement_adresses"].compactMap { context.enumerations[$0] }
        let match = all.map { $0.match(raw) }.first { $0 != .unknown }
        #expect(match == (corrected ? .corrected(label) : .exact(label)))
    }

    @Test func whatToBringIsTheServicesOwnListElseTheClosestAboveIt() throws {
        let catalog = try ServiceCatalog(taxonomy: try Taxonomy.load(from: Fixtures.seeds.appendingPathComponent("taxonomy")))
        let caf = try catalog.service(named: "caf"), help = try catalog.service(named: "aide-aux-demarches-administratives")
        #expect(catalog.whatToBring(for: caf).contains("Votre numéro de sécurité sociale"))
        #expect(catalog.whatToBring(for: try catalog.service(named: "la-poste")) == catalog.whatToBring(for: help), "La Poste says nothing: its parent's")
        #expect(!catalog.whatToBring(for: help).isEmpty)
        #expect(catalog.whatToBring(for: try catalog.service(named: "loisirs-et-creations-numeriques")).isEmpty)
    }

    @Test func aMissingSeedsDirectoryIsAClearError() {
        #expect(throws: MaillageError.seedsMissing(path: "/nowhere/actor-types.json")) {
            try Taxonomy.load(from: URL(fileURLWithPath: "/nowhere"))
        }
    }
}
