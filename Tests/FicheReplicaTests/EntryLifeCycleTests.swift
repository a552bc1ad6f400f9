import FicheDomain
@testable import FicheReplica
import FicheSyncProtocol
import XCTest

/// The author corrects or withdraws an entry no one has validated yet.
final class EntryLifeCycleTests: XCTestCase {
    private let rules = ReplicaFixture.rules
    private let author = ReplicaFixture.timeManager

    private func refusal(_ write: () throws -> Void) -> String? {
        do {
            try write()
            return nil
        } catch {
            return (error as? RuleViolation)?.code ?? "\(error)"
        }
    }

    func testACorrectedEntryShowsAtOnceAndIsSentAsTheWholeEntry() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("own", dossier: "dos-2", type: "annual_leave", from: "2026-11-16", to: "2026-11-17",
                                status: .submitted),
        ])
        var edit = try XCTUnwrap(database.openDossier("dos-2", year: 2026)?.timeRecords.first { $0.id == "own" })
        edit.end = ReadFixture.date("2026-11-18")
        edit.dayPart = .full
        let entry = try XCTUnwrap(database.amendTimeRecord(edit, by: author, rules: rules))
        guard case .amendTimeRecord(let sent) = entry.sent else { return XCTFail("sent as \(entry.sent)") }
        XCTAssertEqual(sent.recordID, "own")
        XCTAssertEqual(sent.end, ReadFixture.date("2026-11-18"))
        XCTAssertEqual(sent.status, .submitted, "a submitted entry stays in the queue")
        XCTAssertEqual(entry.changes["end"], FieldChange(old: "2026-11-17", new: "2026-11-18"))
        let shown = try XCTUnwrap(database.openDossier("dos-2", year: 2026)?.timeRecords.first { $0.id == "own" })
        XCTAssertEqual(shown.end, ReadFixture.date("2026-11-18"))
        XCTAssertNil(try database.amendTimeRecord(shown, by: author, rules: rules), "the same values write nothing")
        XCTAssertEqual(try database.dossierHistory(dossierID: "dos-2").first?.action, "amendTimeRecord")
    }

    func testARejectedEntryCorrectedGoesBackToTheQueueWithoutItsRejection() throws {
        let database = try ReplicaFixture.make()
        var rejected = ReadFixture.absence("refused", dossier: "dos-2", type: "annual_leave", from: "2026-11-16", status: .rejected)
        rejected.value.rejectionReason = "wrong week"
        rejected.value.reviewedBy = "u-clerk"
        try ReadFixture.apply(database, records: [rejected])
        var edit = rejected.value
        edit.start = ReadFixture.date("2026-11-23")
        edit.end = edit.start
        edit.status = .draft
        try database.amendTimeRecord(edit, by: author, rules: rules)
        let shown = try XCTUnwrap(database.openDossier("dos-2", year: 2026)?.timeRecords.first { $0.id == "refused" })
        XCTAssertEqual(shown.status, .submitted)
        XCTAssertNil(shown.rejectionReason)
        XCTAssertNil(shown.reviewedBy)
    }

    func testOnlyTheAuthorChangesAnEntryNotYetValidatedAndTheRulesStillHold() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("mine", dossier: "dos-1", type: "annual_leave", from: "2026-11-16", status: .submitted),
            ReadFixture.absence("theirs", dossier: "dos-1", type: "annual_leave", from: "2026-11-17", status: .submitted,
                                enteredBy: "u-clerk"),
            ReadFixture.absence("done", dossier: "dos-1", type: "annual_leave", from: "2026-11-18", status: .validated),
        ])
        let before = try database.pendingMutations().count
        let card = try XCTUnwrap(database.openDossier("dos-1", year: 2026))
        func record(_ id: String) throws -> TimeRecord { try XCTUnwrap(card.timeRecords.first { $0.id == id }) }
        var overlapping = try record("mine")
        overlapping.start = ReadFixture.date("2026-11-12")  // tr-1 covers 09–13/11
        XCTAssertEqual(refusal { try database.amendTimeRecord(overlapping, by: author, rules: rules) }, "absence.overlap")
        XCTAssertEqual(refusal { try database.amendTimeRecord(try record("theirs"), by: author, rules: rules) }, "entry.not_own")
        XCTAssertEqual(refusal { try database.deleteTimeRecord("theirs", by: author) }, "entry.not_own")
        XCTAssertEqual(refusal { try database.amendTimeRecord(try record("done"), by: author, rules: rules) }, "entry.validated")
        XCTAssertEqual(refusal { try database.deleteTimeRecord("done", by: author) }, "entry.validated")
        var clocking = try record("mine")
        clocking.kind = .clocking
        XCTAssertEqual(refusal { try database.amendTimeRecord(clocking, by: author, rules: rules) }, "entry.kind")
        XCTAssertEqual(refusal { try database.deleteTimeRecord("mine", by: ReplicaFixture.auditor) }, "access.denied")
        XCTAssertEqual(try database.pendingMutations().count, before, "a refusal writes nothing")
    }

    func testADeletedEntryLeavesTheDossierAndItsHistorySaysSo() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("gone", dossier: "dos-2", type: "annual_leave", from: "2026-11-16", status: .submitted),
        ])
        let entry = try database.deleteTimeRecord("gone", by: author)
        XCTAssertEqual(entry.sent, .deleteTimeRecord(DeleteTimeRecord(recordID: "gone")))
        XCTAssertEqual(try database.openDossier("dos-2", year: 2026)?.timeRecords.map(\.id), [])
        let history = try database.dossierHistory(dossierID: "dos-2")
        XCTAssertEqual(history.first?.action, "deleteTimeRecord")
        XCTAssertEqual(history.first?.changes["start"]?.old, "2026-11-16", "the history names what was withdrawn")
        XCTAssertThrowsError(try database.deleteTimeRecord("gone", by: author), "once gone, it cannot go twice")
    }
}
