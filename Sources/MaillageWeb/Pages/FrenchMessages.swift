import Maillage

/// Errors as the pages say them, in French; the JSON API keeps the command line's English messages.
enum FrenchMessages {
    static func describe(_ error: WebError) -> String {
        switch error.code {
        case "not_found": "Il n'y a rien à cette adresse."
        case "unknown_id": "Aucun lieu ni intervenant n'a cet identifiant."
        case "body_too_large": "La demande dépasse 1 Mo."
        case "unauthorized": "Il faut être connecté pour modifier l'annuaire."
        case "read_only": "Ce serveur est en lecture seule."
        case "internal_error": "Le serveur n'a pas pu répondre ; l'erreur est consignée dans son journal."
        case "missing_parameter" where error.parameter != nil: "Il manque le champ « \(error.parameter ?? "") »."
        case "bad_parameter" where error.parameter != nil: "Le champ « \(error.parameter ?? "") » est illisible : \(error.message)"
        default: error.message
        }
    }

    /// A query's error in French, with the closest names it offers.
    static func describe(_ error: QueryError) -> String {
        switch error {
        case .unknownService(let name, let closest):
            "Service inconnu : « \(name) ». Services proches : \(closest.map { "« \($0) »" }.joined(separator: ", "))."
        case .unknownCommune(let code, let communes) where !communes.isEmpty:
            "« \(code) » est le code postal de \(communes.map { "\($0.nom) (\($0.code))" }.joined(separator: ", ")) : choisissez la commune."
        case .unknownCommune(let code, _):
            "Aucune commune ne correspond à « \(code) » : donnez son nom ou son code INSEE (par exemple 07186)."
        case .unknownValue(_, let value, let expected):
            "Valeur inconnue : « \(value) ». Valeurs possibles : \(expected.prefix(12).map { "« \($0) »" }.joined(separator: ", "))."
        case .invalidDate(let text):
            "Date et heure illisibles : « \(text) ». Format attendu : AAAA-MM-JJTHH:MM, par exemple 2025-03-15T10:30."
        case .unknownIdentifier(let id, _):
            "Aucun lieu ni intervenant n'a l'identifiant « \(id) »."
        case .unknownTerritory(let code):
            "Aucun territoire n'a le code « \(code) » : code INSEE d'une commune, SIREN d'un EPCI, code de département ou region:CODE."
        case .invalidBands(let text, _):
            "Tranches de distance illisibles : « \(text) »."
        case .noFragilityIndex:
            "L'indice de fragilité numérique n'est pas chargé."
        case .tooManyServices:
            error.errorDescription ?? ""
        }
    }
}

extension FrenchMessages {
    /// A data-quality warning as a place's page says it.
    static func describe(_ problem: QualityProblem) -> String {
        let field = problem.field.map { "« \($0) »" } ?? ""
        let value = problem.value.map { "« \($0) »" } ?? ""
        return switch problem.kind {
        case .invalidValue: "Valeur non conforme au schéma national dans \(field) : \(value)" + (problem.expected.map { " (attendu : \($0))" } ?? "")
        case .unknownEnumeration: "Valeur hors de la liste du champ \(field) : \(value)"
        case .farFromCommune: "Coordonnées à plus de 30 km du centre de la commune : le lieu est placé au centre en attendant une correction"
        case .otherDepartement: "Le code postal ou le code INSEE désigne un autre département que les coordonnées"
        case .stale: "Pas de mise à jour depuis plus de 12 mois" + (problem.value.map { " (dernière le \(French.date($0)))" } ?? "")
        case .relaysNothing: "Ne relaie aucun service"
        case .intermediaryUnattached: "Intervenant rattaché à aucun lieu et sans zone d'intervention"
        case .referralToInactive: "Oriente vers un lieu ou un intervenant inactif" + (problem.otherId.map { " (\($0))" } ?? "")
        case .unreadableHours: "Horaires illisibles : \(value)"
        case .likelyDuplicate: "Doublon probable" + (problem.otherId.map { " de la fiche \($0)" } ?? "")
        case .editConflict: "Champ \(field) modifié en « \(problem.expected ?? "") » ; sa source dit maintenant \(value.isEmpty ? "autre chose" : value)"
        }
    }
}

extension FrenchMessages {
    /// A refused edit or undo, in French.
    static func describe(_ error: EditError) -> String {
        switch error {
        case .invalid: "Valeurs refusées : \(error.description)"
        case .notEditable(let field, _): "Le champ « \(field) » ne peut pas être modifié ici."
        case .notAPlace(let id): "« \(id) » est un intervenant, pas un lieu."
        case .notAnIntermediary(let id): "« \(id) » est un lieu, pas un intervenant."
        case .unknownEdit(let id): "Aucune modification n'a le numéro \(id)."
        case .unknownReport(let id): "Aucun signalement ouvert n'a le numéro \(id)."
        case .selfReferral: "Un lieu ne peut pas s'orienter vers lui-même."
        case .idTaken(let id): "L'identifiant « \(id) » est déjà pris."
        case .noReferral(let from, let to): "« \(from) » n'oriente personne vers « \(to) »."
        case .alreadyUndone(let id, let by): "La modification n° \(id) a déjà été annulée (n° \(by))."
        case .undoOfUndo(let id): "La modification n° \(id) est une annulation : modifiez à nouveau les champs plutôt."
        case .changedSince(let id, let field, let by):
            "La modification n° \(id) ne peut pas être annulée : la n° \(by) a changé « \(field) » depuis ; annulez-la d'abord."
        }
    }
}
