import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

/// A row of the file `fiche-server export time-records` writes (`TimeRecordFileColumns`), read
/// back by `TimeRecordImport`: every field the export wrote comes back as it was, the record's
/// id too (a new one when `record_id` is empty or absent).
///
/// The status says how the entry comes in: a draft stays its importer's draft; a submitted or
/// validated one goes to validation (submitted: an import never validates, the four-eyes rule
/// holds); a rejected or cancelled one is left out, counted in the summary.
enum ExportedTimeRecordRow {
    /// The record the row describes with its dossier, nil for a row left out, or what is wrong with its fields.
    static func record(_ values: [String: String], line: Int, fingerprint: String, user: User,
                       db: Database) throws -> Result<(TimeRecord, Dossier)?, ImportFailure> {
        var reader = ImportRowReader(values, line: line)
        func choice<T: RawRepresentable & CaseIterable>(_ column: String, _: T.Type, empty: T? = nil) -> T? where T.RawValue == String {
            let text = values[column] ?? ""
            if text.isEmpty, let empty { return empty }
            if let value = T(rawValue: text.lowercased()) { return value }
            reader.issues.append(ImportIssue(line: line, column: column,
                                      problem: .notOneOf(text, allowed: T.allCases.map(\.rawValue))))
            return nil
        }
        /// Minutes after midnight or a duration in minutes: empty, or 0 to 1440.
        func minutes(_ column: String) -> Int?? {
            let text = values[column] ?? ""
            if text.isEmpty { return .some(nil) }
            if let number = Int(text), (0...TimeRecord.minutesPerDay).contains(number) { return .some(number) }
            reader.issues.append(ImportIssue(line: line, column: column, problem: .minutesInvalid(text)))
            return nil
        }

        let status = choice("status", TimeRecordStatus.self, empty: .submitted)
        if status == .rejected || status == .cancelled { return .success(nil) }
        let dossier = try reader.dossier(db)
        let id = (values["record_id"] ?? "").isEmpty ? "imp-\(fingerprint.prefix(16))-\(line)" : (values["record_id"] ?? "")
        if try Row.fetchOne(db, sql: "SELECT 1 FROM time_record_view WHERE id = ?", arguments: [id]) != nil {
            reader.issues.append(ImportIssue(line: line, column: "record_id", problem: .recordExists(id)))
        }
        let kind = choice("kind", TimeRecordKind.self)
        let typeText = values["type"] ?? ""
        if kind != nil && kind != .clocking && typeText.isEmpty {
            reader.issues.append(ImportIssue(line: line, column: "type", problem: .empty))
        }
        let start = reader.date("start_date")
        let end = reader.date("end_date")
        let dayPart = choice("day_part", DayPart.self, empty: .full)
        let startMinute = minutes("start_minute")
        let endMinute = minutes("end_minute")
        let duration = minutes("minutes")
        let certificateText = (values["certificate_received"] ?? "").lowercased()
        let certificate = TimeRecordFileRow.certificate(certificateText)
        if certificate == nil {
            reader.issues.append(ImportIssue(line: line, column: "certificate_received", problem: .certificateInvalid(certificateText)))
        }
        guard reader.issues.isEmpty, let status, let dossier, let kind, let start, let end, let dayPart,
              let startMinute, let endMinute, let duration, let certificate else {
            return .failure(ImportFailure(issues: reader.issues))
        }
        let record = TimeRecord(
            id: id, employerCode: dossier.employerCode, dossierID: dossier.id, kind: kind,
            typeCode: typeText.isEmpty ? nil : typeText, start: start, end: end, dayPart: dayPart,
            startMinute: startMinute, endMinute: endMinute, minutes: duration, certificateReceived: certificate,
            status: status == .draft ? .draft : .submitted, enteredBy: user.id)
        return .success((record, dossier))
    }
}
