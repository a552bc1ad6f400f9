@testable import FicheDomain
import XCTest

/// Annual leave balances (`leave-entitlements.toml`, `LeaveLedger`): the year's days pro rata
/// of entry, exit and regime, rounded up to the half day; taken and planned days of submitted
/// and validated entries; carried days; and the refusal of an annual leave beyond the balance.
final class LeaveBalanceTests: XCTestCase {
    private static let fourFifths = try! WorkSchedule(monday: .full, tuesday: .full, wednesday: .off, thursday: .full, friday: .full)
    private static let mornings = try! WorkSchedule(monday: .morning, tuesday: .morning, wednesday: .morning,
                                                    thursday: .morning, friday: .morning)

    private func period(_ id: String, _ start: String, _ end: String? = nil, schedule: WorkSchedule = .fullTime,
                        category: StaffCategory = .statutory) -> CareerPeriod {
        CareerPeriod(id: id, dossierID: "d1", start: Fixtures.date(start), end: end.map { Fixtures.date($0) }, grade: "B1",
                     scale: "B1", regime: schedule.regime, schedule: schedule, category: category)
    }

    private func ledger(_ periods: [CareerPeriod], records: [TimeRecord] = [], birth: String = "1990-06-01") -> LeaveLedger {
        let account = LeaveAccount(periods: periods, birthDate: Fixtures.date(birth), rules: Fixtures.rules.leaveRules)
        return LeaveLedger(account: account!, records: records, calendar: WorkCalendar(holidays: Fixtures.brussels, career: account!.career))
    }

    private func leave(_ id: String, _ from: String, _ to: String? = nil, part: DayPart = .full,
                       status: TimeRecordStatus = .validated) -> TimeRecord {
        Fixtures.absence(id, "annual_leave", from, to, part: part, status: status)
    }

    /// Entitlement (days) of 2026 by career: a table from the rule file's 26/27/28 days.
    func testTheYearsEntitlementIsProRataOfEntryExitAndRegimeRoundedUpToTheHalfDay() {
        let cases: [(String, [CareerPeriod], String, Double)] = [
            ("full year, full time, 35 on 1 January", [period("p", "2020-01-01")], "1990-06-01", 26),
            ("full year, 45 on 1 January", [period("p", "2020-01-01")], "1980-06-01", 27),
            ("full year, 50 on 1 January", [period("p", "2020-01-01")], "1975-06-01", 28),
            // 26 × 184/365 = 13.1 → 13.5
            ("entry on 1 July", [period("p", "2026-07-01")], "1990-06-01", 13.5),
            // 26 × 90/365 = 6.4 → 6.5
            ("exit on 31 March", [period("p", "2020-01-01", "2026-03-31")], "1990-06-01", 6.5),
            // 26 × 0.8 = 20.8 → 21
            ("80 % all year", [period("p", "2020-01-01", schedule: Self.fourFifths)], "1990-06-01", 21),
            // 26 × (181 × 100 % + 184 × 50 %) / 365 = 19.45 → 19.5
            ("full time to 30 June, half time from 1 July",
             [period("a", "2020-01-01", "2026-06-30"), period("b", "2026-07-01", schedule: Self.mornings)], "1990-06-01", 19.5),
            // Article 60: 20 days (private-sector scheme).
            ("article 60 all year", [period("p", "2025-06-01", category: .art60)], "1990-06-01", 20),
            ("no period in the year", [period("p", "2027-01-01")], "1990-06-01", 0),
        ]
        for (name, periods, birth, days) in cases {
            XCTAssertEqual(ledger(periods, birth: birth).entitlement(year: 2026).days, days, name)
        }
    }

    func testTakenUpToTheDayPlannedAfterItDraftsAndRefusedEntriesLeftOut() {
        let records = [
            leave("march", "2026-03-02", "2026-03-06"),                              // 5 days, validated
            leave("morning", "2026-04-07", part: .morning, status: .submitted),       // 0.5
            leave("december", "2026-12-21", "2026-12-24", status: .submitted),        // 4 days, after today
            leave("draft", "2026-07-06", "2026-07-10", status: .draft),               // not counted
            leave("refused", "2026-08-03", "2026-08-07", status: .rejected),          // not counted
            Fixtures.absence("sick", "sick", "2026-05-04", status: .validated),       // another type
        ]
        let balance = ledger([period("p", "2026-01-01")], records: records).balance(year: 2026, asOf: Fixtures.date("2026-11-24"))
        XCTAssertEqual(balance.entitlement.text, "26")
        XCTAssertEqual(balance.carriedOver, .zero, "no career in 2025")
        XCTAssertEqual(balance.taken.text, "5.5")
        XCTAssertEqual(balance.planned.text, "4")
        XCTAssertEqual(balance.remaining.text, "16.5")
    }

    func testHalfDaysAndHoursCountWhatTheyCover() {
        let halfTime = ledger([period("p", "2026-01-01", schedule: Self.mornings)])
        let fullTime = ledger([period("p", "2026-01-01")])
        // A whole day off on a mornings-only schedule is half a day; an afternoon off is nothing.
        XCTAssertEqual(halfTime.days(of: leave("a", "2026-03-02"), in: 2026).text, "0.5")
        XCTAssertEqual(halfTime.days(of: leave("b", "2026-03-02", part: .afternoon), in: 2026), .zero)
        XCTAssertEqual(halfTime.entitlement(year: 2026).text, "13")
        // Three mornings are a day and a half; a week with the Easter Monday holiday is 4 days.
        XCTAssertEqual(fullTime.days(of: leave("c", "2026-03-02", "2026-03-04", part: .morning), in: 2026).text, "1.5")
        XCTAssertEqual(fullTime.days(of: leave("d", "2026-04-06", "2026-04-10"), in: 2026).text, "4")
        // Hours: 3 h 48 is half a day, 2 hours 0.26 of a day (7 h 36 a day).
        let hours = TimeRecord.hourAbsence(id: "h", employerCode: "AC-IXL", dossierID: "d1", type: "annual_leave",
                                           on: Fixtures.date("2026-03-05"), fromMinute: 480, toMinute: 708, enteredBy: "u")
        XCTAssertEqual(fullTime.days(of: hours, in: 2026).text, "0.5")
        var two = hours
        two.endMinute = 600
        XCTAssertEqual(fullTime.days(of: two, in: 2026).text, "0.26")
        // A leave across New Year counts in each year for its own days.
        let newYear = leave("e", "2026-12-28", "2027-01-05")
        XCTAssertEqual(fullTime.days(of: newYear, in: 2026).text, "4")
        XCTAssertEqual(fullTime.days(of: newYear, in: 2027).text, "2", "1 January is a holiday, then a weekend")
    }

    func testUnusedDaysAreCarriedUpToTheMaximum() {
        let fullYear = [period("p", "2025-01-01")]
        // 2025: 26 days, 20 used: 6 left, 5 carried (the rule file's maximum).
        let twenty = [leave("a", "2025-03-03", "2025-03-28"), leave("b", "2026-02-02")]
        XCTAssertEqual(ledger(fullYear, records: twenty).carriedOver(into: 2026).text, "5")
        XCTAssertEqual(ledger(fullYear, records: twenty).balance(year: 2026, asOf: Fixtures.date("2026-11-24")).remaining.text, "30")
        // 24 used: 2 carried.
        let twentyFour = twenty + [leave("c", "2025-06-02", "2025-06-05")]
        XCTAssertEqual(ledger(fullYear, records: twentyFour).carriedOver(into: 2026).text, "2")
        // Article 60 workers carry nothing.
        XCTAssertEqual(ledger([period("p", "2025-01-01", category: .art60)]).carriedOver(into: 2026), .zero)
    }

    /// 25 days taken of 26: two more days are refused with the numbers, half a day fits, and a
    /// correction moving a taken week elsewhere is judged without the week it replaces.
    func testAnAnnualLeaveBeyondTheBalanceIsRefusedWithItsNumbers() throws {
        let taken = [leave("jan", "2026-01-05", "2026-01-30"), leave("feb", "2026-02-02", "2026-02-06")]
        let ledger = ledger([period("p", "2026-01-01")], records: taken)
        XCTAssertEqual(ledger.balance(year: 2026, asOf: Fixtures.date("2026-11-24")).remaining.text, "1")
        let twoDays = leave("new", "2026-03-02", "2026-03-03", status: .submitted)
        XCTAssertThrowsError(try ledger.check(twoDays)) { error in
            XCTAssertEqual(error as? RuleViolation, .leaveBalanceExceeded(year: 2026, requestedDays: "2", remainingDays: "1"))
            XCTAssertEqual((error as? RuleViolation)?.code, "leave.balance_exceeded")
            XCTAssertEqual((error as? RuleViolation)?.parameters, ["year": "2026", "requested_days": "2", "remaining_days": "1"])
        }
        XCTAssertNoThrow(try ledger.check(leave("half", "2026-03-02", part: .morning, status: .submitted)))
        XCTAssertNoThrow(try ledger.check(Fixtures.absence("sick", "sick", "2026-03-02", "2026-03-20")), "other types draw nothing")
        var moved = leave("moved", "2026-03-09", "2026-03-13", status: .submitted)
        moved.replacesID = "feb"
        XCTAssertNoThrow(try ledger.check(moved))
        XCTAssertEqual(ledger.remaining(after: moved).first?.remaining.text, "1")
        // The same refusal through the time sheet both sides check with.
        let sheet = TimeSheet(dossier: Fixtures.dossier(category: .statutory), records: taken, catalogue: Fixtures.rules.absenceCatalogue,
                              calendar: ledger.calendar, leave: ledger.account)
        XCTAssertThrowsError(try sheet.check(twoDays)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "leave.balance_exceeded")
        }
        // Without a career period there is no balance, and nothing is checked.
        XCTAssertNil(LeaveAccount(periods: [], birthDate: Fixtures.date("1990-06-01"), rules: Fixtures.rules.leaveRules))
        let noCareer = TimeSheet(dossier: Fixtures.dossier(), records: taken, catalogue: Fixtures.rules.absenceCatalogue,
                                 calendar: ledger.calendar)
        XCTAssertNil(noCareer.leaveLedger)
        XCTAssertNoThrow(try noCareer.check(twoDays))
    }

    func testTheBalanceTypesAreCheckedAgainstTheCatalogue() throws {
        let texts = Fixtures.rules.texts
        let bad = (texts[.leaveEntitlements] ?? "").replacingOccurrences(of: "types = [\"annual_leave\"]", with: "types = [\"holiday\"]")
        XCTAssertThrowsError(try Fixtures.rules.replacing(.leaveEntitlements, with: bad)) { error in
            XCTAssertTrue("\(error)".contains("unknown absence type 'holiday'"), "\(error)")
        }
        XCTAssertEqual(Fixtures.rules.leaveRules.balanceTypes, ["annual_leave"])
    }
}
