import FicheDomain
import FicheSyncProtocol
import Foundation

/// Grants that start or end by date: when the day comes, the user's devices are told, the way
/// `Accounts.grant` and `revoke` tell them at once.
///
/// A grant valid until 31 March stops being honoured on 1 April by every request (grants are
/// checked at each one); this writes the scope event so that the user's replicas also delete
/// that employer's rows (`scope_removed`), or fetch them again with the projection of the roles
/// left (`scope_added`), and so that a grant starting on a later day brings the rows then.
/// Idempotent: the last day announced is kept in `server_settings`, and each day is announced
/// once, whichever server process gets there first.
public struct GrantCalendar: Sendable {
    public let store: any ServerStore
    public let configuration: ServerConfiguration

    static let settingKey = "grants_announced_through"

    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    /// Announces the grants whose validity began or ended since the last day announced, up to
    /// today in Brussels. The first run only remembers today (grants given or removed before
    /// were announced by the commands that changed them).
    /// - Returns: the number of scope events written.
    @discardableResult
    public func announce() async throws -> Int {
        guard let today = Timestamps.brusselsDay(configuration.now()) else { return 0 }
        return try await store.write { tx in
            try await ChangeLog.lockClock(in: tx)
            let stored = try await tx.first("SELECT value FROM server_settings WHERE key = ?", [.text(Self.settingKey)])?
                // try?: "is this a date?"; without a stored day the calendar starts again from today, as on first run.
                .string("value").flatMap { try? LocalDate.parse($0) }
            guard let last = stored, last < today else {
                if stored == nil { try await remember(today, in: tx) }
                return 0
            }
            // A grant starting on day d is honoured from d; one ending on day d, until d included.
            let rows = try await tx.query(
                """
                SELECT DISTINCT user_id, employer_code FROM grants
                WHERE (valid_from > ? AND valid_from <= ?) OR (valid_to >= ? AND valid_to < ?)
                ORDER BY user_id, employer_code
                """,
                [.text(last.iso), .text(today.iso), .text(last.iso), .text(today.iso)])
            var entries: [ChangeLog.Entry] = []
            for row in rows {
                guard let userID = row.string("user_id"), let employer = row.string("employer_code") else { continue }
                let rights = try await GrantLoader.rights(of: userID, on: today, in: tx)
                let op: ChangeOperation = rights.may(.viewDossier, at: employer) ? .scopeAdded : .scopeRemoved
                entries.append(.init(scope: employer, entity: .scope, id: employer, op: op, row: nil, targetUser: userID))
            }
            try await ChangeLog.append(entries, in: tx)
            let now = Timestamps.iso(configuration.now())
            for entry in entries {
                try await AuditLog.record(.init(userID: entry.targetUser, action: "grant.calendar", decision: entry.op.rawValue,
                                                employerCode: entry.scope, entity: "scope", entityID: entry.scope), at: now, in: tx)
            }
            try await remember(today, in: tx)
            return entries.count
        }
    }

    private func remember(_ day: LocalDate, in tx: any StoreTransaction) async throws {
        try await tx.execute(
            "INSERT INTO server_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(Self.settingKey), .text(day.iso)])
    }
}
