import Foundation
import GRDB
import Testing

/// Which files the commands open, create, refuse and copy: issue 9, points 1, 2, 3, 5 (backup),
/// 17 (database errors) and 18 (seeds).
@Suite struct DatabaseFileTests {
    static let taxonomy = MaillageBinary.seeds.appendingPathComponent("taxonomy").path
    static let communes = MaillageBinary.seeds.appendingPathComponent("demo/communes.csv").path

    /// Every command that only reads, with arguments that answer on the demo territory.
    static let readCommands: [[String]] = [
        ["stats"], ["relays", "--service", "caf", "--commune", "07186"], ["show", "ardeche-lieu-001"],
        ["path", "--from", "ardeche-lieu-050", "--service", "ants"], ["search", "médiathèque"], ["gaps", "--service", "caf", "--radius-km", "20"],
        ["access", "--service", "caf"], ["fragility", "--service", "assurance-retraite", "--radius-km", "10"],
        ["what-if", "--close", "ardeche-lieu-001", "--service", "assurance-retraite"], ["plan", "--service", "caf", "--radius-km", "15", "--sites", "2"],
        ["network"], ["export", "lieux"], ["check"],
    ]

    /// An SQLite database of some other program.
    static func makeOtherSQLiteDatabase(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('tarte tatin')") }
        try queue.close()
    }

    /// The files in `folder`, sorted.
    static func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    // MARK: 1. init --fresh deletes only a maillage database

    @Test func initRefusesToDeleteOrWriteIntoAFileThatIsNotAMaillageDatabase() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let csv = Data("nom,commune\nMédiathèque,Privas\n".utf8)
        try csv.write(to: URL(fileURLWithPath: maillage.path("precious.csv")))
        try Self.makeOtherSQLiteDatabase(at: maillage.path("recipes.db"))
        let recipes = try Data(contentsOf: URL(fileURLWithPath: maillage.path("recipes.db")))
        for (name, kind) in [("precious.csv", "not an SQLite file"), ("recipes.db", "not a maillage one")] {
            for fresh in [["--fresh"], []] {
                let run = try maillage.run(["init", "--db", name, "--seeds", Self.taxonomy] + fresh)
                #expect(!run.succeeded, "\(run)")
                #expect(run.stderr.contains(name) && run.stderr.contains(kind) && run.stderr.contains("left untouched"), "\(run)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: maillage.path("precious.csv"))) == csv)
        #expect(try Data(contentsOf: URL(fileURLWithPath: maillage.path("recipes.db"))) == recipes)
        #expect(try Self.files(in: maillage.folder.path) == ["precious.csv", "recipes.db"])
    }

    @Test func initFreshStartsAMaillageDatabaseAgain() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let run = try maillage.run(["init", "--fresh", "--db", "demo.sqlite", "--seeds", Self.taxonomy])
        #expect(run.succeeded, "\(run)")
        let stats = try maillage.run(["stats", "--db", "demo.sqlite", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], "\(stats)")
        #expect(object["communes"] as? Int == 0 && object["places"] as? Int == 0)
    }

    // MARK: 2. A read-only database can be read

    @Test(.requiresAnotherUser) func readOnlyCommandsAnswerFromADatabaseTheUserCannotWrite() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // The data changed since the search index was built (as an older version left it): the
        // search must still answer, without writing.
        let queue = try DatabaseQueue(path: maillage.path("demo.sqlite"))
        try queue.write { try $0.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'") }
        try queue.close()
        let locked = maillage.path("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: maillage.path("demo.sqlite"), toPath: maillage.path("locked/demo.sqlite"))
        try OtherUser.chmod(maillage.path("locked/demo.sqlite"), 0o444)
        try OtherUser.chmod(locked, 0o555)
        try OtherUser.chmod(maillage.folder.path, 0o755)
        defer { try? OtherUser.chmod(locked, 0o755) }
        let reader = OtherUser.running(maillage)
        for command in Self.readCommands {
            let run = try reader.run(command + ["--db", "locked/demo.sqlite"])
            #expect(run.succeeded && !run.stdout.isEmpty, "\(command): \(run)")
        }
        let search = try reader.run(["search", "médiathèque", "--db", "locked/demo.sqlite"])
        #expect(search.stdout.contains("médiathèque"), "\(search)")
        for write in [["import", "communes", Self.communes], ["init", "--seeds", Self.taxonomy]] {
            let run = try reader.run(write + ["--db", "locked/demo.sqlite"])
            #expect(!run.succeeded && run.stderr.contains("The database locked/demo.sqlite is read-only"), "\(write): \(run)")
            #expect(!run.stderr.contains("attempt to write a readonly database"), "\(run)")
        }
        #expect(try Self.files(in: locked) == ["demo.sqlite"])
    }

    /// A reader who may not write the database must not leave -wal or -shm files of their own
    /// beside it: its owner could no longer write it.
    @Test(.requiresAnotherUser) func aReaderWhoCannotWriteTheFileLeavesNoJournalFilesBehind() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let shared = maillage.path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: maillage.path("demo.sqlite"), toPath: maillage.path("shared/demo.sqlite"))
        try OtherUser.chmod(maillage.path("shared/demo.sqlite"), 0o444)
        try OtherUser.chmod(shared, 0o777)
        try OtherUser.chmod(maillage.folder.path, 0o755)
        let run = try OtherUser.running(maillage).run(["stats", "--db", "shared/demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(try Self.files(in: shared) == ["demo.sqlite"])
    }

    /// Changes left in a -wal file (a writer killed) cannot be read in a folder where the -shm
    /// file cannot be created: say so, rather than SQLite's "unable to open database file".
    @Test(.requiresAnotherUser) func unreadableJournalChangesAreExplained() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let locked = maillage.path("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        // A writer still open has its changes in demo.sqlite-wal: copy the file and that journal, as a crash leaves them.
        let writer = try DatabaseQueue(path: maillage.path("demo.sqlite"))
        try writer.write { try $0.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'") }
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: maillage.path("demo.sqlite" + suffix), toPath: maillage.path("locked/demo.sqlite" + suffix))
        }
        try writer.close()
        try OtherUser.chmod(locked, 0o555)
        try OtherUser.chmod(maillage.folder.path, 0o755)
        defer { try? OtherUser.chmod(locked, 0o755) }
        let run = try OtherUser.running(maillage).run(["stats", "--db", "locked/demo.sqlite"])
        #expect(!run.succeeded && run.stderr.contains("its journal locked/demo.sqlite-wal holds changes"), "\(run)")
    }

    @Test(.requiresAnotherUser) func aDatabaseTheUserMayNotReadIsNamed() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        try OtherUser.chmod(maillage.path("demo.sqlite"), 0o000)
        try OtherUser.chmod(maillage.folder.path, 0o755)
        let run = try OtherUser.running(maillage).run(["stats", "--db", "demo.sqlite"])
        #expect(!run.succeeded && run.stderr.contains("Cannot open the database demo.sqlite: this user may not read it"), "\(run)")
    }

    @Test func aReadDoesNotUpgradeAnOlderDatabase() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let path = maillage.path("demo.sqlite")
        func applied() throws -> [String] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        }
        // The database as the version before the fragility index left it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "DROP TABLE fragility; DELETE FROM grdb_migrations WHERE identifier = 'v2: fragility'") }
        try queue.close()
        let before = try applied()
        let stats = try maillage.run(["stats", "--db", "demo.sqlite"])
        #expect(!stats.succeeded && stats.stderr.contains("demo.sqlite was made by an earlier version") && stats.stderr.contains("`maillage init --db demo.sqlite`"), "\(stats)")
        #expect(try applied() == before)
        #expect(try maillage.run(["init", "--db", "demo.sqlite", "--seeds", Self.taxonomy]).succeeded)
        #expect(try applied().contains("v2: fragility"))
        let again = try maillage.run(["stats", "--db", "demo.sqlite", "--format", "json"])
        #expect(again.succeeded && again.stdout.contains("\"communes\" : 335"), "\(again)")
    }

    // MARK: 3. Only init creates a database

    @Test func aMistypedDatabasePathIsRefusedAndNothingIsCreated() throws {
        var maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        for command in Self.readCommands + [["import", "communes", Self.communes], ["render", "territory", "--epci", "200072015", "-o", "x.svg"]] {
            let run = try maillage.run(command + ["--db", "demo.sqlte"])
            #expect(!run.succeeded, "\(command): \(run)")
            #expect(run.stderr.contains("There is no database at demo.sqlte") && run.stderr.contains("`maillage init --db demo.sqlte`"), "\(command): \(run)")
        }
        #expect(try Self.files(in: maillage.folder.path) == [])
        maillage.environment["MAILLAGE_DB"] = "my folder/typo.sqlite"
        let quoted = try maillage.run(["stats"])
        #expect(quoted.stderr.contains("`maillage init --db 'my folder/typo.sqlite'`"), "\(quoted)")
    }

    @Test func anEmptyFileIsNotADatabaseYet() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        #expect(FileManager.default.createFile(atPath: maillage.path("empty.sqlite"), contents: Data()))
        let stats = try maillage.run(["stats", "--db", "empty.sqlite"])
        #expect(!stats.succeeded && stats.stderr.contains("empty.sqlite is empty") && stats.stderr.contains("maillage init --db empty.sqlite"), "\(stats)")
        #expect(try maillage.run(["init", "--db", "empty.sqlite", "--seeds", Self.taxonomy]).succeeded)
    }

    // MARK: 17. Database errors name the path and what to do

    @Test func aFolderGivenAsTheDatabaseIsSaidToBeAFolder() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try FileManager.default.createDirectory(atPath: maillage.path("data"), withIntermediateDirectories: false)
        for command in [["stats"], ["init", "--seeds", Self.taxonomy], ["init", "--fresh", "--seeds", Self.taxonomy], ["import", "communes", Self.communes]] {
            let run = try maillage.run(command + ["--db", "data"])
            #expect(!run.succeeded && run.stderr.contains("data is a folder, not a database file") && run.stderr.contains("--db data/maillage.sqlite"), "\(command): \(run)")
        }
        #expect(try Self.files(in: maillage.path("data")) == [])
    }

    @Test(.requiresAnotherUser) func aDatabaseInAnUnwritableFolderIsNamed() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try FileManager.default.createDirectory(atPath: maillage.path("locked"), withIntermediateDirectories: false)
        try OtherUser.chmod(maillage.path("locked"), 0o555)
        try OtherUser.chmod(maillage.folder.path, 0o755)
        let run = try OtherUser.running(maillage).run(["init", "--db", "locked/new.sqlite", "--seeds", Self.taxonomy])
        #expect(!run.succeeded && run.stderr.contains("The database locked/new.sqlite is read-only") && run.stderr.contains("its folder locked cannot be written"), "\(run)")
        #expect(!run.stderr.contains("SQLite error 14"), "\(run)")
        let missingFolder = try maillage.run(["init", "--db", "nowhere/new.sqlite", "--seeds", Self.taxonomy])
        #expect(missingFolder.stderr.contains("nowhere/new.sqlite: its folder nowhere does not exist"), "\(missingFolder)")
    }

    /// Holds the write lock of `path` from this process for `seconds`, as another import would.
    static func holdWriteLock(_ path: String, for seconds: Double) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            try? queue.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        }
        return queue
    }

    @Test func anImportWaitsWhileAnotherWrites() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let lock = try Self.holdWriteLock(maillage.path("demo.sqlite"), for: 1.5)
        let run = try maillage.run(["import", "communes", Self.communes, "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        _ = lock
    }

    @Test func anImportGivesUpOnABusyDatabaseWithAClearMessage() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let lock = try Self.holdWriteLock(maillage.path("demo.sqlite"), for: 9)
        let started = Date()
        let run = try maillage.run(["import", "communes", Self.communes, "--db", "demo.sqlite"])
        #expect(Date().timeIntervalSince(started) >= 4.5)
        #expect(!run.succeeded && run.stderr.contains("The database demo.sqlite is busy: another process (another import?) is writing to it"), "\(run)")
        #expect(!run.stderr.contains("refused the data"), "\(run)")
        _ = lock
    }

    // MARK: 18. --seeds takes Seeds or Seeds/taxonomy

    @Test func initTakesTheSeedsFolderOrItsTaxonomy() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let seeds = try maillage.run(["init", "--db", "a.sqlite", "--seeds", MaillageBinary.seeds.path])
        #expect(seeds.succeeded, "\(seeds)")
        #expect(try maillage.run(["init", "--db", "b.sqlite", "--seeds", Self.taxonomy]).succeeded)
        let missing = try maillage.run(["init", "--db", "c.sqlite"])
        #expect(!missing.succeeded && missing.stderr.contains("Seeds/taxonomy/actor-types.json is missing") && missing.stderr.contains("--seeds Seeds"), "\(missing)")
        #expect(!FileManager.default.fileExists(atPath: maillage.path("c.sqlite")))
    }

    // MARK: 5. maillage backup FILE

    /// `stats` of the database at `path`, as JSON.
    static func statistics(_ maillage: MaillageBinary, _ path: String) throws -> String {
        let run = try maillage.run(["stats", "--db", path, "--format", "json"])
        #expect(run.succeeded, "\(run)")
        return run.stdout
    }

    @Test func backupCopiesTheWholeDatabase() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let run = try maillage.run(["backup", "copy.sqlite", "--db", "demo.sqlite"])
        #expect(run.succeeded && run.stdout.contains("copy.sqlite"), "\(run)")
        // The copy alone (a reader may leave demo.sqlite's -wal and -shm, as SQLite does).
        #expect(try Self.files(in: maillage.folder.path).filter { !$0.hasPrefix("demo.sqlite") } == ["copy.sqlite"])
        #expect(try Self.statistics(maillage, "copy.sqlite") == Self.statistics(maillage, "demo.sqlite"))
        let network = try maillage.run(["network", "--db", "copy.sqlite", "--format", "json"])
        #expect(network.stdout == (try maillage.run(["network", "--db", "demo.sqlite", "--format", "json"])).stdout)
        // A backup may replace an earlier backup, never anything else.
        #expect(try maillage.run(["backup", "copy.sqlite", "--db", "demo.sqlite"]).succeeded)
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: maillage.path("notes.csv")))
        let refused = try maillage.run(["backup", "notes.csv", "--db", "demo.sqlite"])
        #expect(!refused.succeeded && refused.stderr.contains("notes.csv is not a maillage database"), "\(refused)")
        #expect(try String(contentsOfFile: maillage.path("notes.csv"), encoding: .utf8) == "a,b\n")
        let itself = try maillage.run(["backup", "./demo.sqlite", "--db", "demo.sqlite"])
        #expect(!itself.succeeded && itself.stderr.contains("cannot be written over"), "\(itself)")
    }

    @Test(.requiresAnotherUser) func backupCopiesADatabaseTheUserCannotWrite() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        for folder in ["locked", "mine"] { try FileManager.default.createDirectory(atPath: maillage.path(folder), withIntermediateDirectories: false) }
        try FileManager.default.copyItem(atPath: maillage.path("demo.sqlite"), toPath: maillage.path("locked/demo.sqlite"))
        try OtherUser.chmod(maillage.path("locked/demo.sqlite"), 0o444)
        try OtherUser.chmod(maillage.path("locked"), 0o555)
        try OtherUser.chmod(maillage.path("mine"), 0o777)
        try OtherUser.chmod(maillage.folder.path, 0o755)
        defer { try? OtherUser.chmod(maillage.path("locked"), 0o755) }
        let reader = OtherUser.running(maillage)
        let run = try reader.run(["backup", "mine/copy.sqlite", "--db", "locked/demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(try Self.statistics(reader, "mine/copy.sqlite") == Self.statistics(reader, "locked/demo.sqlite"))
        #expect(try reader.run(["import", "communes", Self.communes, "--db", "mine/copy.sqlite"]).succeeded)
    }
}
