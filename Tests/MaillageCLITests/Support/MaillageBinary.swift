import Foundation

/// The built `maillage` program, run as a user runs it: a separate process, its own working
/// folder, its exit status, standard output and standard error.
///
/// The test target depends on the executable target, so `swift test` builds the binary beside
/// the test bundle.
struct MaillageBinary {
    /// What one run printed and how it ended.
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var succeeded: Bool { status == 0 }
        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("Seeds")

    /// The binary beside the running test bundle.
    static var url: URL {
        get throws {
            let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            for candidate in [folder, folder.deletingLastPathComponent()] {
                let binary = candidate.appendingPathComponent("maillage")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.appendingPathComponent("maillage").path])
        }
    }

    /// The folder the program runs in; a fresh temporary one unless given.
    let folder: URL
    /// Variables added to the environment (MAILLAGE_DB is removed unless set here).
    var environment: [String: String] = [:]
    /// A program and its arguments that run the binary (such as `setpriv …` to run it as another
    /// user); empty to run it directly.
    var launcher: [String] = []

    /// A program run in a new, empty temporary folder; remove it with `removeFolder()`.
    static func inScratchFolder() throws -> MaillageBinary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return MaillageBinary(folder: folder)
    }

    func removeFolder() { try? FileManager.default.removeItem(at: folder) }

    /// A path inside the folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `maillage ARGUMENTS` in the folder, with `input` on standard input.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil) throws -> Run {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [try Self.url.path] + arguments
        } else {
            process.executableURL = try Self.url
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "MAILLAGE_DB")
        variables.removeValue(forKey: "MAILLAGE_SEEDS")
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorBytes = Data()
        DispatchQueue.global().async(group: group) { errorBytes = Self.readAll(errors.fileHandleForReading) }
        let outputBytes = Self.readAll(output.fileHandleForReading)
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outputBytes, as: UTF8.self),
                   stderr: String(decoding: errorBytes, as: UTF8.self))
    }

    /// Everything `handle` gives until its end. Foundation's `readDataToEndOfFile()` traps (`try!`)
    /// when a read is interrupted by a signal (EINTR), which parallel tests starting processes
    /// provoke; this retries the read instead.
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// `init` then the demo territory's files, into `name` in the folder; fails on any error.
    /// With `withTeamsAndReferrals` false, only its communes and places: a directory without referrals.
    func loadDemo(into name: String = "demo.sqlite", withTeamsAndReferrals: Bool = true) throws {
        var steps: [[String]] = [
            ["init", "--db", name, "--seeds", Self.seeds.appendingPathComponent("taxonomy").path],
            ["import", "communes", Self.seeds.appendingPathComponent("demo/communes.csv").path, "--db", name],
            ["import", "lieux", Self.seeds.appendingPathComponent("demo/lieux.csv").path, "--db", name],
        ]
        if withTeamsAndReferrals {
            steps.append(["import", "intermediaries", Self.seeds.appendingPathComponent("demo/intermediaires.csv").path, "--db", name])
            steps.append(["import", "referrals", Self.seeds.appendingPathComponent("demo/orientations.csv").path, "--db", name])
        }
        for step in steps {
            let run = try run(step)
            guard run.succeeded else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(step): \(run)"]) }
        }
    }
}
