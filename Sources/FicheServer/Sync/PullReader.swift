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

    /// The answer to one pull: the JSON document and the cursor it moves the device to.
    struct Answer: Sendable {
        var json: [UInt8]
        var cursor: Int64
        var changeCount: Int
    }

    /// - Parameter clock: the head and horizon read for this request (after it arrived), e.g.
    ///   by `Authenticator.authenticateWithClock`; read here when nil.
    func pull(cursor: Int64, limit requested: Int, resultsAfter: Int64?, caller: Caller,
              clock known: ClockReading? = nil) async throws -> Answer {
        let limit = max(1, min(requested, Self.maximumLimit))
        let employers = caller.visibleEmployers
        let clock: ClockReading
        if let known {
            clock = known
        } else {
            let sql = ClockReading.sql(store.backend)
            clock = try await store.read { tx in
                guard let row = try await tx.first(sql) else {
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
        let answer: Answer
        if cursor >= head && after >= caller.lastMutationID {
            // Nothing after the cursor and no result to return: no statement to run.
            var writer = PullResponseWriter()
            answer = Answer(json: writer.finish(cursor: cursor, hasMore: false, lastMutationID: caller.lastMutationID,
                                                resultsJSON: [], head: head, serverIdentity: clock.identity),
                            cursor: cursor, changeCount: 0)
        } else {
            answer = try await read(cursor: cursor, head: head, identity: clock.identity, limit: limit, after: after,
                                    employers: employers, caller: caller)
        }
        try audit.record(.init(userID: caller.userID, deviceID: caller.deviceID, action: "sync.pull", decision: "allowed",
                           employerCode: employers.joined(separator: ","), newValue: "\(cursor)→\(answer.cursor)"),
                     at: configuration.now())
        return answer
    }

    /// Rows pass through as the change log keeps them (JSON objects), unless the caller's role
    /// masks a dossier's NISS or IBAN at that employer; stored results pass through likewise.
    private func read(cursor: Int64, head: Int64, identity: String, limit: Int, after: Int64, employers: [String],
                      caller: Caller) async throws -> Answer {
        try await store.read { tx -> Answer in
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
            // Read as text columns by position: no dictionary per row (`StoreRow`).
            var table = try await tx.textTable(sql, binds, excluding: [])
            let hasMore = table.rowCount > limit
            if hasMore { table.truncateRows(to: limit) }
            let columns = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
            guard let seqColumn = columns["seq"], let scopeColumn = columns["scope"], let entityColumn = columns["entity"],
                  let idColumn = columns["entity_id"], let opColumn = columns["op"], let versionColumn = columns["version"],
                  let rowColumn = columns["row_json"]
            else {
                // No row at all (an empty table has no columns): the device moves to the head.
                var writer = PullResponseWriter()
                let results = try await results(after: after, caller: caller, in: tx)
                return Answer(json: writer.finish(cursor: max(cursor, head), hasMore: false,
                                                  lastMutationID: caller.lastMutationID, resultsJSON: results,
                                                  head: head, serverIdentity: identity),
                              cursor: max(cursor, head), changeCount: 0)
            }
            var writer = PullResponseWriter(expectedChanges: table.rowCount)
            var shapes: [ShapeKey: Shape] = [:]
            var lastSeq = cursor
            for row in 0..<table.rowCount {
                guard let seq = table[row, seqColumn].flatMap({ Int64($0) }), let scope = table[row, scopeColumn],
                      let entity = table[row, entityColumn].flatMap(SyncEntity.init(rawValue:)),
                      let op = table[row, opColumn].flatMap(ChangeOperation.init(rawValue:)), let id = table[row, idColumn]
                else { continue }
                lastSeq = seq
                let version = table[row, versionColumn].flatMap { Int64($0) } ?? seq
                guard let json = table[row, rowColumn] else {
                    writer.appendChange(seq: seq, scope: scope, entity: entity, id: id, op: op, version: version, rowJSON: nil)
                    continue
                }
                let key = ShapeKey(entity: entity, scope: scope)
                let shape = shapes[key] ?? Shape(entity: entity, scope: scope, rights: caller.rights)
                shapes[key] = shape
                guard shape.visible else { continue }
                if shape.masks {
                    guard let masked = RowProjection.project(try ChangeLog.decode(json), entity: entity, employer: scope,
                                                             rights: caller.rights) else { continue }
                    writer.appendChange(seq: seq, scope: scope, entity: entity, id: id, op: op, version: version, row: masked)
                } else {
                    writer.appendChange(seq: seq, scope: scope, entity: entity, id: id, op: op, version: version, rowJSON: json)
                }
            }
            // More to come: the next page starts after the last row read, shown or not.
            let lastRead = table.rowCount > 0 ? table[table.rowCount - 1, seqColumn].flatMap { Int64($0) } : nil
            let next = hasMore ? max(lastSeq, lastRead ?? cursor) : max(cursor, head)
            let changeCount = writer.changeCount
            let results = try await results(after: after, caller: caller, in: tx)
            return Answer(json: writer.finish(cursor: next, hasMore: hasMore, lastMutationID: caller.lastMutationID,
                                              resultsJSON: results, head: head, serverIdentity: identity),
                          cursor: next, changeCount: changeCount)
        }
    }

    /// The device's stored mutation results after `after`, as the JSON they were answered with.
    private func results(after: Int64, caller: Caller, in tx: any StoreTransaction) async throws -> [String] {
        guard after < caller.lastMutationID else { return [] }
        return try await tx.query(
            "SELECT result FROM mutations WHERE client_id = ? AND mutation_id > ? ORDER BY mutation_id LIMIT 100",
            [.text(caller.deviceID), .int(after)]).compactMap { $0.string("result") }
    }

    private struct ShapeKey: Hashable {
        var entity: SyncEntity
        var scope: String
    }

    /// What the caller's role makes of an entity's rows at one employer: seen or not, and
    /// whether a dossier's NISS or IBAN must be masked (the row then cannot pass through).
    private struct Shape {
        var visible: Bool
        var masks: Bool

        init(entity: SyncEntity, scope: String, rights: AccessRights) {
            visible = rights.may(RowProjection.permission(for: entity), at: scope)
            masks = entity == .dossier && (!rights.may(.viewFullNISS, at: scope) || !rights.may(.viewIBAN, at: scope))
        }
    }
}
