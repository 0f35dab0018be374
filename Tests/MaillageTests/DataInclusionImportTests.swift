import Foundation
@testable import Maillage
import Testing

/// `maillage import data-inclusion STRUCTURES [SERVICES]`: structures become places (with the team
/// their typologie names), services add what their structure relays, where, for whom and at what
/// cost; remote services become remote help over their zone.
@Suite struct DataInclusionImportTests {
    /// Writes `json` to a file of its own and gives its path.
    private func file(_ json: String, _ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("di-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Structures shaped as the schema's three examples: the fields of a minimal one, a full one
    /// (date and time, coordinates, typologie, contacts, parent, link), one with an RNA number only.
    private let schemaExamples = """
        {"total": 3, "page": 1, "pages": [1], "items": [
          {"id": "a1b2", "siret": "10000001700010", "nom": "Mairie de Privas", "commune": "Privas", "code_postal": "07000",
           "code_insee": "07186", "adresse": "1 PLACE DE L'HOTEL DE VILLE"},
          {"id": "c3d4", "siret": "60487647500499", "rna": "W071234567", "nom": "MOBILITÉ SOLIDAIRE", "commune": "Aubenas",
           "code_postal": "07200", "code_insee": "07019", "adresse": "RUE DU FOIRAIL", "date_maj": "2024-04-28T16:53:11Z",
           "complement_adresse": "MAISON DES ASSOCIATIONS", "longitude": 4.3903, "latitude": 44.6197, "typologie": "ASSO",
           "telephone": "+33475000001", "courriel": "contact@mobilite.example.org", "site_web": "https://mobilite.example.org/",
           "presentation_resume": "Des solutions de déplacement pour qui en manque.", "presentation_detail": "",
           "source": "solidagregateur", "structure_parente": "a1b2", "lien_source": "https://solidagregateur.example.org/structures/c3d4"},
          {"id": "e5f6", "rna": "W071234568", "nom": "MOBILITÉ SOLIDAIRE — antenne", "commune": "Annonay", "code_postal": "07100",
           "code_insee": "07010", "adresse": "RUE DE LA REPUBLIQUE"}
        ]}
        """

    @Test func theSchemasExamplesBecomePlacesUnderPrefixedIds() throws {
        let store = try DemoStore.load()
        let report = try store.importDataInclusion(structures: try file(schemaExamples, "structures.json"), services: nil,
                                                   options: ImportOptions(dataDate: "2025-06-01"))
        #expect(report.errors.isEmpty && report.rowsRead == 3)
        let minimal = try store.profile(of: "data-inclusion:a1b2")
        #expect(minimal.nom == "Mairie de Privas" && minimal.codeInsee == "07186" && minimal.source == "data-inclusion")
        let full = try store.profile(of: "data-inclusion:solidagregateur:c3d4")
        #expect(full.codeInsee == "07019" && full.latitude == 44.6197 && full.telephone == "+33475000001")
        #expect(full.courriels == ["contact@mobilite.example.org"] && full.siteWeb == ["https://mobilite.example.org/"])
        let lieu = try #require(try store.lieux().first { $0.publicId == "data-inclusion:solidagregateur:c3d4" })
        #expect(lieu.text[.dateMaj] == "2024-04-28" && lieu.text[.pivot] == "60487647500499" && lieu.text[.typologie] == "ASSO")
        #expect(lieu.text[.complementAdresse] == "MAISON DES ASSOCIATIONS" && lieu.sourceLabel == "solidagregateur")
        #expect(try store.lieux().first { $0.publicId == "data-inclusion:a1b2" }?.text[.dateMaj] == "2025-06-01", "no date_maj: the data's date")
        #expect(try store.profile(of: "data-inclusion:e5f6").codeInsee == "07010")
    }

    /// A hand-made pair of files with every field and edge case.
    private let structures = """
        [
          {"source": "dora", "id": "cs", "nom": "Centre social de la Gare", "siret": "12345678900012", "commune": "Privas",
           "code_postal": "07000", "code_insee": "07186", "adresse": "2 place de la Gare", "latitude": 44.735, "longitude": 4.599,
           "horaires_accueil": "Mo-Fr 09:00-12:00", "typologie": "CS", "reseaux_porteurs": ["fcsf", "conseillers-numeriques"],
           "date_maj": "2025-03-01"},
          {"source": "dora", "id": "ccas", "nom": "CCAS d'Aubenas", "commune": "Aubenas", "code_postal": "07200", "code_insee": "07019",
           "adresse": "1 rue du CCAS", "typologie": "CCAS", "date_maj": "2025-01-10"},
          {"source": "soliguide", "id": "asso", "nom": "Association d'entraide", "code_insee": "07010", "typologie": "ASSO", "date_maj": "2025-02-02"}
        ]
        """

    private let services = """
        [
          {"source": "dora", "structure_id": "cs", "id": "s1", "nom": "Aide aux démarches",
           "thematiques": ["numerique--realiser-des-demarches-administratives-avec-un-accompagnement", "famille--garde-denfants"],
           "modes_accueil": ["en-presentiel"], "zone_eligibilite": ["07186", "200072015"], "frais": "gratuit", "publics": ["jeunes", "tous-publics"]},
          {"source": "dora", "structure_id": "cs", "id": "s2", "nom": "Smartphone au téléphone",
           "thematiques": ["numerique--prendre-en-main-un-smartphone-ou-une-tablette"], "modes_accueil": ["a-distance"], "zone_eligibilite": ["07"]},
          {"source": "soliguide", "structure_id": "asso", "id": "s7", "nom": "Partout, à distance", "thematiques": ["numerique--creer-avec-le-numerique"],
           "modes_accueil": ["a-distance"], "zone_eligibilite": ["99100"]},
          {"source": "dora", "structure_id": "ccas", "id": "s3", "nom": "Démarches administratives",
           "thematiques": ["acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives", "famille--garde-denfants"],
           "zone_eligibilite": ["france"], "frais": ["payant"]},
          {"source": "dora", "structure_id": "ccas", "id": "s4", "nom": "Wifi et à distance",
           "thematiques": ["numerique--acceder-a-une-connexion-internet"], "modes_accueil": ["a-distance", "en-presentiel"], "zone_eligibilite": []},
          {"source": "soliguide", "structure_id": "asso", "id": "s5", "nom": "Tout le pays", "thematiques": ["numerique"],
           "modes_accueil": ["en-presentiel"], "zone_eligibilite": ["99100"]},
          {"source": "dora", "structure_id": "ailleurs", "id": "s6", "thematiques": ["numerique"]}
        ]
        """

    @Test func servicesSayWhatWhereForWhomAndAtWhatCostAndRemoteHelpIsItsOwn() throws {
        let store = try DemoStore.load()
        let report = try store.importDataInclusion(structures: try file(structures, "structures.json"),
                                                   services: try file(services, "services.json"))
        #expect(report.errors.isEmpty && report.rowsRead == 3 && report.rowsImported == 3, "\(report)")
        // Unknown thematiques: reported once each, with their count; an unknown structure, once.
        let unmapped = report.warnings.filter { $0.column == "thematiques" }
        #expect(unmapped.map(\.value) == ["famille--garde-denfants"] && unmapped[0].message.hasSuffix("left out of 2 services"))
        #expect(report.warnings.contains { $0.column == "structure_id" && $0.value == "dora:ailleurs" })

        let centre = try store.profile(of: "data-inclusion:dora:cs")
        #expect(centre.services.map(\.label) == ["Réaliser des démarches administratives avec un accompagnement"])
        #expect(centre.zone == ["commune:07186", "epci:200072015"], "the service's zone of eligibility")
        #expect(centre.programmes == ["Conseillers numériques"])
        #expect(centre.worksWith.map(\.id) == ["data-inclusion:dora:cs:equipe"] && centre.worksWith[0].type == "centre-social", "CS: a centre social's team")
        let lieu = try #require(try store.lieux().first { $0.publicId == "data-inclusion:dora:cs" })
        #expect(lieu.text[.fraisACharge] == "Gratuit" && lieu.text[.publicsSpecifiquementAdresses] == "Jeunes")

        // Only at a distance: an intermediary of its own, no place, remote over its zone.
        let phone = try store.profile(of: "data-inclusion:dora:s2")
        #expect(phone.kind == .intermediary && phone.type == "centre-social" && phone.worksWith.isEmpty)
        #expect(phone.services.map(\.remote) == [true] && phone.zone == ["departement:07"])
        // In person and at a distance, with no zone: the place relays it, and its remote help covers France.
        let wifi = try store.profile(of: "data-inclusion:dora:s4")
        #expect(wifi.zone == ["france"] && wifi.worksWith.map(\.id) == ["data-inclusion:dora:ccas"] && wifi.services.allSatisfy(\.remote))
        let ccas = try store.profile(of: "data-inclusion:dora:ccas")
        #expect(ccas.zone.isEmpty, "eligible over France, an in-person service is still a door in Aubenas")
        #expect(ccas.services.map(\.label) == ["Aide aux démarches administratives", "Accéder à une connexion internet"])
        #expect(try store.lieux().first { $0.publicId == "data-inclusion:dora:ccas" }?.text[.fraisACharge] == "Payant")
        // An ASSO names no actor type: no team.
        #expect(try store.profile(of: "data-inclusion:soliguide:s7").zone == ["france"], "99100 is France")
        let association = try store.profile(of: "data-inclusion:soliguide:asso")
        #expect(association.zone.isEmpty && association.worksWith.isEmpty)
        #expect(report.figures.contains { $0.name.hasPrefix("in-person services eligible over a département or wider") && $0.value == 2 })

        // The filters read the fees: free administrative help near Privas is the centre social, not the paying CCAS.
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07186"))
        query.radiusKm = 50
        query.free = true
        let free = try store.snapshot().directory.relays(query).map(\.id)
        #expect(free.contains("data-inclusion:dora:cs") && !free.contains("data-inclusion:dora:ccas"))
        // The remote help reaches Aubenas, in its département.
        var remote = RelayQuery(service: "prendre-en-main-un-smartphone-ou-une-tablette", origin: .commune("07019"))
        remote.radiusKm = 1
        #expect(try store.snapshot().directory.relays(remote).map(\.id).contains("data-inclusion:dora:s2"))
    }

    @Test func aBadStructureImportsNothingUnlessSkippedAndMessagesNameTheFilesFields() throws {
        let store = try DemoStore.load()
        let bad = """
            [{"id": "ok", "nom": "Bonne structure", "code_insee": "07186", "date_maj": "2025-01-01"},
             {"id": "sans-nom", "nom": "", "code_insee": "07186", "date_maj": "2025-01-01"},
             {"id": "loin", "nom": "Mauvaise latitude", "code_insee": "07186", "latitude": 95, "longitude": 4.5, "date_maj": "2025-01-01"},
             {"id": "siret", "nom": "SIRET court", "code_insee": "07186", "siret": "123", "date_maj": "2025-01-01"}]
            """
        let path = try file(bad, "structures.json")
        do {
            _ = try store.importDataInclusion(structures: path, services: nil)
            Issue.record("a file with errors was imported")
        } catch MaillageError.importFailed(let report) {
            #expect(report.errors.map(\.line) == [2, 3] && report.errors.map(\.column) == ["nom", "latitude"], "\(report.errors)")
            #expect(report.warnings.contains { $0.column == "siret" && $0.line == 4 }, "named as the file names it: \(report.warnings)")
            #expect(!report.warnings.contains { $0.message.hasPrefix("no service listed") }, "counted, not listed")
        }
        #expect(throws: QueryError.self) { try store.profile(of: "data-inclusion:ok") }
        let skipped = try store.importDataInclusion(structures: path, services: nil, options: ImportOptions(skipInvalid: true))
        let kept = try store.profile(of: "data-inclusion:ok")
        #expect(skipped.rowsRejected == 2 && kept.nom == "Bonne structure")
        #expect(throws: MaillageError.self) { try store.importDataInclusion(structures: try file("[{\"id\": \"x\"}]", "s.json"), services: nil) }
    }

    @Test func aNewerListRetiresWhatItNoLongerHoldsAndDedupeMeetsTheOtherSources() throws {
        let store = try DemoStore.load()
        // The Annonay centre social of the demo lieux, as data·inclusion lists it: the same SIRET.
        let escale = """
            [{"source": "dora", "id": "escale", "nom": "Centre social L'Escale", "siret": "99957400890784", "commune": "Annonay",
              "code_postal": "07100", "code_insee": "07010", "adresse": "14 place de la Poste", "typologie": "CS", "date_maj": "2025-01-01"},
             {"source": "dora", "id": "autre", "nom": "Autre structure", "code_insee": "07186", "date_maj": "2025-01-01"}]
            """
        _ = try store.importDataInclusion(structures: try file(escale, "structures.json"), services: nil)
        let proposal = try store.dedupe(dryRun: true)
        #expect(proposal.merges.contains { Set([$0.first.id, $0.second.id]) == ["ardeche-lieu-003", "data-inclusion:dora:escale"] })
        let onlyEscale = #"[{"source": "dora", "id": "escale", "nom": "Centre social L'Escale", "code_insee": "07010", "date_maj": "2025-01-01"}]"#
        let newer = try store.importDataInclusion(structures: try file(onlyEscale, "structures.json"), services: nil)
        #expect(newer.retired == 1)
        #expect(try store.profile(of: "data-inclusion:dora:autre").active == false)
    }

    @Test func aTaxonomyWithoutTheCrosswalkSaysToLoadItAgain() throws {
        var taxonomy = try Fixtures.taxonomy()
        taxonomy.dataInclusion = nil
        let store = try Store.inMemory()
        try store.loadTaxonomy(taxonomy)
        #expect(throws: MaillageError.dataInclusionCrosswalkMissing) {
            try store.importDataInclusion(structures: try file(schemaExamples, "structures.json"), services: nil)
        }
    }
}
