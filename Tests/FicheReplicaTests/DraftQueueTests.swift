@testable import FicheReplica
import FicheDomain
import XCTest

/// The drafts a time manager left unsent: theirs to submit or withdraw; a supervisor sees those
/// of their employers but may neither send nor delete someone else's.
final class DraftQueueTests: XCTestCase {
    private let asOf = ReadFixture.date("2026-11-20")

    /// The drafts queue of `userID`, supervising `employerCodes`.
    private func drafts(_ database: AppDatabase, _ userID: String, _ employerCodes: [String]) throws -> [ValidationQueueItem] {
        try database.validationQueueAll(ValidationQueueFilter(drafts: DraftsScope(userID: userID, employerCodes: employerCodes)),
                                        asOf: asOf)
    }

    func testAnAuthorSeesAndSubmitsTheirDraftASupervisorSeesItButMayNotDeleteIt() throws {
        let database = try ReplicaFixture.make()
        let mine = try drafts(database, "u-time", [])
        XCTAssertEqual(mine.map(\.record.id), ["tr-1"], "the fixture's annual leave of 9–13 November, a draft")
        XCTAssertEqual(mine.first?.enteredByName, "Peeters, A.")
        XCTAssertEqual(try drafts(database, "u-clerk", []), [], "not theirs")
        XCTAssertEqual(try drafts(database, "u-clerk", ["AC-IXL"]).map(\.record.id),
                       ["tr-1"], "a draft of an employer they supervise")
        XCTAssertEqual(try drafts(database, "u-clerk", ["CPAS-IXL"]), [])

        XCTAssertThrowsError(try database.deleteTimeRecord("tr-1", by: ReplicaFixture.clerk)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "entry.not_own")
        }
        XCTAssertEqual(try drafts(database, "u-time", []).count, 1, "nothing written")

        let before = try database.submittedCount()
        var sent = try XCTUnwrap(mine.first?.record)
        sent.status = .submitted
        try database.amendTimeRecord(sent, by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules,
                                     now: ReadFixture.noon(asOf))
        XCTAssertEqual(try drafts(database, "u-time", ["AC-IXL"]), [])
        XCTAssertEqual(try database.submittedCount(), before + 1, "it waits for validation")
        XCTAssertTrue(try database.validationQueueAll(ValidationQueueFilter(), asOf: asOf).contains { $0.record.id == "tr-1" })
    }
}
