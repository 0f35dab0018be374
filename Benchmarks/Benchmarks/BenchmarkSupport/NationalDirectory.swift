import Foundation
import Maillage

/// The national directory built from the public files in `../shared/data`, into a database of its
/// own under the temporary folder: every commune, the CNFS and Aidants Connect lists, the Hinaura
/// lieux and the v1 example (8,758 active place records, 8,070 intermediaries).
public enum NationalDirectory {
    /// The repository's root, from this file's path.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Builds it in a new folder named `folder`; with `fragility`, the digital-fragility index too;
    /// with `dedupe`, the merges dedupe proposes applied. Returns the database's path.
    public static func build(folder name: String, fragility: Bool = false, dedupe: Bool = false) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("national.sqlite").path
        let store = try Store.open(path: path)
        try store.loadTaxonomy(try Taxonomy.load(from: root.appendingPathComponent("Seeds/taxonomy")))
        func file(_ name: String) -> String { shared.appendingPathComponent(name).path }
        _ = try store.importFile(.communes, path: file("communes-france.csv"))
        _ = try store.importFile(.cnfs, path: file("conseillers-numeriques-structures-20230405.csv"))
        _ = try store.importFile(.aidantsConnect, path: file("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
        _ = try store.importFile(.lieux, path: file("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        _ = try store.importFile(.lieux, path: file("lieux-v1-exemple-officiel.csv"))
        if fragility {
            _ = try store.importFile(.fragility, path: file("indice-fragilite-numerique-communes.csv"))
            _ = try store.importFile(.fragility, path: file("indice-fragilite-numerique-epci.csv"))
        }
        if dedupe { _ = try store.dedupe(dryRun: false) }
        return path
    }
}
