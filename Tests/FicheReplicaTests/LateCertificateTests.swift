import FicheDomain
@testable import FicheReplica
import FicheSyncProtocol
import XCTest

/// A medical certificate that arrives after the absence was entered is recorded with its date.
final class LateCertificateTests: XCTestCase {
    private let rules = ReplicaFixture.rules
    private let asOf = ReadFixture.date("2026-11-20")

    func testALateCertificateClearsTheMissingItemAndIsSentWithItsDate() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("stat", dossier: "dos-1", type: "sick", from: "2026-10-05", to: "2026-10-06", status: .validated),
        ])
        XCTAssertEqual(try database.missingCertificates(asOf: asOf, rules: rules).map(\.record.id), ["stat"])

        let received = ReadFixture.date("2026-10-12")
        let entry = try XCTUnwrap(database.recordCertificate(recordID: "stat", receivedOn: received, by: ReplicaFixture.clerk))
        XCTAssertEqual(entry.sent, .recordCertificate(RecordCertificate(recordID: "stat", receivedOn: received)))
        XCTAssertEqual(try database.missingCertificates(asOf: asOf, rules: rules), [], "the queue drops it")
        let card = try XCTUnwrap(database.openDossier("dos-1", year: 2026))
        XCTAssertEqual(card.timeRecords.first { $0.id == "stat" }?.certificateReceived, true)
        XCTAssertEqual(card.timeRecords.first { $0.id == "stat" }?.status, .validated, "a validated entry stays validated")
        let trail = try database.auditTrail(entity: "time_record", targetID: "stat")
        XCTAssertEqual(trail.last?.action, "recordCertificate")
        XCTAssertEqual(trail.last?.changes["certificate_received_on"]?.new, "2026-10-12")
        XCTAssertNil(try database.recordCertificate(recordID: "stat", receivedOn: received, by: ReplicaFixture.clerk),
                     "recorded once: a second time writes nothing")
    }

    func testACertificateBeforeTheAbsenceAfterTodayOrWithoutTheRightIsRefusedAndNothingIsWritten() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("stat", dossier: "dos-1", type: "sick", from: "2026-10-05", to: "2026-10-06"),
            ReadFixture.absence("refused", dossier: "dos-1", type: "sick", from: "2026-10-19", status: .rejected),
        ])
        let before = try database.pendingMutations().count
        func refusal(_ id: String, _ day: String, _ user: User = ReplicaFixture.clerk) -> String? {
            do {
                try database.recordCertificate(recordID: id, receivedOn: ReadFixture.date(day), by: user)
                return nil
            } catch {
                return (error as? RuleViolation)?.code
            }
        }
        XCTAssertEqual(refusal("stat", "2026-10-01"), "certificate.before_absence")
        XCTAssertEqual(refusal("stat", "2026-11-25"), "certificate.future", "the office's today is 24/11/2026")
        XCTAssertEqual(refusal("refused", "2026-10-20"), "certificate.rejected_entry")
        XCTAssertEqual(refusal("stat", "2026-10-12", ReplicaFixture.auditor), "access.denied")
        XCTAssertEqual(try database.pendingMutations().count, before)
        XCTAssertEqual(try database.missingCertificates(asOf: asOf, rules: rules).map(\.record.id), ["stat"])
    }
}
