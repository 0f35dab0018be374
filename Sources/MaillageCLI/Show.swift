import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a place's or intermediary's profile: what it relays, labels, hours, zone, who it refers people to and who refers people to it.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The public id (as in the source file, e.g. cnfs:21070186000012 or ardeche-lieu-001).")
        var id: String

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func run() async throws {
            let profile = try global.openStore().profile(of: id)
            print(format == .json ? try JSONOutput.encode(profile) : ProfileText.describe(profile))
        }
    }
}

/// The text form of a profile.
enum ProfileText {
    static func describe(_ profile: NodeProfile) -> String {
        var lines = ["\(profile.nom ?? profile.id) [\(profile.id)] — \(profile.kind == .place ? "place" : "intermediary (\(profile.type ?? "?"))")\(profile.active ? "" : ", inactive")"]
        if let headcount = profile.headcount { lines.append("  headcount: \(headcount)") }
        let location = [profile.adresse, profile.commune.map { "\($0) (\(profile.codeInsee ?? ""))" }].compactMap { $0 }
        if !location.isEmpty { lines.append("  where: \(location.joined(separator: ", "))") }
        if let phone = profile.telephone { lines.append("  phone: \(phone)") }
        if !profile.courriels.isEmpty { lines.append("  e-mail: \(profile.courriels.joined(separator: ", "))") }
        if !profile.siteWeb.isEmpty { lines.append("  website: \(profile.siteWeb.joined(separator: ", "))") }
        lines.append("  source: \(profile.source)")
        if !profile.services.isEmpty {
            lines.append("  relays: " + profile.services.map { $0.label + ($0.remote ? " (remote)" : "") }.joined(separator: ", "))
        }
        if !profile.programmes.isEmpty { lines.append("  labels: \(profile.programmes.joined(separator: ", "))") }
        if let hours = profile.horaires { lines.append("  hours: \(hours)") }
        if !profile.zone.isEmpty { lines.append("  zone: \(profile.zone.joined(separator: ", "))") }
        if !profile.worksWith.isEmpty {
            lines.append(profile.kind == .place ? "  intermediaries here:" : "  works at:")
            lines += profile.worksWith.map { "    \($0.nom ?? $0.id) [\($0.id)]" }
        }
        for (title, referrals) in [("refers people to", profile.refersTo), ("is referred people by", profile.referredFrom)] where !referrals.isEmpty {
            lines.append("  \(title):")
            lines += referrals.map { referral in
                var line = "    \(referral.nom ?? referral.id) [\(referral.id)]"
                if let service = referral.service { line += " for \(service)" }
                if let weight = referral.weight { line += ", weight \(weight)" }
                return line
            }
        }
        return lines.joined(separator: "\n")
    }
}
