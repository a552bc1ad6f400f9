import GRDB

/// Maintains `dossier_list` (one row per dossier of the working view, with its sort keys) and
/// the FTS5 index `dossier_search` that reads its search columns.
enum DossierListIndex {
    private static let source = """
        SELECT d.id, d.employer_code, d.number, d.status, d.category, d.payroll_clerk_id,
               p.last_name, p.first_name, p.niss, u.display_name AS clerk
        """

    /// Recomputes the list rows of `dossierIDs` from the working view, and their search entries.
    static func refresh(_ db: Database, dossierIDs: [String]) throws {
        for id in dossierIDs {
            if let old = try Row.fetchOne(db, sql: """
                SELECT list_id, search_name, search_number, search_niss FROM dossier_list WHERE id = ?
                """, arguments: [id]) {
                try db.execute(sql: """
                    INSERT INTO dossier_search (dossier_search, rowid, search_name, search_number, search_niss)
                    VALUES ('delete', ?, ?, ?, ?)
                    """, arguments: [old[0], old[1], old[2], old[3]])
                try db.execute(sql: "DELETE FROM dossier_list WHERE list_id = ?", arguments: [old[0]])
            }
            let row = try Row.fetchOne(db, sql: """
                \(source)
                FROM dossier_view d
                LEFT JOIN person_view p ON p.id = d.person_id
                LEFT JOIN app_user u ON u.id = d.payroll_clerk_id
                WHERE d.id = ?
                """, arguments: [id])
            guard let row else { continue }
            let insert = try db.cachedStatement(sql: insertSQL)
            try insert.execute(arguments: arguments(for: row))
            try db.execute(sql: """
                INSERT INTO dossier_search (rowid, search_name, search_number, search_niss)
                SELECT list_id, search_name, search_number, search_niss FROM dossier_list WHERE id = ?
                """, arguments: [id])
        }
    }

    /// Rebuilds the whole list and search index from the mirror (after a bulk load), then the
    /// rows that pending local changes touch. Indexes are dropped during the load and rebuilt.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM dossier_list")
        try ReplicaSchema.dropListIndexes(db)
        let insert = try db.makeStatement(sql: insertSQL)
        let rows = try Row.fetchCursor(db, sql: """
            \(source)
            FROM dossier d
            LEFT JOIN person p ON p.id = d.person_id
            LEFT JOIN app_user u ON u.id = d.payroll_clerk_id
            ORDER BY d.rowid
            """)
        while let row = try rows.next() {
            try insert.execute(arguments: arguments(for: row))
        }
        try ReplicaSchema.createListIndexes(db)
        try db.execute(sql: "INSERT INTO dossier_search (dossier_search) VALUES ('rebuild')")
        let touched = try String.fetchAll(db, sql: "SELECT DISTINCT target_id FROM outbox WHERE entity = 'dossier'")
        try refresh(db, dossierIDs: touched)
        let people = try String.fetchAll(db, sql: "SELECT DISTINCT target_id FROM outbox WHERE entity = 'person'")
        for person in people {
            let dossiers = try String.fetchAll(db, sql: "SELECT id FROM dossier_view WHERE person_id = ?", arguments: [person])
            try refresh(db, dossierIDs: dossiers)
        }
    }

    private static let insertSQL = """
        INSERT INTO dossier_list (id, employer_code, number, last_name, first_name, sort_name, category, status,
                                  payroll_clerk_id, payroll_clerk, clerk_sort, search_name, search_number, search_niss)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private static func arguments(for row: Row) -> StatementArguments {
        let lastName: String = row["last_name"] ?? ""
        let firstName: String = row["first_name"] ?? ""
        let number: String = row["number"] ?? ""
        let clerk: String = row["clerk"] ?? ""
        let niss: String = row["niss"] ?? ""
        let id: String = row["id"] ?? ""
        let employer: String = row["employer_code"] ?? ""
        let category: String = row["category"] ?? ""
        let status: String = row["status"] ?? ""
        let clerkID: String? = row["payroll_clerk_id"]
        return [
            id, employer, number, lastName, firstName, SortKey.person(lastName: lastName, firstName: firstName),
            category, status, clerkID, clerk, SortKey.fold(clerk),
            SearchText.name(lastName: lastName, firstName: firstName), SearchText.number(number), SearchText.niss(niss),
        ]
    }
}
