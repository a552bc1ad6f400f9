import GRDB

extension AppDatabase {
    /// The markers of the given dossiers (the rows on screen): a conflict outranks a pending change.
    ///
    /// A change counts for a dossier when it targets the dossier, its person, or one of its time
    /// records. Only the ids asked for are looked at, so the cost follows the screen, not the list.
    ///
    /// ```swift
    /// let markers = try database.markers(forDossiers: window.rows.map(\.id))   // ["dos-7": .pending]
    /// ```
    public func markers(forDossiers ids: [String]) throws -> [String: DossierMarker] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            let list = databaseQuestionMarks(count: ids.count)
            let arguments = StatementArguments(ids)
            func dossiers(_ table: String, where condition: String) throws -> Set<String> {
                let sql = """
                    SELECT o.target_id FROM \(table) o WHERE o.entity = 'dossier' AND \(condition) AND o.target_id IN (\(list))
                    UNION SELECT d.id FROM \(table) o JOIN dossier_view d ON d.person_id = o.target_id
                        WHERE o.entity = 'person' AND \(condition) AND d.id IN (\(list))
                    UNION SELECT t.dossier_id FROM \(table) o JOIN time_record_view t ON t.id = o.target_id
                        WHERE o.entity = 'time_record' AND \(condition) AND t.dossier_id IN (\(list))
                    """
                return Set(try String.fetchAll(db, sql: sql, arguments: arguments + arguments + arguments))
            }
            let pending = try dossiers("outbox", where: "NOT EXISTS (SELECT 1 FROM mutation_result r WHERE r.mutation_id = o.id)")
            let conflicts = try dossiers("mutation_result", where: "o.status IN ('conflict', 'rejected')")
            var markers: [String: DossierMarker] = [:]
            for id in pending { markers[id] = .pending }
            for id in conflicts { markers[id] = .conflict }
            return markers
        }
    }
}
