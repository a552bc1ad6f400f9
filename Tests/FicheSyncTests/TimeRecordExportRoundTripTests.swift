import FicheCSV
import FicheDomain
import FicheReplica
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// `fiche-server export time-records` imports back unchanged with `fiche import time-records`:
/// exported from one server, imported on a device of a fresh server (the same dossiers), synced,
/// exported again: the same file, the same records; also after Excel saved it the Belgian way
/// (`;`, a byte order mark, CRLF, days first). Ids that a spreadsheet would run as formulas
/// travel as text and come back whole.
final class TimeRecordExportRoundTripTests: XCTestCase {
    private static let author = "u-original-author"

    /// One of each kind, half days and hours, a certificate, a draft; ids starting with = - + @.
    private static func records(a001: String, a002: String) throws -> [TimeRecord] {
        func day(_ text: String) throws -> LocalDate { try LocalDate.parse(text) }
        return [
            TimeRecord(id: "=HYPERLINK(\"http://x\",\"sick\")", employerCode: "AC-T", dossierID: a001, kind: .absence,
                       typeCode: "sick", start: try day("2026-11-16"), end: try day("2026-11-17"), certificateReceived: true,
                       status: .submitted, enteredBy: author),
            TimeRecord(id: "-rec-leave", employerCode: "AC-T", dossierID: a001, kind: .absence, typeCode: "annual_leave",
                       start: try day("2026-11-18"), end: try day("2026-11-18"), dayPart: .afternoon, status: .submitted,
                       enteredBy: author),
            TimeRecord(id: "@rec-training", employerCode: "AC-T", dossierID: a001, kind: .absence, typeCode: "training",
                       start: try day("2026-11-19"), end: try day("2026-11-19"), startMinute: 540, endMinute: 630,
                       status: .submitted, enteredBy: author),
            TimeRecord(id: "+rec-clocking", employerCode: "AC-T", dossierID: a001, kind: .clocking, typeCode: nil,
                       start: try day("2026-11-20"), end: try day("2026-11-20"), startMinute: 480, endMinute: 1000,
                       status: .submitted, enteredBy: author),
            TimeRecord(id: "rec-lateness", employerCode: "AC-T", dossierID: a002, kind: .lateness, typeCode: "lateness",
                       start: try day("2026-11-23"), end: try day("2026-11-23"), minutes: 20, status: .submitted,
                       enteredBy: author),
            TimeRecord(id: "rec-overtime-draft", employerCode: "AC-T", dossierID: a002, kind: .overtime, typeCode: "overtime",
                       start: try day("2026-11-20"), end: try day("2026-11-20"), minutes: 60, status: .draft,
                       enteredBy: author),
        ]
    }

    /// The fields a user sees of each record of AC-T, with its dossier's number, by id.
    private static func seen(_ server: SimulatedServer) async throws -> [[String]] {
        let rows = try await server.store.read { tx in
            try await tx.query("""
                SELECT d.number, t.* FROM time_records t JOIN dossiers d ON d.id = t.dossier_id
                WHERE t.employer_code = 'AC-T' AND t.deleted_at IS NULL ORDER BY t.id
                """, [])
        }
        return try rows.map { row in
            let record = try TimeRecordColumn.record(text: { row.string($0) })
            return [row.string("number") ?? "", record.id, record.kind.rawValue, record.typeCode ?? "", record.start.iso,
                    record.end.iso, record.dayPart.rawValue, record.startMinute.map(String.init) ?? "",
                    record.endMinute.map(String.init) ?? "", record.minutes.map(String.init) ?? "",
                    "\(record.certificateReceived)", record.status.rawValue]
        }
    }

    private static func export(_ server: SimulatedServer) async throws -> String {
        let lines = LinesBox()
        try await CSVExport(store: server.store).timeRecords(employer: "AC-T", month: nil) { lines.append($0) }
        return lines.all.joined(separator: "\n") + "\n"
    }

    /// A server whose AC-T dossiers hold the test's records, and its export.
    private static func original() async throws -> (SimulatedServer, String) {
        let server = try await SimulatedServer.make(users: ["clerk": ["AC-T"]])
        let columns = RecordTimeRecord.columns
        try await server.store.write { tx in
            let ids = try await tx.query("SELECT id FROM dossiers WHERE employer_code = 'AC-T' ORDER BY number", [])
                .compactMap { $0.string("id") }
            for record in try records(a001: ids[0], a002: ids[1]) {
                try await tx.execute("""
                    INSERT INTO time_records (\(columns.map(\.name).joined(separator: ", ")), version)
                    VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")))
                    """, columns.map { .optional($0.text(of: record)) } + [.int(1)])
            }
        }
        return (server, try await export(server))
    }

    /// Imports `file` on a clerk's device of a fresh server, syncs it, and returns that server
    /// (the caller closes it) with the import's summary.
    private static func imported(_ file: Data) async throws -> (SimulatedServer, ImportSummary) {
        let server = try await SimulatedServer.make(users: ["clerk": ["AC-T"]])
        let summary = try await server.serve { url in
            let device = try await SimulatedClient.make(name: "pc-import", login: "clerk", server: url, seed: 3, faultRate: 0)
            defer { device.remove() }
            try await device.session.sync()
            let summary = try TimeRecordImport(database: device.replica, rules: try RuleBook.bundled())
                .run(file: file, by: device.user)
            try await device.session.sync()
            XCTAssertEqual(Set(try device.replica.recordedResults().map(\.status)), ["applied"], "the server took every entry")
            return summary
        }
        return (server, summary)
    }

    func testTheExportImportsBackToTheSameFileAndRecords() async throws {
        let (source, export) = try await Self.original()
        XCTAssertTrue(export.hasPrefix(CSVTable.line(TimeRecordFileColumns.exported) + "\n"), export)
        XCTAssertTrue(export.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"sick\"\")\""), "a formula is written as text: \(export)")
        XCTAssertTrue(export.contains(",'-rec-leave,") && export.contains(",'@rec-training,") && export.contains(",'+rec-clocking,"),
                      export)
        let (copy, summary) = try await Self.imported(Data(export.utf8))
        XCTAssertEqual(summary, ImportSummary(records: 6, encoding: .utf8))
        let again = try await Self.export(copy)
        XCTAssertEqual(again, export, "the file exported again is the file imported")
        let original = try await Self.seen(source)
        let records = try await Self.seen(copy)
        XCTAssertEqual(records, original)
        XCTAssertTrue(records.contains { $0[1] == "=HYPERLINK(\"http://x\",\"sick\")" }, "the formula came back as the value it was")
        await copy.close()
        await source.close()
    }

    /// Opened in Excel on a Belgian Windows and saved as CSV UTF-8: `;`, days first, CRLF and
    /// a byte order mark; the same records come back.
    func testTheExportSavedByExcelTheBelgianWayImportsToTheSameRecords() async throws {
        let (source, export) = try await Self.original()
        let sheet = try CSVSheet.read(export)
        let names = sheet.columnNames
        let excel = ([names] + sheet.rows.map { row in
            zip(names, row.fields).map { name, value in
                name.hasSuffix("_date") ? ((try? LocalDate.parse(value))?.belgian ?? value) : value
            }
        }).map { CSVTable.line($0, separator: ";") }.joined(separator: "\r\n") + "\r\n"
        XCTAssertTrue(excel.contains(";16/11/2026;17/11/2026;full;"), excel)
        let (copy, summary) = try await Self.imported(Data([0xEF, 0xBB, 0xBF]) + Data(excel.utf8))
        XCTAssertEqual(summary.records, 6)
        let again = try await Self.export(copy)
        XCTAssertEqual(again, export, "the same records, exported as the original ones")
        let original = try await Self.seen(source)
        let records = try await Self.seen(copy)
        XCTAssertEqual(records, original)
        await copy.close()
        await source.close()
    }
}

/// Collects exported lines from a `@Sendable` callback.
private final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
