import Foundation
import Testing

/// Running the binary as a user who may not write what the test makes read-only. Root ignores
/// file permissions, so as root (as in CI) the binary runs through util-linux's `setpriv` as
/// `nobody` (65534); as anyone else, `chmod` alone makes a file read-only to the binary.
enum OtherUser {
    static let setpriv = "/usr/bin/setpriv"
    /// The launcher that drops root's privileges.
    static let launcher = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    static var isRoot: Bool { getuid() == 0 }

    /// Why a read-only database cannot be tested here, or nil when it can.
    static let unavailableReason: String? = {
        guard isRoot else { return nil }
        guard FileManager.default.isExecutableFile(atPath: setpriv) else {
            return "runs as root, which ignores permissions, and \(setpriv) (util-linux) is missing to run the binary as another user"
        }
        guard let binary = try? MaillageBinary.url, let scratch = try? MaillageBinary.inScratchFolder() else { return "no maillage binary" }
        defer { scratch.removeFolder() }
        try? chmod(scratch.folder.path, 0o755)
        var probe = scratch
        probe.launcher = launcher
        guard let run = try? probe.run(["--help"]), run.succeeded else {
            return "runs as root, and user 65534 cannot run \(binary.path) or enter the temporary folder (check the permissions of their parent folders)"
        }
        return nil
    }()

    /// `binary` as the other user when running as root; itself otherwise.
    static func running(_ binary: MaillageBinary) -> MaillageBinary {
        var other = binary
        if isRoot { other.launcher = launcher }
        return other
    }

    /// Gives `path` the POSIX permissions `mode`.
    static func chmod(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only where the binary can be run by a user who may not write a file.
    static var requiresAnotherUser: Self {
        .enabled(if: OtherUser.unavailableReason == nil, Comment(rawValue: OtherUser.unavailableReason ?? ""))
    }
}
