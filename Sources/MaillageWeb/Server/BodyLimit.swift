import Hummingbird

/// Refuses a request body over the context's limit (1 MB) with 413 before any route reads it:
/// by its declared length, or by reading at most that much of a body sent in chunks.
struct BodyLimit<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > context.maxUploadSize {
            throw WebError.tooLarge
        }
        guard request.headers[.transferEncoding] != nil else { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            throw WebError.tooLarge
        }
        return try await next(request, context)
    }
}
