@testable import FicheDomain
import XCTest

final class PayrollVariablesTests: XCTestCase {
    private func validated(_ record: TimeRecord) -> TimeRecord {
        var copy = record
        copy.status = .validated
        return copy
    }

    func testMonthlyFiguresForADossier() throws {
        let period = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2020-01-01"), grade: "C2", scale: "C2",
                                  regime: .fullTime, schedule: .fullTime, category: .contractual)
        let career = Career(periods: [period])
        let calendar = WorkCalendar(holidays: Fixtures.brussels, career: career)
        var correction = validated(Fixtures.absence("corr", "sick", "2025-04-10", certificate: true))
        correction.correctionMonth = try YearMonth.parse("2025-05")
        var movedOut = validated(Fixtures.absence("moved", "annual_leave", "2025-05-05"))
        movedOut.correctionMonth = try YearMonth.parse("2025-06")
        let records = [
            validated(Fixtures.absence("leave", "annual_leave", "2025-05-12", "2025-05-16")),
            validated(Fixtures.absence("sick", "sick", "2025-05-20", certificate: true)),
            Fixtures.absence("draft", "annual_leave", "2025-05-26"),                          // not validated
            validated(Fixtures.absence("unj", "unjustified", "2025-05-27", part: .morning)),
            validated(TimeRecord.overtime(id: "ot", employerCode: "AC-IXL", dossierID: "d1",
                                          on: Fixtures.date("2025-05-14"), minutes: 90, enteredBy: "u")),
            validated(TimeRecord.overtime(id: "ot2", employerCode: "AC-IXL", dossierID: "d1",
                                          on: Fixtures.date("2025-05-22"), minutes: 45, enteredBy: "u")),
            validated(TimeRecord.lateness(id: "late", employerCode: "AC-IXL", dossierID: "d1",
                                          on: Fixtures.date("2025-05-21"), minutes: 15, enteredBy: "u")),
            validated(TimeRecord.hourAbsence(id: "tr", employerCode: "AC-IXL", dossierID: "d1", type: "training",
                                             on: Fixtures.date("2025-05-22"), fromMinute: 540, toMinute: 660,
                                             enteredBy: "u")),
            validated(Fixtures.absence("other", "sick", "2025-05-21", dossier: "d2")),
            correction, movedOut,
        ]
        let v = PayrollVariables(dossierID: "d1", month: try YearMonth.parse("2025-05"), career: career,
                                 category: .contractual, calendar: calendar, records: records,
                                 catalogue: Fixtures.rules.absenceCatalogue, guaranteedSalary: Fixtures.rules.guaranteedSalary, sickLeaveCapital: Fixtures.rules.sickLeaveCapital)
        XCTAssertEqual(v.scheduledDays, 22)
        XCTAssertEqual(v.paidAbsenceDays, ["public_holiday": 3, "annual_leave": 5, "sick": 1])
        XCTAssertEqual(v.unpaidAbsenceDays, ["unjustified": 0.5])
        XCTAssertEqual(v.workedDays, 12.5)
        XCTAssertEqual(v.sicknessDays, 1)
        XCTAssertEqual(v.overtimeMinutes, 135)
        XCTAssertEqual(v.latenessMinutes, 15)
        XCTAssertEqual(v.absenceMinutes, ["training": 120])
        XCTAssertEqual(v.corrections, ["2025-04": ["corr"]])
        XCTAssertEqual(v.regimes.map(\.regime), [.fullTime])
    }

    func testRegimeChangeInTheMonth() throws {
        let full = CareerPeriod(id: "c1", dossierID: "d1", start: Fixtures.date("2020-01-01"), grade: "C2", scale: "C2",
                                regime: .fullTime, schedule: .fullTime, category: .contractual)
        let fourFifths = CareerPeriod(id: "c2", dossierID: "d1", start: Fixtures.date("2025-05-19"), grade: "C2",
                                      scale: "C2", regime: try .parse("4/5"), schedule: try .usual(for: .parse("4/5")),
                                      category: .contractual)
        let career = try Career(periods: [full]).opening(fourFifths)
        let v = PayrollVariables(dossierID: "d1", month: try YearMonth.parse("2025-05"), career: career,
                                 category: .contractual, calendar: WorkCalendar(holidays: Fixtures.brussels, career: career),
                                 records: [], catalogue: Fixtures.rules.absenceCatalogue,
                                 guaranteedSalary: Fixtures.rules.guaranteedSalary, sickLeaveCapital: Fixtures.rules.sickLeaveCapital)
        XCTAssertEqual(v.regimes.map(\.start.iso), ["2025-05-01", "2025-05-19"])
        XCTAssertEqual(v.regimes.map(\.end.iso), ["2025-05-18", "2025-05-31"])
        XCTAssertEqual(v.regimes.map(\.regime.description), ["100 %", "80 %"])
        // 12 weekdays until the 18th, then 8 days without Wednesdays; 1, 8 and 29 May are holidays.
        XCTAssertEqual(v.scheduledDays, 20)
        XCTAssertEqual(v.workedDays, 17)
        let json = try JSONEncoder().encode(v)
        XCTAssertEqual(try JSONDecoder().decode(PayrollVariables.self, from: json), v)
    }
}
