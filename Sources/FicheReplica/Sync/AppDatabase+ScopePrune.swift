import FicheDomain
import Foundation
import GRDB

extension AppDatabase {
    /// The tables whose rows need more than seeing the employer's dossiers, and the permission
    /// each needs: what a replica drops when its user loses a role but keeps the employer (the
    /// server's `RowProjection.permission(for:)` decides the same; `ScopeParityTests` checks it).
    public static let tablesByPermission: [(permission: Permission, tables: [String])] = [
        (.viewTimeRecords, ["time_record", "local_time_record"]),
        (.viewArt60, ["art60_contract", "placement", "art60_event", "local_art60_event", "partner"]),
    ]

    /// After a change of grants: at each employer still held, drops the rows the signed-in user's
    /// remaining roles no longer show (a payroll clerk who is now only a time manager keeps the
    /// dossiers and time records, not the art. 60 files), with the local history of those rows.
    /// Nothing is dropped on what the replica does not know: without any grant of the user
    /// (a token file from before the server named user ids holds a login), or at an employer
    /// where none of the user's grants shows dossiers (its `scope_removed` decides).
    static func pruneToRights(_ db: Database, at date: Date) throws {
        guard let stored = try Self.syncState(db).userID else { return }
        let userID = try String.fetchOne(db, sql: "SELECT id FROM app_user WHERE id = ? OR login = ? LIMIT 1",
                                         arguments: [stored, stored]) ?? stored
        let grants = try Row.fetchAll(db, sql: "SELECT * FROM user_grant WHERE user_id = ?", arguments: [userID])
            .map(Grant.init(stored:))
        guard !grants.isEmpty else { return }
        let rights = AccessRights(userID: userID, grants: grants, on: LocalDate(utc: date))
        for employer in try String.fetchAll(db, sql: "SELECT code FROM employer") where rights.may(.viewDossier, at: employer) {
            for (permission, tables) in tablesByPermission where !rights.may(permission, at: employer) {
                for table in tables {
                    try db.execute(sql: "DELETE FROM \(table) WHERE employer_code = ?", arguments: [employer])
                }
                try db.execute(sql: """
                    DELETE FROM audit WHERE employer_code = ? AND entity IN (\(databaseQuestionMarks(count: tables.count)))
                    """, arguments: StatementArguments([employer] + tables))
            }
        }
        try Art60ProjectionStore.dropOrphans(db)
    }
}
