/// The columns of the national "lieux de médiation numérique" schema v1, in the schema's order.
///
/// One enum describes the format for the importer, the store and the exporter alike.
public enum LieuColumn: String, CaseIterable, Sendable, Codable {
    case id, pivot, nom, commune
    case codePostal = "code_postal"
    case codeInsee = "code_insee"
    case adresse
    case complementAdresse = "complement_adresse"
    case latitude, longitude, typologie, telephone, courriels
    case siteWeb = "site_web"
    case horaires
    case presentationResume = "presentation_resume"
    case presentationDetail = "presentation_detail"
    case source, itinerance
    case structureParente = "structure_parente"
    case dateMaj = "date_maj"
    case services
    case publicsSpecifiquementAdresses = "publics_specifiquement_adresses"
    case priseEnChargeSpecifique = "prise_en_charge_specifique"
    case fraisACharge = "frais_a_charge"
    case dispositifProgrammesNationaux = "dispositif_programmes_nationaux"
    case formationsLabels = "formations_labels"
    case autresFormationsLabels = "autres_formations_labels"
    case modalitesAcces = "modalites_acces"
    case modalitesAccompagnement = "modalites_accompagnement"
    case ficheAccesLibre = "fiche_acces_libre"
    case priseRdv = "prise_rdv"

    /// The columns kept as text in the `place` table, under the same name.
    static let storedAsText: [LieuColumn] = allCases.filter {
        ![.id, .codeInsee, .latitude, .longitude, .source, .services, .dispositifProgrammesNationaux].contains($0)
    }

    /// The columns whose values come from a fixed list of labels (`|`-separated when multi-valued).
    static let enumerated: [LieuColumn] = [
        .publicsSpecifiquementAdresses, .priseEnChargeSpecifique, .fraisACharge,
        .modalitesAcces, .modalitesAccompagnement, .itinerance,
    ]

    /// Header spellings seen in real files, mapped to the column they mean.
    static let headerAliases: [String: LieuColumn] = [
        "modalite_acces": .modalitesAcces,
        "modalite_accompagnement": .modalitesAccompagnement,
        "courriel": .courriels,
        "code_commune": .codeInsee,
        "insee": .codeInsee,
        "lat": .latitude, "lon": .longitude, "lng": .longitude,
        "publics_specifiques": .publicsSpecifiquementAdresses,
        "dispositifs_programmes_nationaux": .dispositifProgrammesNationaux,
    ]
}
