import ArgumentParser

/// `maillage`: the directory of digital-mediation intermediaries, as a graph in SQLite.
public struct MaillageCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "maillage",
        abstract: "Map who relays which public service where, and where nobody does.",
        discussion: """
            maillage keeps the network of digital-mediation intermediaries (conseillers numériques, \
            France Services, Aidants Connect, centres sociaux…) and the services they relay as a graph \
            in SQLite. Start with `maillage init`, then `maillage import KIND FILE`.
            """,
        subcommands: [Init.self, Import.self, Export.self, Stats.self, Relays.self, Show.self, Path.self, Search.self, Check.self, Gaps.self, Access.self, Fragility.self, Week.self, WhatIf.self, Plan.self, Network.self, Render.self, Backup.self, Dedupe.self, Unmerge.self, Serve.self]
    )

    public init() {}
}
