/// The constraints the national schema "lieux de médiation numérique" puts on each v1 column, as
/// its version 1.0.2 states them (`schema-lieux-mediation-numerique-v1.json`, the `constraints`
/// of each field): which columns are required, and the pattern a non-empty value must match.
/// A tool such as frictionless checks a value against `^(?:pattern)$`.
enum V1Schema {
    /// The schema version these constraints are copied from.
    static let version = "1.0.2"

    /// The columns every row must fill.
    static let required: [LieuColumn] = [.id, .pivot, .nom, .commune, .codePostal, .adresse, .dateMaj]

    /// What the schema's users write in `pivot` when the SIRET is unknown.
    static let unknownPivot = "00000000000000"

    /// The pattern of each constrained column, exactly as the schema writes it
    /// (`date_maj` is a `date` field: its ISO form is written here as a pattern).
    static let patterns: [LieuColumn: String] = [
        .pivot: "^[a-zA-Z0-9]{9,14}$",
        .codePostal: "^\\d{5}$",
        .codeInsee: "^([013-9]\\d|2[AB1-9])\\d{3}$",
        .telephone: "^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$",
        .itinerance: "(?:(?:^|\\|)(Itinérant|Fixe))+$",
        .dateMaj: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
        .services: "(?:(?:^|\\|)(Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Utilisation sécurisée du numérique|Parentalité et éducation avec le numérique|Loisirs et créations numériques|Compréhension du monde numérique|Accès internet et matériel informatique|Acquisition de matériel informatique à prix solidaire))+$",
        .publicsSpecifiquementAdresses: "(?:(?:^|\\|)(Jeunes|Étudiants|Familles et/ou enfants|Seniors|Femmes))+$",
        .priseEnChargeSpecifique: "(?:(?:^|\\|)(Surdité|Handicaps moteurs|Handicaps mentaux|Illettrisme|Langues étrangères \\(anglais\\)|Langues étrangères \\(autres\\)|Déficience visuelle))+$",
        .fraisACharge: "(?:(?:^|\\|)(Gratuit|Gratuit sous condition|Payant))+$",
        .dispositifProgrammesNationaux: "(?:(?:^|\\|)(Aidants Connect|Bibliothèques numérique de référence|Certification PIX|Conseillers numériques|Emmaüs Connect|France Services|Grande école du numérique|La Croix Rouge|Point d'accès numérique CAF|Promeneurs du net|Relais numérique \\(Emmaüs Connect\\)))+$",
        .formationsLabels: "(?:(?:^|\\|)(Formé à « Mon Espace Santé »|Formé à « DUPLEX » \\(illettrisme\\)|Arnia/MedNum BFC \\(Bourgogne-Franche-Comté\\)|Collectif ressources et acteurs réemploi \\(Normandie\\)|Étapes numériques\\(La Poste\\)|Fabriques de Territoire|Les Éclaireurs du numérique \\(Drôme\\)|Mes Papiers \\(Métropole de Lyon\\)|ORDI 3.0|SUD LABS \\(PACA\\)))+$",
        .modalitesAcces: "(?:(?:^|\\|)(Se présenter|Téléphoner|Contacter par mail|Prendre un RDV en ligne|Ce lieu n'accueille pas de public|Envoyer un mail avec une fiche de prescription))+$",
        .modalitesAccompagnement: "(?:(?:^|\\|)(En autonomie|Accompagnement individuel|Dans un atelier collectif|À distance))+$",
    ]

    /// The longest text each length-limited column may hold.
    static let maxLengths: [LieuColumn: Int] = [.presentationResume: 280]
}
