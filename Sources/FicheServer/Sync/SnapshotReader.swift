import Crypto
import FicheDomain
import FicheSyncProtocol
import Foundation

/// Resumable initial sync: pins the sequence, then pages each table by id for the caller's
/// employers, carrying the position in an HMAC-signed continuation token.
struct SnapshotReader: Sendable {
    let store: any ServerStore
    let audit: ReadAudit
    let configuration: ServerConfiguration
    let key: SymmetricKey

    /// What a continuation token carries.
    struct Position: Codable {
        var user: String
        var pinned: Int64
        var employers: [String]
        var entity: Int
        var after: String
        /// 1 since reference rows come first; nil in tokens signed before (their `entity` counts
        /// from the dossiers).
        var layout: Int?
    }

    /// Reference rows first, so a replica's first dossier page already knows the employer, the
    /// clerks' names and its own grants.
    static let entities: [(entity: SyncEntity, table: String, live: String, key: String)] =
        ReferenceRows.snapshotSources.map { ($0.entity, $0.table, "", $0.key) } + [
            (.dossier, "dossiers", " AND deleted_at IS NULL", "id"),
            (.timeRecord, "time_records", " AND deleted_at IS NULL", "id"),
            (.note, "notes", " AND deleted_at IS NULL", "id"),
            // Closed months must reach every device, or a replica would accept entries the server refuses.
            (.payrollMonth, "(SELECT employer_code || '/' || month AS id, employer_code, month, status FROM payroll_months) pm", "", "id"),
            (.art60Event, "art60_events", "", "id"),
            // Added last, so a token signed before they existed still points at the same table.
            (.careerPeriod, "career_periods", " AND deleted_at IS NULL", "id"),
            (.partner, "partners", " AND deleted_at IS NULL", "id"),
            (.art60Contract, "art60_contracts", " AND deleted_at IS NULL", "id"),
            (.placement, "placements", " AND deleted_at IS NULL", "id"),
        ]
    static let layout = 1
    static let maximumLimit = 5000

    func page(token: String?, employer: String?, limit requested: Int, caller: Caller) async throws -> SnapshotPage {
        let limit = max(1, min(requested, Self.maximumLimit))
        var position: Position
        if let token {
            position = try verify(token)
            if position.layout == nil {
                position.entity += ReferenceRows.snapshotSources.count
                position.layout = Self.layout
            }
            guard position.user == caller.userID else { throw APIError.badRequest("this token belongs to another user") }
        } else {
            let pinned = try await store.read { tx in
                try await tx.first("SELECT seq FROM sync_clock WHERE id = 1")?.int("seq") ?? 0
            }
            let employers = caller.visibleEmployers.filter { employer == nil || $0 == employer }
            position = Position(user: caller.userID, pinned: pinned, employers: employers, entity: 0, after: "",
                                layout: Self.layout)
            try audit.record(.init(userID: caller.userID, deviceID: caller.deviceID, action: "sync.snapshot",
                               decision: "allowed", employerCode: employers.joined(separator: ",")),
                         at: configuration.now())
        }
        // Grants are checked again at every page: a removed grant stops the snapshot's rows.
        let (entity, table, live, key) = Self.entities[min(position.entity, Self.entities.count - 1)]
        let permission = RowProjection.permission(for: entity)
        let employers = position.employers.filter { caller.rights.may(permission, at: $0) }
        let after = position.after
        // Columns that only order the pages; the key is read before it is dropped.
        let internalColumns: Set<String> = ["deleted_at", "page_key"]
        var rows: TextTable = employers.isEmpty ? TextTable(columns: []) : try await store.read { tx in
            try await tx.textTable(
                "SELECT * FROM \(table) WHERE employer_code IN (\(employers.map { _ in "?" }.joined(separator: ", "))) AND \(key) > ?\(live) ORDER BY \(key) LIMIT ?",
                employers.map(SQLValue.text) + [.text(after), .int(Int64(limit + 1))], excluding: internalColumns.subtracting([key]))
        }
        let more = rows.rowCount > limit
        rows.truncateRows(to: limit)
        if more, let keyColumn = rows.columns.firstIndex(of: key), let last = rows[rows.rowCount - 1, keyColumn] {
            position.after = last
        } else {
            position.entity += 1
            position.after = ""
        }
        rows.removeColumns(internalColumns)
        RowProjection.project(&rows, entity: entity, rights: caller.rights)
        let done = position.entity >= Self.entities.count
        return SnapshotPage(pinnedSeq: position.pinned, entity: entity, table: rows,
                            nextToken: done ? nil : try sign(position), done: done)
    }

    func sign(_ position: Position) throws -> String {
        let payload = try JSONEncoder().encode(position)
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        return Secrets.base64url(payload) + "." + Secrets.base64url(Data(mac))
    }

    func verify(_ token: String) throws -> Position {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Secrets.fromBase64url(String(parts[0])),
              let mac = Secrets.fromBase64url(String(parts[1])),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key),
              // try?: "is this a token?"; one that is not is refused with the error thrown below.
              let position = try? JSONDecoder().decode(Position.self, from: payload)
        else { throw APIError.badRequest("the snapshot token is not valid") }
        return position
    }
}
