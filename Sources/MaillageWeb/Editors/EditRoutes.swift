import Foundation
import Hummingbird
import Maillage

/// The API's edits: places (`PATCH /api/places/{id}`, `POST /api/places`, `POST
/// /api/places/{id}/verified`), intermediaries (`PATCH /api/intermediaries/{id}`, `POST
/// /api/intermediaries`), referrals (`POST /api/referrals`, `DELETE /api/referrals/{from}/{to}`),
/// and the journal (`GET /api/journal`, `POST /api/journal/{id}/undo`). Edits need an editor (``EditorRoutes/editor(of:)``); each one
/// is in the next snapshot before the answer goes out, so the next request sees it.
struct EditRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store
    let editors: EditorRoutes

    func add(to router: Router<WebContext>) {
        router.patch("api/places/{id}") { request, context in
            let editor = try editors.editor(of: request)
            let fields = try await Self.fields(request, context: context)
            return try await applied(try store.editPlace(try context.pathParameter("id"), fields: fields, editor: editor))
        }
        router.post("api/places") { request, context in
            let editor = try editors.editor(of: request)
            return try await applied(try store.createPlace(fields: try await Self.fields(request, context: context), editor: editor))
        }
        router.patch("api/intermediaries/{id}") { request, context in
            let editor = try editors.editor(of: request)
            let fields = try await Self.fields(request, context: context, example: Self.intermediaryExample)
            return try await applied(try store.editIntermediary(try context.pathParameter("id"), fields: fields, editor: editor))
        }
        router.post("api/intermediaries") { request, context in
            let editor = try editors.editor(of: request)
            let fields = try await Self.fields(request, context: context, example: Self.intermediaryExample)
            return try await applied(try store.createIntermediary(fields: fields, editor: editor))
        }
        router.post("api/places/{id}/verified") { request, context in
            let editor = try editors.editor(of: request)
            return try await applied(try store.verifyPlace(try context.pathParameter("id"), editor: editor))
        }
        router.post("api/referrals") { request, context in
            let editor = try editors.editor(of: request)
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            guard let referral = try? JSONDecoder().decode(NewReferral.self, from: Data(buffer: body)) else {
                throw WebError(status: .badRequest, code: "bad_body",
                               message: "Expected a JSON object {\"from\": ID, \"to\": ID, \"service\": optional, \"weight\": optional number}.")
            }
            return try await applied(try store.addReferral(from: referral.from, to: referral.to, service: referral.service, weight: referral.weight, editor: editor))
        }
        router.delete("api/referrals/{from}/{to}") { request, context in
            let editor = try editors.editor(of: request)
            return try await applied(try store.removeReferral(from: try context.pathParameter("from"), to: try context.pathParameter("to"), editor: editor))
        }
        router.get("api/journal") { request, _ in
            let query = try QueryString(request.uri.query)
            let limit = try query.integer("limit", in: 1...RequestQueries.maximumResults) ?? 100
            return try Responses.json(try store.journal(place: query.text("place"), editor: query.text("editor"), limit: limit))
        }
        router.post("api/journal/{id}/undo") { request, context in
            let editor = try editors.editor(of: request)
            let text = try context.pathParameter("id")
            guard let id = Int64(text) else { throw WebError.badParameter("id", value: text, expected: "the number of an edit") }
            return try await applied(try store.undoEdit(id, editor: editor))
        }
    }

    /// Takes the new data in before answering with the journal entry.
    private func applied(_ entry: JournalEntry) async throws -> Response {
        try await live.refresh()
        return try Responses.json(entry)
    }

    static let placeExample = #"national-schema fields, e.g. {"telephone": "+33475000000"}"#
    static let intermediaryExample = #"fields of the intermediaries CSV, e.g. {"headcount": 3, "services": ["aide-demarches-administratives"]}"#

    /// The fields of a JSON object: strings, numbers, arrays of strings, or null to clear.
    static func fields(_ request: Request, context: WebContext, example: String = placeExample) async throws -> [String: EditValue] {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fields: [String: FieldValue]
        do {
            fields = try JSONDecoder().decode([String: FieldValue].self, from: Data(buffer: body))
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            let name = context.codingPath[0].stringValue
            throw WebError(status: .badRequest, code: "bad_body", message: "The value of '\(name)' must be a string, a number, a list of strings or null.", parameter: name)
        } catch {
            throw WebError(status: .badRequest, code: "bad_body", message: "Expected a JSON object of \(example).")
        }
        guard !fields.isEmpty else { throw WebError(status: .badRequest, code: "bad_body", message: "The JSON object names no field to change.") }
        return fields.mapValues(\.value)
    }

    /// The body of `POST /api/referrals`.
    struct NewReferral: Decodable {
        var from: String
        var to: String
        var service: String?
        var weight: Double?
    }

    /// One field's value in a JSON body.
    struct FieldValue: Decodable {
        var value: EditValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { value = .null }
            else if let text = try? container.decode(String.self) { value = .text(text) }
            else if let list = try? container.decode([String].self) { value = .list(list) }
            else if let number = try? container.decode(Double.self), (try? container.decode(Bool.self)) == nil { value = .number(number) }
            else { throw DecodingError.dataCorruptedError(in: container, debugDescription: "a string, a number, a list of strings or null") }
        }
    }
}
