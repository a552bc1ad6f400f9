import FicheDomain
import FicheSyncProtocol
import Foundation

/// Answers pulls: change-log entries after a cursor, filtered by the caller's current grants
/// and projected for their role.
struct PullReader: Sendable {
    let store: any ServerStore
    let audit: ReadAudit
    let configuration: ServerConfiguration

    static let maximumLimit = 1000

    /// - Parameter clock: the head and horizon read for this request (after it arrived), e.g.
    ///   by `Authenticator.authenticateWithClock`; read here when nil.
    func pull(cursor: Int64, limit requested: Int, resultsAfter: Int64?, caller: Caller,
              clock known: ClockReading? = nil) async throws -> PullResponse {
        let limit = max(1, min(requested, Self.maximumLimit))
        let employers = caller.visibleEmployers
        let clock: ClockReading
        if let known {
            clock = known
        } else {
            clock = try await store.read { tx in
                guard let row = try await tx.first(ClockReading.sql) else {
                    throw APIError(.serviceUnavailable, "unavailable", "store not migrated")
                }
                return try ClockReading(row)
            }
        }
        let head = clock.seq
        if cursor < clock.horizon {
            throw APIError(.gone, "cursor_too_old",
                           "the change log before \(clock.horizon) was compacted; take a snapshot, keep the outbox")
        }
        let after = resultsAfter ?? max(0, caller.lastMutationID - 100)
        let response: PullResponse
        if cursor >= head && after >= caller.lastMutationID {
            // Nothing after the cursor and no result to return: no statement to run.
            response = PullResponse(changes: [], cursor: cursor, hasMore: false, lastMutationID: caller.lastMutationID,
                                    results: [])
        } else {
            response = try await read(cursor: cursor, head: head, limit: limit, after: after, employers: employers,
                                      caller: caller)
        }
        audit.record(.init(userID: caller.userID, deviceID: caller.deviceID, action: "sync.pull", decision: "allowed",
                           employerCode: employers.joined(separator: ","), newValue: "\(cursor)→\(response.cursor)"),
                     at: configuration.now())
        return response
    }

    private func read(cursor: Int64, head: Int64, limit: Int, after: Int64, employers: [String],
                      caller: Caller) async throws -> PullResponse {
        try await store.read { tx -> PullResponse in
            var sql = """
                SELECT seq, scope, entity, entity_id, op, version, row_json FROM change_log
                WHERE seq > ? AND seq <= ? AND (target_user = ?
                """
            var binds: [SQLValue] = [.int(cursor), .int(head), .text(caller.userID)]
            if !employers.isEmpty {
                sql += " OR (target_user IS NULL AND scope IN (\(employers.map { _ in "?" }.joined(separator: ", "))))"
                binds += employers.map(SQLValue.text)
            }
            sql += ") ORDER BY seq LIMIT ?"
            binds.append(.int(Int64(limit + 1)))
            let rows = try await tx.query(sql, binds)
            let hasMore = rows.count > limit
            var changes: [Change] = []
            for row in rows.prefix(limit) {
                guard let seq = row.int("seq"), let scope = row.string("scope"),
                      let entity = SyncEntity(rawValue: row.string("entity") ?? ""),
                      let op = ChangeOperation(rawValue: row.string("op") ?? ""), let id = row.string("entity_id")
                else { continue }
                var projected: [String: String?]?
                if let json = row.string("row_json") {
                    guard let visible = RowProjection.project(try ChangeLog.decode(json), entity: entity, employer: scope,
                                                              rights: caller.rights) else { continue }
                    projected = visible
                }
                changes.append(Change(seq: seq, scope: scope, entity: entity, id: id, op: op,
                                      version: row.int("version") ?? seq, row: projected))
            }
            let next = hasMore ? (rows.prefix(limit).last?.int("seq") ?? cursor) : max(cursor, head)
            var results: [MutationResult] = []
            if after < caller.lastMutationID {
                results = try await tx.query(
                    "SELECT result FROM mutations WHERE client_id = ? AND mutation_id > ? ORDER BY mutation_id LIMIT 100",
                    [.text(caller.deviceID), .int(after)]).compactMap { row in
                    row.string("result").flatMap { try? JSONDecoder().decode(MutationResult.self, from: Data($0.utf8)) }
                }
            }
            return PullResponse(changes: changes, cursor: next, hasMore: hasMore, lastMutationID: caller.lastMutationID,
                                results: results)
        }
    }
}
