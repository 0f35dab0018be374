import Foundation
import Hummingbird
import Logging
import Maillage
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// The web application: pages and the JSON API over one live snapshot of the store.
public enum WebServer {
    /// Where to listen and how.
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// How often the data version is checked, to take in imports made meanwhile.
        public var refreshInterval: Duration = .seconds(2)
        /// The editors' tokens; nil for a read-only server.
        public var tokens: EditorTokens?

        public init(host: String = "127.0.0.1", port: Int = 8080, tokens: EditorTokens? = nil) {
            self.host = host
            self.port = port
            self.tokens = tokens
        }
    }

    /// The routes and middleware, for the server and for tests.
    public static func router(live: LiveSnapshot, store: Store, logger: Logger, tokens: EditorTokens? = nil,
                              now: (@Sendable () -> LocalDateTime)? = nil) -> Router<WebContext> {
        let sessions = EditorSessions(tokens: tokens)
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLog(logger: logger))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorResponder(logger: logger))
        router.add(middleware: BodyLimit())
        router.add(middleware: VisitorMiddleware(sessions: sessions))
        let editors = EditorRoutes(sessions: sessions)
        editors.add(to: router)
        EditRoutes(live: live, store: store, editors: editors).add(to: router)
        APIRoutes(live: live, store: store).add(to: router)
        let pages = PageRoutes(live: live, store: store, diagrams: DiagramRenderer(), now: now ?? { LocalDateTime.inFrance(Date()) })
        pages.add(to: router)
        EditPageRoutes(live: live, store: store, editors: editors, pages: pages).add(to: router)
        CreationPageRoutes(live: live, store: store, editors: editors, pages: pages).add(to: router)
        ReportRoutes(store: store, editors: editors).add(to: router)
        OrientationRoutes(live: live, store: store, now: pages.now).add(to: router)
        return router
    }

    /// Serves `store` until SIGINT or SIGTERM, then stops cleanly: requests under way finish, the
    /// port is released. Meanwhile the data version is checked every `refreshInterval` and a new
    /// snapshot swapped in when an import or an edit moved it.
    public static func run(store: Store, configuration: Configuration, logger: Logger) async throws {
        let live = try LiveSnapshot(store: store)
        let application = Application(
            router: router(live: live, store: store, logger: logger, tokens: configuration.tokens),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "maillage"),
            onServerRunning: { channel in
                logger.notice("maillage serves http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port) — Ctrl-C stops it.")
            },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await live.keepCurrent(every: configuration.refreshInterval) { error in logger.error("Cannot read the next snapshot: \(error)") }
            }
            do {
                try await application.runService()
            } catch let error as IOError {
                group.cancelAll()
                throw ServeError(host: configuration.host, port: configuration.port, reason: .io(error))
            } catch let error where error is SocketAddressError || error is SocketAddressError.UnknownHost {
                group.cancelAll()
                throw ServeError(host: configuration.host, port: configuration.port, reason: .unknownHost)
            }
            group.cancelAll()
            logger.notice("maillage stopped.")
        }
    }
}

/// Why the server could not listen, in the user's terms.
public struct ServeError: Error, CustomStringConvertible {
    let host: String
    let port: Int
    let reason: Reason

    enum Reason {
        case io(IOError)
        case unknownHost
    }

    public var description: String {
        guard case .io(let error) = reason else {
            return "Cannot find the address \(host): give an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every interface) or a host name this machine resolves."
        }
        return switch error.errnoCode {
        case EADDRINUSE:
            "Port \(port) on \(host) is already in use (another server, perhaps another `maillage serve`, listens there): stop it or choose another port with --port."
        case EACCES:
            "Not allowed to listen on port \(port) on \(host): ports below 1024 need administrator rights; choose one above with --port."
        case EADDRNOTAVAIL:
            "Cannot listen on \(host): no network interface of this machine has that address; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)."
        default:
            "Cannot listen on \(host):\(port): \(error)."
        }
    }
}
