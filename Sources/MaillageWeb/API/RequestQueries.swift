import Maillage

/// The library's queries read from a query string, with the command line's option names in
/// snake_case (`--radius-km` is `radius_km`, `--public` is `public`, repeatable). Shared by the
/// JSON API and the pages, so both accept exactly the same parameters.
enum RequestQueries {
    /// The most results one request returns, whatever `limit` asks.
    static let maximumResults = 500
    /// The farthest radius asked, in km: beyond, every question is about the whole country.
    static let maximumRadiusKm = 1_000.0

    /// `relays`: `service`, `commune` (INSEE code) or `lat` and `lon`, `radius_km`, the filters, `open_at`, `limit`.
    static func relays(_ query: QueryString, commune: String? = nil) throws -> RelayQuery {
        let service = try query.required("service")
        let origin: RelayQuery.Origin
        switch (commune ?? query.text("commune"), try query.number("lat", in: -90...90), try query.number("lon", in: -180...180)) {
        case (let code?, nil, nil): origin = .commune(code)
        case (nil, let lat?, let lon?): origin = .point(latitude: lat, longitude: lon)
        case (_?, _, _): throw WebError(status: .badRequest, code: "bad_parameter", message: "Give either 'commune' or 'lat' and 'lon', not both.")
        default: throw WebError(status: .badRequest, code: "missing_parameter",
                                message: "Give the person's commune ('commune', an INSEE code) or location ('lat' and 'lon' together).")
        }
        var relays = RelayQuery(service: service, origin: origin)
        relays.radiusKm = try query.number("radius_km", in: 0...maximumRadiusKm) ?? 10
        relays.publics = query.all("public")
        relays.priseEnCharge = query.all("prise_en_charge")
        relays.free = try query.flag("free")
        relays.modalites = query.all("modalite")
        relays.labels = query.all("label")
        relays.openAt = try openAt(query)
        relays.limit = try query.integer("limit", in: 1...maximumResults) ?? maximumResults
        return relays
    }

    /// `open_at`, as YYYY-MM-DDTHH:MM.
    static func openAt(_ query: QueryString) throws -> LocalDateTime? {
        guard let text = query.text("open_at") else { return nil }
        guard let moment = LocalDateTime(parsing: text) else { throw QueryError.invalidDate(text) }
        return moment
    }

    /// What counts as coverage (`gaps`, `fragility`, `plan`): `service`, `radius_km`, `within`, the filters.
    static func coverage(_ query: QueryString, within: String? = nil, defaultRadiusKm: Double? = nil) throws -> GapQuery {
        let service = try query.required("service")
        guard let radius = try query.number("radius_km", in: 0...maximumRadiusKm) ?? defaultRadiusKm else { throw WebError.missingParameter("radius_km") }
        var coverage = GapQuery(service: service, radiusKm: radius)
        coverage.within = within ?? query.text("within")
        coverage.publics = query.all("public")
        coverage.priseEnCharge = query.all("prise_en_charge")
        coverage.free = try query.flag("free")
        coverage.labels = query.all("label")
        return coverage
    }

    /// A coverage question at a moment (`gaps`, `fragility`): coverage and `open_at`.
    static func coverageAtMoment(_ query: QueryString) throws -> GapQuery {
        var coverage = try coverage(query)
        coverage.openAt = try openAt(query)
        return coverage
    }

    /// `gaps`: coverage, `open_at`, `level`, `min_relays`.
    static func gaps(_ query: QueryString) throws -> GapQuery {
        var gaps = try coverageAtMoment(query)
        gaps.level = try query.choice("level", as: TerritoryLevel.self) ?? .commune
        gaps.minRelays = try query.integer("min_relays", in: 1...100) ?? 1
        return gaps
    }

    /// `access`: `service`, `method`, `catchment_km`, `bands`, `demand`, `within`, `open_at`.
    static func access(_ query: QueryString, within: String? = nil) throws -> AccessQuery {
        var access = AccessQuery(service: try query.required("service"))
        access.method = try query.choice("method", as: AccessQuery.Method.self) ?? .enhanced
        access.catchmentKm = try query.number("catchment_km", in: 0.001...maximumRadiusKm)
        access.bands = try query.text("bands").map(DistanceWeighting.parseBands)
        if access.bands != nil, access.method == .twoStep {
            throw WebError(status: .badRequest, code: "bad_parameter", message: "'bands' applies to method=e2sfca only.")
        }
        access.demand = try query.choice("demand", as: AccessQuery.Demand.self) ?? .population
        access.within = within ?? query.text("within")
        access.openAt = try openAt(query)
        return access
    }

    /// `plan`: coverage, `open_at`, `sites`, `candidates`, `cover_all`.
    static func plan(_ query: QueryString) throws -> PlanQuery {
        var plan = PlanQuery(coverage: try coverageAtMoment(query))
        plan.sites = try query.integer("sites", in: 1...50) ?? 3
        let atMoment = plan.coverage.openAt != nil
        plan.candidates = try query.choice("candidates", as: PlanQuery.Candidates.self) ?? (atMoment ? .closed : .communes)
        if atMoment != (plan.candidates == .closed) {
            throw WebError(status: .badRequest, code: "bad_parameter",
                           message: atMoment ? "With open_at, the candidates are the relays closed then: candidates=closed, or none." : "candidates=closed needs open_at.")
        }
        plan.coverAll = try query.flag("cover_all")
        return plan
    }
}
