import Foundation

/// Lays out a JSON array of flat objects as a table, so that JSON files go through the same
/// row validation as CSV files. Record numbers stand in for line numbers.
enum JSONRecords {
    /// The records of `data`: a JSON array of objects, or an object holding one such array.
    /// A file without a field of `required` in any record is refused.
    static func table(name: String, data: Data, required: RequiredColumns) throws(MaillageError) -> TabularFile {
        let root: JSONField
        do { root = try JSONDecoder().decode(JSONField.self, from: data) } catch {
            if let problem = JSONSyntax.firstProblem(in: [UInt8](data)) {
                throw .unreadableFile(path: name, reason: problem.reason)
            }
            throw .unreadableFile(path: name, reason: "the JSON could not be read (\(error.localizedDescription)); expected a JSON array of objects")
        }
        let array: [JSONField]
        switch root {
        case .array(let list): array = list
        case .object(let members):
            // An API page holds its records under `items`; any other object, in its one array.
            let arrays = members.sorted { ($0.key == "items" ? 0 : 1, $0.key) < ($1.key == "items" ? 0 : 1, $1.key) }
            guard let list = arrays.lazy.compactMap({ if case .array(let list) = $0.value { list } else { nil } }).first else { fallthrough }
            array = list
        default: throw .unreadableFile(path: name, reason: "its JSON holds no array; expected an array of objects, one per lieu (or an object holding such an array)")
        }
        var keys: Set<String> = []
        var rows: [[String: String]] = []
        for (index, element) in array.enumerated() {
            guard case .object(let members) = element else {
                throw .unreadableFile(path: name, reason: "record \(index + 1) of its JSON array is not an object; expected one object per lieu, with fields such as \"id\" and \"nom\"")
            }
            keys.formUnion(members.keys)
            rows.append(members.mapValues(\.text))
        }
        let header = keys.sorted()
        try TabularFile.check(header, against: required, name: name, delimiter: nil)
        let records = rows.enumerated().map { index, row in
            CSVRecord(line: index + 1, fields: header.map { row[$0] ?? "" })
        }
        return TabularFile(name: name, header: header, records: records, recordsAreNumbered: true)
    }
}

/// Any JSON value, decoded with full precision (numbers are read with the decoder's exact parser).
private enum JSONField: Decodable {
    case string(String), number(Double), bool(Bool), null
    case array([JSONField]), object([String: JSONField])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONField].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONField].self)) }
    }

    /// The value as a table cell: arrays joined with `|`, numbers in their shortest exact form.
    var text: String {
        switch self {
        case .string(let value): value
        case .number(let value): JSONText.number(value)
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        case .array(let values): values.map(\.text).joined(separator: "|")
        case .object(let members): JSONText.object(members.mapValues(\.text))
        }
    }
}
