import Foundation
import Testing
@testable import Maillage

/// The import report's JSON uses snake_case keys like every other JSON, keeps the former camelCase
/// ones for one release, and carries the totals of errors and warnings.
@Suite struct ImportReportJSONTests {
    @Test func keysAreSnakeCaseWithTheFormerCamelCaseOnesKept() throws {
        let store = try Fixtures.storeWithCommunes()
        let report = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("p1", [.latitude: "4.6", .longitude: "44.736"])]))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        for (snake, camel) in [("rows_read", "rowsRead"), ("rows_imported", "rowsImported"), ("rows_rejected", "rowsRejected")] {
            #expect(object[snake] as? Int == object[camel] as? Int && object[snake] != nil, "\(snake)")
        }
        #expect(object["rows_imported"] as? Int == 1 && object["error_count"] as? Int == 0 && object["warning_count"] as? Int == report.warnings.count)
        let warning = try #require((object["warnings"] as? [[String: Any]])?.first)
        #expect(warning["column_number"] != nil && warning["column_number"] as? Int == warning["columnNumber"] as? Int)
        #expect(warning["is_record_number"] as? Bool == false)
        // What was written reads back.
        #expect(try JSONDecoder().decode(ImportReport.self, from: JSONEncoder().encode(report)) == report)
    }
}
