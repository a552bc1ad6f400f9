import FicheDomain
import FicheSyncProtocol
import Foundation

/// Erases time records past their retention (`RuleBook.retention`, GDPR storage limitation):
/// `fiche-server purge time-records --before YYYY-MM-DD [--employer CODE]`.
///
/// A record that ended before `before` is deleted with everything that repeats its values: the
/// change-log entries that carried it become deletions (a device still behind them drops the
/// record), one deletion per record is logged (a device already past them drops it at its next
/// sync), and the values of its audit rows are blanked (who did what, and when, stays). One
/// transaction: all of it or nothing. The purge itself is audited with its count and date.
///
/// A `before` after the retention limit (today, Brussels, less the years of `retention.toml`) is
/// refused: it would erase records the law says to keep.
public struct TimeRecordPurge: Sendable {
    /// What a purge did.
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        public var purged: Int
        public var before: LocalDate
        /// Whether nothing was written (`--dry-run`).
        public var dryRun: Bool

        /// `12 time records purged (ended before 2021-12-07); devices drop them at their next sync`.
        public var description: String {
            let records = "\(purged) time \(purged == 1 ? "record" : "records")"
            return dryRun
                ? "\(records) ended before \(before.iso) and would be purged; nothing written (--dry-run)"
                : "\(records) purged (ended before \(before.iso)); devices drop them at their next sync"
        }
    }

    public let store: any ServerStore
    public let rules: RuleBook
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, rules: RuleBook, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.rules = rules
        self.configuration = configuration
    }

    /// Purges the records of `employer` (every employer when nil) that ended before `before`.
    ///
    /// - Throws: `CommandError` for a date within the retention or an unknown employer (nothing written).
    public func run(before: LocalDate, employer: String? = nil, dryRun: Bool = false) async throws -> Summary {
        guard let today = Timestamps.brusselsDay(configuration.now()) else { throw CommandError("the clock gives no date") }
        let limit = rules.retention.purgeLimit(today: today)
        guard before <= limit else {
            throw CommandError("--before \(before.iso) would erase records kept for \(rules.retention.timeRecordYears) years "
                               + "(\(rules.retention.source)); the latest date allowed today is \(limit.iso)")
        }
        let scope = "end_date < ?" + (employer == nil ? "" : " AND employer_code = ?")
        let binds: [SQLValue] = [.text(before.iso)] + (employer.map { [SQLValue.text($0)] } ?? [])
        let now = Timestamps.iso(configuration.now())
        return try await store.write { tx in
            if let employer, try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(employer)]) == nil {
                throw CommandError("no employer \(employer)")
            }
            try await ChangeLog.lockClock(in: tx)
            let doomed = try await tx.query("SELECT id, employer_code FROM time_records WHERE \(scope) ORDER BY id", binds)
            let summary = Summary(purged: doomed.count, before: before, dryRun: dryRun)
            guard !dryRun, !doomed.isEmpty else { return summary }
            let chosen = "SELECT id FROM time_records WHERE \(scope)"
            try await tx.execute("""
                UPDATE change_log SET op = '\(ChangeOperation.delete.rawValue)', row_json = NULL, mutation = NULL
                WHERE entity = '\(SyncEntity.timeRecord.rawValue)' AND entity_id IN (\(chosen))
                """, binds)
            try await tx.execute("""
                UPDATE audit SET old_value = NULL, new_value = NULL
                WHERE entity = '\(SyncEntity.timeRecord.rawValue)' AND entity_id IN (\(chosen))
                """, binds)
            try await tx.execute("DELETE FROM time_records WHERE \(scope)", binds)
            let deletions = doomed.compactMap { row -> ChangeLog.Entry? in
                guard let id = row.string("id"), let code = row.string("employer_code") else { return nil }
                return ChangeLog.Entry(scope: code, entity: .timeRecord, id: id, op: .delete, row: nil)
            }
            for start in stride(from: 0, to: deletions.count, by: 1_000) {
                try await ChangeLog.append(Array(deletions[start..<min(deletions.count, start + 1_000)]), in: tx)
            }
            try await AuditLog.record(.init(action: "purge.time_records", decision: "done", employerCode: employer,
                                            entity: SyncEntity.timeRecord.rawValue,
                                            newValue: "\(doomed.count) ended before \(before.iso)"),
                                      at: now, in: tx)
            return summary
        }
    }
}
