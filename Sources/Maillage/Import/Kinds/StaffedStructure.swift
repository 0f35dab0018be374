/// A structure of a national list (CNFS, Aidants Connect): a place, and the team of one actor
/// type working there with its headcount and the services it relays.
struct StaffedStructure {
    var id: String
    var line: Int
    var nom: String
    var pivot: String?
    var adresse: String?
    var commune: String?
    var postalCode: String?
    var location: CommuneLocator.Location
    var dateMaj: String?
    var programmes: [String]
    var details: [String: String]
    var active = true

    /// The team: its id suffix, actor type, name prefix, headcount and services.
    struct Team {
        var suffix: String
        var actorType: String
        var label: String
        var headcount: Int?
        var services: [String]
    }

    /// The place and its team, ready to be stored.
    func drafts(team: Team) -> (PlaceDraft, IntermediaryDraft) {
        var place = PlaceDraft(publicId: id, line: line)
        place.text[.nom] = nom
        place.text[.pivot] = pivot
        place.text[.adresse] = adresse
        place.text[.commune] = commune
        place.text[.codePostal] = postalCode
        place.text[.dateMaj] = dateMaj
        place.codeInsee = location.code
        place.placement = location.placement
        place.programmeSlugs = programmes
        place.details = details
        place.active = active

        var staff = IntermediaryDraft(publicId: "\(id):\(team.suffix)", line: line, actorType: team.actorType)
        staff.nom = "\(team.label) — \(nom)"
        staff.headcount = team.headcount
        staff.placeIds = [id]
        staff.serviceSlugs = team.services
        staff.active = active
        return (place, staff)
    }
}

extension ImportBatch {
    /// Adds a structure and its team.
    mutating func append(_ structure: StaffedStructure, team: StaffedStructure.Team) {
        let (place, staff) = structure.drafts(team: team)
        places.append(place)
        intermediaries.append(staff)
    }
}

extension RowReader {
    /// The row's identifier at `position`: an error when missing (nil is returned) or already
    /// seen on an earlier line (the id is returned, the row will be refused).
    package mutating func identifier(at position: Int, seen: [String: Int], name: String = "id") -> String? {
        guard let id = value(at: position) else {
            error(position, nil, "expected the row's \(name); the field is required")
            return nil
        }
        if let first = seen[id] { error(position, id, "duplicate \(name), first seen on line \(first)") }
        return id
    }
}
