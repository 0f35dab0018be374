import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Maillage
@testable import MaillageWeb
import Testing

/// The demo territory in a store, served by the web application's router.
enum WebFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("Seeds")

    /// The demo store: its communes, places, intermediaries and referrals, plus `extraLieux` (CSV rows of the v1 schema).
    static func demoStore(extraLieux: String? = nil) throws -> Store {
        let store = try Store.inMemory()
        try store.loadTaxonomy(try Taxonomy.load(from: seeds.appendingPathComponent("taxonomy")))
        let demo = seeds.appendingPathComponent("demo")
        for (kind, file) in [(ImportKind.communes, "communes.csv"), (.lieux, "lieux.csv"), (.intermediaries, "intermediaires.csv"), (.referrals, "orientations.csv")] {
            _ = try store.importFile(kind, path: demo.appendingPathComponent(file).path)
        }
        if let extraLieux { _ = try store.importData(.lieux, name: "extra.csv", data: Data(extraLieux.utf8)) }
        return store
    }

    static let demo: Store = try! demoStore()

    /// Runs `test` against the router over `store`.
    static func withClient<Value: Sendable>(_ store: Store = demo, now: LocalDateTime? = nil, tokens: EditorTokens? = nil,
                                            _ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "maillage-test")
        logger.logLevel = .warning
        var clock: (@Sendable () -> LocalDateTime)?
        if let now { clock = { now } }
        let router = WebServer.router(live: try LiveSnapshot(store: store), store: store, logger: logger, tokens: tokens, now: clock)
        return try await Application(router: router).test(.router) { client in try await test(client) }
    }

    /// The body of a response as text.
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The body of a response as a JSON value.
    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
    }

    /// `value` as the API encodes it, to compare with a response byte for byte.
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
