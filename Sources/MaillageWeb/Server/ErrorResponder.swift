import Hummingbird
import Logging
import Maillage

/// Turns every error a route throws into an answer: JSON under `/api/`, an error page elsewhere.
/// Errors the user can act on keep their message; anything else is logged and answered with a
/// generic 500 that names no file, query or stack.
struct ErrorResponder<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let webError = classify(error, path: request.uri.path)
            if webError.status == .internalServerError { logger.error("\(request.method.rawValue) \(request.uri.path): \(String(reflecting: error))") }
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
                var response = try Responses.json(ErrorBody(webError), status: webError.status)
                if webError.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"maillage\"" }
                return response
            }
            let french = (error as? QueryError).map(FrenchMessages.describe) ?? FrenchMessages.describe(webError)
            return Responses.html(ErrorPage.render(webError, message: french), status: webError.status)
        }
    }

    private func classify(_ error: any Error, path: String) -> WebError {
        switch error {
        case let error as WebError: return error
        case let error as QueryError: return WebError(error)
        case let error as EditError: return WebError(error)
        case let error as DiagramError: return WebError(status: .badRequest, code: "bad_parameter", message: error.localizedDescription)
        case let error as HTTPError where error.status == .notFound: return .notFound(path)
        case let error as HTTPError where error.status == .contentTooLarge: return .tooLarge
        case let error as HTTPError where error.status.code < 500:
            return WebError(status: error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase)
        default: return .internalError
        }
    }
}
