import FicheDomain
import GRDB

extension AppDatabase {
    /// The catalogue's code of the unjustified absence (`Rules/absence-types.toml`), written in
    /// the queue's SQL and in its index's condition, so that SQLite reads that index.
    static let unjustifiedTypeCode = "unjustified"

    /// Unjustified absences (not rejected) that started on or before `asOf` and end on or
    /// after `from` (1 January of `asOf`'s year when nil: the art. 60 cap on unpaid days is
    /// per calendar year), oldest first. Read from the index holding only this type's records
    /// (`time_record_unjustified`).
    ///
    /// ```swift
    /// let absences = try database.unjustifiedAbsences(asOf: today)
    /// absences.first?.workingDays   // 3
    /// ```
    /// - Parameters:
    ///   - rules: for the working days each absence covers (career schedules, employer holidays).
    public func unjustifiedAbsences(asOf: LocalDate, from: LocalDate? = nil, rules: RuleBook,
                                    employerCode: String? = nil) throws -> [UnjustifiedAbsenceItem] {
        let since = from ?? LocalDate(year: asOf.year, month: 1, day: 1) ?? asOf
        return try writer.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT r.*, \(BatchedReads.listSelection),
                       \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id"))
                FROM time_record_view r
                JOIN dossier_list l ON l.id = r.dossier_id
                WHERE r.type_code = '\(Self.unjustifiedTypeCode)' AND r.start <= ?1 AND r."end" >= ?2
                  AND r.status <> 'rejected' AND \(TimeRecord.countsTerms("r")) AND (?3 IS NULL OR r.employer_code = ?3)
                """), arguments: [asOf.iso, since.iso, employerCode])
            let records = try rows.map(TimeRecord.init(stored:))
            let dossiers = try BatchedReads.dossiers(db, ids: Array(Set(records.map(\.dossierID))))
            let calendars = try BatchedReads.workCalendars(db, dossiers: Array(dossiers.values),
                                                           from: records.map(\.start).min() ?? since,
                                                           to: records.map(\.end).max() ?? asOf, rules: rules)
            let items = zip(rows, records).map { row, record in
                UnjustifiedAbsenceItem(
                    record: record, dossier: BatchedReads.listRow(prefixed: row),
                    workingDays: calendars[record.dossierID]?.absenceDays(of: record) ?? 0,
                    ageDays: BatchedReads.ageDays(createdAt: row["created_at"], start: record.start, asOf: asOf),
                    link: DossierLink(dossierID: record.dossierID, tab: .timeRecords))
            }
            return items.sorted { ($1.ageDays, $0.record.start, $0.record.id) < ($0.ageDays, $1.record.start, $1.record.id) }
        }
    }
}
