import FicheCSV
import FicheDomain
import FicheSyncProtocol
import Foundation

/// Imports dossiers from CSV: every row is checked with the domain rules first; if any row is
/// wrong nothing is written and every error is reported as `line N: column: message`.
///
/// The file is read as Belgian offices save it (`CSVText`, `CSVSheet`): `;` or `,` between
/// fields, UTF-8 with or without a byte order mark or Windows-1252 (`Summary.encoding`), CRLF or
/// LF line ends, column names in any case. Values as they are typed there: dates DD/MM/YYYY,
/// D/M/YYYY or YYYY-MM-DD, sex M/F, H/F, M/V or male/female in any case (`Sex(code:)`), NISS and
/// IBAN with or without dots, dashes or spaces, language `FR`/`fr`, regime `80`, `80 %` or `75,5`.
///
/// Rows are matched on `(employer, dossier_number)`: a row equal to the stored dossier changes
/// nothing, so importing the same file twice is harmless.
public struct DossierImport: SheetImport {
    public static let columns = ["dossier_number", "niss", "last_name", "first_name", "birth_date", "sex", "language",
                                 "category", "grade", "regime_percent", "start_date", "iban", "payroll_clerk"]

    /// What an import did.
    public struct Summary: SheetImportSummary, Equatable, CustomStringConvertible {
        public var inserted: Int
        public var updated: Int
        public var unchanged: Int
        /// How the file was read; the command says so when it was not UTF-8.
        public var encoding: CSVEncoding

        public init(inserted: Int, updated: Int, unchanged: Int, encoding: CSVEncoding = .utf8) {
            self.inserted = inserted
            self.updated = updated
            self.unchanged = unchanged
            self.encoding = encoding
        }

        /// `2 dossiers imported (1 new, 1 updated, 0 unchanged)`, read as Windows-1252 when it was.
        public var description: String {
            let imported = inserted + updated
            var text = "\(imported) \(imported == 1 ? "dossier" : "dossiers") imported "
                + "(\(inserted) new, \(updated) updated, \(unchanged) unchanged)"
            if encoding == .windows1252 { text += "; the file is not UTF-8 and was read as Windows-1252" }
            return text
        }
    }

    /// Every problem found in a file.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var errors: [String]
        public var description: String { errors.joined(separator: "\n") }
    }

    public let store: any ServerStore
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    public func run(_ sheet: ImportSheet, employer: String) async throws -> Summary {
        var errors: [String] = []
        var rows: [[String: String?]] = []
        var seen: [String: Int] = [:]
        for (line, read) in sheet.rows {
            let values: [String: String]
            switch read {
            case .success(let read): values = read
            case .failure(let problem):
                errors.append(problem.message)
                continue
            }
            let (row, rowErrors) = Self.validate(values, line: line, today: Timestamps.brusselsDay(configuration.now()))
            errors += rowErrors
            if let number = values["dossier_number"], !number.isEmpty {
                if let first = seen[number] {
                    errors.append("line \(line): dossier_number: \(number) already appears on line \(first)")
                } else {
                    seen[number] = line
                }
            }
            if let row { rows.append(row) }
        }
        guard errors.isEmpty else { throw Failure(errors: errors) }
        let validRows = rows
        let now = Timestamps.iso(configuration.now())
        return try await store.write { tx in
            guard try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(employer)]) != nil else {
                throw Failure(errors: ["no employer \(employer); add it with fiche-server employer add"])
            }
            try await ChangeLog.lockClock(in: tx)
            var summary = Summary(inserted: 0, updated: 0, unchanged: 0)
            for var row in validRows {
                let number = (row["number"] ?? nil) ?? ""
                let existing = try await tx.first("SELECT * FROM dossiers WHERE employer_code = ? AND number = ?",
                                                  [.text(employer), .text(number)])
                let columns = Self.storedColumns
                if let existing, let id = existing.string("id") {
                    if columns.allSatisfy({ existing.string($0) == (row[$0] ?? nil) }) && existing.string("deleted_at") == nil {
                        try await Self.ensureCareerPeriod(of: id, employer: employer, row: row, in: tx)
                        summary.unchanged += 1
                        continue
                    }
                    try await tx.execute(
                        "UPDATE dossiers SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), deleted_at = NULL WHERE id = ?",
                        columns.map { SQLValue.optional(row[$0] ?? nil) } + [.text(id)])
                    row["id"] = id
                    summary.updated += 1
                } else {
                    row["id"] = Secrets.identifier()
                    try await tx.execute(
                        "INSERT INTO dossiers (id, employer_code, status, \(columns.joined(separator: ", ")), version) VALUES (?, ?, 'active', \(columns.map { _ in "?" }.joined(separator: ", ")), 0)",
                        [.optional(row["id"] ?? nil), .text(employer)] + columns.map { SQLValue.optional(row[$0] ?? nil) })
                    summary.inserted += 1
                }
                let id = (row["id"] ?? nil) ?? ""
                let stored = try await tx.first("SELECT * FROM dossiers WHERE id = ?", [.text(id)])
                let seq = try await ChangeLog.append([.init(scope: employer, entity: .dossier, id: id, op: .upsert,
                                                            row: stored?.fields(excluding: ["deleted_at"]))], in: tx)
                try await tx.execute("UPDATE dossiers SET version = ? WHERE id = ?", [.int(seq.first ?? 0), .text(id)])
                try await Self.ensureCareerPeriod(of: id, employer: employer, row: row, in: tx)
            }
            try await AuditLog.record(.init(action: "import.dossiers", decision: "done", employerCode: employer,
                                            newValue: "\(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged"),
                                      at: now, in: tx)
            return summary
        }
    }

    /// Dossier columns an import writes (besides id, employer and version).
    static let storedColumns = ["number", "niss", "last_name", "first_name", "birth_date", "sex", "language", "iban",
                                "category", "grade", "regime_percent", "start_date", "payroll_clerk"]

    /// Checks one row; answers the stored form or the errors.
    /// A dossier imported without a career gets its first period (from its start date, at its
    /// grade, regime and category, on the week its `schedule` cell names, else the usual week of
    /// its regime), synced like any row: the replica then checks an absence against the same
    /// working days as the server. A regime without a usual week (`WorkSchedule.usual`) and no
    /// `schedule` gets none.
    static func ensureCareerPeriod(of dossierID: String, employer: String, row: [String: String?],
                                   in tx: any StoreTransaction) async throws {
        guard try await tx.first("SELECT id FROM career_periods WHERE dossier_id = ? AND deleted_at IS NULL",
                                 [.text(dossierID)]) == nil else { return }
        let regime = try RegimeFraction.parse((row["regime_percent"] ?? nil) ?? "100")
        let schedule: String
        if let given = row["schedule"] ?? nil {
            schedule = given
        } else {
            // try?: a regime without a usual week (75 %…) and no `schedule` gets no period: its week is entered by hand.
            guard let week = try? WorkSchedule.usual(for: regime) else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            schedule = String(decoding: try encoder.encode(week), as: UTF8.self)
        }
        let id = Secrets.identifier()
        let grade = (row["grade"] ?? nil) ?? ""
        try await tx.execute("""
            INSERT INTO career_periods (id, employer_code, dossier_id, start_date, end_date, grade, scale, regime, schedule,
                                        category, version)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0)
            """, [.text(id), .text(employer), .text(dossierID), .optional(row["start_date"] ?? nil), .text(grade), .text(grade),
                  .int(Int64(regime.thousandths)), .text(schedule), .optional(row["category"] ?? nil)])
        let stored = try await tx.first("SELECT * FROM career_periods WHERE id = ?", [.text(id)])
        let seq = try await ChangeLog.append([.init(scope: employer, entity: .careerPeriod, id: id, op: .upsert,
                                                    row: stored?.fields(excluding: ["deleted_at"]))], in: tx)
        try await tx.execute("UPDATE career_periods SET version = ? WHERE id = ?", [.int(seq.first ?? 0), .text(id)])
    }

    /// - Parameter today: the office day (Brussels), which no NISS birth date may come after.
    static func validate(_ values: [String: String], line: Int, today: LocalDate?) -> ([String: String?]?, [String]) {
        var errors: [String] = []
        func fail(_ column: String, _ message: String) { errors.append("line \(line): \(column): \(message)") }
        func text(_ column: String) -> String { values[column] ?? "" }
        func required(_ column: String) -> String? {
            let value = text(column)
            if value.isEmpty { fail(column, "is empty") }
            if value.count > 200 { fail(column, "is longer than 200 characters") }
            return value.isEmpty || value.count > 200 ? nil : value
        }
        let number = required("dossier_number")
        let lastName = required("last_name")
        let firstName = required("first_name")
        var birthDate: LocalDate?
        do { birthDate = try LocalDate.parse(text("birth_date")) } catch { fail("birth_date", error.description) }
        let sex = Sex(code: text("sex"))
        if sex == nil { fail("sex", "'\(text("sex").prefix(40))' is not a sex: M or F, H or F, M or V, male or female") }
        var niss: NISS?
        // Spaces of any kind (a non-breaking one from a spreadsheet) go; the parser takes the dots and dashes off.
        let nissText = text("niss").filter { !$0.isWhitespace }
        do { niss = try NISS(nissText, declaredSex: sex, today: today) } catch { fail("niss", error.description) }
        if let niss, let birthDate, let sex, let lastName, let firstName {
            let person = Person(id: "check", niss: niss, lastName: lastName, firstName: firstName, birthDate: birthDate,
                                sex: sex, language: .fr)
            do { try person.checkIdentity() } catch { fail("niss", error.description) }
        }
        let language = Language(rawValue: text("language").lowercased())
        if language == nil { fail("language", "'\(text("language").prefix(40))' is not fr, nl or en") }
        let category = StaffCategory(rawValue: text("category").lowercased())
        if category == nil {
            fail("category", "'\(text("category").prefix(40))' is not one of \(StaffCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var regime: String?
        do { regime = try RegimeFraction.parse(text("regime_percent")).percentText } catch {
            fail("regime_percent", error.description)
        }
        var startDate: LocalDate?
        do { startDate = try LocalDate.parse(text("start_date")) } catch { fail("start_date", error.description) }
        var iban: String?
        // Grouped by spaces (any kind), dashes or dots, in any case: compacted before the parser sees it.
        let ibanText = text("iban").filter { !$0.isWhitespace && $0 != "-" && $0 != "." }.uppercased()
        if !ibanText.isEmpty {
            do { iban = try IBAN(ibanText).compact } catch { fail("iban", error.description) }
        }
        var schedule: String?
        if let regime, !text("schedule").isEmpty {
            switch Self.week(text("schedule"), regime: regime) {
            case .success(let json): schedule = json
            case .failure(let problem): fail("schedule", problem.description)
            }
        }
        let grade = text("grade")
        let clerk = text("payroll_clerk")
        if grade.count > 20 { fail("grade", "is longer than 20 characters") }
        if clerk.count > 64 { fail("payroll_clerk", "is longer than 64 characters") }
        guard errors.isEmpty, let number, let lastName, let firstName, let birthDate, let sex, let niss, let language,
              let category, let regime, let startDate
        else { return (nil, errors) }
        let row: [String: String?] = [
            "number": number, "niss": niss.digits, "last_name": lastName, "first_name": firstName,
            "birth_date": birthDate.iso, "sex": sex.rawValue, "language": language.rawValue, "address": nil, "iban": iban,
            "category": category.rawValue, "grade": grade.isEmpty ? nil : grade, "regime_percent": regime,
            "start_date": startDate.iso, "status": DossierStatus.active.rawValue, "payroll_clerk": clerk.isEmpty ? nil : clerk,
            "schedule": schedule,
        ]
        return (row, [])
    }

    /// The names a `schedule` cell may give a day, in English, French and Dutch.
    static let dayNames: [String: Weekday] = [
        "mon": .monday, "monday": .monday, "lun": .monday, "lundi": .monday, "ma": .monday, "maandag": .monday,
        "tue": .tuesday, "tuesday": .tuesday, "mar": .tuesday, "mardi": .tuesday, "di": .tuesday, "dinsdag": .tuesday,
        "wed": .wednesday, "wednesday": .wednesday, "mer": .wednesday, "mercredi": .wednesday, "wo": .wednesday,
        "woensdag": .wednesday, "thu": .thursday, "thursday": .thursday, "jeu": .thursday, "jeudi": .thursday,
        "do": .thursday, "donderdag": .thursday, "fri": .friday, "friday": .friday, "ven": .friday, "vendredi": .friday,
        "vr": .friday, "vrijdag": .friday, "sat": .saturday, "saturday": .saturday, "sam": .saturday, "samedi": .saturday,
        "za": .saturday, "zaterdag": .saturday, "sun": .sunday, "sunday": .sunday, "dim": .sunday, "dimanche": .sunday,
        "zo": .sunday, "zondag": .sunday,
    ]

    /// The week a `schedule` cell names (`mon,tue,thu,fri`: whole days worked, the others off),
    /// as the career period stores it, or why it cannot be: a word that is no day, or days that
    /// do not make the dossier's regime (four days are 80 %).
    static func week(_ cell: String, regime: String) -> Result<String, ScheduleCellError> {
        var pattern = Array(repeating: WorkDay.off, count: 7)
        for word in cell.lowercased().split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" || $0 == "-" }) {
            guard let day = dayNames[String(word)] else {
                return .failure(ScheduleCellError("'\(word.prefix(20))' is not a day: mon, tue, wed, thu, fri, sat, sun"))
            }
            pattern[day.isoNumber - 1] = .full
        }
        do {
            let week = try WorkSchedule(pattern: pattern)
            guard week.regime.percentText == regime else {
                return .failure(ScheduleCellError("these days make \(week.regime.percentText) %, the regime is \(regime) %"))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return .success(String(decoding: try encoder.encode(week), as: UTF8.self))
        } catch {
            return .failure(ScheduleCellError("\(error)"))
        }
    }
}
