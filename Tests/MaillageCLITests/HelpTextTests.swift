import Foundation
import Testing

/// What `--help` says is what the program does: every value an option accepts is explained in the
/// option's own sentence (or the command's description), and the sentences say what the command computes.
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        ["init"], ["import"], ["export"], ["stats"], ["relays"], ["show"], ["path"], ["search"], ["check"], ["gaps"],
        ["access"], ["fragility"], ["what-if"], ["plan"], ["network"], ["render"], ["backup"],
    ]

    /// Each argument's and option's help, on one line: an entry starts on a line indented by two
    /// spaces with `<name>`, `-x, --name` or `--name`; deeper-indented lines continue it.
    static func options(in help: String) -> [(name: String, text: String)] {
        var entries: [(name: String, text: String)] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let body = line.drop { $0 == " " }
            let indent = line.count - body.count
            if indent == 2, body.hasPrefix("-") || body.hasPrefix("<") {
                entries.append((String(body.prefix { !$0.isWhitespace }), String(body)))
            } else if indent > 2, !entries.isEmpty {
                entries[entries.count - 1].text += " " + body
            } else if indent < 2 {
                entries.append(("", ""))  // a section heading ends the entry before it
            }
        }
        return entries.filter { !$0.name.isEmpty }
    }

    @Test(arguments: commands)
    func everyAcceptedValueIsExplained(_ command: [String]) throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let help = try maillage.run(command + ["--help"])
        #expect(help.succeeded, "\(help)")
        // The command's own description (above USAGE) may explain an argument's values instead.
        let description = help.stdout.components(separatedBy: "USAGE:").first ?? ""
        for option in Self.options(in: help.stdout) {
            guard let values = option.text.range(of: "(values: ") else { continue }
            let sentence = option.text[..<values.lowerBound]
            let accepted = option.text[values.upperBound...].prefix { $0 != ";" && $0 != ")" }
            for value in accepted.components(separatedBy: ", ") where !sentence.contains(value) && !description.contains(value) {
                Issue.record("\(command.joined(separator: " ")) \(option.name): the value \(value) is accepted but not explained: \(sentence)")
            }
        }
    }

    @Test func accessSaysNormalizedIsRelativeToTheCommunesLoaded() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let help = try maillage.run(["access", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!help.contains("mean of France"), "\(help)")
        #expect(help.contains("every commune in the directory"), "\(help)")
    }
}
