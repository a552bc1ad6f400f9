import GRDB

extension AppDatabase {
    private static let listColumns = """
        d.id, d.dossier_number, d.last_name, d.first_name, e.code, d.category, d.payroll_clerk, d.sort_name
        """

    /// Up to `limit` dossiers after `cursor` (from the start when nil), by name.
    ///
    /// Keyset paging on the `(sort_name, id)` index: the cost does not grow with the position.
    public func dossierPage(after cursor: DossierListCursor?, limit: Int) throws -> [DossierListRow] {
        try writer.read { db in
            if let cursor {
                return try Self.rows(db, sql: """
                    SELECT \(Self.listColumns) FROM dossier d JOIN employer e ON e.id = d.employer_id
                    WHERE (d.sort_name, d.id) > (?, ?) ORDER BY d.sort_name, d.id LIMIT ?
                    """, arguments: [cursor.sortName, cursor.id, limit])
            }
            return try Self.rows(db, sql: """
                SELECT \(Self.listColumns) FROM dossier d JOIN employer e ON e.id = d.employer_id
                ORDER BY d.sort_name, d.id LIMIT ?
                """, arguments: [limit])
        }
    }

    /// Up to `limit` dossiers before `cursor` (from the end when nil), returned in list order.
    public func dossierPage(before cursor: DossierListCursor?, limit: Int) throws -> [DossierListRow] {
        try writer.read { db in
            let rows: [DossierListRow]
            if let cursor {
                rows = try Self.rows(db, sql: """
                    SELECT \(Self.listColumns) FROM dossier d JOIN employer e ON e.id = d.employer_id
                    WHERE (d.sort_name, d.id) < (?, ?) ORDER BY d.sort_name DESC, d.id DESC LIMIT ?
                    """, arguments: [cursor.sortName, cursor.id, limit])
            } else {
                rows = try Self.rows(db, sql: """
                    SELECT \(Self.listColumns) FROM dossier d JOIN employer e ON e.id = d.employer_id
                    ORDER BY d.sort_name DESC, d.id DESC LIMIT ?
                    """, arguments: [limit])
            }
            return rows.reversed()
        }
    }

    private static func rows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [DossierListRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            DossierListRow(
                id: row[0], dossierNumber: row[1], lastName: row[2], firstName: row[3],
                employerCode: row[4], category: row[5], payrollClerk: row[6], sortName: row[7])
        }
    }
}
