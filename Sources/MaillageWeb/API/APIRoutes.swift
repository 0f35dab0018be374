import Hummingbird
import Maillage

/// The JSON API: the command line's questions with the same parameter names (snake_case) and
/// the same answers as `--format json`, over the live snapshot.
struct APIRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store
    /// The counts of `/api/stats`, read once per data version.
    let statistics = VersionedCache<Statistics>(capacity: 1)

    func add(to router: Router<WebContext>) {
        let api = router.group("api")
        api.get("relays") { request, _ in try relays(QueryString(request.uri.query)) }
        api.get("gaps") { request, _ in try gaps(QueryString(request.uri.query)) }
        api.get("access") { request, _ in try access(QueryString(request.uri.query)) }
        api.get("fragility") { request, _ in try fragility(QueryString(request.uri.query)) }
        api.get("plan") { request, _ in try plan(QueryString(request.uri.query)) }
        api.get("network") { request, _ in try network(QueryString(request.uri.query)) }
        api.get("places/{id}") { _, context in try place(context.pathParameter("id")) }
        api.get("search") { request, _ in try search(QueryString(request.uri.query)) }
        api.get("stats") { _, _ in
            try Responses.json(try await statistics.value(version: live.current.dataVersion, key: "") { [store] in try store.statistics() })
        }
        api.get("communes") { request, _ in try communes(QueryString(request.uri.query)) }
        api.get("openapi.json") { _, _ in Responses.file(OpenAPIDocument.json, type: "application/json; charset=utf-8") }
    }

    /// The relays, an array; `format=json-report` gives `{filters, relays}` as `--format json-report` does.
    func relays(_ query: QueryString) throws -> Response {
        let answer = try live.current.directory.answer(RequestQueries.relays(query))
        if try query.choice("format", as: RelayFormat.self) == .jsonReport { return try Responses.json(answer) }
        return try Responses.json(answer.relays)
    }

    enum RelayFormat: String, CaseIterable {
        case json
        case jsonReport = "json-report"
    }

    func gaps(_ query: QueryString) throws -> Response {
        let snapshot = live.current
        let gaps = try RequestQueries.gaps(query)
        let report = try snapshot.directory.gaps(gaps, territories: snapshot.territories)
        return try Responses.json(FilteredReport(report, filters: snapshot.directory.appliedFilters(gaps, territories: snapshot.territories)))
    }

    func access(_ query: QueryString) throws -> Response {
        let snapshot = live.current
        let access = try RequestQueries.access(query)
        return try Responses.json(try snapshot.directory.access(access, territories: snapshot.territories, fragility: snapshot.fragility))
    }

    func fragility(_ query: QueryString) throws -> Response {
        let snapshot = live.current
        let coverage = try RequestQueries.coverageAtMoment(query)
        let report = try snapshot.directory.singleRelays(coverage, territories: snapshot.territories)
        return try Responses.json(FilteredReport(report, filters: snapshot.directory.appliedFilters(coverage, territories: snapshot.territories)))
    }

    func plan(_ query: QueryString) throws -> Response {
        let snapshot = live.current
        let plan = try RequestQueries.plan(query)
        let sites = try snapshot.directory.plan(plan, territories: snapshot.territories)
        return try Responses.json(FilteredReport(sites, filters: snapshot.directory.appliedFilters(plan.coverage, territories: snapshot.territories)))
    }

    func network(_ query: QueryString) throws -> Response {
        let level = try query.choice("level", as: NetworkReport.Level.self) ?? .places
        return try Responses.json(try live.current.network(level: level, within: query.text("within")))
    }

    func place(_ id: String) throws -> Response {
        try Responses.json(try store.profile(of: id))
    }

    func search(_ query: QueryString) throws -> Response {
        let text = try query.required("q")
        let limit = try query.integer("limit", in: 1...RequestQueries.maximumResults) ?? 20
        return try Responses.json(try store.tolerantSearch(text, limit: limit))
    }

    func communes(_ query: QueryString) throws -> Response {
        let text = try query.required("q")
        let limit = try query.integer("limit", in: 1...50) ?? 10
        return try Responses.json(live.current.communeNames.suggestions(text, limit: limit))
    }
}
