/// The kinds of file `maillage import` reads.
public enum ImportKind: String, CaseIterable, Sendable, Codable {
    /// The commune list (COG, EPCI, populations, coordinates).
    case communes
    /// Lieux de médiation numérique, national schema v1 CSV or v0.1 JSON/CSV.
    case lieux
    /// The conseillers numériques (CNFS) host structures list.
    case cnfs
    /// The Aidants Connect structures list.
    case aidantsConnect = "aidants-connect"
    /// maillage's own intermediaries CSV.
    case intermediaries
    /// Referral links: `source_id,target_id,service,weight`.
    case referrals
    /// The digital fragility index by commune or EPCI (`name,division,code,…,total`).
    case fragility
    /// data·inclusion's structures (and services: ``Store/importDataInclusion(structures:services:options:)``).
    case dataInclusion = "data-inclusion"

    /// Whether a file of this kind is a list of structures read as complete: a new version
    /// retires the structures of its sources that it no longer holds (unless it is partial).
    public var isList: Bool { [.lieux, .cnfs, .aidantsConnect, .dataInclusion].contains(self) }
}

/// How an import treats rows with errors.
public struct ImportOptions: Sendable {
    /// Import the valid rows and report the rest, instead of importing nothing.
    public var skipInvalid: Bool
    /// The date (YYYY-MM-DD) of the data, for rows that carry none (the Aidants Connect list);
    /// today's date when not given, so that every place exports as valid v1.
    public var dataDate: String?
    /// The source the file's rows belong to (rows of a lieux file with their own `source` keep it);
    /// the file's name without extension when not given.
    public var source: String?
    /// The list file is an extract: structures of its sources that it does not hold are left as
    /// they are, instead of being marked gone.
    public var partial: Bool

    public init(skipInvalid: Bool = false, dataDate: String? = nil, source: String? = nil, partial: Bool = false) {
        self.skipInvalid = skipInvalid
        self.dataDate = dataDate
        self.source = source
        self.partial = partial
    }
}
