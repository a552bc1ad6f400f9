import GRDB

extension AppDatabase {
    /// The FTS5 query behind `searchDossiers`, best first; `?1` is the match expression.
    ///
    /// Names weigh more than numbers: a name that matches ranks before a number that merely
    /// starts with the same digits. `fiche-bench` runs this same text in the sqlite3 tool.
    public static let searchSQL = """
        SELECT rowid, bm25(dossier_search, 10.0, 5.0, 5.0) AS score FROM dossier_search
        WHERE dossier_search MATCH ?1 ORDER BY score, rowid LIMIT ?2
        """

    private static let searchAfterSQL = """
        SELECT rowid, score FROM (
            SELECT rowid, bm25(dossier_search, 10.0, 5.0, 5.0) AS score FROM dossier_search
            WHERE dossier_search MATCH ?1)
        WHERE score > ?3 OR (score = ?3 AND rowid > ?4)
        ORDER BY score, rowid LIMIT ?2
        """

    /// Dossiers whose names, number or national number start with what the user typed.
    ///
    /// Accents and case are ignored, every word is a prefix, and digits typed with dots or
    /// dashes are one national number: `eloise`, `van den b`, `vandenb`, `CP-0001` and
    /// `85.07.30` all work as the user types. Results are ranked (bm25) and paged by keyset on
    /// (rank, list id).
    ///
    /// ```swift
    /// let first = try database.searchDossiers("van den b", limit: 20)
    /// let more = try database.searchDossiers("van den b", after: first.last?.cursor, limit: 20)
    /// ```
    public func searchDossiers(_ text: String, after cursor: DossierSearchCursor? = nil,
                               limit: Int = 20) throws -> [DossierSearchHit] {
        guard let match = SearchText.match(text) else { return [] }
        return try writer.read { db in
            let hits: [Row]
            if let cursor {
                hits = try Row.fetchAll(db.cachedStatement(sql: Self.searchAfterSQL),
                                        arguments: [match, limit, cursor.rank, cursor.listID])
            } else {
                hits = try Row.fetchAll(db.cachedStatement(sql: Self.searchSQL), arguments: [match, limit])
            }
            let rows = try db.cachedStatement(sql: "SELECT \(Self.listColumns) FROM dossier_list WHERE list_id = ?")
            return try hits.compactMap { hit in
                let listID: Int64 = hit[0]
                let rank: Double = hit[1]
                guard let row = try Row.fetchOne(rows, arguments: [listID]) else { return nil }
                return DossierSearchHit(row: Self.listRow(row), rank: rank,
                                        cursor: DossierSearchCursor(rank: rank, listID: listID))
            }
        }
    }
}
