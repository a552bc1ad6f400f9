import GRDB

extension AppDatabase {
    static let listColumns = """
        list_id, id, number, last_name, first_name, employer_code, category, payroll_clerk, sort_name,
        status, payroll_clerk_id, clerk_sort
        """

    /// Up to `limit` dossiers after `cursor` (from the start when nil), by name.
    public func dossierPage(after cursor: DossierListCursor?, limit: Int) throws -> [DossierListRow] {
        try dossierPage(DossierListQuery(), after: cursor, limit: limit)
    }

    /// Up to `limit` dossiers before `cursor` (from the end when nil), by name, in list order.
    public func dossierPage(before cursor: DossierListCursor?, limit: Int) throws -> [DossierListRow] {
        try dossierPage(DossierListQuery(), before: cursor, limit: limit)
    }

    /// Up to `limit` dossiers of `query` after `cursor` (from the start when nil).
    ///
    /// Keyset paging (`WHERE (keys) > (cursor) ORDER BY keys LIMIT n`) on the index of the
    /// query's order: the cost does not grow with the position, and nothing is counted.
    ///
    /// ```swift
    /// let query = DossierListQuery(order: .clerk, filter: DossierListFilter(employerCode: "CPAS-IXL"))
    /// let first = try database.dossierPage(query, after: nil, limit: 20)
    /// let next = try database.dossierPage(query, after: first.last.map(DossierListCursor.init), limit: 20)
    /// ```
    public func dossierPage(_ query: DossierListQuery, after cursor: DossierListCursor?, limit: Int) throws -> [DossierListRow] {
        try writer.read { db in try Self.page(db, query, cursor: cursor, forward: true, limit: limit) }
    }

    /// Up to `limit` dossiers of `query` before `cursor` (from the end when nil), in list order.
    public func dossierPage(_ query: DossierListQuery, before cursor: DossierListCursor?, limit: Int) throws -> [DossierListRow] {
        try writer.read { db in try Self.page(db, query, cursor: cursor, forward: false, limit: limit).reversed() }
    }

    static func page(_ db: Database, _ query: DossierListQuery, cursor: DossierListCursor?, forward: Bool,
                     limit: Int) throws -> [DossierListRow] {
        let (sql, arguments) = pageSQL(query, cursor: cursor, forward: forward, limit: limit)
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map(listRow)
    }

    /// The keyset query of one page, and its arguments.
    static func pageSQL(_ query: DossierListQuery, cursor: DossierListCursor?, forward: Bool,
                        limit: Int) -> (sql: String, arguments: [String]) {
        // A leading key the filter fixes (employer order within one employer) is left out, so
        // the index serves both the filter and the order.
        let fixed = query.filter.fixedColumns
        let leading = query.order.keyColumns.prefix { fixed.contains($0) }.count
        let keys = Array(query.order.keyColumns.dropFirst(leading))
        var conditions = query.filter.conditions.map(\.sql)
        var arguments: [String] = query.filter.conditions.map(\.value)
        // Reading forward in a descending list walks the index backwards, and the other way round.
        let ascending = forward != query.descending
        if let cursor {
            let marks = databaseQuestionMarks(count: keys.count)
            conditions.append("(\(keys.joined(separator: ", "))) \(ascending ? ">" : "<") (\(marks))")
            arguments += cursor.keys(for: query.order).dropFirst(leading)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let direction = ascending ? "" : " DESC"
        let orderClause = keys.map { $0 + direction }.joined(separator: ", ")
        let sql = "SELECT \(listColumns) FROM dossier_list \(whereClause) ORDER BY \(orderClause) LIMIT \(max(0, limit))"
        return (sql, arguments)
    }

    /// How many dossiers of `query` come before `cursor` in list order; all of them when nil.
    /// Counted on the order's index, a few milliseconds at 100,000 dossiers: the list shows
    /// "position / total" with it.
    public func dossierCount(_ query: DossierListQuery, before cursor: DossierListCursor? = nil) throws -> Int {
        try writer.read { db in
            let fixed = query.filter.fixedColumns
            let leading = query.order.keyColumns.prefix { fixed.contains($0) }.count
            let keys = Array(query.order.keyColumns.dropFirst(leading))
            var conditions = query.filter.conditions.map(\.sql)
            var arguments: [String] = query.filter.conditions.map(\.value)
            if let cursor {
                conditions.append("(\(keys.joined(separator: ", "))) \(query.descending ? ">" : "<") (\(databaseQuestionMarks(count: keys.count)))")
                arguments += cursor.keys(for: query.order).dropFirst(leading)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM dossier_list \(whereClause)"),
                                    arguments: StatementArguments(arguments)) ?? 0
        }
    }

    static func listRow(_ row: Row) -> DossierListRow {
        DossierListRow(
            id: row["id"], dossierNumber: row["number"], lastName: row["last_name"], firstName: row["first_name"],
            employerCode: row["employer_code"], category: row["category"], payrollClerk: row["payroll_clerk"],
            sortName: row["sort_name"], status: row["status"], payrollClerkID: row["payroll_clerk_id"],
            clerkSortKey: row["clerk_sort"])
    }
}
