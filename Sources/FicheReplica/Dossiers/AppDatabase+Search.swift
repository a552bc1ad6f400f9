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
        try searchDossiers(text, filter: DossierListFilter(), after: cursor, limit: limit)
    }

    /// Dossiers matching what the user typed (as `searchDossiers(_:after:limit:)`) among those
    /// the list filter keeps: "van" among the CPAS's art. 60 workers, or in "my dossiers".
    ///
    /// The filter is applied to the full-text matches BEFORE they are bounded to the first
    /// `rankedCandidates`: the matches come out of the FTS5 index in list-id order and each is
    /// checked by one primary-key look-up in `dossier_list`, stopping at the
    /// `rankedCandidates`-th match that passes. Bounding first and filtering after would be
    /// cheaper but would lose results: the first 400 "van…" of 100,000 dossiers may all
    /// belong to the other employer, and the clerk would see nothing. The cost therefore
    /// grows with the matches skipped; it is worst for a one-letter prefix with a narrow
    /// filter (one clerk's 200 dossiers), still one pass over the index's row ids, and falls
    /// off quickly with the second letter typed. Without a filter, this is the plain search.
    ///
    /// ```swift
    /// let mine = DossierListFilter(employerCode: "CPAS-IXL", payrollClerkID: user.id)
    /// let first = try database.searchDossiers("van", filter: mine, limit: 20)
    /// let more = try database.searchDossiers("van", filter: mine, after: first.last?.cursor, limit: 20)
    /// ```
    public func searchDossiers(_ text: String, filter: DossierListFilter, after cursor: DossierSearchCursor? = nil,
                               limit: Int = 20) throws -> [DossierSearchHit] {
        guard let match = SearchText.match(text) else { return [] }
        let (conditions, values) = Self.searchConditions(filter)
        return try writer.read { db in
            let rows: [Row]
            if conditions.isEmpty {
                if let cursor {
                    rows = try Row.fetchAll(db.cachedStatement(sql: Self.searchAfterSQL),
                                            arguments: [match, limit, cursor.rank, cursor.listID])
                } else {
                    rows = try Row.fetchAll(db.cachedStatement(sql: Self.searchSQL), arguments: [match, limit])
                }
            } else {
                let sql = Self.filteredSearchSQL(conditions: conditions, after: cursor != nil)
                let arguments: [DatabaseValueConvertible] = [match, limit, cursor?.rank ?? 0, cursor?.listID ?? 0] + values
                rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
            }
            return rows.map { row in
                let rank: Double = row["score"]
                return DossierSearchHit(row: Self.listRow(row), rank: rank,
                                        cursor: DossierSearchCursor(rank: rank, listID: row["list_id"]))
            }
        }
    }

    /// The filter's conditions on the list row `l`, with parameters numbered from `?5` (the
    /// search statements use `?1`…`?4`), and their values.
    static func searchConditions(_ filter: DossierListFilter) -> (sql: [String], values: [String]) {
        var sql: [String] = []
        var values: [String] = []
        for (index, condition) in filter.conditions.enumerated() {
            sql.append("l." + condition.sql.replacingOccurrences(of: "?", with: "?\(index + 5)"))
            values.append(condition.value)
        }
        return (sql, values)
    }

    /// The filtered search: `?1` match, `?2` page size, `?3`/`?4` the cursor's rank and list id
    /// (used only `after` a cursor), `?5`… the filter's values. `CROSS JOIN` keeps the FTS5
    /// index as the outer loop (in row-id order), so the planner never turns it into one
    /// full-text query per dossier of the filter.
    static func filteredSearchSQL(conditions: [String], after: Bool) -> String {
        let filter = conditions.joined(separator: " AND ")
        let matches = """
            FROM dossier_search CROSS JOIN dossier_list l ON l.list_id = dossier_search.rowid
            WHERE dossier_search MATCH ?1 AND \(filter)
            """
        let bound = "SELECT max(rowid) FROM (SELECT dossier_search.rowid AS rowid \(matches) ORDER BY dossier_search.rowid LIMIT \(rankedCandidates))"
        let paging = after ? "WHERE score > ?3 OR (score = ?3 AND rowid > ?4)" : ""
        return """
            SELECT s.score, l.* FROM (
                SELECT rowid, score FROM (
                    SELECT dossier_search.rowid AS rowid, bm25(dossier_search, 10.0, 5.0, 5.0) AS score \(matches)
                      AND dossier_search.rowid <= (\(bound)))
                \(paging)
                ORDER BY score, rowid LIMIT ?2) s
            JOIN dossier_list l ON l.list_id = s.rowid
            ORDER BY s.score, s.rowid
            """
    }
}
