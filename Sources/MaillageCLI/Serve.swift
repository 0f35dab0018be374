import ArgumentParser
import Logging
import Maillage
import MaillageWeb

extension MaillageCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the directory as web pages and a JSON API.",
            discussion: """
                Pages in French for coordinators (search, communes, places, territories, referral networks) and \
                the JSON API under /api (its OpenAPI document at /api/openapi.json), over one snapshot of the \
                database kept in memory and renewed when an import changes the data. Listens on the loopback \
                address unless --host says otherwise; Ctrl-C (SIGINT) or SIGTERM stops it cleanly.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The address to listen on (0.0.0.0 for every interface).")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port = 8080

        @Option(name: .customLong("admin-token-file"), help: ArgumentHelp(
            "The editors' tokens, one per line or name:token (at least 16 characters each). Without it the server is read-only.",
            valueName: "path"))
        var adminTokenFile: String?

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535; got \(port).") }
        }

        func run() async throws {
            let tokens = try adminTokenFile.map { path throws(EditorTokensError) in try EditorTokens(contentsOf: path) }
            // Editors write; without them the database is opened read-only.
            let store = try global.openStore(tokens == nil ? .read : .write)
            var logger = Logger(label: "maillage")
            logger.logLevel = .info
            try await WebServer.run(store: store, configuration: .init(host: host, port: port, tokens: tokens), logger: logger)
        }
    }
}
