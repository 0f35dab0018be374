/// The columns a kind of file cannot do without: without one of them every row would fail, so a
/// file is refused at its header, with one error naming them all, before any row is read.
package struct RequiredColumns: Sendable {
    /// The kind of file as messages name it ("communes", "referrals").
    package let kind: String
    /// The header names, compared as ``LabelMatcher/key(_:)``.
    package let names: [String]

    package init(kind: String, names: [String]) {
        self.kind = kind
        self.names = names
    }

    /// The names `header` lacks, in declaration order.
    package func missing(from header: [String]) -> [String] {
        let found = Set(header.map(LabelMatcher.key))
        return names.filter { !found.contains(LabelMatcher.key($0)) }
    }
}
