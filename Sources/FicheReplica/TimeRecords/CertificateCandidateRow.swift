import FicheDomain
import GRDB

/// An absence without certificate as the missing-certificates queue first reads it: what the
/// first-day exemption needs (`CertificateCandidate`), its dossier and that dossier's staff
/// category. Most turn out exempt; the queue reads whole entries only for the others.
struct CertificateCandidateRow: CertificateCandidate {
    var id: String
    var dossierID: String
    var kind: TimeRecordKind
    var typeCode: String?
    var start: LocalDate
    var end: LocalDate
    var dayPart: DayPart
    var certificateReceived: Bool
    var isActive: Bool
    /// The dossier's category (`dossier_list`); nil when it does not read.
    var category: StaffCategory?

    /// The columns `init(row:)` reads, in order, of a time record aliased `r` and its dossier's
    /// list row aliased `l`.
    static let selection = """
        r.id, r.dossier_id, r.kind, r.type_code, r.start, r."end", r.day_part, r.certificate_received,
        r.status, r.is_cancellation, r.replaces_id, l.category
        """

    /// - Throws: `StoredRowError` when a value does not read, as `TimeRecord(stored:)` would.
    init(row: Row) throws {
        id = row[0]
        dossierID = row[1]
        typeCode = row[3]
        certificateReceived = row[7]
        category = StaffCategory(rawValue: row[11])
        let kindText: String = row[2], statusText: String = row[8]
        let dayPartText: String = (row[6] as String?) ?? DayPart.full.rawValue
        guard let kind = TimeRecordKind(rawValue: kindText) else { throw Self.unreadable(id, "kind", kindText) }
        guard let dayPart = DayPart(rawValue: dayPartText) else { throw Self.unreadable(id, "day_part", dayPartText) }
        guard let status = TimeRecordStatus(rawValue: statusText) else { throw Self.unreadable(id, "status", statusText) }
        do {
            start = try LocalDate.parse(row[4])
            end = try LocalDate.parse(row[5])
        } catch {
            throw StoredRowError(table: "time_record", id: id, detail: "\(error)")
        }
        self.kind = kind
        self.dayPart = dayPart
        isActive = TimeRecord.isActive(status: status, isCancellation: row[9], replacesID: row[10])
    }

    private static func unreadable(_ id: String, _ column: String, _ value: String) -> StoredRowError {
        StoredRowError(table: "time_record", id: id, detail: "\(column) '\(value)' does not read")
    }
}
