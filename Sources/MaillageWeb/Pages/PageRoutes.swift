import Foundation
import GraphvizRender
import Hummingbird
import Maillage

/// The pages, in French, rendered on the server from the live snapshot.
struct PageRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store
    let diagrams: DiagramRenderer
    /// The data-quality report, read once per data version and day.
    let quality = VersionedCache<QualityReport>(capacity: 1)
    /// Territory and network pages, whose reports take up to a few hundred milliseconds on a
    /// région, kept whole for the data version they show.
    let heavyPages = VersionedCache<Layout.Content>(capacity: 128)
    /// The moment "now" is, in France (a test fixes it).
    let now: @Sendable () -> LocalDateTime

    func add(to router: Router<WebContext>) {
        router.get("style.css") { _, _ in
            var response = Responses.file(Stylesheet.css, type: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get("/") { request, _ in
            Responses.html(HomePage(snapshot: live.current, asked: try QueryString(request.uri.query)).render())
        }
        router.get("recherche") { request, _ in
            Responses.html(try ResultsPage(snapshot: live.current, asked: try QueryString(request.uri.query), now: now()).render())
        }
        router.get("recherche.csv") { request, _ in
            Responses.file(try answer(request).csv(), type: "text/csv; charset=utf-8", filename: "relais.csv")
        }
        router.get("recherche.geojson") { request, _ in
            Responses.file(try answer(request).geoJSON(), type: "application/geo+json", filename: "relais.geojson")
        }
        router.get("communes/{code}") { _, context in
            let snapshot = live.current
            return Responses.html(CommunePage(summary: try snapshot.commune(try context.pathParameter("code")), snapshot: snapshot).render())
        }
        router.get("lieux/{id}") { request, context in
            try await place(try context.pathParameter("id"), reportSent: try QueryString(request.uri.query).flag("signale"))
        }
        router.get("lieux/{id}/{file}") { _, context in
            let snapshot = live.current
            let id = try context.pathParameter("id")
            var request = DiagramRequest(kind: .ego)
            request.id = id
            request.hops = 1
            return try await diagramFile(request, file: try context.pathParameter("file"), name: "schema", snapshot: snapshot)
        }
        router.get("territoires/{code}") { request, context in try await territory(try context.pathParameter("code"), asked: try QueryString(request.uri.query)) }
        router.get("territoires/{code}/{file}") { request, context in
            try await territoryFile(try context.pathParameter("code"), file: try context.pathParameter("file"), asked: try QueryString(request.uri.query))
        }
        router.get("reseau/{code}") { _, context in try await network(try context.pathParameter("code")) }
    }

    /// The relays `/recherche.csv` and `/recherche.geojson` download: the commune must name one commune.
    private func answer(_ request: Request) throws -> RelayAnswer {
        let asked = try QueryString(request.uri.query)
        let (answer, choice) = try ResultsPage.answer(asked, in: live.current)
        switch choice {
        case .code: break
        case .choose(let communes):
            throw WebError(status: .unprocessableContent, code: "ambiguous_commune",
                           message: "Plusieurs communes correspondent : " + communes.map { "\($0.nom) (\($0.code))" }.joined(separator: ", ") + ".")
        case .unknown(let text): throw QueryError.unknownCommune(text)
        }
        guard let answer else { throw WebError.internalError }
        return answer
    }

    /// A place's page; with what an editor typed and why it was refused, when it was.
    func place(_ id: String, echo: FormEcho? = nil, reportSent: Bool = false,
               status: HTTPResponse.Status = .ok) async throws -> Response {
        let snapshot = live.current
        let profile = try store.profile(of: id)
        var request = DiagramRequest(kind: .ego)
        request.id = profile.id
        request.hops = 1
        let diagram = await inlineDiagram(request, snapshot: snapshot)
        let today = now()
        let report = try? await quality.value(version: snapshot.dataVersion, key: today.date.description) { [store] in
            try store.qualityReport(today: today)
        }
        let ids = Set([profile.id] + profile.sourceIds + profile.records.map(\.id))
        let problems = report?.problems.filter { ids.contains($0.id) || $0.otherId.map(ids.contains) == true } ?? []
        let reportToken = EditorSessions.randomToken()
        let editable = Visitor.current.editor == nil ? nil : try store.editableValues(of: profile.id)
        var response = Responses.html(PlacePage(profile: profile, snapshot: snapshot, now: today, diagram: diagram, problems: problems,
                                                editable: editable, echo: echo, reportToken: reportToken,
                                                reportSent: reportSent).render(), status: status)
        response.setCookie(Cookie(name: ReportRoutes.cookie, value: reportToken, path: "/lieux", httpOnly: true, sameSite: .strict))
        return response
    }

    /// A territory's page; for an editor, with the forms that add to it (and a refused one sent back).
    func territory(_ code: String, asked: QueryString, echo: FormEcho? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let snapshot = live.current
        let question = try TerritoryPage.Question(code: code, asked: asked, snapshot: snapshot)
        // The week shown is this one: a new week is a new page.
        let monday = now().date.monday
        let key = ["territoire", question.scope, question.service, String(question.radiusKm), monday.isoDate].joined(separator: "|")
        return Responses.html(Layout.document(try await heavyPages.value(version: snapshot.dataVersion, key: key) {
            let reports = try TerritoryPage.Reports(question, snapshot: snapshot)
            let coverage = await inlineDiagram(Self.coverageRequest(question), snapshot: snapshot)
            let week = await inlineDiagram(Self.weekRequest(question, weekOf: monday), snapshot: snapshot)
            // A région's network (thousands of nodes) takes Graphviz seconds and cannot be read on a
            // page: its départements' pages show theirs; the SVG stays downloadable.
            let network = question.territory.level == .region ? nil : await inlineDiagram(Self.networkRequest(question.scope), snapshot: snapshot)
            return TerritoryPage(question: question, reports: reports, snapshot: snapshot, coverageMap: coverage, weekTable: week,
                                 networkDiagram: network).render()
        }, visitorPart: Visitor.current.editor == nil ? HTML() : CreationForms(snapshot: snapshot, echo: echo).territory(question.territory)), status: status)
    }

    private func territoryFile(_ code: String, file: String, asked: QueryString) async throws -> Response {
        let snapshot = live.current
        let question = try TerritoryPage.Question(code: code, asked: asked, snapshot: snapshot)
        let name = "\(question.territory.code)-\(question.service)"
        switch file {
        case "manques.csv", "accessibilite.csv", "relais-uniques.csv":
            let reports = try TerritoryPage.Reports(question, snapshot: snapshot)
            let text = file == "manques.csv" ? reports.gaps.csv() : file == "accessibilite.csv" ? reports.access.csv() : reports.singleRelays.csv()
            return Responses.file(text, type: "text/csv; charset=utf-8", filename: "\(name)-\(file)")
        case let file where file.hasPrefix("couverture."):
            return try await diagramFile(Self.coverageRequest(question), file: file, name: "couverture", snapshot: snapshot, prefix: name)
        case let file where file.hasPrefix("semaine."):
            return try await diagramFile(Self.weekRequest(question, weekOf: now().date.monday), file: file, name: "semaine", snapshot: snapshot, prefix: name)
        case let file where file.hasPrefix("reseau."):
            return try await diagramFile(Self.networkRequest(question.scope), file: file, name: "reseau", snapshot: snapshot, prefix: question.territory.code)
        default:
            throw WebError.notFound("/territoires/\(code)/\(file)")
        }
    }

    private func network(_ code: String) async throws -> Response {
        let snapshot = live.current
        let territory = try snapshot.territories.territory(code)
        let scope = "\(territory.level.rawValue):\(territory.code)"
        return Responses.html(Layout.document(try await heavyPages.value(version: snapshot.dataVersion, key: "reseau|" + scope) {
            let report = try snapshot.network(within: scope)
            let diagram = await inlineDiagram(Self.networkRequest(scope), snapshot: snapshot)
            return NetworkPage(territory: territory, report: report, diagram: diagram).render()
        }))
    }

    static func coverageRequest(_ question: TerritoryPage.Question) -> DiagramRequest {
        var request = DiagramRequest(kind: .coverage)
        request.scope = question.scope
        request.service = question.service
        request.radiusKm = question.radiusKm
        return request
    }

    /// The territory's coverage of the question's service through the week of `weekOf`.
    static func weekRequest(_ question: TerritoryPage.Question, weekOf: LocalDateTime) -> DiagramRequest {
        var request = coverageRequest(question)
        request.kind = .week
        request.weekOf = weekOf
        return request
    }

    static func networkRequest(_ scope: String) -> DiagramRequest {
        var request = DiagramRequest(kind: .territory)
        request.scope = scope
        return request
    }

    /// The diagram as SVG to put in the page, or why it could not be drawn.
    private func inlineDiagram(_ request: DiagramRequest, snapshot: Snapshot) async -> Result<String, any Error> {
        do {
            return .success(DiagramRenderer.inline(try await diagrams.render(request, from: snapshot, format: .svg)))
        } catch {
            return .failure(error)
        }
    }

    /// A diagram as a download: `NAME.svg` or `NAME.png`.
    private func diagramFile(_ request: DiagramRequest, file: String, name: String, snapshot: Snapshot, prefix: String? = nil) async throws -> Response {
        let format: GraphvizFormat
        switch file {
        case "\(name).svg": format = .svg
        case "\(name).png": format = .png
        default: throw WebError.notFound(file)
        }
        let bytes = try await diagrams.render(request, from: snapshot, format: format)
        var response = Responses.body(Data(bytes), type: format.mediaType, status: .ok)
        response.headers[.contentDisposition] = "inline; filename=\"\([prefix, name].compactMap { $0 }.joined(separator: "-")).\(format.rawValue)\""
        return response
    }
}
