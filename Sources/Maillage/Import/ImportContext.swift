/// What an importer needs to know of the database: the taxonomy's vocabularies and the communes.
package struct ImportContext: Sendable {
    package let taxonomy: Taxonomy
    package let communes: CommuneIndex
    package private(set) var locator: CommuneLocator
    /// Service labels, slugs and aliases → label.
    package let services: LabelMatcher
    package let serviceSlugs: [String: String]
    package let programmes: LabelMatcher
    package let programmeSlugs: [String: String]
    /// Actor type labels and slugs → slug.
    package let actorTypes: LabelMatcher
    /// One matcher per enumerated v1 field.
    package let enumerations: [String: LabelMatcher]
    /// The nodes already stored, to check ids and references against while reading rows.
    package let nodes: StoredNodes
    /// The source the file's rows belong to (a lieux row's own `source` wins).
    package let source: String

    package init(taxonomy: Taxonomy, communes: CommuneIndex, nodes: StoredNodes = StoredNodes(), source: String = "") {
        self.taxonomy = taxonomy
        self.communes = communes
        self.nodes = nodes
        self.source = source
        locator = CommuneLocator(index: communes)
        services = LabelMatcher(taxonomy.services.map { ($0.label, [$0.slug] + ($0.aliases ?? [])) })
        serviceSlugs = Dictionary(uniqueKeysWithValues: taxonomy.services.map { ($0.label, $0.slug) })
        programmes = LabelMatcher(taxonomy.programmes.map { ($0.label, [$0.slug] + ($0.aliases ?? [])) })
        programmeSlugs = Dictionary(uniqueKeysWithValues: taxonomy.programmes.map { ($0.label, $0.slug) })
        actorTypes = LabelMatcher(taxonomy.actorTypes.map { ($0.slug, [$0.label]) })
        enumerations = taxonomy.enumerations.fields.mapValues { values in
            LabelMatcher(values.map { ($0.label, $0.aliases ?? []) })
        }
    }

    /// This context, placing rows with the postal codes the file's own rows give (``CommuneLocator/learningPostalCodes(from:codeInsee:postalCode:)``).
    package func learningPostalCodes(from file: TabularFile, codeInsee: Int?, postalCode: Int?) -> ImportContext {
        var context = self
        context.locator = locator.learningPostalCodes(from: file, codeInsee: codeInsee, postalCode: postalCode)
        return context
    }

    /// This context, placing rows with the postal codes learnt from a file read one row at a time.
    package func learnt(_ learning: CommuneLocator.PostalCodeLearning) -> ImportContext {
        var context = self
        context.locator = learning.learnt
        return context
    }

    /// The slug of a service label, slug or alias, and whether it needed correcting.
    package func serviceSlug(for raw: String) -> (slug: String, corrected: Bool)? {
        Self.slug(for: raw, matcher: services, slugs: serviceSlugs)
    }

    /// The slug of a programme label, slug or alias, and whether it needed correcting.
    package func programmeSlug(for raw: String) -> (slug: String, corrected: Bool)? {
        Self.slug(for: raw, matcher: programmes, slugs: programmeSlugs)
    }

    /// The label of a service or programme slug.
    package func label(ofSlug slug: String) -> String? {
        taxonomy.services.first { $0.slug == slug }?.label ?? taxonomy.programmes.first { $0.slug == slug }?.label
    }

    private static func slug(for raw: String, matcher: LabelMatcher, slugs: [String: String]) -> (slug: String, corrected: Bool)? {
        switch matcher.match(raw) {
        case .exact(let label): slugs[label].map { ($0, false) }
        case .corrected(let label): slugs[label].map { ($0, true) }
        case .unknown: nil
        }
    }
}
