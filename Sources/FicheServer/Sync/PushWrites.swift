import FicheDomain
import FicheSyncProtocol
import Foundation

/// What the mutations of one push transaction append, kept until its end and written then with
/// a few multi-row statements instead of several statements per mutation: change-log entries
/// (their sequences numbered on from the clock head read when the clock was locked), stored
/// answers, devices' last mutation ids, and audit entries.
///
/// Later mutations of the same transaction read through it: a device's last mutation id, a
/// user's grants and the answers already given (by device and id, and by user and uuid) are
/// looked up here before the store.
struct PushWrites {
    /// The last sequence given out, or the head read when the clock was locked.
    private(set) var head: Int64
    private let lockedHead: Int64
    private var logged: [[SQLValue]] = []
    private var answers: [[SQLValue]] = []
    private var audits: [AuditLog.Repeated] = []
    /// Last mutation id and last-seen time of each device written in this transaction.
    private var devices: [String: (lastMutationID: Int64, seenAt: String)] = [:]
    /// Devices read in this transaction (a revoked device stops the transaction), and their last id.
    private var lastMutationIDs: [String: Int64] = [:]
    private var answersByMutation: [String: String] = [:]
    private var answersByUUID: [String: String] = [:]
    private var grantsByUser: [String: [Grant]] = [:]

    init(head: Int64) {
        self.head = head
        lockedHead = head
    }

    /// The last mutation id of a device already read in this transaction.
    func lastMutationID(of deviceID: String) -> Int64? {
        lastMutationIDs[deviceID]
    }

    mutating func readDevice(_ deviceID: String, lastMutationID: Int64) {
        lastMutationIDs[deviceID] = lastMutationID
    }

    /// A user's grants, if read in this transaction.
    func grants(of userID: String) -> [Grant]? {
        grantsByUser[userID]
    }

    mutating func readGrants(_ grants: [Grant], of userID: String) {
        grantsByUser[userID] = grants
    }

    /// The stored answer to a device's mutation id, if given in this transaction.
    func answer(device deviceID: String, mutation id: Int64) -> String? {
        answersByMutation["\(deviceID)/\(id)"]
    }

    /// The stored answer to a user's entry uuid, if given in this transaction.
    func answer(user userID: String, uuid: String) -> String? {
        answersByUUID["\(userID)/\(uuid)"]
    }

    /// Appends a change-log entry under the next sequence; returns it.
    mutating func log(_ entry: ChangeLog.Entry) throws -> Int64 {
        head += 1
        logged.append(try ChangeLog.row(entry, seq: head))
        return head
    }

    /// Keeps the answer to a device's mutation and moves the device's last mutation id.
    mutating func record(_ result: MutationResult, of pending: PendingMutation, caller: Caller, at nowText: String) throws {
        let encoded = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        answers.append([.text(caller.deviceID), .int(pending.id), .text(pending.uuid), .text(pending.mutation.name),
                        .text(result.status.rawValue), .optional(result.reason), .text(encoded),
                        result.seq.map(SQLValue.int) ?? .null, .text(nowText)])
        answersByMutation["\(caller.deviceID)/\(pending.id)"] = encoded
        answersByUUID["\(caller.userID)/\(pending.uuid)"] = encoded
        devices[caller.deviceID] = (pending.id, nowText)
        lastMutationIDs[caller.deviceID] = pending.id
    }

    mutating func audit(_ entry: AuditLog.Entry, at nowText: String) {
        audits.append(AuditLog.Repeated(entry: entry, at: nowText, repeats: 1, lastAt: nil))
    }

    /// Writes everything kept, before the transaction commits.
    func flush(in tx: any StoreTransaction) async throws {
        try await BulkInsert.insert(into: "change_log", columns: ChangeLog.columns, rows: logged, in: tx)
        if head != lockedHead {
            try await tx.execute("UPDATE sync_clock SET seq = ? WHERE id = 1", [.int(head)])
        }
        try await BulkInsert.insert(
            into: "mutations",
            columns: ["client_id", "mutation_id", "uuid", "name", "status", "reason", "result", "seq", "created_at"],
            rows: answers, in: tx)
        if !devices.isEmpty {
            let rows = devices.sorted { $0.key < $1.key }
            try await tx.execute(
                """
                UPDATE devices SET last_mutation_id = v.column2, last_seen_at = v.column3
                FROM (VALUES \(rows.map { _ in "(?, ?, ?)" }.joined(separator: ", "))) AS v
                WHERE devices.id = v.column1
                """,
                rows.flatMap { [SQLValue.text($0.key), .int($0.value.lastMutationID), .text($0.value.seenAt)] })
        }
        try await AuditLog.record(audits, in: tx)
    }
}
