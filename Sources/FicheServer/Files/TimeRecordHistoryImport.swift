import Crypto
import FicheCSV
import FicheDomain
import FicheSyncProtocol
import Foundation

/// Imports the history of absences and clockings an employer kept in the tools its offices use
/// today (`fiche-server import time-records FILE.csv --employer CODE`), all or nothing: if any
/// row is wrong nothing is written and every error is reported as `line N: column: message`, in
/// line order.
///
/// The columns and cells are those of `fiche import time-records`
/// (`dossier_number,type,from,to,unit,hours,certificate`), read by the same `TimeRecordFileRow`,
/// the file as the other imports read it (`ImportSheet`: `;` or `,`, UTF-8 or Windows-1252,
/// DD/MM/YYYY or YYYY-MM-DD). Each entry is history as validated: stored with status
/// validated, entered and reviewed by `author`, after the rules the server applies to an entry
/// a device pushes (`TimeSheet.check`: bounds, catalogue, working days, overlaps with the
/// dossier's records and the rows above it, clockings' 9 h a day and 45 h a week, closed
/// payroll months, the annual leave balance) and the certificate rule of a validation, against
/// the dossier's career and the employer's months on the server.
///
/// An entry's id is derived from the employer, the dossier number and the entry's values
/// (`TimeRecordFileRow.canonicalText`): `hist-` and 32 hex digits of their SHA-256. A row whose
/// entry is already stored (imported before, whatever the file's separator, date format or line)
/// is counted as already present and neither checked nor written again, so importing the same
/// file twice writes nothing the second time; an entry deleted since is not brought back. Two
/// rows of one file describing the same entry are an error. Every record written is logged, so
/// the employer's replicas receive it at their next pull; the import is audited once.
public struct TimeRecordHistoryImport: SheetImport {
    public static let columns = TimeRecordFileRow.columns
    /// A badge reader leaves out the empty cells at the end of a row, as `fiche import time-records` accepts.
    public static let acceptsShortRows = true
    /// Who entered and validated an imported entry, as its record says.
    public static let author = "import"
    /// The most rows one file may hold (the transaction keeps them all): a longer history is
    /// imported in several files, by year.
    public static let maximumRows = 500_000

    /// What an import did.
    public struct Summary: SheetImportSummary, Equatable, CustomStringConvertible {
        public var imported = 0
        public var alreadyPresent = 0
        public var encoding: CSVEncoding = .utf8

        /// `40 time records imported, 0 already present`, read as Windows-1252 when it was.
        public var description: String {
            var text = "\(imported) time \(imported == 1 ? "record" : "records") imported, \(alreadyPresent) already present"
            if encoding == .windows1252 { text += "; the file is not UTF-8 and was read as Windows-1252" }
            return text
        }
    }

    /// One row whose cells read.
    struct Row: Sendable {
        var line: Int
        var dossierNumber: String
        var entry: TimeRecordFileRow
    }

    public let store: any ServerStore
    public let rules: RuleBook
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, rules: RuleBook, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.rules = rules
        self.configuration = configuration
    }

    public func run(_ sheet: ImportSheet, employer: String) async throws -> Summary {
        guard sheet.rows.count <= Self.maximumRows else {
            throw DossierImport.Failure(errors: ["the file has \(sheet.rows.count) rows; an import takes at most "
                                                 + "\(Self.maximumRows): split it (by year, for instance) and import each part"])
        }
        guard !sheet.rows.isEmpty else {
            throw DossierImport.Failure(errors: ["the file has a header but no rows: nothing to import"])
        }
        var errors: [String] = []
        var rows: [Row] = []
        for (line, read) in sheet.rows {
            switch read {
            case .failure(let problem):
                errors.append(problem.message)
            case .success(let values):
                let number = values["dossier_number"] ?? ""
                if number.isEmpty { errors.append("line \(line): dossier_number: is empty") }
                if number.count > 200 { errors.append("line \(line): dossier_number: is longer than 200 characters") }
                switch TimeRecordFileRow.read(values) {
                case .success(let entry):
                    if !number.isEmpty && number.count <= 200 { rows.append(Row(line: line, dossierNumber: number, entry: entry)) }
                case .failure(let failure):
                    errors += failure.issues.map { "line \(line): \($0.column): \($0.problem.description)" }
                }
            }
        }
        guard errors.isEmpty else { throw DossierImport.Failure(errors: errors) }
        let checked = rows
        let rules = rules
        let now = configuration.now()
        return try await store.write { tx in
            guard try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(employer)]) != nil else {
                throw DossierImport.Failure(errors: ["no employer \(employer); add it with fiche-server employer add"])
            }
            // Every dossier named must be the employer's: checked before anything is written.
            var dossiers: [String: StoreRow] = [:]
            var missing: [String] = []
            for row in checked where dossiers[row.dossierNumber] == nil {
                if let found = try await tx.first("""
                    SELECT * FROM dossiers WHERE employer_code = ? AND number = ? AND deleted_at IS NULL
                    """, [.text(employer), .text(row.dossierNumber)]) {
                    dossiers[row.dossierNumber] = found
                } else if let other = try await tx.first("""
                    SELECT employer_code FROM dossiers WHERE number = ? AND employer_code <> ? AND deleted_at IS NULL
                    ORDER BY employer_code
                    """, [.text(row.dossierNumber), .text(employer)])?.string("employer_code") {
                    missing.append("line \(row.line): dossier_number: \(row.dossierNumber) is a dossier of \(other), not of \(employer)")
                } else {
                    missing.append("line \(row.line): dossier_number: no dossier \(row.dossierNumber) at \(employer)")
                }
            }
            guard missing.isEmpty else { throw DossierImport.Failure(errors: missing) }

            var writes = PushWrites(head: try await ChangeLog.lockClockReadingHead(in: tx))
            let loader = TimeSheetLoader(ruleBook: rules)
            let today = Timestamps.brusselsDay(now)
            let columns = RecordTimeRecord.columns
            var summary = Summary()
            var errors: [String] = []
            var lines: [String: Int] = [:]
            var sheets: [String: DossierSheet] = [:]
            for row in checked {
                guard let dossier = dossiers[row.dossierNumber], let dossierID = dossier.string("id") else { continue }
                let id = Self.recordID(employer: employer, dossierNumber: row.dossierNumber, entry: row.entry)
                if let first = lines[id] {
                    errors.append("line \(row.line): row: the same entry as line \(first)")
                    continue
                }
                lines[id] = row.line
                if try await writes.timeRecordExists(id, in: tx) {
                    summary.alreadyPresent += 1
                    continue
                }
                let record = row.entry.record(id: id, employerCode: employer, dossierID: dossierID, status: .validated,
                                              enteredBy: Self.author, reviewedBy: Self.author)
                do {
                    let known: DossierSheet
                    if let read = sheets[dossierID] {
                        known = read
                    } else {
                        known = DossierSheet(try await loader.sheet(for: dossier, in: tx, writes: &writes))
                        sheets[dossierID] = known
                    }
                    let sheet = known.sheet(checking: record, rules: rules.leaveRules)
                    try sheet.check(record, today: today)
                    if case .required(let dueBy) = sheet.certificateRequirement(for: record) {
                        throw RuleViolation.certificateMissing(code: record.typeCode ?? "", dueBy: dueBy)
                    }
                } catch let violation as RuleViolation {
                    errors.append("line \(row.line): \(TimeRecordFileRow.column(of: violation) ?? "row"): \(violation.description)")
                    continue
                } catch let rejection as MutationRejection {
                    errors.append("line \(row.line): dossier_number: the career of \(row.dossierNumber) cannot be read "
                                  + "to check the entry (\(rejection.code))")
                    continue
                }
                // Kept now, so the rows below are checked against it (an overlap inside the file).
                let fields = columns.map { ($0.name, $0.text(of: record)) }
                let version = writes.nextSequence
                sheets[dossierID]?.add(record)
                writes.insertLater(record, columns: fields.map(\.0) + ["version"],
                                   values: fields.map { SQLValue.optional($0.1) } + [.int(version)])
                var logged: [String: String?] = [:]
                for (name, value) in fields { logged[name] = .some(value) }
                _ = try writes.log(.init(scope: employer, entity: .timeRecord, id: id, op: .upsert, row: logged))
                summary.imported += 1
            }
            // Any error rolls the whole transaction back: nothing of the file stays.
            guard errors.isEmpty else { throw DossierImport.Failure(errors: errors) }
            writes.audit(.init(action: "import.time_records", decision: "done", employerCode: employer,
                               newValue: "\(summary.imported) imported, \(summary.alreadyPresent) already present"),
                         at: Timestamps.iso(now))
            _ = try await writes.flush(in: tx)
            return summary
        }
    }

    /// A dossier's sheet read once (career, calendar, payroll months, leave account, records),
    /// its records by the years they cover: an entry is checked against those of its years and
    /// weeks only, so a history of thousands of entries is not checked against all of them each time.
    struct DossierSheet {
        let base: TimeSheet
        private var byYear: [Int: [TimeRecord]] = [:]

        init(_ base: TimeSheet) {
            self.base = base
            for record in base.records { add(record) }
        }

        mutating func add(_ record: TimeRecord) {
            for year in record.start.year...max(record.start.year, record.end.year) { byYear[year, default: []].append(record) }
        }

        /// The sheet `record` is checked against: the records of the years its rules look at
        /// (its days, their weeks, and for an annual leave its years and the year before).
        func sheet(checking record: TimeRecord, rules: LeaveRules) -> TimeSheet {
            let read = rules.datesToRead(for: record)
            let week = PushWrites.window(record.start...max(record.start, record.end))
            let years = min(read.lowerBound.year, week.lowerBound.year)...max(read.upperBound.year, week.upperBound.year)
            var seen: Set<String> = []
            var records: [TimeRecord] = []
            for year in years {
                for other in byYear[year] ?? [] where seen.insert(other.id).inserted { records.append(other) }
            }
            return TimeSheet(dossier: base.dossier, records: records, catalogue: base.catalogue, calendar: base.calendar,
                             payrollMonths: base.payrollMonths, maximumMinutesPerDay: base.maximumMinutesPerDay,
                             maximumMinutesPerWeek: base.maximumMinutesPerWeek, leave: base.leave)
        }
    }

    /// The id of the entry a row describes: the same for the same employer, dossier number and
    /// values, whatever file it comes from.
    public static func recordID(employer: String, dossierNumber: String, entry: TimeRecordFileRow) -> String {
        let digest = SHA256.hash(data: Data([employer, dossierNumber, entry.canonicalText].joined(separator: "\u{1F}").utf8))
        return "hist-" + digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
