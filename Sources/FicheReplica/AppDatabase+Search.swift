import GRDB

extension AppDatabase {
    /// How many matches, in list-id order, the ranking considers. A prefix such as "van" or
    /// "a" matches thousands of dossiers while the user is still typing; scoring them all
    /// would cost tens of milliseconds for a list nobody reads past its first lines.
    public static let rankedCandidates = 400

    /// The statement behind `searchDossiers`, best first: `?1` is the FTS5 match expression,
    /// `?2` the page size. `fiche-bench` runs this same text in the sqlite3 tool.
    ///
    /// The matches are bounded to the first `rankedCandidates` (a rowid range the FTS5 index
    /// serves directly), ranked by bm25 with names weighing more than numbers, then joined to
    /// their list rows, in one statement.
    public static let searchSQL = """
        SELECT s.score, l.* FROM (
            SELECT rowid, bm25(dossier_search, 10.0, 5.0, 5.0) AS score FROM dossier_search
            WHERE dossier_search MATCH ?1 AND rowid <= (\(candidateBound))
            ORDER BY score, rowid LIMIT ?2) s
        JOIN dossier_list l ON l.list_id = s.rowid
        ORDER BY s.score, s.rowid
        """

    private static let candidateBound = """
        SELECT max(rowid) FROM (
            SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?1 ORDER BY rowid LIMIT \(rankedCandidates))
        """

    private static let searchAfterSQL = """
        SELECT s.score, l.* FROM (
            SELECT rowid, score FROM (
                SELECT rowid, bm25(dossier_search, 10.0, 5.0, 5.0) AS score FROM dossier_search
                WHERE dossier_search MATCH ?1 AND rowid <= (\(candidateBound)))
            WHERE score > ?3 OR (score = ?3 AND rowid > ?4)
            ORDER BY score, rowid LIMIT ?2) s
        JOIN dossier_list l ON l.list_id = s.rowid
        ORDER BY s.score, s.rowid
        """

    /// Dossiers whose names, number or national number start with what the user typed.
    ///
    /// Accents and case are ignored, every word is a prefix, and digits typed with dots or
    /// dashes are one national number: `eloise`, `van den b`, `vandenb`, `CP-0001` and
    /// `85.07.30` all work as the user types. Results are ranked (bm25, over the first
    /// `rankedCandidates` matches) and paged by keyset on (rank, list id).
    ///
    /// ```swift
    /// let first = try database.searchDossiers("van den b", limit: 20)
    /// let more = try database.searchDossiers("van den b", after: first.last?.cursor, limit: 20)
    /// ```
    public func searchDossiers(_ text: String, after cursor: DossierSearchCursor? = nil,
                               limit: Int = 20) throws -> [DossierSearchHit] {
        guard let match = SearchText.match(text) else { return [] }
        return try writer.read { db in
            let rows: [Row]
            if let cursor {
                rows = try Row.fetchAll(db.cachedStatement(sql: Self.searchAfterSQL),
                                        arguments: [match, limit, cursor.rank, cursor.listID])
            } else {
                rows = try Row.fetchAll(db.cachedStatement(sql: Self.searchSQL), arguments: [match, limit])
            }
            return rows.map { row in
                let rank: Double = row["score"]
                return DossierSearchHit(row: Self.listRow(row), rank: rank,
                                        cursor: DossierSearchCursor(rank: rank, listID: row["list_id"]))
            }
        }
    }
}
