import Foundation

/// Errors of the core library, each with a sentence a user can act on.
public enum MaillageError: Error, LocalizedError, Equatable, Sendable {
    case seedsMissing(path: String)
    case invalidSeeds(file: String, reason: String)
    case taxonomyNotLoaded
    /// The database's taxonomy predates the data·inclusion crosswalk.
    case dataInclusionCrosswalkMissing
    case unreadableFile(path: String, reason: String)
    case unknownImportFormat(path: String, expected: String)
    /// A file whose header lacks columns every row needs: refused before any row is read.
    case missingColumns(path: String, kind: String, missing: [String], found: [String], delimiter: String?)
    case importFailed(ImportReport)
    case unknownIdentifier(String)
    case unwritableFile(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .seedsMissing(let path):
            "The taxonomy file \(path) is missing: the taxonomy is read from the project's Seeds/taxonomy folder (or from Seeds, which holds it)."
        case .invalidSeeds(let file, let reason):
            "The taxonomy file \(file) is invalid: \(reason)."
        case .taxonomyNotLoaded:
            "This database has no taxonomy yet: run `maillage init` first."
        case .dataInclusionCrosswalkMissing:
            "This database's taxonomy has no data·inclusion crosswalk (Seeds/taxonomy/data-inclusion.json): run `maillage init` to load the taxonomy again (the data stay)."
        case .unreadableFile(let path, let reason):
            "Cannot read \(path): \(reason)."
        case .unknownImportFormat(let path, let expected):
            "\(path) is not in a format this importer reads: expected \(expected)."
        case .missingColumns(let path, let kind, let missing, let found, let delimiter):
            HeaderText.missingColumns(path: path, kind: kind, missing: missing, found: found, delimiter: delimiter)
        case .importFailed(let report):
            report.failureDescription
        case .unknownIdentifier(let id):
            "No place or intermediary has the id '\(id)'."
        case .unwritableFile(let path, let reason):
            "Cannot write \(path): \(reason)."
        }
    }
}
