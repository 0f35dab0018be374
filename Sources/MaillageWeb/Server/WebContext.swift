import Hummingbird

/// The context of one request: Hummingbird's own, with bodies limited to 1 MB.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The largest body a request may send: more is refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}
