extension Store {
    /// The health of the referral network in scope (``Snapshot/network(level:within:)``).
    public func network(level: NetworkReport.Level = .places, within scope: String? = nil) throws -> NetworkReport {
        try snapshot().network(level: level, within: scope)
    }
}
