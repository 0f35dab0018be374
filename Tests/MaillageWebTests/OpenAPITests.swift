import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MaillageWeb
import Testing

/// The OpenAPI document describes exactly the API's routes, and each one answers as described.
@Suite struct OpenAPITests {
    /// The routes the issue names, which scripts rely on.
    static let promised = ["/api/relays", "/api/gaps", "/api/access", "/api/fragility", "/api/plan", "/api/network",
                           "/api/places/{id}", "/api/search", "/api/stats", "/api/communes", "/api/openapi.json",
                           "/api/whoami", "/api/places/{id}/verified", "/api/journal", "/api/journal/{id}/undo",
                           "/api/referrals", "/api/referrals/{from}/{to}", "/api/places",
                           "/api/intermediaries", "/api/intermediaries/{id}"]

    /// A value for each required parameter, to call every operation.
    static let samples = ["service": "caf", "radius_km": "10", "q": "privas", "id": "ardeche-lieu-047"]

    /// Path parameters that are not a place's id, by operation.
    static let pathSamples = ["/api/journal/{id}/undo": ["id": "1"], "/api/intermediaries/{id}": ["id": "ardeche-int-004"],
                              "/api/referrals/{from}/{to}": ["from": "ardeche-lieu-047", "to": "ardeche-lieu-110"]]

    /// The body each operation that takes one is called with.
    static let bodies = ["/api/places/{id}": "{\"telephone\": \"+33475000000\"}",
                         "/api/places": "{\"nom\": \"Nouveau lieu\", \"code_insee\": \"07186\"}",
                         "/api/intermediaries/{id}": "{\"headcount\": 6}",
                         "/api/intermediaries": "{\"type\": \"ecrivain-public\", \"place_id\": \"ardeche-lieu-047\"}",
                         "/api/referrals": "{\"from\": \"ardeche-lieu-047\", \"to\": \"ardeche-lieu-110\", \"service\": \"caf\"}"]

    /// `relays` needs an origin: a commune, or a latitude and longitude (neither is required alone).
    static let origins = ["/api/relays": "commune=07186"]

    @Test func theDocumentIsOpenAPI3AndListsEveryRoute() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try #require(try WebFixture.json(response) as? [String: Any])
                #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                #expect(Set(paths.keys) == Set(Self.promised))
                for (path, item) in paths {
                    #expect(!item.isEmpty && Set(item.keys).isSubset(of: ["get", "post", "patch", "delete"]), "\(path)")
                    for (_, operation) in item {
                        let described = try #require(operation as? [String: Any], "\(path)")
                        let responses = try #require(described["responses"] as? [String: Any], "\(path)")
                        #expect(responses["200"] != nil, "\(path)")
                        for parameter in described["parameters"] as? [[String: Any]] ?? [] {
                            #expect(parameter["schema"] != nil && parameter["name"] != nil && parameter["in"] != nil, "\(path)")
                        }
                    }
                }
                #expect((paths["/api/places/{id}"]?["patch"] as? [String: Any])?["security"] != nil)
            }
        }
    }

    @Test func everyDocumentedOperationAnswersWithItsRequiredParametersAndOnlyDocumentedStatuses() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            for operation in OpenAPIDocument.operations {
                var path = operation.path
                var query: [String] = Self.origins[operation.path].map { [$0] } ?? []
                for parameter in operation.parameters where parameter.required || parameter.inPath {
                    let value = try #require(parameter.inPath ? Self.pathSamples[operation.path]?[parameter.name] ?? Self.samples[parameter.name]
                                                              : Self.samples[parameter.name], "\(parameter.name)")
                    if parameter.inPath { path = path.replacingOccurrences(of: "{\(parameter.name)}", with: value) } else { query.append("\(parameter.name)=\(value)") }
                }
                let method = HTTPRequest.Method(rawValue: operation.method.uppercased())!
                let headers: HTTPFields = operation.editing ? [.authorization: "Bearer alice-0123456789abcdef"] : [:]
                let body = operation.takesFields ? ByteBuffer(string: try #require(Self.bodies[operation.path], "\(operation.path)")) : nil
                try await client.execute(uri: path + (query.isEmpty ? "" : "?" + query.joined(separator: "&")), method: method,
                                         headers: headers, body: body) { response in
                    #expect(response.status == .ok, "\(operation.method) \(path)")
                }
                // Without a token, an edit answers with a documented 401.
                if operation.editing {
                    try await client.execute(uri: path, method: method, body: body) { response in
                        #expect(response.status == .unauthorized && operation.errors.contains(401), "\(path)")
                    }
                }
                // Without its required parameters, it answers with one of its documented errors.
                if operation.parameters.contains(where: { $0.required && !$0.inPath }) {
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(operation.errors.contains(Int(response.status.code)), "\(path): \(response.status.code)")
                    }
                }
                // Every documented parameter with choices refuses a value outside them with 400.
                for parameter in operation.parameters where parameter.choices != nil {
                    let required = query.joined(separator: "&")
                    try await client.execute(uri: "\(path)?\(required)&\(parameter.name)=nonsense", method: .get) { response in
                        #expect(response.status == .badRequest, "\(path) \(parameter.name)")
                    }
                }
            }
        }
    }
}
