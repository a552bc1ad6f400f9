import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// The server records a late certificate with the replica's rule (`TimeRecord.receivingCertificate`).
final class LateCertificateServerTests: XCTestCase {
    func testALateCertificateIsRecordedOnceWithinItsDatesAndWithTheRight() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        fixture.clock.advance(seconds: 45 * 86_400)  // mid-February 2026
        let dossier = try await fixture.dossierID("S002")
        @Sendable func certificate(_ id: Int64, _ record: String, _ day: LocalDate) -> PendingMutation {
            PendingMutation(id: id, uuid: UUID().uuidString,
                            mutation: .recordCertificate(RecordCertificate(recordID: record, receivedOn: day)))
        }
        try await fixture.test { api in
            let time = try await api.login("time.cpas").accessToken
            let clerk = try await api.login("clerk.ac").accessToken
            let (_, push) = try await api.push(time, [
                .absence(1, dossier: dossier, record: "sick-1", type: "sick", from: "2026-02-02", to: "2026-02-03",
                         status: .submitted),
                certificate(2, "sick-1", "2026-01-30"),
                certificate(3, "sick-1", "2026-03-02"),
                certificate(4, "sick-1", "2026-02-05"),
                certificate(5, "sick-1", "2026-02-06"),
                certificate(6, "no-such-record", "2026-02-05"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .rejected, .rejected, .applied, .applied, .rejected])
            XCTAssertEqual(push?.results.map(\.reason), [nil, "certificate.before_absence", "certificate.future", nil, nil,
                                                         "record.not_found"])
            XCTAssertNil(push?.results[4].seq, "recorded once: the second time changes nothing")
            let (_, denied) = try await api.push(clerk, [certificate(1, "sick-1", "2026-02-05")])
            XCTAssertEqual(denied?.results.first?.reason, "access.denied", "a commune clerk has no right at the CPAS")
        }
        let stored = try await fixture.store.read { tx in
            try await tx.first("SELECT certificate_received, status FROM time_records WHERE id = 'sick-1'")
        }
        XCTAssertEqual(stored?.string("certificate_received"), "1")
        XCTAssertEqual(stored?.string("status"), "submitted")
        let audited = try await fixture.count("SELECT COUNT(*) AS n FROM audit WHERE action = 'recordCertificate' AND new_value = 'received on 2026-02-05'")
        XCTAssertEqual(audited, 1)
        await fixture.store.close()
    }
}
