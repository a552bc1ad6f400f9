import FicheDomain
import GRDB

extension AppDatabase {
    /// A page of the validation queue (or, with `filter.drafts`, of the drafts queue): up to
    /// `limit` entries after `cursor` (from the first when nil), in the filter's order.
    ///
    /// Keyset paging on the `time_record_open_by_start` index: a page costs the same at entry 10 as
    /// at entry 100,000, nothing is counted or skipped. An entry's age is computed as in
    /// `validationQueue` (first audit row, else start date).
    ///
    /// ```swift
    /// let first = try database.validationQueuePage(ValidationQueueFilter(), after: nil, limit: 20, asOf: today)
    /// let next = try database.validationQueuePage(ValidationQueueFilter(), after: first.last.map(ValidationQueueCursor.init),
    ///                                             limit: 20, asOf: today)
    /// ```
    public func validationQueuePage(_ filter: ValidationQueueFilter, after cursor: ValidationQueueCursor?, limit: Int,
                                    asOf: LocalDate) throws -> [ValidationQueueItem] {
        try writer.read { db in
            try Self.validationPage(db, filter, cursor: cursor, forward: true, limit: limit, asOf: asOf)
        }
    }

    /// Up to `limit` entries before `cursor` (the last ones when nil), in queue order.
    public func validationQueuePage(_ filter: ValidationQueueFilter, before cursor: ValidationQueueCursor?, limit: Int,
                                    asOf: LocalDate) throws -> [ValidationQueueItem] {
        try writer.read { db in
            try Self.validationPage(db, filter, cursor: cursor, forward: false, limit: limit, asOf: asOf).reversed()
        }
    }

    /// How many entries `filter` lets through: the queue's true size.
    public func validationQueueCount(_ filter: ValidationQueueFilter) throws -> Int {
        try writer.read { db in
            filter.terms.isEmpty ? try Self.openCount(db, filter) : try Self.filteredCount(db, filter)
        }
    }

    /// How many entries `filter` lets through come before `cursor`: its place in the queue, from 0.
    public func validationQueueIndex(of cursor: ValidationQueueCursor, _ filter: ValidationQueueFilter) throws -> Int {
        try writer.read { db in
            if filter.terms.isEmpty, filter.order != .dossier {
                return try Self.openCount(db, filter, before: cursor)
            }
            let condition = try Self.validationCondition(db, filter)
            var values = condition.values
            let keyset = Self.keyset(filter.order, cursor, after: false, values: &values)
            if filter.order == .dossier {
                return try Int.fetchOne(db, sql: Self.dossierLedCount(condition.sql + " " + keyset),
                                        arguments: StatementArguments(values)) ?? 0
            }
            return try Self.filteredCount(db, filter, keyset: keyset, values: Array(values[condition.values.count...]))
        }
    }

    /// Submitted records of the working view (of `employerCode`, else every one held).
    static func submittedCount(_ db: Database, employerCode: String?) throws -> Int {
        try openCount(db, ValidationQueueFilter(employerCode: employerCode))
    }

    /// The entries of the working view `filter` lists without its words (before `cursor` in the
    /// filter's order when given), counted table by table: the mirror's from its partial index,
    /// less those a local row overlays, plus the local ones. Counted through the view, each of
    /// 200,000 mirror rows would be checked against the overlay, most of a second.
    static func openCount(_ db: Database, _ filter: ValidationQueueFilter, before cursor: ValidationQueueCursor? = nil) throws -> Int {
        var values: [(any DatabaseValueConvertible)?] = []
        var condition = scopeCondition(filter, values: &values)
        if let cursor {
            condition += " " + keyset(filter.order, cursor, after: false, values: &values)
        }
        return try Int.fetchOne(db, sql: tableByTableCount(condition), arguments: StatementArguments(values)) ?? 0
    }

    /// Counts the records of the working view meeting `condition` (on `r` alone) table by table:
    /// the mirror's, less those a local row overlays, plus the local ones. Values in `condition`
    /// are numbered (`?1`), as each is read by the three counts.
    static func tableByTableCount(_ condition: String) -> String {
        func on(_ alias: String) -> String { condition.replacingOccurrences(of: "r.", with: "\(alias).") }
        return """
            SELECT (SELECT count(*) FROM time_record m WHERE \(on("m")))
                 - (SELECT count(*) FROM local_time_record o CROSS JOIN time_record m ON m.id = o.id WHERE \(on("m")))
                 + (SELECT count(*) FROM local_time_record o WHERE o.deleted = 0 AND \(on("o")))
            """
    }

    /// The condition (on `r`, the record) of the entries `filter` lists before its words: their
    /// status, employer, month and, for drafts, whose; its values appended to `values`, numbered from 1.
    private static func scopeCondition(_ filter: ValidationQueueFilter, values: inout [(any DatabaseValueConvertible)?]) -> String {
        values.append(filter.employerCode)
        var parts = ["r.status = '\(filter.status.rawValue)'", "(?\(values.count) IS NULL OR r.employer_code = ?\(values.count))"]
        if let month = filter.month {
            values += [month.lastDay.iso, month.firstDay.iso]
            parts.append("r.start <= ?\(values.count - 1) AND r.\"end\" >= ?\(values.count)")
        }
        if let drafts = filter.drafts {
            values.append(drafts.userID)
            let author = "r.entered_by = ?\(values.count)"
            if drafts.employerCodes.isEmpty {
                parts.append(author)
            } else {
                let first = values.count + 1
                values += drafts.employerCodes.map { $0 as (any DatabaseValueConvertible)? }
                let marks = (first..<(first + drafts.employerCodes.count)).map { "?\($0)" }.joined(separator: ", ")
                parts.append("(\(author) OR r.employer_code IN (\(marks)))")
            }
        }
        return parts.joined(separator: " AND ")
    }

    /// Every entry `filter` lets through, in queue order: what "mark all" marks.
    public func validationQueueAll(_ filter: ValidationQueueFilter, asOf: LocalDate) throws -> [ValidationQueueItem] {
        try writer.read { db in
            try Self.validationPage(db, filter, cursor: nil, forward: true, limit: -1, asOf: asOf)
        }
    }

    /// Which of `ids` are still in `status`: still waiting for validation (others were reviewed,
    /// here or elsewhere), or still drafts (others were submitted or withdrawn).
    public func stillWaiting(_ ids: Set<String>, status: TimeRecordStatus = .submitted) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            var found: Set<String> = []
            let list = Array(ids)
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(list.count, start + 500)])
                let marks = databaseQuestionMarks(count: chunk.count)
                found.formUnion(try String.fetchAll(db, sql: """
                    SELECT id FROM time_record_view WHERE id IN (\(marks)) AND status = ?
                    """, arguments: StatementArguments(chunk + [status.rawValue])))
            }
            return found
        }
    }

    /// A page in queue order after (forward) or, in reverse order, before `cursor`; all when `limit` < 0.
    private static func validationPage(_ db: Database, _ filter: ValidationQueueFilter, cursor: ValidationQueueCursor?,
                                       forward: Bool, limit: Int, asOf: LocalDate) throws -> [ValidationQueueItem] {
        let condition = try validationCondition(db, filter)
        var values = condition.values
        let keyset = cursor.map { Self.keyset(filter.order, $0, after: forward, values: &values) } ?? ""
        // Listed backwards: the index read the other way.
        let descending = (filter.order == .newest) == forward
        let direction = descending ? "DESC" : "ASC"
        if condition.dossierLed || filter.order == .dossier {
            // A compound's ORDER BY names its result columns by alias.
            let keys = filter.order == .dossier ? ["key_number", "key_start", "key_id"] : ["key_start", "key_id"]
            let order = keys.map { "\($0) \(direction)" }.joined(separator: ", ")
            let arm = { (table: String, extra: String) in
                """
                SELECT \(ReplicaSchema.timeRecordColumns.map { "r.\"\($0)\"" }.joined(separator: ", ")),
                       \(BatchedReads.listSelection), u.display_name AS entered_by_name,
                       \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id")),
                       l.number AS key_number, r.start AS key_start, r.id AS key_id
                FROM dossier_list l CROSS JOIN \(table) r ON r.dossier_id = l.id
                LEFT JOIN app_user u ON u.id = r.entered_by
                WHERE \(condition.sql) \(keyset) \(extra)
                """
            }
            let sql = """
                \(arm("local_time_record", "AND r.deleted = 0"))
                UNION ALL
                \(arm("time_record", "AND NOT EXISTS (SELECT 1 FROM local_time_record o WHERE o.id = r.id)"))
                ORDER BY \(order) LIMIT \(limit < 0 ? -1 : limit)
                """
            return try items(Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)), asOf: asOf)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.*, \(BatchedReads.listSelection), u.display_name AS entered_by_name,
                   \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id"))
            FROM time_record_view r JOIN dossier_list l ON l.id = r.dossier_id
            LEFT JOIN app_user u ON u.id = r.entered_by
            WHERE \(condition.sql) \(keyset)
            ORDER BY r.start \(direction), r.id \(direction) LIMIT \(limit < 0 ? -1 : limit)
            """, arguments: StatementArguments(values))
        return try items(rows, asOf: asOf)
    }

    private static func items(_ rows: [Row], asOf: LocalDate) throws -> [ValidationQueueItem] {
        try rows.map { row in
            let record = try TimeRecord(stored: row)
            return ValidationQueueItem(
                record: record, dossier: BatchedReads.listRow(prefixed: row), enteredBy: record.enteredBy,
                enteredByName: row["entered_by_name"],
                ageDays: BatchedReads.ageDays(createdAt: row["created_at"], start: record.start, asOf: asOf),
                link: DossierLink(dossierID: record.dossierID, tab: .timeRecords))
        }
    }

    /// Counts the records of the working view meeting `condition` (on `r` and `l`),
    /// led by the dossiers: the local rows, then the mirror's no local row overlays. Through the
    /// view, SQLite would first copy every submitted record. Each dossier's open records are read
    /// from their index by (dossier, status), which holds every column a filter reads.
    private static func dossierLedCount(_ condition: String, dossiers: String = "dossier_list") -> String {
        """
        SELECT (SELECT count(*) FROM \(dossiers) l CROSS JOIN local_time_record r ON r.dossier_id = l.id
                WHERE r.deleted = 0 AND \(condition))
             + (SELECT count(*) FROM \(dossiers) l CROSS JOIN time_record r ON r.dossier_id = l.id
                WHERE \(condition)
                  AND NOT EXISTS (SELECT 1 FROM local_time_record o WHERE o.id = r.id))
        """
    }

    /// The condition of the rows after (else before) `cursor` in `order`, its values appended to
    /// `values`; the leading key is also compared alone, so that SQLite reads a range of its index.
    private static func keyset(_ order: ValidationQueueOrder, _ cursor: ValidationQueueCursor, after: Bool,
                               values: inout [(any DatabaseValueConvertible)?]) -> String {
        let later = after == (order != .newest)
        let strict = later ? ">" : "<"
        let lead = later ? ">=" : "<="
        let first = values.count + 1
        if order == .dossier {
            values += [cursor.dossierNumber, cursor.start.iso, cursor.id]
            return "AND l.number \(lead) ?\(first) AND (l.number, r.start, r.id) \(strict) (?\(first), ?\(first + 1), ?\(first + 2))"
        }
        values += [cursor.start.iso, cursor.id]
        return "AND r.start \(lead) ?\(first) AND (r.start \(strict) ?\(first) OR r.id \(strict) ?\(first + 1))"
    }

    /// The SQL condition (on `r`, the record, and `l`, its dossier's list row) of `filter`, its
    /// status and scope first, with its arguments, numbered from 1. Who entered a record is
    /// matched in Swift against the few users of the replica, by display name or login, accents
    /// and case ignored.
    ///
    /// Also its parts, for counting: `scope` (status, employer, whose drafts), `dossierSide` (a
    /// word in any dossier's name or number, on `l` alone) and `recordSide` (every word in the
    /// record's type, kind or author, on `r` alone; nil when some word can only be a dossier's,
    /// then `dossierLed`: the few dossiers holding it lead the read).
    private static func validationCondition(_ db: Database, _ filter: ValidationQueueFilter) throws
        -> (sql: String, values: [(any DatabaseValueConvertible)?], dossierLed: Bool,
            scope: String, dossierSide: String, recordSide: String?) {
        var values: [(any DatabaseValueConvertible)?] = []
        let scope = scopeCondition(filter, values: &values)
        guard !filter.terms.isEmpty else {
            return (scope, values, false, scope, "0", nil)
        }
        let users = try Row.fetchAll(db, sql: "SELECT id, display_name, login FROM app_user").map { row in
            (id: row["id"] as String,
             text: SortKey.fold((row["display_name"] as String? ?? "") + " " + (row["login"] as String? ?? "")))
        }
        var parts = [scope]
        var dossierSides: [String] = []
        var recordSides: [String]? = []
        for term in filter.terms {
            values.append(term.text)
            let word = values.count
            let dossierSide = "instr(l.sort_name, ?\(word)) > 0 OR instr(lower(l.number), ?\(word)) > 0"
            var alternatives: [String] = []
            func list(_ items: [String]) -> String {
                let first = values.count + 1
                values += items.map { $0 as (any DatabaseValueConvertible)? }
                return (first..<(first + items.count)).map { "?\($0)" }.joined(separator: ", ")
            }
            if !term.typeCodes.isEmpty { alternatives.append("r.type_code IN (\(list(term.typeCodes)))") }
            if !term.kinds.isEmpty { alternatives.append("(r.type_code IS NULL AND r.kind IN (\(list(term.kinds))))") }
            let authors = users.filter { $0.text.contains(term.text) }.map(\.id)
            if !authors.isEmpty { alternatives.append("r.entered_by IN (\(list(authors)))") }
            dossierSides.append(dossierSide)
            if alternatives.isEmpty {
                recordSides = nil
                parts.append("(\(dossierSide))")
            } else {
                let recordSide = alternatives.joined(separator: " OR ")
                recordSides?.append("(\(recordSide))")
                parts.append("(\(dossierSide) OR \(recordSide))")
            }
        }
        return (parts.joined(separator: " AND "), values, recordSides == nil, scope,
                "(" + dossierSides.joined(separator: " OR ") + ")", recordSides?.joined(separator: " AND "))
    }

    /// The records the condition of `filter` lets through (with `keyset`, on `r` alone, those
    /// before a cursor), counted in three reads none of which joins every record to its dossier:
    /// those of the dossiers holding a word (found once), plus those whose type, kind or author
    /// hold every word, less those both count. A word that names a type ("annuel") matches
    /// 50,000 records but few dossiers: counted through the dossier list, each record's would be read.
    private static func filteredCount(_ db: Database, _ filter: ValidationQueueFilter, keyset: String = "",
                                      values extra: [(any DatabaseValueConvertible)?] = []) throws -> Int {
        let condition = try validationCondition(db, filter)
        let values = condition.values + extra
        guard let recordSide = condition.recordSide else {
            return try Int.fetchOne(db, sql: dossierLedCount("\(condition.sql) \(keyset)"),
                                    arguments: StatementArguments(values)) ?? 0
        }
        let both = "\(condition.scope) AND \(recordSide) \(keyset)"
        return try Int.fetchOne(db, sql: """
            WITH named AS MATERIALIZED (SELECT id, sort_name, number FROM dossier_list l WHERE \(condition.dossierSide))
            SELECT (\(dossierLedCount("\(condition.sql) \(keyset)", dossiers: "named")))
                 + (\(tableByTableCount(both)))
                 - (\(dossierLedCount(both, dossiers: "named")))
            """, arguments: StatementArguments(values)) ?? 0
    }
}
