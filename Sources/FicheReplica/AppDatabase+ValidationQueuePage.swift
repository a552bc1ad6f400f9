import FicheDomain
import GRDB

extension AppDatabase {
    /// A page of the validation queue: up to `limit` submitted entries after `cursor` (from the
    /// first when nil), oldest start date first, then by id.
    ///
    /// Keyset paging on the `time_record_submitted` index: a page costs the same at entry 10 as
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
            if filter.terms.isEmpty { return try Self.submittedCount(db, employerCode: filter.employerCode) }
            let condition = try Self.validationCondition(db, filter)
            if condition.dossierLed {
                return try Int.fetchOne(db, sql: Self.dossierLedCount(condition.sql),
                                        arguments: StatementArguments(condition.values)) ?? 0
            }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM time_record_view r JOIN dossier_list l ON l.id = r.dossier_id
                WHERE r.status = 'submitted' AND \(condition.sql)
                """, arguments: StatementArguments(condition.values)) ?? 0
        }
    }

    /// How many entries `filter` lets through come before `cursor`: its place in the queue, from 0.
    public func validationQueueIndex(of cursor: ValidationQueueCursor, _ filter: ValidationQueueFilter) throws -> Int {
        try writer.read { db in
            if filter.terms.isEmpty, filter.order != .dossier {
                return try Self.submittedCount(db, employerCode: filter.employerCode, before: cursor,
                                               latestFirst: filter.order == .newest)
            }
            let condition = try Self.validationCondition(db, filter)
            var values = condition.values
            let keyset = Self.keyset(filter.order, cursor, after: false, values: &values)
            if condition.dossierLed || filter.order == .dossier {
                return try Int.fetchOne(db, sql: Self.dossierLedCount(condition.sql + " " + keyset),
                                        arguments: StatementArguments(values)) ?? 0
            }
            let joins = filter.order == .dossier
                ? "FROM dossier_list l CROSS JOIN time_record_view r ON r.dossier_id = l.id"
                : "FROM time_record_view r JOIN dossier_list l ON l.id = r.dossier_id"
            return try Int.fetchOne(db, sql: """
                SELECT count(*) \(joins)
                WHERE r.status = 'submitted' AND \(condition.sql) \(keyset)
                """, arguments: StatementArguments(values)) ?? 0
        }
    }

    /// Submitted records of the working view (before `cursor` in start order, or after it when
    /// `latestFirst`), counted table by table: the mirror's from its partial index, less those a
    /// local row overlays, plus the local ones. Counted through the view, each of 200,000 mirror
    /// rows would be checked against the overlay, most of a second.
    static func submittedCount(_ db: Database, employerCode: String?, before cursor: ValidationQueueCursor? = nil,
                               latestFirst: Bool = false) throws -> Int {
        var keyset = ""
        var arguments: [(any DatabaseValueConvertible)?] = [employerCode]
        if let cursor {
            let strict = latestFirst ? ">" : "<"
            let lead = latestFirst ? ">=" : "<="
            keyset = "AND x.start \(lead) ?2 AND (x.start \(strict) ?2 OR x.id \(strict) ?3)"
            arguments += [cursor.start.iso, cursor.id]
        }
        let condition = "(?1 IS NULL OR x.employer_code = ?1) \(keyset)"
        func on(_ alias: String) -> String { condition.replacingOccurrences(of: "x.", with: "\(alias).") }
        return try Int.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM time_record m WHERE m.status = 'submitted' AND \(on("m")))
                 - (SELECT count(*) FROM local_time_record o CROSS JOIN time_record m ON m.id = o.id
                    WHERE m.status = 'submitted' AND \(on("m")))
                 + (SELECT count(*) FROM local_time_record o WHERE o.status = 'submitted' AND o.deleted = 0 AND \(on("o")))
            """, arguments: StatementArguments(arguments)) ?? 0
    }

    /// Every entry `filter` lets through, in queue order: what "mark all" marks.
    public func validationQueueAll(_ filter: ValidationQueueFilter, asOf: LocalDate) throws -> [ValidationQueueItem] {
        try writer.read { db in
            try Self.validationPage(db, filter, cursor: nil, forward: true, limit: -1, asOf: asOf)
        }
    }

    /// Which of `ids` still wait for validation (others were reviewed, here or elsewhere).
    public func stillSubmitted(_ ids: Set<String>) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            var found: Set<String> = []
            let list = Array(ids)
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(list.count, start + 500)])
                let marks = databaseQuestionMarks(count: chunk.count)
                found.formUnion(try String.fetchAll(db, sql: """
                    SELECT id FROM time_record_view WHERE id IN (\(marks)) AND status = 'submitted'
                    """, arguments: StatementArguments(chunk)))
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
                WHERE r.status = 'submitted' AND \(condition.sql) \(keyset) \(extra)
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
        let joins: String
        let order: String
        if filter.order == .dossier {
            // Led by the dossiers in number order, each one's records from its (dossier_id, start) index.
            joins = "FROM dossier_list l CROSS JOIN time_record_view r ON r.dossier_id = l.id"
            order = "l.number \(direction), r.start \(direction), r.id \(direction)"
        } else {
            joins = "FROM time_record_view r JOIN dossier_list l ON l.id = r.dossier_id"
            order = "r.start \(direction), r.id \(direction)"
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.*, \(BatchedReads.listSelection), u.display_name AS entered_by_name,
                   \(BatchedReads.createdAtColumn(entity: "time_record", idColumn: "r.id"))
            \(joins)
            LEFT JOIN app_user u ON u.id = r.entered_by
            WHERE r.status = 'submitted' AND \(condition.sql) \(keyset)
            ORDER BY \(order) LIMIT \(limit < 0 ? -1 : limit)
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

    /// Counts the submitted records of the working view meeting `condition` (on `r` and `l`),
    /// led by the dossiers: the local rows, then the mirror's no local row overlays. Through the
    /// view, SQLite would first copy every submitted record.
    private static func dossierLedCount(_ condition: String) -> String {
        """
        SELECT (SELECT count(*) FROM dossier_list l CROSS JOIN local_time_record r ON r.dossier_id = l.id
                WHERE r.deleted = 0 AND r.status = 'submitted' AND \(condition))
             + (SELECT count(*) FROM dossier_list l CROSS JOIN time_record r ON r.dossier_id = l.id
                WHERE r.status = 'submitted' AND \(condition)
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

    /// The SQL condition (on `r`, the record, and `l`, its dossier's list row) of `filter`, with
    /// its arguments, numbered from 1. Who entered a record is matched in Swift against the few
    /// users of the replica, by display name or login, accents and case ignored.
    private static func validationCondition(_ db: Database, _ filter: ValidationQueueFilter) throws
        -> (sql: String, values: [(any DatabaseValueConvertible)?], dossierLed: Bool) {
        var parts = ["(?1 IS NULL OR r.employer_code = ?1)"]
        var values: [(any DatabaseValueConvertible)?] = [filter.employerCode]
        guard !filter.terms.isEmpty else {
            return (parts.joined(), values, false)
        }
        let users = try Row.fetchAll(db, sql: "SELECT id, display_name, login FROM app_user").map { row in
            (id: row["id"] as String,
             text: SortKey.fold((row["display_name"] as String? ?? "") + " " + (row["login"] as String? ?? "")))
        }
        var dossierLed = false
        for term in filter.terms {
            values.append(term.text)
            let word = values.count
            var alternatives = ["instr(l.sort_name, ?\(word)) > 0", "instr(lower(l.number), ?\(word)) > 0"]
            func list(_ items: [String]) -> String {
                let first = values.count + 1
                values += items.map { $0 as (any DatabaseValueConvertible)? }
                return (first..<(first + items.count)).map { "?\($0)" }.joined(separator: ", ")
            }
            if !term.typeCodes.isEmpty { alternatives.append("r.type_code IN (\(list(term.typeCodes)))") }
            if !term.kinds.isEmpty { alternatives.append("(r.type_code IS NULL AND r.kind IN (\(list(term.kinds))))") }
            let authors = users.filter { $0.text.contains(term.text) }.map(\.id)
            if !authors.isEmpty { alternatives.append("r.entered_by IN (\(list(authors)))") }
            // A word only a dossier can hold: the few dossiers holding it lead the read.
            if alternatives.count == 2 { dossierLed = true }
            parts.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        return (parts.joined(separator: " AND "), values, dossierLed)
    }
}
