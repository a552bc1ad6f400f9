@testable import FicheDomain
import XCTest

final class TimeSheetTests: XCTestCase {
    private func sheet(_ records: [TimeRecord], category: StaffCategory = .contractual,
                       months: [PayrollMonth] = []) -> TimeSheet {
        TimeSheet(dossier: Fixtures.dossier(category: category), records: records,
                  catalogue: Fixtures.rules.absenceCatalogue,
                  calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime), payrollMonths: months)
    }

    private func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let violation as RuleViolation {
            return violation.code
        } catch {
            return "unexpected \(error)"
        }
    }

    func testOverlapsHandleHalfDaysAndHours() {
        var training = TimeRecord.hourAbsence(id: "t", employerCode: "AC-IXL", dossierID: "d1", type: "training",
                                              on: Fixtures.date("2025-05-13"), fromMinute: 600, toMinute: 720,
                                              enteredBy: "u-clerk")
        training.status = .submitted
        let rejected = Fixtures.absence("rej", "sick", "2025-05-21", status: .rejected)
        let otherDossier = Fixtures.absence("other", "sick", "2025-05-22", dossier: "d2")
        let lateness = TimeRecord.lateness(id: "late", employerCode: "AC-IXL", dossierID: "d1",
                                           on: Fixtures.date("2025-05-23"), minutes: 15, enteredBy: "u-clerk")
        let existing = [
            Fixtures.absence("full", "sick", "2025-05-12"),
            Fixtures.absence("am", "annual_leave", "2025-05-19", part: .morning),
            Fixtures.absence("week", "annual_leave", "2025-06-02", "2025-06-06"),
            training, rejected, otherDossier, lateness,
        ]
        let sheet = sheet(existing)
        let cases: [(String, TimeRecord, String?)] = [
            ("half day on a full day", Fixtures.absence("n1", "annual_leave", "2025-05-12", part: .morning), "absence.overlap"),
            ("full day on a half day", Fixtures.absence("n2", "sick", "2025-05-19"), "absence.overlap"),
            ("afternoon next to a morning", Fixtures.absence("n3", "annual_leave", "2025-05-19", part: .afternoon), nil),
            ("morning on a morning", Fixtures.absence("n4", "compensatory_rest", "2025-05-19", part: .morning), "absence.overlap"),
            ("range crossing a range", Fixtures.absence("n5", "sick", "2025-06-05", "2025-06-10"), "absence.overlap"),
            ("afternoon after morning training hours", Fixtures.absence("n6", "annual_leave", "2025-05-13", part: .afternoon), nil),
            ("morning during training hours", Fixtures.absence("n7", "annual_leave", "2025-05-13", part: .morning), "absence.overlap"),
            ("on a rejected record", Fixtures.absence("n8", "annual_leave", "2025-05-21"), nil),
            ("another dossier's day", Fixtures.absence("n9", "annual_leave", "2025-05-22"), nil),
            ("a day with a lateness", Fixtures.absence("n10", "annual_leave", "2025-05-23"), nil),
            ("editing itself", Fixtures.absence("full", "sick", "2025-05-12", "2025-05-13"), "absence.overlap"),
            ("editing itself, no clash", Fixtures.absence("full", "sick", "2025-05-12"), nil),
        ]
        for (name, record, expected) in cases {
            XCTAssertEqual(code { try sheet.check(record) }, expected, name)
        }
        do {
            try sheet.check(Fixtures.absence("n5", "sick", "2025-06-05", "2025-06-10"))
        } catch {
            XCTAssertEqual(error.parameters, ["date": "2025-06-05", "other_record": "week"])
        }
    }

    func testShapeOfRecords() {
        let sheet = sheet([])
        let hours = { (type: String, from: Int, to: Int) in
            TimeRecord.hourAbsence(id: "h", employerCode: "AC-IXL", dossierID: "d1", type: type,
                                   on: Fixtures.date("2025-05-14"), fromMinute: from, toMinute: to, enteredBy: "u")
        }
        let clock = { (id: String, from: Int, to: Int) in
            TimeRecord.clocking(id: id, employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date("2025-05-14"),
                                inMinute: from, outMinute: to, enteredBy: "u")
        }
        let cases: [(String, TimeRecord, String?)] = [
            ("unknown type", Fixtures.absence("a", "flu", "2025-05-14"), "absence.unknown_type"),
            ("sickness per half day", Fixtures.absence("a", "sick", "2025-05-14", part: .morning), "absence.unit"),
            ("leave in hours", hours("annual_leave", 480, 600), "absence.unit"),
            ("training in hours", hours("training", 480, 600), nil),
            ("training ending before it starts", hours("training", 600, 540), "time.range"),
            ("end before start", Fixtures.absence("a", "annual_leave", "2025-05-14", "2025-05-13"), "date.range_reversed"),
            ("only a weekend", Fixtures.absence("a", "annual_leave", "2025-05-17", "2025-05-18"), "absence.no_working_day"),
            ("only a public holiday", Fixtures.absence("a", "annual_leave", "2025-05-29"), "absence.no_working_day"),
            ("clocking of 9 h 30", clock("c", 480, 1050), "clocking.too_long"),
            ("clocking of 8 h", clock("c", 480, 960), nil),
            ("overtime of 0 minutes", TimeRecord.overtime(id: "o", employerCode: "AC-IXL", dossierID: "d1",
                                                          on: Fixtures.date("2025-05-14"), minutes: 0, enteredBy: "u"), "time.range"),
        ]
        for (name, record, expected) in cases {
            XCTAssertEqual(code { try sheet.check(record) }, expected, name)
        }
        // Two clockings the same day add up.
        let split = self.sheet([clock("c1", 480, 720)])
        XCTAssertNil(code { try split.check(clock("c2", 780, 1050)) })
        XCTAssertNil(code { try split.check(clock("c2", 780, 1080)) })   // exactly 9 h
        XCTAssertEqual(code { try split.check(clock("c2", 780, 1090)) }, "clocking.too_long")
    }

    func testAWeekOfClockingsStopsAtFortyFiveHours() {
        let clock = { (id: String, date: String, from: Int, to: Int) in
            TimeRecord.clocking(id: id, employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date(date),
                                inMinute: from, outMinute: to, enteredBy: "u")
        }
        // Monday 12 to Thursday 15 May 2025: four days of 9 h = 36 h.
        let week = ["2025-05-12", "2025-05-13", "2025-05-14", "2025-05-15"].enumerated().map { index, date in
            clock("c\(index)", date, 480, 1020)
        }
        let sheet = self.sheet(week)
        XCTAssertNil(code { try sheet.check(clock("fri", "2025-05-16", 480, 1020)) }, "Friday brings the week to exactly 45 h")
        XCTAssertEqual(code { try self.sheet(week + [clock("fri", "2025-05-16", 480, 1020)])
            .check(clock("sat", "2025-05-17", 480, 540)) }, "clocking.week_too_long")
        // The next Monday starts a new week.
        XCTAssertNil(code { try self.sheet(week + [clock("fri", "2025-05-16", 480, 1020)])
            .check(clock("mon", "2025-05-19", 480, 1020)) })
        do {
            try self.sheet(week + [clock("fri", "2025-05-16", 480, 1020)]).check(clock("sat", "2025-05-17", 480, 540))
            XCTFail("46 h in a week")
        } catch let violation {
            XCTAssertEqual(violation.parameters["week_start"], "2025-05-12")
            XCTAssertEqual(violation.parameters["minutes"], "2760")
        }
    }

    func testAClockingCannotFallWithinAnAbsence() {
        let clock = TimeRecord.clocking(id: "c", employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date("2025-05-14"),
                                        inMinute: 480, outMinute: 720, enteredBy: "u")
        let afternoon = TimeRecord.clocking(id: "c", employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date("2025-05-14"),
                                            inMinute: 780, outMinute: 1020, enteredBy: "u")
        XCTAssertEqual(code { try self.sheet([Fixtures.absence("a", "annual_leave", "2025-05-13", "2025-05-15")]).check(clock) },
                       "clocking.during_absence")
        let morningOff = Fixtures.absence("a", "annual_leave", "2025-05-14", part: .morning)
        XCTAssertEqual(code { try self.sheet([morningOff]).check(clock) }, "clocking.during_absence")
        XCTAssertNil(code { try self.sheet([morningOff]).check(afternoon) }, "a morning off leaves the afternoon to clock")
    }

    func testClockingsOfADayMayNotOverlapAndNoneIsInTheFuture() {
        let clock = { (id: String, date: String, from: Int, to: Int) in
            TimeRecord.clocking(id: id, employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date(date),
                                inMinute: from, outMinute: to, enteredBy: "u")
        }
        let day = self.sheet([clock("am", "2025-05-14", 480, 990)])  // 08:00–16:30
        XCTAssertEqual(code { try day.check(clock("late", "2025-05-14", 960, 980)) }, "clocking.overlap", "16:00–16:20 overlaps")
        XCTAssertEqual(code { try day.check(clock("early", "2025-05-14", 420, 481)) }, "clocking.overlap", "07:00–08:01 overlaps")
        XCTAssertNil(code { try day.check(clock("next", "2025-05-14", 990, 1_020)) }, "16:30–17:00 starts where the first ends")
        XCTAssertNil(code { try day.check(clock("am", "2025-05-14", 450, 990)) }, "a record may replace itself")
        let today = Fixtures.date("2025-05-14")
        XCTAssertNil(code { try self.sheet([]).check(clock("t", "2025-05-14", 480, 600), today: today) }, "today is fine")
        XCTAssertEqual(code { try self.sheet([]).check(clock("t", "2025-05-29", 480, 600), today: today) }, "clocking.future")
        XCTAssertEqual(code { try self.sheet([]).check(clock("t", "2025-05-15", 480, 600), today: today) }, "clocking.future")
        XCTAssertNil(code { try self.sheet([]).check(Fixtures.absence("a", "annual_leave", "2025-05-29", "2025-05-30"), today: today) },
                     "leave may be planned ahead")
    }

    func testEntriesInAClosedMonthBecomeCorrections() throws {
        let months = [
            PayrollMonth(employerCode: "AC-IXL", month: try YearMonth.parse("2025-04"), status: .closed),
            PayrollMonth(employerCode: "AC-IXL", month: try YearMonth.parse("2025-05"), status: .open),
            PayrollMonth(employerCode: "CPAS-IXL", month: try YearMonth.parse("2025-06"), status: .closed),
        ]
        let sheet = sheet([], months: months)
        do {
            try sheet.check(Fixtures.absence("a", "sick", "2025-04-28", "2025-05-02"))
            XCTFail("April is closed")
        } catch let violation {
            XCTAssertEqual(violation.code, "month.closed")
            XCTAssertEqual(violation.parameters["month"], "2025-04")
            XCTAssertEqual(violation.parameters["correction_month"], "2025-05")
            XCTAssertEqual(violation.description,
                           "Payroll month 2025-04 is closed; the change becomes a correction in month 2025-05")
        }
        // March was closed before April.
        XCTAssertEqual(code { try sheet.check(Fixtures.absence("b", "sick", "2025-03-14")) }, "month.closed")
        // Booked as a correction in the open month, it is accepted.
        var correction = Fixtures.absence("a", "sick", "2025-04-28", "2025-05-02")
        correction.correctionMonth = try YearMonth.parse("2025-05")
        XCTAssertNil(code { try sheet.check(correction) })
        // The CPAS closing June does not lock the commune's June.
        XCTAssertNil(code { try sheet.check(Fixtures.absence("c", "sick", "2025-06-10")) })
        XCTAssertEqual(months[0].cutOffDate(cutOffDay: Fixtures.commune.payrollCutOffDay).iso, "2025-04-20")
    }

    func testFirstDayWithoutCertificateThreeTimesAYearForContractStaff() {
        let earlier = [
            Fixtures.absence("s1", "sick", "2025-02-03"),
            Fixtures.absence("s2", "sick", "2025-03-03"),
            Fixtures.absence("s3", "sick", "2025-04-07", "2025-04-09", certificate: true),   // with certificate: not counted
            Fixtures.absence("s4", "sick", "2025-04-14"),
            Fixtures.absence("s0", "sick", "2024-12-02"),                                    // last year
        ]
        let contract = sheet(earlier)
        let statutory = sheet(earlier, category: .statutory)
        let fourth = Fixtures.absence("s5", "sick", "2025-05-15")   // a Thursday
        let cases: [(String, TimeSheet, TimeRecord, CertificateRequirement)] = [
            ("1st of 2025", contract, earlier[0], .exemptFirstDay(used: 1, allowed: 3)),
            ("3rd of 2025", contract, earlier[3], .exemptFirstDay(used: 3, allowed: 3)),
            ("4th of 2025", contract, fourth, .required(dueBy: Fixtures.date("2025-05-19"))),
            ("several days", contract, Fixtures.absence("m", "sick", "2025-06-02", "2025-06-03"),
             .required(dueBy: Fixtures.date("2025-06-04"))),
            ("received", contract, earlier[2], .received),
            ("statutory staff", statutory, earlier[0], .required(dueBy: Fixtures.date("2025-02-05"))),
            ("leave needs none", contract, Fixtures.absence("l", "annual_leave", "2025-05-15"), .notRequired),
        ]
        for (name, sheet, record, expected) in cases {
            XCTAssertEqual(sheet.certificateRequirement(for: record), expected, name)
        }
    }

    func testValidationNeedsAnotherPersonAndACertificate() throws {
        let worker = Fixtures.dossier()
        let records = [Fixtures.absence("s1", "sick", "2025-02-03"), Fixtures.absence("s2", "sick", "2025-03-03"),
                       Fixtures.absence("s3", "sick", "2025-03-10")]
        let sheet = TimeSheet(dossier: worker, records: records, catalogue: Fixtures.rules.absenceCatalogue,
                              calendar: WorkCalendar(holidays: Fixtures.brussels, schedule: .fullTime))
        let submitted = try Fixtures.absence("s4", "sick", "2025-05-15").submitted()
        XCTAssertEqual(code { _ = try sheet.validating(submitted, by: Fixtures.supervisor) }, "certificate.missing")
        var withCertificate = submitted
        withCertificate.certificateReceived = true
        let validated = try sheet.validating(withCertificate, by: Fixtures.supervisor)
        XCTAssertEqual(validated.status, .validated)
        XCTAssertEqual(validated.reviewedBy, Fixtures.supervisor.id)
        // Exempt first day: no certificate needed.
        XCTAssertEqual(try sheet.validating(try records[0].submitted(), by: Fixtures.supervisor).status, .validated)
    }

    func testFourEyesRule() throws {
        let entry = try Fixtures.absence("r", "annual_leave", "2025-05-15").submitted()   // entered by the clerk
        let cases: [(String, User, String, String?)] = [
            ("author validates own entry", Fixtures.clerk, "p-worker", "four_eyes.own_entry"),
            ("supervisor validates own dossier", Fixtures.supervisor, "p-sup", "four_eyes.own_dossier"),
            ("supervisor validates a colleague's entry", Fixtures.supervisor, "p-worker", nil),
        ]
        for (name, reviewer, personID, expected) in cases {
            XCTAssertEqual(code { _ = try entry.validated(by: reviewer, dossierPersonID: personID) }, expected, name)
            XCTAssertEqual(code { _ = try entry.rejected(by: reviewer, dossierPersonID: personID, reason: "dates") },
                           expected, name)
        }
        XCTAssertEqual(code { _ = try entry.rejected(by: Fixtures.supervisor, dossierPersonID: "p-worker", reason: "  ") },
                       "status.reason_missing")
        let rejected = try entry.rejected(by: Fixtures.supervisor, dossierPersonID: "p-worker", reason: "wrong dates")
        XCTAssertEqual(rejected.rejectionReason, "wrong dates")
        XCTAssertEqual(try rejected.reopened().status, .draft)
    }

    func testStatusMachine() {
        let all = TimeRecordStatus.allCases
        let allowed: Set<String> = ["draft>submitted", "submitted>validated", "submitted>rejected", "submitted>draft",
                                    "rejected>draft", "validated>cancelled"]
        for from in all {
            for to in all {
                XCTAssertEqual(from.canMove(to: to), allowed.contains("\(from.rawValue)>\(to.rawValue)"), "\(from)→\(to)")
            }
        }
        let draft = Fixtures.absence("r", "annual_leave", "2025-05-15")
        XCTAssertEqual(code { _ = try draft.validated(by: Fixtures.supervisor, dossierPersonID: "p-worker") },
                       "status.transition")
        XCTAssertEqual(TimeRecordStatus.allCases.map(\.rawValue), ["draft", "submitted", "validated", "rejected", "cancelled"])
    }

    func testTimeRecordRoundTripsAsJSON() throws {
        var record = Fixtures.absence("r", "annual_leave", "2025-05-15", part: .afternoon)
        record.correctionMonth = try YearMonth.parse("2025-06")
        let json = try JSONEncoder().encode(record)
        let text = String(decoding: json, as: UTF8.self)
        XCTAssertTrue(text.contains("\"start\":\"2025-05-15\""), text)
        XCTAssertTrue(text.contains("\"dayPart\":\"afternoon\""), text)
        XCTAssertEqual(try JSONDecoder().decode(TimeRecord.self, from: json), record)
    }

    func testClockingBalanceShowsWorkedExpectedAndWhatIsLeftForTheDayAndTheWeek() {
        // Monday 28 April 2025: 8 h clocked in two parts; Tuesday afternoon off; Thursday is 1 May.
        func clocking(_ id: String, _ date: String, _ from: Int, _ to: Int) -> TimeRecord {
            .clocking(id: id, employerCode: "AC-IXL", dossierID: "d1", on: Fixtures.date(date), inMinute: from,
                      outMinute: to, enteredBy: "u-clerk")
        }
        var refused = clocking("r", "2025-04-28", 1000, 1100)
        refused.status = .rejected
        let sheet = sheet([
            clocking("m1", "2025-04-28", 480, 720), clocking("m2", "2025-04-28", 780, 1020), refused,
            clocking("t1", "2025-04-29", 480, 720),
            Fixtures.absence("pm", "annual_leave", "2025-04-29", part: .afternoon),
        ])
        let monday = sheet.clockingBalance(on: Fixtures.date("2025-04-28"))
        XCTAssertEqual(monday.workedMinutes, 480)
        XCTAssertEqual(monday.expectedMinutes, 456)
        XCTAssertEqual(monday.balanceMinutes, 24)
        XCTAssertEqual(monday.remainingMinutes, 60)
        let tuesday = sheet.clockingBalance(on: Fixtures.date("2025-04-29"))
        XCTAssertEqual(tuesday.expectedMinutes, 228)
        XCTAssertEqual(tuesday.balanceMinutes, 12)
        let week = sheet.clockingBalance(weekOf: Fixtures.date("2025-04-30"))
        XCTAssertEqual(week.start, Fixtures.date("2025-04-28"))
        XCTAssertEqual(week.end, Fixtures.date("2025-05-04"))
        XCTAssertEqual(week.workedMinutes, 720)
        XCTAssertEqual(week.expectedMinutes, 456 + 228 + 456 + 0 + 456)   // 1 May is a holiday
        XCTAssertEqual(week.remainingMinutes, 2_700 - 720)
    }
}
