import Foundation
import Testing

/// `Scripts/france` says at once that a folder lacks the commune list, before installing or
/// building anything (a release build takes minutes).
@Suite struct FranceScriptTests {
    @Test func aFolderWithoutTheCommuneListIsRefusedBeforeTheBuild() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [MaillageBinary.root.appendingPathComponent("Scripts/france").path, maillage.folder.path]
        let errors = Pipe(), output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        let started = Date()
        try process.run()
        let text = String(decoding: MaillageBinary.readAll(errors.fileHandleForReading), as: UTF8.self)
        _ = MaillageBinary.readAll(output.fileHandleForReading)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("communes-france.csv is missing"), "\(text)")
        #expect(Date().timeIntervalSince(started) < 10, "the script built before checking its data")
    }
}
