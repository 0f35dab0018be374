import Foundation

/// The OpenAPI 3 description of the JSON API, served at `/api/openapi.json`, built from the list
/// of operations below (a test checks it against the router's routes).
enum OpenAPIDocument {
    struct Parameter {
        enum Kind: String { case string, number, integer, boolean }
        var name: String
        var kind: Kind = .string
        var required = false
        var repeatable = false
        var choices: [String]? = nil
        var description: String
        var inPath = false
    }

    struct Operation {
        var path: String
        var summary: String
        var parameters: [Parameter]
        /// The statuses it answers with besides 200.
        var errors: [Int]
        var method = "get"
        /// Needs an editor's token.
        var editing = false
        /// Takes a JSON object of national-schema fields.
        var takesFields = false
    }

    private static let service = Parameter(name: "service", required: true, description: "The service: its exact label or its slug (e.g. aide-aux-demarches-administratives).")
    private static let within = Parameter(name: "within", description: "Only this territory: a commune's INSEE code, an EPCI's SIREN, a département code, or region:CODE.")
    private static let openAt = Parameter(name: "open_at", description: "Only the relays open then, local time in France: YYYY-MM-DDTHH:MM (relays with unknown hours, without a place and zones of intervention are left out, counted).")
    private static let filters = [
        Parameter(name: "public", repeatable: true, description: "Only places that specifically address this public (publics_specifiquement_adresses)."),
        Parameter(name: "prise_en_charge", repeatable: true, description: "Only places with this specific support (prise_en_charge_specifique)."),
        Parameter(name: "free", kind: .boolean, description: "Only free places (frais_a_charge: Gratuit): 1 or 0."),
        Parameter(name: "label", repeatable: true, description: "Only places with this programme or label (e.g. France Services)."),
    ]
    private static let coverage = [service, Parameter(name: "radius_km", kind: .number, required: true, description: "The distance that counts as reachable, in km."), within] + filters

    static let operations: [Operation] = [
        Operation(path: "/api/relays", summary: "Who relays a service near a commune or a point, nearest first (`maillage relays`).", parameters: [
            service,
            Parameter(name: "commune", description: "The person's commune, by INSEE code (or give lat and lon)."),
            Parameter(name: "lat", kind: .number, description: "The person's latitude (with lon)."),
            Parameter(name: "lon", kind: .number, description: "The person's longitude (with lat)."),
            Parameter(name: "radius_km", kind: .number, description: "How far to look, in km (default 10, at most 1000)."),
        ] + filters + [
            Parameter(name: "modalite", repeatable: true, description: "Only relays offering this modalité (e.g. À distance)."),
            Parameter(name: "open_at", description: "Only places open then, local time: YYYY-MM-DDTHH:MM."),
            Parameter(name: "limit", kind: .integer, description: "At most this many results (default and maximum 500)."),
            Parameter(name: "format", choices: ["json", "json-report"], description: "json (an array of relays) or json-report ({filters, relays})."),
        ], errors: [400, 422]),
        Operation(path: "/api/gaps", summary: "Coverage holes: the population without a relay within the radius (`maillage gaps`).", parameters: coverage + [
            openAt,
            Parameter(name: "level", choices: ["commune", "epci", "departement", "region", "france"], description: "One row per territory of this level."),
            Parameter(name: "min_relays", kind: .integer, description: "How many relays a commune needs to count as covered (default 1)."),
        ], errors: [400, 422]),
        Operation(path: "/api/access", summary: "Spatial accessibility by commune, 2SFCA or E2SFCA (`maillage access`).", parameters: [
            service,
            Parameter(name: "method", choices: ["2sfca", "e2sfca"], description: "The floating-catchment method (default e2sfca)."),
            Parameter(name: "catchment_km", kind: .number, description: "The catchment radius in km."),
            Parameter(name: "bands", description: "E2SFCA distance bands as KM:WEIGHT pairs, e.g. 10:1,20:0.68,30:0.22."),
            Parameter(name: "demand", choices: ["population", "fragility"], description: "What measures demand."),
            within,
            openAt,
        ], errors: [400, 422]),
        Operation(path: "/api/fragility", summary: "Communes that depend on a single relay (`maillage fragility`).", parameters: coverage + [openAt],
                  errors: [400, 422]),
        Operation(path: "/api/plan", summary: "Where new relays would cover the most uncovered inhabitants (`maillage plan`); with open_at, which relays closed then would cover the most if they opened then.", parameters: coverage + [
            openAt,
            Parameter(name: "sites", kind: .integer, description: "How many sites to place (1 to 50, default 3)."),
            Parameter(name: "candidates", choices: ["communes", "places", "closed"], description: "Sites at communes' centroids or at existing places; with open_at, the relays closed then."),
            Parameter(name: "cover_all", kind: .boolean, description: "The fewest sites covering every inhabited commune instead."),
        ], errors: [400, 422]),
        Operation(path: "/api/network", summary: "The referral network's health: brokers, cut points, bridges, communities (`maillage network`).", parameters: [
            within,
            Parameter(name: "level", choices: ["places", "intermediaries"], description: "Places only, or places and intermediaries."),
        ], errors: [400, 422]),
        Operation(path: "/api/places/{id}", summary: "A place or an intermediary, by any of its source ids (`maillage show`).", parameters: [
            Parameter(name: "id", required: true, description: "A public id, e.g. cnfs:21070186000012.", inPath: true),
        ], errors: [404]),
        Operation(path: "/api/search", summary: "Places and intermediaries by words, tolerant of typing mistakes (`maillage search`).", parameters: [
            Parameter(name: "q", required: true, description: "The words to look for."),
            Parameter(name: "limit", kind: .integer, description: "At most this many results (default 20, at most 500)."),
        ], errors: [400]),
        Operation(path: "/api/stats", summary: "Counts by kind, actor type, service, département and source (`maillage stats`).", parameters: [], errors: []),
        Operation(path: "/api/communes", summary: "Communes whose name or code starts with the text typed, the most populous first.", parameters: [
            Parameter(name: "q", required: true, description: "The start of a commune's name, or an INSEE or postal code."),
            Parameter(name: "limit", kind: .integer, description: "At most this many suggestions (default 10, at most 50)."),
        ], errors: [400]),
        Operation(path: "/api/openapi.json", summary: "This document.", parameters: [], errors: []),
        Operation(path: "/api/whoami", summary: "The editor the token or session belongs to.", parameters: [], errors: [401, 403], editing: true),
        Operation(path: "/api/places/{id}", summary: "Sets fields of a place, checked as an import checks them (nothing changes on a refused value); journaled.",
                  parameters: [Parameter(name: "id", required: true, description: "Any source id of the place.", inPath: true)],
                  errors: [400, 401, 403, 404, 422], method: "patch", editing: true, takesFields: true),
        Operation(path: "/api/places", summary: "Adds a place from national-schema fields (nom required; id optional, else edition-N), checked as an import checks a row; journaled, undone by retiring it.",
                  parameters: [], errors: [400, 401, 403, 409, 422], method: "post", editing: true, takesFields: true),
        Operation(path: "/api/intermediaries/{id}", summary: "Sets fields of an intermediary by the names of the intermediaries CSV (nom, type, headcount, services, zone, place_id, modalites_accompagnement, itinerance), checked as an import checks them; journaled.",
                  parameters: [Parameter(name: "id", required: true, description: "The intermediary's id.", inPath: true)],
                  errors: [400, 401, 403, 404, 422], method: "patch", editing: true, takesFields: true),
        Operation(path: "/api/intermediaries", summary: "Adds an intermediary from the fields of the intermediaries CSV (type required; id optional, else edition-N), checked as an import checks a row; journaled, undone by retiring it.",
                  parameters: [], errors: [400, 401, 403, 409, 422], method: "post", editing: true, takesFields: true),
        Operation(path: "/api/places/{id}/verified", summary: "\"Still true today\": moves the place's date_maj to today; journaled.",
                  parameters: [Parameter(name: "id", required: true, description: "Any source id of the place.", inPath: true)],
                  errors: [401, 403, 404], method: "post", editing: true),
        Operation(path: "/api/referrals", summary: "Records a referral: {\"from\": ID, \"to\": ID, \"service\": optional, \"weight\": optional}; journaled on the place it starts from.",
                  parameters: [], errors: [400, 401, 403, 404, 422], method: "post", editing: true, takesFields: true),
        Operation(path: "/api/referrals/{from}/{to}", summary: "Removes every referral from one place or intermediary to another; journaled.",
                  parameters: [Parameter(name: "from", required: true, description: "Who refers (any source id).", inPath: true),
                               Parameter(name: "to", required: true, description: "To whom (any source id).", inPath: true)],
                  errors: [401, 403, 404], method: "delete", editing: true),
        Operation(path: "/api/journal", summary: "The journal of edits, newest first.", parameters: [
            Parameter(name: "place", description: "Only the edits of this place (any of its source ids)."),
            Parameter(name: "editor", description: "Only the edits of this editor."),
            Parameter(name: "limit", kind: .integer, description: "At most this many entries (default 100, at most 500)."),
        ], errors: [400, 404]),
        Operation(path: "/api/journal/{id}/undo", summary: "Reverts one edit, unless a later edit changed the same field (409, with the reason).",
                  parameters: [Parameter(name: "id", kind: .integer, required: true, description: "The edit's number.", inPath: true)],
                  errors: [400, 401, 403, 404, 409], method: "post", editing: true),
    ]

    /// The document as JSON text.
    static let json: String = {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var responses: [String: Any] = ["200": ["description": "The answer, as the command line's --format json writes it.",
                                                    "content": ["application/json": ["schema": ["type": operation.path == "/api/relays" ? "array" : "object"]]]]]
            for status in operation.errors {
                responses[String(status)] = ["description": errorMeaning[status] ?? "Error",
                                             "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
            }
            var described: [String: Any] = [
                "summary": operation.summary,
                "operationId": operation.method + operation.path.dropFirst(5).replacingOccurrences(of: "{id}", with: "ById")
                    .replacingOccurrences(of: ".json", with: "").replacingOccurrences(of: "/", with: "_"),
                "parameters": operation.parameters.map(describe),
                "responses": responses,
            ]
            if operation.editing { described["security"] = [["editorToken": [String]()]] }
            if operation.takesFields {
                described["requestBody"] = ["required": true, "content": ["application/json": ["schema": [
                    "type": "object", "description": "National-schema fields (nom, adresse, horaires, telephone, services as a list…); null clears one.",
                    "additionalProperties": true]]]]
            }
            paths[operation.path, default: [:]][operation.method] = described
        }
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": "maillage", "version": "1",
                     "description": "Who relays which public service where, coverage holes and the referral network of digital mediation in France."],
            "paths": paths,
            "components": ["securitySchemes": ["editorToken": ["type": "http", "scheme": "bearer"]], "schemas": ["Error": [
                "type": "object", "required": ["error"],
                "properties": ["error": ["type": "object", "required": ["code", "message"],
                                         "properties": ["code": ["type": "string"], "message": ["type": "string"]]]],
            ]]],
        ]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }()

    private static let errorMeaning = [400: "A parameter or the body is missing or cannot be read.", 404: "No place, intermediary or edit has this id.",
                                       401: "No valid editor's token.", 403: "The server is read-only.", 409: "A later edit changed the same field.",
                                       422: "An unknown service, commune, territory or filter value (the message names the closest ones), or a value an import would refuse."]

    private static func describe(_ parameter: Parameter) -> [String: Any] {
        var schema: [String: Any] = ["type": parameter.kind.rawValue]
        if let choices = parameter.choices { schema["enum"] = choices }
        if parameter.repeatable { schema = ["type": "array", "items": schema] }
        var described: [String: Any] = ["name": parameter.name, "in": parameter.inPath ? "path" : "query",
                                         "required": parameter.required || parameter.inPath, "description": parameter.description, "schema": schema]
        if parameter.repeatable { described["explode"] = true }
        return described
    }
}
