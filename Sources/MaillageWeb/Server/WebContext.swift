import Foundation
import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's own, with bodies limited to 1 MB.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, for rate limits (nil when there is no connection, as in tests).
    public let clientAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The largest body a request may send: more is refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}

extension WebContext {
    /// A path parameter, its percent escapes decoded (`/lieux/cnfs%3A123` names `cnfs:123`).
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
