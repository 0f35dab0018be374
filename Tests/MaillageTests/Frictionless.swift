import Foundation

/// The `frictionless` program (Python, `pip install frictionless`), which validates a CSV file
/// against a Table Schema; `Scripts/setup` installs it when it can.
enum Frictionless {
    /// Where the program is: on PATH, or in the user's pip folder; nil when absent.
    static var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + [FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/bin").path]
        return folders.map { $0 + "/frictionless" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The errors frictionless finds in `file` against `schema` (empty when the file is valid).
    static func errors(file: URL, schema: URL) throws -> [String] {
        guard let path else { return ["frictionless not found"] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // --trusted: the schema lives outside the file's folder.
        process.arguments = ["validate", "--trusted", "--json", "--schema", schema.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ["frictionless printed no JSON report (exit \(process.terminationStatus))"]
        }
        if report["valid"] as? Bool == true { return [] }
        let tasks = report["tasks"] as? [[String: Any]] ?? []
        let errors = tasks.flatMap { $0["errors"] as? [[String: Any]] ?? [] }
            + (report["errors"] as? [[String: Any]] ?? [])
        return errors.map { "row \($0["rowNumber"] ?? "-"), \($0["fieldName"] ?? "-"): \($0["message"] ?? $0)" }
            .ifEmpty(["frictionless says invalid without listing errors"])
    }
}

private extension Array {
    func ifEmpty(_ replacement: Self) -> Self { isEmpty ? replacement : self }
}
