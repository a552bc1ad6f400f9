import FicheDomain
import XCTest

/// A line of a time-record file means the same entry on the replica and on the server: read once,
/// here, whatever spelling the office's tool used.
final class TimeRecordFileRowTests: XCTestCase {
    private func read(_ cells: [String: String]) -> Result<TimeRecordFileRow, TimeRecordRowFailure> {
        TimeRecordFileRow.read(cells)
    }

    func testTheSameEntrySpelledOtherwiseIsTheSameEntry() throws {
        let excel = try read(["type": "training", "from": "13/03/2025", "to": "13/3/2025", "unit": "HOUR", "hours": "3,5",
                              "certificate": "non"]).get()
        let export = try read(["type": "training", "from": "2025-03-13", "to": "2025-03-13", "unit": "hour", "hours": "3.5"]).get()
        XCTAssertEqual(excel, export)
        XCTAssertEqual(excel.canonicalText, "absence|training|2025-03-13|2025-03-13|hour|210|0")
        let badge = try read(["type": "Clocking", "from": "14/03/2025 8:00", "to": "2025-03-14T12:30", "unit": ""]).get()
        XCTAssertEqual(badge.canonicalText, "clocking|2025-03-14|480|750")
        let record = badge.record(id: "r1", employerCode: "AC-T", dossierID: "d1", status: .validated,
                                  enteredBy: "import", reviewedBy: "import")
        XCTAssertEqual([record.startMinute, record.endMinute], [480, 750])
        XCTAssertEqual(record.status, .validated)
        XCTAssertEqual(record.reviewedBy, "import")
        let half = try read(["type": "annual_leave", "from": "17/03/2025", "to": "17/03/2025", "unit": "half_day"]).get()
        XCTAssertEqual(half.record(id: "r2", employerCode: "AC-T", dossierID: "d1", status: .submitted, enteredBy: "u").dayPart,
                       .morning)
    }

    func testEveryProblemOfARowIsSaidInColumnOrder() {
        guard case .failure(let failure) = read(["type": "", "from": "31/02/2025", "to": "", "unit": "week",
                                                  "certificate": "maybe"]) else {
            return XCTFail("a row with wrong cells is refused")
        }
        XCTAssertEqual(failure.issues.map(\.column), ["type", "from", "to", "unit", "certificate"])
        XCTAssertEqual(failure.issues.map(\.problem.description), [
            "is empty", "Day 31 of month 2 of 2025 does not exist", "is empty", "'week' is not day, half_day or hour",
            "'maybe' is not yes or no (1/0, true/false, oui/non, ja/nee)",
        ])
        guard case .failure(let clocking) = read(["type": "clocking", "from": "2025-03-14 08:00", "to": "2025-03-15 12:00",
                                                   "unit": "day"]) else {
            return XCTFail("a clocking over two days is refused")
        }
        XCTAssertEqual(clocking.issues, [TimeRecordCellIssue(column: "unit", problem: .unknownUnit("day")),
                                         TimeRecordCellIssue(column: "to", problem: .clockingAcrossDays)])
    }
}
