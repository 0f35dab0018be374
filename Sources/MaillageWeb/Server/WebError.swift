import HTTPTypes
import Maillage

/// An error a request ends with: its HTTP status, a stable code for scripts and a message for
/// people. The JSON API sends it as `{"error": {"code", "message"}}`, pages as an error page.
struct WebError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    /// The parameter at fault, when one is.
    var parameter: String? = nil

    static func missingParameter(_ name: String) -> WebError {
        WebError(status: .badRequest, code: "missing_parameter", message: "The parameter '\(name)' is required.", parameter: name)
    }

    static func badParameter(_ name: String, value: String, expected: String) -> WebError {
        WebError(status: .badRequest, code: "bad_parameter", message: "Cannot read '\(value)' for '\(name)': expected \(expected).", parameter: name)
    }

    static func unreadableQuery(_ part: String) -> WebError {
        WebError(status: .badRequest, code: "bad_query_string", message: "The query string holds a malformed percent escape in '\(part)'.")
    }

    static func notFound(_ path: String) -> WebError {
        WebError(status: .notFound, code: "not_found", message: "Nothing is served at '\(path)'.")
    }

    static let unauthorized = WebError(status: .unauthorized, code: "unauthorized",
                                       message: "Editing needs an editor's token: send it as 'Authorization: Bearer TOKEN', or sign in at /connexion.")

    static let readOnly = WebError(status: .forbidden, code: "read_only",
                                   message: "This server is read-only: start it with `maillage serve --admin-token-file FILE` to allow edits.")

    static let tooLarge = WebError(status: .contentTooLarge, code: "body_too_large", message: "Request bodies are limited to 1 MB.")

    static let internalError = WebError(status: .internalServerError, code: "internal_error",
                                        message: "The server could not answer this request; the error is in its log.")

    /// The web form of a refused edit: values an import would refuse or fields that cannot be
    /// edited are unprocessable (422), an unknown edit is not found (404), an undo that a later edit
    /// prevents is a conflict (409).
    init(_ error: EditError) {
        let message = error.description
        switch error {
        case .invalid: self.init(status: .unprocessableContent, code: "invalid_value", message: message)
        case .notEditable(let field, _): self.init(status: .unprocessableContent, code: "not_editable", message: message, parameter: field)
        case .notAPlace: self.init(status: .unprocessableContent, code: "not_a_place", message: message)
        case .notAnIntermediary: self.init(status: .unprocessableContent, code: "not_an_intermediary", message: message)
        case .unknownEdit: self.init(status: .notFound, code: "unknown_edit", message: message)
        case .unknownReport: self.init(status: .notFound, code: "unknown_report", message: message)
        case .noReferral: self.init(status: .notFound, code: "unknown_referral", message: message)
        case .selfReferral: self.init(status: .unprocessableContent, code: "self_referral", message: message)
        case .idTaken: self.init(status: .conflict, code: "id_taken", message: message)
        case .alreadyUndone, .undoOfUndo, .changedSince: self.init(status: .conflict, code: "cannot_undo", message: message)
        }
    }

    /// The web form of a query's error: an unknown id is not found (404), an unknown service,
    /// commune, territory or value cannot be processed (422, with the closest names), a value
    /// that cannot be read is a bad request (400).
    init(_ error: QueryError) {
        let message = error.errorDescription ?? "\(error)"
        switch error {
        case .unknownIdentifier: self.init(status: .notFound, code: "unknown_id", message: message)
        case .unknownService: self.init(status: .unprocessableContent, code: "unknown_service", message: message)
        case .unknownCommune: self.init(status: .unprocessableContent, code: "unknown_commune", message: message)
        case .unknownTerritory: self.init(status: .unprocessableContent, code: "unknown_territory", message: message)
        case .unknownValue: self.init(status: .unprocessableContent, code: "unknown_value", message: message)
        case .noFragilityIndex: self.init(status: .unprocessableContent, code: "no_fragility_index", message: message)
        case .invalidDate, .invalidBands: self.init(status: .badRequest, code: "bad_parameter", message: message)
        case .tooManyServices: self.init(status: .internalServerError, code: "internal_error", message: message)
        }
    }

    init(status: HTTPResponse.Status, code: String, message: String, parameter: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter
    }
}
