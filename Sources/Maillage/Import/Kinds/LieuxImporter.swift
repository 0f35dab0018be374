import Foundation

/// Reads lieux de médiation numérique: national schema v1 CSV, and v0.1 JSON or CSV whose old
/// labels are mapped onto v1 (finer v0.1 services are kept: they sit under their v1 service).
package enum LieuxImporter {
    /// The warning of a row that lists no service.
    static let noServiceMessage = "no service listed; expected at least one of the national services"

    /// Reads a lieux file as a table, whether JSON or CSV.
    package static func table(path: String, data: Data) throws(MaillageError) -> TabularFile {
        if isJSON(data) { return try JSONRecords.table(name: path, data: data, required: LieuxLayout.required) }
        return try TabularFile(name: path, data: data, required: LieuxLayout.required)
    }

    /// Whether `data` starts as JSON does (`[` or `{` after blanks and a byte-order mark).
    package static func isJSON(_ data: Data) -> Bool {
        let firstByte = data.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        return firstByte == UInt8(ascii: "[") || firstByte == UInt8(ascii: "{")
    }

    /// Validates every row into a place; rows with errors are left out, issues go to `report`.
    package static func parse(_ file: TabularFile, context: ImportContext, report: inout ImportReport) throws(MaillageError) -> [PlaceDraft] {
        let layout = try LieuxLayout.detect(file, context: context, report: &report)
        var learning = Reading.postalCodeLearning(layout, context: context)
        for record in file.records { learning.learn(record) }
        var reading = Reading(file, layout: layout, context: context.learnt(learning))
        reading.countRows(file.records.count, into: &report)
        return file.records.compactMap { reading.read($0, report: &report) }
    }

    /// Reads the rows of one file, one at a time: the same reading whether the file is held whole
    /// (``parse(_:context:report:)``) or streamed row by row into the database.
    package struct Reading {
        let file: TabularFile
        package let layout: LieuxLayout
        let context: ImportContext
        /// The line of each id read so far, for duplicates.
        private var seen: [String: Int] = [:]

        /// Reads the rows of `file` (its header: the rows are given one at a time) laid out as
        /// `layout`, placed with `context`, which knows the postal codes of the file's own rows
        /// (``postalCodeLearning(_:context:)``).
        package init(_ file: TabularFile, layout: LieuxLayout, context: ImportContext) {
            self.file = file
            self.layout = layout
            self.context = context
        }

        /// What learns, before any row is placed, the postal codes the file's own rows give.
        package static func postalCodeLearning(_ layout: LieuxLayout, context: ImportContext) -> CommuneLocator.PostalCodeLearning {
            CommuneLocator.PostalCodeLearning(locator: context.locator, codeInsee: layout.positions[.codeInsee], postalCode: layout.positions[.codePostal])
        }

        /// Counts the file's rows in the report, under the schema version they are read in.
        package func countRows(_ count: Int, into report: inout ImportReport) {
            report.add("rows in schema \(layout.version.rawValue)", count)
        }

        /// The place of one row, or nil when the row has errors; issues go to `report`.
        package mutating func read(_ record: CSVRecord, report: inout ImportReport) -> PlaceDraft? {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            if !file.recordsAreNumbered, !reader.checkWidth() {
                _ = reader.finish(into: &report)
                return nil
            }
            var row = LieuRow(reader: reader, layout: layout, context: context)
            let draft = row.read(seen: seen)
            reader = row.reader
            guard reader.finish(into: &report), let draft else { return nil }
            seen[draft.publicId] = record.line
            return draft
        }
    }
}

/// One lieux row being read: each field checked, mapped and reported on.
private struct LieuRow {
    var reader: RowReader
    let layout: LieuxLayout
    let context: ImportContext
    var draft = PlaceDraft(publicId: "", line: 0)

    init(reader: RowReader, layout: LieuxLayout, context: ImportContext) {
        self.reader = reader
        self.layout = layout
        self.context = context
    }

    func at(_ column: LieuColumn) -> Int? { layout.positions[column] }
    func value(_ column: LieuColumn) -> String? { reader.value(at: at(column)) }

    mutating func read(seen: [String: Int]) -> PlaceDraft? {
        draft.line = reader.line
        // Without an id the row is refused, but its other fields are still checked (one pass).
        let id = value(.id)
        if id == nil { reader.error(at(.id), nil, "expected an id; the field is required") }
        draft.publicId = id ?? ""
        if value(.nom) == nil { reader.error(at(.nom), nil, "expected the place's name; the field is required") }
        for column in LieuColumn.storedAsText { if let text = value(column) { draft.text[column] = text } }
        draft.sourceLabel = value(.source)
        draft.text[.dateMaj] = reader.date(at: at(.dateMaj), required: true)
        draft.text[.pivot] = reader.pivot(at: at(.pivot))
        draft.text[.codePostal] = reader.postalCode(at: at(.codePostal))
        readPlacement()
        readServices()
        readProgrammes()
        for column in LieuColumn.enumerated { readEnumerated(column) }
        if layout.version == .v01 { readV01Publics(); readV01Conditions() }
        readTypologie()
        checkFreeText()
        guard let id else { return nil }
        draft.publicId = reader.claimId(id, as: .place, source: draft.sourceLabel ?? context.source, in: context.nodes, at: at(.id))
        // By the id stored: the same for every row of this id in one import.
        if let first = seen[draft.publicId] { reader.error(at(.id), id, "duplicate id, first seen on \(reader.file.recordsAreNumbered ? "record" : "line") \(first)") }
        return draft
    }

    private mutating func readPlacement() {
        let coordinates = Coordinates.read(&reader, latitude: at(.latitude), longitude: at(.longitude))
        draft.latitude = coordinates?.latitude
        draft.longitude = coordinates?.longitude
        if let code = value(.codeInsee), !InseeCode.isValid(code), CommuneLocator.arrondissementParent(code) == nil, code.count != 4 {
            reader.warning(at(.codeInsee), code, "expected an INSEE code matching ^([013-9]\\d|2[AB1-9])\\d{3}$")
        }
        let location = reader.locate(with: context.locator, codeInsee: at(.codeInsee), postalCode: draft.text[.codePostal],
                                     postalAt: at(.codePostal), communeName: value(.commune), communeAt: at(.commune),
                                     coordinates: coordinates, coordinatesAt: at(.latitude))
        draft.codeInsee = location.code
        draft.placement = location.placement
    }

    private mutating func readServices() {
        guard let raw = value(.services) else {
            reader.warning(at(.services), nil, LieuxImporter.noServiceMessage)
            return
        }
        let reading = MultiValue.read(raw, separator: layout.separator) { context.serviceSlug(for: $0).map { (label: $0.slug, corrected: $0.corrected) } }
        draft.serviceSlugs = reading.labels
        report(reading, column: .services)
    }

    private mutating func readProgrammes() {
        guard let raw = value(.dispositifProgrammesNationaux) else { return }
        let reading = MultiValue.read(raw, separator: layout.separator) { context.programmeSlug(for: $0).map { (label: $0.slug, corrected: $0.corrected) } }
        draft.programmeSlugs = reading.labels
        report(reading, column: .dispositifProgrammesNationaux)
    }

    private mutating func readEnumerated(_ column: LieuColumn) {
        guard let raw = value(column), let matcher = context.enumerations[column.rawValue] else { return }
        // v0.1 values read "Label : explanation"; the label alone is what maps.
        let cleaned = layout.version == .v01
            ? MultiValue.split(raw, separator: layout.separator).map(Self.labelBeforeExplanation).joined(separator: String(layout.separator))
            : raw
        let reading = MultiValue.read(cleaned, separator: layout.separator, match: MultiValue.matching(matcher))
        draft.text[column] = reading.labels.isEmpty ? nil : reading.labels.joined(separator: "|")
        report(reading, column: column)
    }

    private mutating func readV01Publics() {
        guard let raw = reader.value(at: layout.publicsAccueillis) else { return }
        for value in MultiValue.split(raw, separator: ";") {
            mapV01(value, field: "publics_accueillis", at: layout.publicsAccueillis)
        }
    }

    private mutating func readV01Conditions() {
        guard let raw = reader.value(at: layout.conditionsAcces) else { return }
        for value in MultiValue.split(raw, separator: ";") {
            mapV01(value, field: "conditions_acces", at: layout.conditionsAcces)
        }
    }

    /// Maps one v0.1 value through the taxonomy's table onto its v1 field and label.
    private mutating func mapV01(_ value: String, field: String, at position: Int?) {
        let table = context.taxonomy.enumerations.v01[field] ?? [:]
        let key = LabelMatcher.key(Self.labelBeforeExplanation(value))
        guard let entry = table.first(where: { LabelMatcher.key($0.key) == key }) else {
            reader.warning(position, value, "unknown \(field) value; expected one of: \(table.keys.sorted().joined(separator: ", "))")
            draft.unrecognised[field, default: []].append(value)
            return
        }
        guard let target = entry.value, target.count == 2, let column = LieuColumn(rawValue: target[0]) else { return }
        var labels = draft.text[column].map { MultiValue.split($0, separator: "|") } ?? []
        if !labels.contains(target[1]) { labels.append(target[1]) }
        draft.text[column] = labels.joined(separator: "|")
    }

    private mutating func readTypologie() {
        guard let raw = value(.typologie) else { return }
        let separator: Character = raw.contains("|") ? "|" : (raw.contains(";") ? ";" : ",")
        let codes = MultiValue.split(raw, separator: separator).map { $0.uppercased() }
        let known = Set(context.taxonomy.typologies.map(\.code))
        for code in codes where !known.contains(code) {
            reader.warning(at(.typologie), code, "unknown data·inclusion structure typology; kept as written")
        }
        draft.text[.typologie] = codes.joined(separator: "|")
    }

    private mutating func checkFreeText() {
        if let resume = value(.presentationResume), resume.count > 280 {
            reader.warning(at(.presentationResume), resume, "expected at most 280 characters (has \(resume.count)); kept whole")
        }
        if let phone = value(.telephone), !(phone.hasPrefix("+") && phone.dropFirst().isASCIIDigits) {
            reader.warning(at(.telephone), phone, "expected an international number such as +33123456789; kept as written")
        }
    }

    /// Warnings for unknown and corrected values; unknown values are kept aside, not lost.
    private mutating func report(_ reading: MultiValue.Reading, column: LieuColumn) {
        let position = at(column)
        if reading.commaSeparated {
            reader.warning(position, value(column), "values separated by ',' where the schema uses '\(layout.separator)'; read as a list")
        }
        for (written, label) in reading.corrected {
            reader.warning(position, written, "read as \"\(context.label(ofSlug: label) ?? label)\"")
        }
        for unknown in reading.unknown {
            let known: LabelMatcher? = switch column {
            case .services: context.services
            case .dispositifProgrammesNationaux: context.programmes
            default: context.enumerations[column.rawValue]
            }
            let suggestions = known?.closest(to: unknown).joined(separator: "\", \"") ?? ""
            reader.warning(position, unknown, "unknown label, kept aside; expected one of the schema's labels (closest: \"\(suggestions)\")")
            draft.unrecognised[column.rawValue, default: []].append(unknown)
        }
    }

    static func labelBeforeExplanation(_ value: String) -> String {
        value.range(of: " : ").map { String(value[..<$0.lowerBound]) } ?? value
    }
}
