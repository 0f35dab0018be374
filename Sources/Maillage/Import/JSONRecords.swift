import Foundation

/// Lays out a JSON array of flat objects as a table, so that JSON files go through the same
/// row validation as CSV files. Record numbers stand in for line numbers.
enum JSONRecords {
    /// The records of `data`, a JSON array of objects (or an object holding one such array).
    static func table(name: String, data: Data) throws(MaillageError) -> TabularFile {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw .unreadableFile(path: name, reason: "not valid JSON (\((error as NSError).localizedDescription)); expected an array of objects")
        }
        let array: [Any]
        if let list = root as? [Any] {
            array = list
        } else if let object = root as? [String: Any], let list = object.values.first(where: { $0 is [Any] }) as? [Any] {
            array = list
        } else {
            throw .unreadableFile(path: name, reason: "expected a JSON array of objects")
        }
        var header: [String] = [], position: [String: Int] = [:]
        var rows: [[String: String]] = []
        for (index, element) in array.enumerated() {
            guard let object = element as? [String: Any] else {
                throw .unreadableFile(path: name, reason: "record \(index + 1) is not a JSON object")
            }
            var row: [String: String] = [:]
            for (key, value) in object {
                if position[key] == nil { position[key] = header.count; header.append(key) }
                row[key] = text(value)
            }
            rows.append(row)
        }
        // Keys in first-seen order would depend on dictionary order: sort them for stable messages.
        header.sort()
        let records = rows.enumerated().map { index, row in
            CSVRecord(line: index + 1, fields: header.map { row[$0] ?? "" })
        }
        return TabularFile(name: name, header: header, records: records, recordsAreNumbered: true)
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            return number.doubleValue == number.doubleValue.rounded() && abs(number.doubleValue) < 1e15
                ? String(number.int64Value) : "\(number.doubleValue)"
        case let list as [Any]: return list.map(text).joined(separator: "|")
        case is NSNull: return ""
        default:
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
