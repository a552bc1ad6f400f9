import FicheDomain
import FicheReplica
import FicheServer
@testable import FicheSync
import FicheSyncProtocol
import Foundation
import XCTest

/// A time record keeps every field on its way: form → wire → server store (SQLite and
/// PostgreSQL) → pull → replica → screen. A field added to `TimeRecord` without a place in
/// `RecordTimeRecord.columns` (or without its replica migration) fails here, and so does a field
/// this test gives no value to.
final class TimeRecordRoundTripTests: XCTestCase {
    /// The record as a time record with no value of its own holds it: the test's record must
    /// differ from it in every field.
    private static let blank = TimeRecord(id: "", employerCode: "", dossierID: "", kind: .absence, typeCode: nil,
                                          start: LocalDate(dayNumber: 0), end: LocalDate(dayNumber: 0), enteredBy: "")

    /// Every field set, none to the value a new record starts with.
    private static func everyField(dossierID: String) throws -> TimeRecord {
        TimeRecord(id: "rec-every-field", employerCode: "AC-T", dossierID: dossierID, kind: .overtime, typeCode: "overtime",
                   start: try LocalDate.parse("2026-04-14"), end: try LocalDate.parse("2026-04-15"), dayPart: .afternoon,
                   startMinute: 480, endMinute: 570, minutes: 90, certificateReceived: true, status: .rejected,
                   enteredBy: "u-clerk", reviewedBy: "u-supervisor", rejectionReason: "Heures déjà payées en mars",
                   correctionMonth: try YearMonth.parse("2026-05"), replacesID: "rec-replaced", isCancellation: true,
                   correctionReason: "Certificat remis après la clôture d'avril")
    }

    func testTheTestRecordSetsEveryFieldOfATimeRecord() throws {
        let record = try Self.everyField(dossierID: "d-1")
        let fields = Array(Mirror(reflecting: record).children)
        let blanks = Array(Mirror(reflecting: Self.blank).children)
        XCTAssertEqual(fields.count, blanks.count)
        XCTAssertGreaterThanOrEqual(fields.count, 19, "every stored property is read")
        for (field, blank) in zip(fields, blanks) {
            XCTAssertNotEqual(String(describing: field.value), String(describing: blank.value),
                              "\(field.label ?? "?") keeps the value a new record starts with: give it one in everyField")
        }
        XCTAssertEqual(fields.compactMap(\.label).count, RecordTimeRecord.columns.count,
                       "each field of TimeRecord is one column of RecordTimeRecord.columns")
    }

    /// The entry a form sends carries every field the author sets; the server decides the
    /// review and the month a correction is booked in.
    func testTheWireCarriesEveryFieldAFormSets() throws {
        let record = try Self.everyField(dossierID: "d-1")
        let sent = Mutation.recordTimeRecord(RecordTimeRecord(record))
        let received = try JSONDecoder().decode(Mutation.self, from: try JSONEncoder().encode(sent))
        guard case .recordTimeRecord(let entry) = received else { return XCTFail("received \(received)") }
        var expected = record
        for column in RecordTimeRecord.columns where column.origin == .review || column.name == "correction_month" {
            try column.write(column.value(of: Self.blank), into: &expected)
        }
        XCTAssertEqual(entry.timeRecord(employerCode: record.employerCode, enteredBy: record.enteredBy), expected)
    }

    /// The served `openapi.json` states each field the entry carries, no more, no less: a field
    /// added to the wire type is stated even before the file describes it.
    func testTheServedDocumentStatesEveryFieldOfTheEntry() throws {
        func stated(_ data: Data) throws -> [String: Any] {
            let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            return try XCTUnwrap((schemas?["RecordTimeRecord"] as? [String: Any])?["properties"] as? [String: Any])
        }
        let entry = try JSONEncoder().encode(RecordTimeRecord(try Self.everyField(dossierID: "d-1")))
        let sent = try XCTUnwrap(try JSONSerialization.jsonObject(with: entry) as? [String: Any])
        XCTAssertEqual(Set(try stated(OpenAPIDocument.data).keys), Set(sent.keys))
        XCTAssertEqual(Set(RecordTimeRecord.wireKeys), Set(sent.keys), "every key the wire type has, the entry sends")
        // A field the file does not describe yet is stated; one the wire type lost is not.
        let grown = OpenAPIDocument.stating(RecordTimeRecord.wireKeys + ["payer"], of: "RecordTimeRecord", in: OpenAPIDocument.data)
        XCTAssertEqual(Set(try stated(grown).keys), Set(sent.keys).union(["payer"]))
        let shrunk = OpenAPIDocument.stating(RecordTimeRecord.wireKeys.filter { $0 != "cancellation" }, of: "RecordTimeRecord",
                                             in: OpenAPIDocument.data)
        XCTAssertFalse(try stated(shrunk).keys.contains("cancellation"))
        // The hand-written descriptions stay.
        let start = try XCTUnwrap(try stated(OpenAPIDocument.data)["start"] as? [String: Any])
        XCTAssertEqual(start["format"] as? String, "date")
    }

    func testEveryFieldComesBackFromTheSQLiteServer() async throws {
        let server = try await SimulatedServer.make(users: ["clerk": ["AC-T"]])
        try await Self.roundTrip(through: server)
        await server.close()
    }

    func testEveryFieldComesBackFromThePostgreSQLServer() async throws {
        let database = try ScratchDatabase.create()
        defer { database.drop() }
        let server = try await SimulatedServer.make(users: ["clerk": ["AC-T"]], store: try PostgresServerStore(url: database.url))
        try await Self.roundTrip(through: server)
        await server.close()
    }

    /// The record written as the server writes a new entry, read back as the server reads its
    /// rows, then copied to a device and read there as the dossier screen reads it.
    private static func roundTrip(through server: SimulatedServer) async throws {
        let dossierID = try await server.store.read { tx in
            try await tx.first("SELECT id FROM dossiers WHERE employer_code = 'AC-T' ORDER BY number")?.string("id")
        }
        let record = try everyField(dossierID: try XCTUnwrap(dossierID))
        let columns = RecordTimeRecord.columns
        let stored = try await server.store.write { tx in
            try await tx.execute("""
                INSERT INTO time_records (\(columns.map(\.name).joined(separator: ", ")), version)
                VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")))
                """, columns.map { .optional($0.text(of: record)) } + [.int(1)])
            return try await tx.first("SELECT * FROM time_records WHERE id = ?", [.text(record.id)])
        }
        let row = try XCTUnwrap(stored)
        XCTAssertEqual(try TimeRecordColumn.record(text: { row.string($0) }), record, "the server reads back what it wrote")

        try await server.serve { url in
            let device = try await SimulatedClient.make(name: "pc-every-field", login: "clerk", server: url, seed: 7, faultRate: 0)
            defer { device.remove() }
            try await device.session.sync()
            let card = try XCTUnwrap(try device.replica.openDossier(record.dossierID, year: 2026))
            XCTAssertEqual(card.timeRecords.first { $0.id == record.id }, record, "the device holds what the server sent")
        }
    }

    /// An absence entered on one device reaches another through push and pull with every value
    /// its form set, and the server holds the same.
    func testAnEntryTypedOnOneDeviceArrivesWholeOnAnother() async throws {
        let server = try await SimulatedServer.supervisorAndClerk(seeds: (11, 12)) { server, sup, clerk in
            let dossier = try XCTUnwrap(clerk.replica.syncedRows(of: "dossier").keys.sorted().first)
            var entry = TimeRecord.absence(id: UUID().uuidString, employerCode: "AC-T", dossierID: dossier, type: "sick",
                                           from: try LocalDate.parse("2026-11-16"), to: try LocalDate.parse("2026-11-16"),
                                           certificateReceived: true, enteredBy: clerk.user.id)
            entry.status = .submitted
            try clerk.replica.recordAbsence(entry, by: clerk.user, rules: try RuleBook.bundled())
            try await clerk.session.sync()
            XCTAssertEqual(try clerk.replica.recordedResults().map(\.status), ["applied"])
            let id = entry.id
            let row = try await server.store.read { tx in try await tx.first("SELECT * FROM time_records WHERE id = ?", [.text(id)]) }
            let stored = try XCTUnwrap(row)
            XCTAssertEqual(try TimeRecordColumn.record(text: { stored.string($0) }), entry, "the server holds the entry as typed")
            try await sup.session.sync()
            let local = try XCTUnwrap(try clerk.replica.openDossier(dossier, year: 2026)?.timeRecords.first { $0.id == id })
            XCTAssertEqual(local, entry, "the clerk's device keeps the entry as typed")
            let pulled = try XCTUnwrap(try sup.replica.openDossier(dossier, year: 2026)?.timeRecords.first { $0.id == id })
            XCTAssertEqual(pulled, entry, "the supervisor's device holds the entry as typed")
        }
        await server.close()
    }
}
