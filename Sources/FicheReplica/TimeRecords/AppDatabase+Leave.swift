import FicheDomain
import GRDB

extension AppDatabase {
    /// The dossier's annual leave as the working view shows it (entries waiting to be sent
    /// included), read as an annual leave of `year` is checked: the entries of the year and of
    /// the year before, the career and the birth date. Nil when the dossier is not held or has
    /// no career period (no balance then).
    ///
    /// ```swift
    /// let ledger = try database.leaveLedger(dossierID: id, year: 2026, rules: rules)
    /// ledger?.balance(year: 2026, asOf: today).remaining
    /// ```
    public func leaveLedger(dossierID: String, year: Int, rules: RuleBook) throws -> LeaveLedger? {
        guard let first = LocalDate(year: year, month: 1, day: 1), let last = LocalDate(year: year, month: 12, day: 31) else {
            return nil
        }
        return try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM dossier_view WHERE id = ?", arguments: [dossierID]) else {
                return nil
            }
            return try Self.timeSheet(db, dossier: try Dossier(stored: row), from: first, to: last, rules: rules).leaveLedger
        }
    }
}
