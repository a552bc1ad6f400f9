import FicheSyncProtocol
import Foundation

/// Appends to the change log with gap-free sequences taken inside the writing transaction.
enum ChangeLog {
    /// One entry to append.
    struct Entry {
        var scope: String
        var entity: SyncEntity
        var id: String
        var op: ChangeOperation
        var row: [String: String?]?
        var mutation: String? = nil
        /// Set for scope events, which only one user receives.
        var targetUser: String? = nil
    }

    /// Locks the clock row for this transaction: writers queue here, so sequences commit in order.
    static func lockClock(in tx: any StoreTransaction) async throws {
        try await tx.execute("UPDATE sync_clock SET seq = seq WHERE id = 1")
    }

    /// Locks the clock row like `lockClock` and returns the head: the sequences after it are
    /// this transaction's to give out, as long as it sets the clock to the last one it gave.
    static func lockClockReadingHead(in tx: any StoreTransaction) async throws -> Int64 {
        try head(from: await tx.query(clockLock.sql, clockLock.binds))
    }

    /// The statement of `lockClockReadingHead`, for a batch; `head(from:)` reads its rows.
    static let clockLock = StoreStatement("UPDATE sync_clock SET seq = seq WHERE id = 1 RETURNING seq")

    static func head(from rows: [StoreRow]) throws -> Int64 {
        guard let head = rows.first?.int("seq") else { throw CommandError("the sync clock is missing: run fiche-server migrate") }
        return head
    }

    /// Reserves `count` sequences; returns the first.
    static func reserve(_ count: Int, in tx: any StoreTransaction) async throws -> Int64 {
        guard let last = try await tx.first("UPDATE sync_clock SET seq = seq + ? WHERE id = 1 RETURNING seq",
                                             [.int(Int64(count))])?.int("seq")
        else { throw CommandError("the sync clock is missing: run fiche-server migrate") }
        return last - Int64(count) + 1
    }

    /// Appends entries; each gets its own sequence, which is also the row's new version.
    /// Returns the sequences in order.
    @discardableResult
    static func append(_ entries: [Entry], in tx: any StoreTransaction) async throws -> [Int64] {
        guard !entries.isEmpty else { return [] }
        let first = try await reserve(entries.count, in: tx)
        let sequences = entries.indices.map { first + Int64($0) }
        let rows = try zip(entries, sequences).map { try row($0, seq: $1) }
        try await BulkInsert.insert(into: "change_log", columns: columns, rows: rows, in: tx)
        return sequences
    }

    /// The columns of a change-log row, in the order of `row(_:seq:)`.
    static let columns = ["seq", "scope", "entity", "entity_id", "op", "version", "row_json", "mutation", "target_user"]

    /// The values of an entry's change-log row under `seq` (also its row's version).
    static func row(_ entry: Entry, seq: Int64) throws -> [SQLValue] {
        var row = entry.row
        row?["version"] = String(seq)
        return [.int(seq), .text(entry.scope), .text(entry.entity.rawValue), .text(entry.id), .text(entry.op.rawValue),
                .int(seq), .optional(row.map(encode)), .optional(entry.mutation), .optional(entry.targetUser)]
    }

    /// The row as a JSON object, keys in order (`JSONBytes.object`: `JSONEncoder` took a tenth
    /// of the server's time on a push).
    static func encode(_ row: [String: String?]) -> String {
        JSONBytes.object(row)
    }

    static func decode(_ text: String) throws -> [String: String?] {
        try JSONDecoder().decode([String: String?].self, from: Data(text.utf8))
    }
}
