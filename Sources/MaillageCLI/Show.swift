import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a place's or intermediary's profile: what it relays, labels, hours, zone, who it refers people to and who refers people to it.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The public id (as in the source file, e.g. cnfs:21070186000012 or ardeche-lieu-001); any source id of a merged place gives the place.")
        var id: String

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func run() async throws {
            let profile = try global.openStore(.read).profile(of: id)
            print(format == .json ? try JSONOutput.encode(profile) : ProfileText.describe(profile))
        }
    }
}

/// The text form of a profile; every value from the data is neutralised for the terminal.
enum ProfileText {
    static func describe(_ profile: NodeProfile) -> String {
        let kind = profile.kind == .place ? "place" : "intermediary (\(shown: profile.type, or: "?"))"
        var lines = ["\(shown: profile.nom ?? profile.id) [\(shown: profile.id)] — \(kind)\(profile.active ? "" : ", inactive")"]
        if let headcount = profile.headcount { lines.append("  headcount: \(headcount)") }
        let location = [profile.adresse, profile.commune.map { "\($0) (\(profile.codeInsee ?? ""))" }].compactMap { $0 }
        if !location.isEmpty { lines.append("  where: \(shown: location.joined(separator: ", "))") }
        if let phone = profile.telephone { lines.append("  phone: \(shown: phone)") }
        if !profile.courriels.isEmpty { lines.append("  e-mail: \(shown: profile.courriels.joined(separator: ", "))") }
        if !profile.siteWeb.isEmpty { lines.append("  website: \(shown: profile.siteWeb.joined(separator: ", "))") }
        if profile.records.isEmpty {
            lines.append("  source: \(shown: profile.source)")
        } else {
            lines.append("  one place merged from \(profile.records.count) source records (`maillage unmerge \(shown: profile.id)` splits it):")
            for record in profile.records {
                let date = record.dateMaj.map { ", updated \($0)" } ?? ""
                lines.append("    \(shown: record.id) (\(shown: record.source)\(date))\(record.active ? "" : ", gone from its source")")
            }
        }
        if !profile.services.isEmpty {
            lines.append("  relays: " + profile.services.map { "\(shown: $0.label)" + ($0.remote ? " (remote)" : "") }.joined(separator: ", "))
        }
        if !profile.programmes.isEmpty { lines.append("  labels: \(shown: profile.programmes.joined(separator: ", "))") }
        if let hours = profile.horaires { lines.append("  hours: \(shown: hours)") }
        if !profile.zone.isEmpty { lines.append("  zone: \(shown: profile.zone.joined(separator: ", "))") }
        if !profile.worksWith.isEmpty {
            lines.append(profile.kind == .place ? "  intermediaries here:" : "  works at:")
            for link in profile.worksWith {
                var line = "    \(shown: link.nom ?? link.id) [\(shown: link.id)]"
                if let type = link.type { line += ", \(shown: type)" }
                if let headcount = link.headcount { line += headcount == 1 ? ", 1 person" : ", \(headcount) people" }
                lines.append(line)
                if !link.services.isEmpty { lines.append("      relays: \(shown: link.services.joined(separator: ", "))") }
            }
        }
        for (title, referrals) in [("refers people to", profile.refersTo), ("is referred people by", profile.referredFrom)] where !referrals.isEmpty {
            lines.append("  \(title):")
            lines += referrals.map { referral in
                var line = "    \(shown: referral.nom ?? referral.id) [\(shown: referral.id)]"
                if let service = referral.service { line += " for \(shown: service)" }
                if let weight = referral.weight { line += ", weight \(weight)" }
                return line
            }
        }
        return lines.joined(separator: "\n")
    }
}
