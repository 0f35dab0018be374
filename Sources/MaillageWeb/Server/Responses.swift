import Foundation
import Hummingbird

/// Responses of a given media type from text or encodable values.
enum Responses {
    /// JSON as the command line's `--format json` writes it (sorted keys, slashes as they are), compact.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return body(try encoder.encode(value), type: "application/json; charset=utf-8", status: status)
    }

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        body(Data(page.markup.utf8), type: "text/html; charset=utf-8", status: status)
    }

    /// A download: `filename` is our own ASCII name, built from codes, never from free text.
    static func file(_ text: String, type: String, filename: String? = nil) -> Response {
        var response = body(Data(text.utf8), type: type, status: .ok)
        if let filename { response.headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return response
    }

    static func body(_ data: Data, type: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The JSON form of an error: `{"error": {"code": …, "message": …}}`.
struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var code: String
        var message: String
    }

    var error: Detail

    init(_ error: WebError) { self.error = Detail(code: error.code, message: error.message) }
}
