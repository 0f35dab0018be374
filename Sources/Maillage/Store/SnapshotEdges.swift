import GRDB

/// What the edge tables say about each node, for a ``RelayDirectory`` snapshot: its services
/// (as catalog bits), remote services, programmes and zone of intervention.
///
/// Held in arrays indexed by node id rather than dictionaries: node ids are SQLite rowids, dense
/// from 1, and at 300,000 places the arrays are several times faster to fill and read. The
/// programme sets are shared: places with the same programmes hold the same `Set`.
struct SnapshotEdges {
    private var services: [UInt64]
    private var remoteServices: [UInt64]
    /// Index into `labelSets` of each node's programmes; 0 is the empty set.
    private var labelSet: [Int32]
    private var labelSets: [Set<String>] = [[]]
    /// Zone keys ("commune:07186", "epci:…", "france") of the nodes that have a zone (few do).
    private var zones: [Int64: [String]] = [:]
    /// Each node's position in public-id order (SQLite's, by bytes).
    private var publicIdRank: [Int32]

    /// Reads the nodes' public-id order and the relay, labelled and zone tables.
    ///
    /// - Complexity: O(nodes + edges).
    init(_ db: Database, catalog: ServiceCatalog) throws {
        let size = Int(try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM node") ?? 0) + 1
        services = Array(repeating: 0, count: size)
        remoteServices = Array(repeating: 0, count: size)
        labelSet = Array(repeating: 0, count: size)
        publicIdRank = Array(repeating: .max, count: size)
        // The public-id index alone (it holds the row id): no table page is read.
        let byPublicId = try Int64.fetchCursor(db, sql: "SELECT id FROM node ORDER BY public_id")
        var rank: Int32 = 0
        while let node = try byPublicId.next() {
            publicIdRank[Int(node)] = rank
            rank += 1
        }

        var bitOfService: [Int64: UInt64] = [:]
        for service in try ServiceRow.fetchAll(db) { bitOfService[service.id] = catalog.bit(of: service.slug) }
        // The hot path of the snapshot, read by position (see `RelayColumn`).
        let relays = try Row.fetchCursor(db, sql: RelayColumn.sql)
        while let row = try relays.next() {
            let node = Int(row[RelayColumn.nodeId] as Int64), bit = bitOfService[row[RelayColumn.serviceId]] ?? 0
            services[node] |= bit
            if row[RelayColumn.remote] { remoteServices[node] |= bit }
        }

        let labelOfProgramme = Dictionary(uniqueKeysWithValues: try ProgrammeRow.fetchAll(db).map { ($0.id, $0.label) })
        var setNumber: [[Int64]: Int32] = [[]: 0]
        var run: (node: Int64, programmes: [Int64]) = (0, [])
        func closeRun() {
            guard !run.programmes.isEmpty else { return }
            let number = setNumber[run.programmes] ?? {
                labelSets.append(Set(run.programmes.compactMap { labelOfProgramme[$0] }))
                setNumber[run.programmes] = Int32(labelSets.count - 1)
                return Int32(labelSets.count - 1)
            }()
            labelSet[Int(run.node)] = number
        }
        // In primary-key order (node, programme): each node's programmes come together. By position, as above.
        let labels = try Row.fetchCursor(db, sql: LabelledColumn.sql)
        while let row = try labels.next() {
            let node: Int64 = row[LabelledColumn.nodeId]
            if node != run.node {
                closeRun()
                run = (node, [])
            }
            run.programmes.append(row[LabelledColumn.programmeId])
        }
        closeRun()

        for zone in try ZoneRow.fetchAll(db) {
            zones[zone.nodeId, default: []].append(zone.level == "france" ? "france" : "\(zone.level):\(zone.code)")
        }
    }

    func services(of node: Int64) -> UInt64 { services[Int(node)] }
    func remoteServices(of node: Int64) -> UInt64 { remoteServices[Int(node)] }
    func labels(of node: Int64) -> Set<String> { labelSets[Int(labelSet[Int(node)])] }
    func zones(of node: Int64) -> [String] { zones[node] ?? [] }
    func publicIdRank(of node: Int64) -> Int32 { publicIdRank[Int(node)] }

    // The relay and labelled tables are read by position, through the positions of each query's
    // SELECT list below; every other table is read by name. At 300,000 places they hold some 950,000
    // rows, and reading them by name cost the snapshot load about 50 ms of CPU, 7 % of the whole
    // command (`maillage relays` in release on 290,000 places, 600,000 relays and 350,000 labels:
    // 0.76 s against 0.71 s of user time, mean of 12 runs each).

    /// The columns of a relay, by position in `sql`.
    private enum RelayColumn {
        static let sql = "SELECT node_id, service_id, remote FROM shown_relay"
        static let nodeId = 0, serviceId = 1, remote = 2
    }

    /// The columns of a programme label, by position in `sql`.
    private enum LabelledColumn {
        static let sql = "SELECT node_id, programme_id FROM shown_labelled ORDER BY node_id, programme_id"
        static let nodeId = 0, programmeId = 1
    }

    private struct ServiceRow: FetchableRecord, TableRecord {
        static let databaseTableName = "service"
        var id: Int64
        var slug: String
        init(row: Row) {
            id = row["id"]
            slug = row["slug"]
        }
    }

    private struct ProgrammeRow: FetchableRecord, TableRecord {
        static let databaseTableName = "programme"
        var id: Int64
        var label: String
        init(row: Row) {
            id = row["id"]
            label = row["label"]
        }
    }

    private struct ZoneRow: FetchableRecord, TableRecord {
        static let databaseTableName = "shown_zone"
        var nodeId: Int64
        var level: String
        var code: String
        init(row: Row) {
            nodeId = row["node_id"]
            level = row["level"]
            code = row["code"]
        }
    }
}
