import FicheCSV
import FicheDomain
import FicheSyncProtocol
import Foundation
import GRDB

/// Imports absences and clockings from a badge reader's or a spreadsheet's CSV export into the replica.
///
/// Columns `dossier_number,type,from,to,unit,hours,certificate`, in any order and case; `type`
/// is an absence code of the catalogue, dates are DD/MM/YYYY (also D/M/YYYY) or YYYY-MM-DD,
/// `unit` is day, half_day or hour (`hours` then says how many, on a single day, `7,6` or
/// `7.6`). A clocking, as badge readers write it, has `type` `clocking`, `from` and `to` a day
/// and a time (`2027-01-04 08:00`, `04/01/2027 8:00`) on the same day, and `unit` hour or empty;
/// it is checked as one typed in the clocking form (9 h a day, 45 h a week, not in the future,
/// not during an absence). The file is read as offices save it (`CSVText`, `CSVSheet`): `;` or `,` between
/// fields, UTF-8 with or without a byte order mark or Windows-1252, CRLF or LF line ends.
/// Every row is checked with the same rules as an entry typed in the form, and against the
/// rows above it in the file. One invalid row and nothing is written: `ImportFailure` lists
/// every error. A valid file is written in ONE transaction (records, outbox, audit) and synced
/// like any entry. The same file imported again is refused, whatever its separator, encoding
/// or line ends.
///
/// The file `fiche-server export time-records` writes is read too, with its own columns
/// (`TimeRecordFileColumns`, recognised by `start_date` without `from`): each record comes back
/// with its id, kind, days, half day, minutes and certificate (`ExportedTimeRecordRow`).
///
/// ```swift
/// let summary = try TimeRecordImport(database: database, rules: rules).run(file: data, by: user)
/// summary.records     // 2
/// summary.encoding    // .windows1252: say so
/// ```
public struct TimeRecordImport {
    public static let columns = TimeRecordFileRow.columns

    public let database: AppDatabase
    public let rules: RuleBook

    public init(database: AppDatabase, rules: RuleBook) {
        self.database = database
        self.rules = rules
    }

    /// Reads the file's bytes (`CSVText`), validates and writes it.
    @discardableResult
    public func run(file data: Data, by user: User, now: Date? = nil) throws -> ImportSummary {
        let file: CSVText
        do {
            file = try CSVText.decode(data)
        } catch {
            throw ImportFailure(issues: [ImportIssue(line: error.line, column: nil, problem: .malformed(error.reason))])
        }
        let done = try write(csv: file.text, by: user, now: now)
        return ImportSummary(records: done.written, encoding: file.encoding, leftOut: done.leftOut)
    }

    /// Validates and writes the file; returns how many records were written.
    @discardableResult
    public func run(csv text: String, by user: User, now: Date? = nil) throws -> Int {
        try write(csv: text, by: user, now: now).written
    }

    /// Validates and writes the file: the records written, and the rows of an exported file left
    /// out (rejected or cancelled entries).
    private func write(csv text: String, by user: User, now: Date?) throws -> (written: Int, leftOut: Int) {
        let now = now ?? database.clock.now()
        let sheet: CSVSheet
        do {
            sheet = try CSVSheet.read(text)
        } catch {
            throw ImportFailure(issues: [ImportIssue(line: error.line, column: nil, problem: .malformed(error.reason))])
        }
        guard let header = sheet.header else { throw ImportFailure(issues: [ImportIssue(line: 1, column: nil, problem: .noRows)]) }
        let names = sheet.columnNames
        let exported = names.contains("start_date") && !names.contains("from")
        let missing = (exported ? TimeRecordFileColumns.required : Self.columns).filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw ImportFailure(issues: [ImportIssue(line: header.line, column: nil, problem: .missingColumns(missing))])
        }
        let body = sheet.rows
        guard !body.isEmpty else { throw ImportFailure(issues: [ImportIssue(line: header.line, column: nil, problem: .noRows)]) }
        let fingerprint = Self.fingerprint(body.map(\.fields))
        let stamp = AppDatabase.timestamp(now)

        return try database.write { db in
            if let previous = try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = ?",
                                                  arguments: ["import:" + fingerprint]) {
                let parts = previous.split(separator: " ")
                throw ImportFailure(issues: [ImportIssue(line: header.line, column: nil, problem: .alreadyImported(
                    on: parts.first.map(String.init) ?? previous, records: parts.dropFirst().first.flatMap { Int($0) } ?? 0))])
            }
            let rights = try AppDatabase.rights(db, user: user, now: now)
            var issues: [ImportIssue] = []
            var written = 0, leftOut = 0
            for row in body {
                // A short row is a reader that leaves out empty values at the end; a long one, or one
                // separated otherwise than the header, would put values under the wrong columns.
                switch sheet.shape(of: row.fields) {
                case .fits, .tooFew: break
                case .otherSeparator(let found, let expected):
                    issues.append(ImportIssue(line: row.line, column: nil,
                                              problem: .otherSeparator(found: String(found), expected: String(expected))))
                    continue
                case .tooMany(let fields, let columns):
                    issues.append(ImportIssue(line: row.line, column: nil, problem: .tooManyFields(
                        fields: fields, columns: columns, separator: String(Character(sheet.separator)))))
                    continue
                }
                var values: [String: String] = [:]
                for (index, name) in names.enumerated() where index < row.fields.count {
                    values[name] = row.fields[index].trimmingCharacters(in: .whitespaces)
                }
                let found = exported
                    ? try ExportedTimeRecordRow.record(values, line: row.line, fingerprint: fingerprint, user: user, db: db)
                    : try Self.record(values, line: row.line, fingerprint: fingerprint, user: user, db: db).map { Optional($0) }
                let record: TimeRecord, dossier: Dossier
                switch found {
                case .failure(let failure):
                    issues += failure.issues
                    continue
                case .success(nil):
                    leftOut += 1
                    continue
                case .success(let parsed?):
                    record = parsed.0
                    dossier = parsed.1
                }
                do {
                    try rights.require(.enterTimeRecord, at: dossier.employerCode)
                    // A clocking is checked against its whole week (45 h) and today, as in the form.
                    let monday = record.start.adding(days: 1 - record.start.weekday.isoNumber)
                    let sheet = record.kind == .clocking
                        ? try AppDatabase.timeSheet(db, dossier: dossier, from: monday, to: monday.adding(days: 6), rules: rules)
                        : try AppDatabase.timeSheet(db, dossier: dossier, around: record, rules: rules)
                    try sheet.check(record, today: database.clock.localDate(of: now))
                } catch let violation as RuleViolation {
                    issues.append(ImportIssue(line: row.line, column: TimeRecordFileRow.column(of: violation), problem: .rule(violation)))
                    continue
                }
                // Written now, so the rows below are checked against it (an overlap inside the file).
                let payload = MutationPayload(from: [:], to: record.replicaColumns)
                let isAbsence = record.kind == .absence
                _ = try AppDatabase.writeChange(db, mutation: isAbsence ? "recordAbsence"
                                                    : record.kind == .clocking ? "recordClocking" : "recordTimeRecord",
                                                sent: isAbsence ? .recordAbsence(RecordTimeRecord(record))
                                                                : .recordTimeRecord(RecordTimeRecord(record)),
                                                entity: "time_record", targetID: record.id,
                                                employerCode: dossier.employerCode, baseVersion: nil, payload: payload,
                                                user: user, now: now)
                try WorkingView.recompute(db, entity: "time_record", id: record.id)
                written += 1
            }
            // Any error rolls the whole transaction back: nothing of the file stays.
            guard issues.isEmpty else { throw ImportFailure(issues: issues) }
            try db.execute(sql: "INSERT INTO replica_meta (key, value) VALUES (?, ?)",
                           arguments: ["import:" + fingerprint, "\(stamp) \(written)"])
            return (written, leftOut)
        }
    }

    /// The record a row describes, or what is wrong with its fields: the dossier found in the
    /// replica (`ImportRowReader`), the other cells read as the server reads them (`TimeRecordFileRow`).
    private static func record(_ values: [String: String], line: Int, fingerprint: String, user: User,
                               db: Database) throws -> Result<(TimeRecord, Dossier), ImportFailure> {
        var reader = ImportRowReader(values, line: line)
        let dossier = try reader.dossier(db)
        let read = TimeRecordFileRow.read(values)
        var issues = reader.issues
        if case .failure(let cells) = read {
            issues += cells.issues.map { ImportIssue(line: line, column: $0.column, problem: ImportProblem($0.problem)) }
        }
        guard issues.isEmpty, let dossier, case .success(let row) = read else { return .failure(ImportFailure(issues: issues)) }
        let record = row.record(id: "imp-\(fingerprint.prefix(16))-\(line)", employerCode: dossier.employerCode,
                                dossierID: dossier.id, status: .submitted, enteredBy: user.id)
        return .success((record, dossier))
    }

    /// A stable fingerprint of the rows (FNV-1a, 64 bits): the same rows give the same value
    /// whatever the line endings or the byte-order mark.
    static func fingerprint(_ rows: [[String]]) -> String {
        var fingerprint = StableFingerprint()
        for row in rows { fingerprint.add(row.joined(separator: "\u{1F}") + "\u{1E}") }
        return fingerprint.hex
    }
}
