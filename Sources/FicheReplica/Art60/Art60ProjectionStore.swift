import FicheDomain
import Foundation
import GRDB

/// The art. 60 projections kept between openings of the watch (`art60_projection`): a
/// contract's `Art60Progress` on one day, recomputed only for workers whose inputs changed.
///
/// A projection reads the contract, the worker's birth date, career periods and absences, and
/// the employer's holiday calendar. Triggers on those tables (mirror and overlay alike) give the
/// worker's dossier a new mark in `art60_projection_mark` whenever one of its rows changes,
/// whoever writes it: the sync, an entry, another process on the replica. A change of an
/// employer raises the epoch of `art60_projection_clock`. A stored projection is used only
/// while its dossier's mark is the one it was computed at, and its basis (the count's
/// revision, the rules' fingerprint, the day, the epoch) is today's. Marks come from one
/// counter that only grows, so a mark is never seen twice.
///
/// The store is derived data: losing it costs a recomputation, never an entry. The initial
/// copy sets the triggers aside with the mirror's indexes and empties the store when it ends.
///
/// ```swift
/// let stored = try Art60ProjectionStore.read(db, basis: basis)      // in the watch's read
/// try Art60ProjectionStore.write(computed, basis: basis, in: db)     // in a write afterwards
/// ```
enum Art60ProjectionStore {
    /// One computed projection, with the mark its dossier had when its inputs were read.
    struct Entry: Sendable {
        var contractID: String
        var dossierID: String
        var mark: Int64
        var progress: Art60Progress?
    }

    /// What a stored projection must have been computed under to be used today.
    struct Basis: Sendable, Equatable {
        var rulesFingerprint: String
        var asOf: LocalDate
        var epoch: Int64

        var key: String { "\(Art60Progress.countRevision)|\(rulesFingerprint)|\(asOf.iso)|\(epoch)" }
    }

    /// The time records, mirror and overlay.
    private static let recordTables = ["time_record", "local_time_record"]

    static func createSchema(_ db: Database) throws {
        try db.create(table: "art60_projection_clock") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("tick", .integer).notNull()
            t.column("epoch", .integer).notNull()
        }
        try db.execute(sql: "INSERT INTO art60_projection_clock (id, tick, epoch) VALUES (1, 0, 0)")
        try db.create(table: "art60_projection_mark") { t in
            t.primaryKey("dossier_id", .text)
            t.column("mark", .integer).notNull()
        }
        // A progress's figures in columns (a JSON document per contract took longer to decode
        // than the rest of the watch); `policy_id` NULL: no progress could be worked out.
        try db.create(table: "art60_projection") { t in
            t.primaryKey("contract_id", .text)
            t.column("dossier_id", .text).notNull()
            t.column("basis", .text).notNull()
            t.column("mark", .integer).notNull()
            t.column("policy_id", .text)
            t.column("band_min_age", .integer)
            t.column("band_max_age", .integer)
            t.column("band_target_days", .integer)
            t.column("band_window_months", .integer)
            t.column("qualifying_days", .double)
            t.column("scheduled_days", .double)
            t.column("worked_days", .double)
            t.column("assimilated_days", .double)
            t.column("unpaid_counted_days", .double)
            t.column("not_counted", .blob)          // JSON of [Art60NotCounted]; NULL when empty
            t.column("target_day", .integer)        // LocalDate.dayNumber
            t.column("base_window_end_day", .integer)
            t.column("extension_days", .integer)
            t.column("day_policy_ids", .text)       // separated by U+001F
        }
        try db.create(index: "art60_projection_by_dossier", on: "art60_projection", columns: ["dossier_id"])
        // A replica upgraded in the middle of an initial copy keeps them aside with the indexes,
        // for the end of the copy to create (`AppDatabase.restoreMirrorIndexes`).
        let copying = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM replica_meta WHERE key LIKE 'sync.copy_index.%')
            """) ?? false
        for statement in triggers {
            guard copying else { try db.execute(sql: statement); continue }
            let name = statement.split(separator: " ")[2]
            try db.execute(sql: "INSERT INTO replica_meta (key, value) VALUES (?, ?)",
                           arguments: ["sync.copy_index.\(name)", statement])
        }
    }

    /// Whether the dossier `expression` names has an art. 60 contract (only those are marked).
    private static func hasContract(_ expression: String) -> String {
        "EXISTS (SELECT 1 FROM art60_contract c WHERE c.dossier_id = \(expression))"
    }

    /// Raises the clock and gives the dossier `expression` names the new mark.
    private static func mark(_ expression: String) -> String {
        """
        UPDATE art60_projection_clock SET tick = tick + 1 WHERE id = 1;
        INSERT INTO art60_projection_mark (dossier_id, mark)
        SELECT \(expression), tick FROM art60_projection_clock WHERE id = 1 AND \(hasContract(expression))
        ON CONFLICT (dossier_id) DO UPDATE SET mark = excluded.mark;
        """
    }

    /// Marks every dossier of the person `expression` names.
    private static func markDossiers(ofPerson expression: String) -> String {
        """
        UPDATE art60_projection_clock SET tick = tick + 1 WHERE id = 1;
        INSERT INTO art60_projection_mark (dossier_id, mark)
        SELECT d.id, (SELECT tick FROM art60_projection_clock WHERE id = 1)
        FROM (SELECT id FROM dossier WHERE person_id = \(expression)
              UNION SELECT id FROM local_dossier WHERE person_id = \(expression)) d
        WHERE \(hasContract("d.id"))
        ON CONFLICT (dossier_id) DO UPDATE SET mark = excluded.mark;
        """
    }

    private static func trigger(_ name: String, _ event: String, _ table: String, when: String? = nil,
                                _ body: String) -> String {
        "CREATE TRIGGER \(name) AFTER \(event) ON \(table)\(when.map { " WHEN \($0)" } ?? "") BEGIN\n\(body)\nEND"
    }

    /// A trigger that marks the dossiers `dossiers` name (`NEW.dossier_id`, `OLD.id`…) when one
    /// of them has a contract and `condition` holds: nothing is written for other rows.
    private static func markingTrigger(_ name: String, _ event: String, _ table: String, _ dossiers: [String],
                                       condition: String? = nil) -> String {
        let anyContract = "(" + dossiers.map(hasContract).joined(separator: " OR ") + ")"
        return trigger(name, event, table, when: condition.map { "(\($0)) AND \(anyContract)" } ?? anyContract,
                       dossiers.map(mark).joined(separator: "\n"))
    }

    /// The triggers that keep the marks, named `art60_projection_*` (the initial copy sets them aside).
    static var triggers: [String] {
        var result: [String] = []
        for table in recordTables {
            // Only absences move the count; clockings are most of the records written.
            result.append(markingTrigger("art60_projection_\(table)_insert", "INSERT", table, ["NEW.dossier_id"],
                                         condition: "NEW.kind = 'absence'"))
            result.append(markingTrigger("art60_projection_\(table)_update", "UPDATE", table,
                                         ["NEW.dossier_id", "OLD.dossier_id"],
                                         condition: "NEW.kind = 'absence' OR OLD.kind = 'absence'"))
            result.append(markingTrigger("art60_projection_\(table)_delete", "DELETE", table, ["OLD.dossier_id"],
                                         condition: "OLD.kind = 'absence'"))
        }
        for table in ["career_period", "art60_contract"] {
            result.append(markingTrigger("art60_projection_\(table)_insert", "INSERT", table, ["NEW.dossier_id"]))
            result.append(markingTrigger("art60_projection_\(table)_update", "UPDATE", table,
                                         ["NEW.dossier_id", "OLD.dossier_id"]))
        }
        result.append(markingTrigger("art60_projection_career_period_delete", "DELETE", "career_period", ["OLD.dossier_id"]))
        // A contract gone takes its projection with it (an employer or a role lost).
        result.append(trigger("art60_projection_art60_contract_delete", "DELETE", "art60_contract",
                              "DELETE FROM art60_projection WHERE contract_id = OLD.id;\n" + mark("OLD.dossier_id")))
        for table in ["dossier", "local_dossier"] {
            result.append(markingTrigger("art60_projection_\(table)_insert", "INSERT", table, ["NEW.id"]))
            result.append(markingTrigger("art60_projection_\(table)_update", "UPDATE", table, ["NEW.id", "OLD.id"]))
        }
        result.append(markingTrigger("art60_projection_local_dossier_delete", "DELETE", "local_dossier", ["OLD.id"]))
        // A dossier gone takes its projections and its mark with it.
        result.append(trigger("art60_projection_dossier_delete", "DELETE", "dossier", """
            DELETE FROM art60_projection WHERE dossier_id = OLD.id;
            DELETE FROM art60_projection_mark WHERE dossier_id = OLD.id;
            """))
        for table in ["person", "local_person"] {
            result.append(trigger("art60_projection_\(table)_insert", "INSERT", table, markDossiers(ofPerson: "NEW.id")))
            result.append(trigger("art60_projection_\(table)_delete", "DELETE", table, markDossiers(ofPerson: "OLD.id")))
        }
        // Only the birth date (and an overlay's deletion) of a person moves the count.
        result.append(trigger("art60_projection_person_update", "UPDATE OF birth_date", "person",
                              when: "OLD.birth_date IS NOT NEW.birth_date", markDossiers(ofPerson: "NEW.id")))
        result.append(trigger("art60_projection_local_person_update", "UPDATE OF birth_date, deleted", "local_person",
                              markDossiers(ofPerson: "NEW.id")))
        // An employer's holiday calendar: every stored projection is of another epoch.
        let newEpoch = "UPDATE art60_projection_clock SET epoch = epoch + 1 WHERE id = 1;"
        result.append(trigger("art60_projection_employer_insert", "INSERT", "employer", newEpoch))
        result.append(trigger("art60_projection_employer_update", "UPDATE OF holiday_calendar_id", "employer",
                              when: "OLD.holiday_calendar_id IS NOT NEW.holiday_calendar_id", newEpoch))
        result.append(trigger("art60_projection_employer_delete", "DELETE", "employer", newEpoch))
        return result
    }

    /// Empties the store and moves to a new epoch: after an initial copy, which wrote the
    /// mirror with the triggers set aside.
    static func reset(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM art60_projection;
            DELETE FROM art60_projection_mark;
            UPDATE art60_projection_clock SET epoch = epoch + 1, tick = tick + 1 WHERE id = 1;
            """)
    }

    /// Drops the projections of contracts no longer held and the marks of dossiers without a
    /// contract: after an employer or a role is lost, whose rows left in an order the
    /// triggers cannot foresee (a dossier's records after the dossier).
    static func dropOrphans(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM art60_projection WHERE contract_id NOT IN (SELECT id FROM art60_contract);
            DELETE FROM art60_projection_mark WHERE dossier_id NOT IN (SELECT dossier_id FROM art60_contract);
            """)
    }

    /// The epoch now; with the rules and the day it makes the basis.
    static func epoch(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT epoch FROM art60_projection_clock WHERE id = 1") ?? 0
    }

    /// The stored projections still valid under `basis`, by contract id (a `nil` progress: none
    /// could be worked out).
    static func read(_ db: Database, basis: Basis) throws -> [String: Art60Progress?] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT p.contract_id, p.policy_id, p.band_min_age, p.band_max_age, p.band_target_days, p.band_window_months,
                   p.qualifying_days, p.scheduled_days, p.worked_days, p.assimilated_days, p.unpaid_counted_days,
                   p.not_counted, p.target_day, p.base_window_end_day, p.extension_days, p.day_policy_ids
            FROM art60_projection p
            LEFT JOIN art60_projection_mark m ON m.dossier_id = p.dossier_id
            WHERE p.basis = ? AND p.mark = IFNULL(m.mark, 0)
            """), arguments: [basis.key])
        let decoder = JSONDecoder()
        var result: [String: Art60Progress?] = [:]
        while let row = try rows.next() {
            let id: String = row[0]
            guard let policyID = row[1] as String? else {
                result[id] = .some(nil)
                continue
            }
            var notCounted: [Art60NotCounted] = []
            if let json = row[11] as Data? {
                // A stored value this build cannot read is worked out again, like a missing one.
                guard let decoded = try? decoder.decode([Art60NotCounted].self, from: json) else { continue }
                notCounted = decoded
            }
            let band = Art60AgeBand(minAge: row[2], maxAge: row[3], targetDays: row[4], windowMonths: row[5])
            result[id] = Art60Progress(
                policyID: policyID, band: band, asOf: basis.asOf, qualifyingDays: row[6], scheduledDays: row[7],
                workedDays: row[8], assimilatedDays: row[9], unpaidCountedDays: row[10], notCounted: notCounted,
                projectedTargetDate: (row[12] as Int?).map(LocalDate.init(dayNumber:)),
                baseWindowEnd: LocalDate(dayNumber: row[13]), extensionDays: row[14],
                dayPolicyIDs: (row[15] as String? ?? "").split(separator: "\u{1F}").map(String.init))
        }
        return result
    }

    /// The marks of `dossierIDs` now (0 for a dossier never marked).
    static func marks(_ db: Database, dossierIDs: [String]) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for chunk in BatchedReads.chunks(dossierIDs) {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT dossier_id, mark FROM art60_projection_mark WHERE dossier_id IN (\(databaseQuestionMarks(count: chunk.count)))
                """), arguments: StatementArguments(chunk))
            while let row = try rows.next() { result[row[0]] = row[1] }
        }
        return result
    }

    /// Stores `entries` computed under `basis`, each only if its contract is still there and its
    /// dossier's mark is still the one read with its inputs, and only if the epoch has not moved:
    /// a projection whose inputs changed meanwhile is not kept.
    static func write(_ entries: [Entry], basis: Basis, in db: Database) throws {
        guard !entries.isEmpty, try epoch(db) == basis.epoch else { return }
        let encoder = JSONEncoder()
        let statement = try db.cachedStatement(sql: """
            INSERT INTO art60_projection (contract_id, dossier_id, basis, mark, policy_id, band_min_age, band_max_age,
                band_target_days, band_window_months, qualifying_days, scheduled_days, worked_days, assimilated_days,
                unpaid_counted_days, not_counted, target_day, base_window_end_day, extension_days, day_policy_ids)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19
            WHERE EXISTS (SELECT 1 FROM art60_contract WHERE id = ?1)
              AND IFNULL((SELECT mark FROM art60_projection_mark WHERE dossier_id = ?2), 0) = ?4
            ON CONFLICT (contract_id) DO UPDATE SET
                dossier_id = excluded.dossier_id, basis = excluded.basis, mark = excluded.mark,
                policy_id = excluded.policy_id, band_min_age = excluded.band_min_age, band_max_age = excluded.band_max_age,
                band_target_days = excluded.band_target_days, band_window_months = excluded.band_window_months,
                qualifying_days = excluded.qualifying_days, scheduled_days = excluded.scheduled_days,
                worked_days = excluded.worked_days, assimilated_days = excluded.assimilated_days,
                unpaid_counted_days = excluded.unpaid_counted_days, not_counted = excluded.not_counted,
                target_day = excluded.target_day, base_window_end_day = excluded.base_window_end_day,
                extension_days = excluded.extension_days, day_policy_ids = excluded.day_policy_ids
            """)
        for entry in entries {
            var arguments: [(any DatabaseValueConvertible)?] = [entry.contractID, entry.dossierID, basis.key, entry.mark]
            if let progress = entry.progress {
                arguments += [
                    progress.policyID, progress.band.minAge, progress.band.maxAge, progress.band.targetDays,
                    progress.band.windowMonths, progress.qualifyingDays, progress.scheduledDays, progress.workedDays,
                    progress.assimilatedDays, progress.unpaidCountedDays,
                    progress.notCounted.isEmpty ? nil : try encoder.encode(progress.notCounted),
                    progress.projectedTargetDate?.dayNumber, progress.baseWindowEnd.dayNumber, progress.extensionDays,
                    progress.dayPolicyIDs.joined(separator: "\u{1F}"),
                ]
            } else {
                arguments += Array(repeating: nil, count: 15)
            }
            try statement.execute(arguments: StatementArguments(arguments))
        }
    }
}
