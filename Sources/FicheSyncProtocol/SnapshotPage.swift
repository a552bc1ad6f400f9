/// One page of an initial sync (`GET /v1/sync/snapshot?token=`).
///
/// Write each page in its own transaction with `next_token`; after the last page (`done`),
/// pull from `pinned_seq`.
///
/// The rows are held either as dictionaries or, when every row has the same fields (what the
/// server sends, and what `init(json:)` reads into), as one `TextTable`: `rows` and `table`
/// give either form. Two pages are equal when their `rows` are.
public struct SnapshotPage: Codable, Sendable, Hashable {
    public var pinnedSeq: Int64
    public var entity: SyncEntity
    /// Signed; pass it back to get the next page. Absent when `done`.
    public var nextToken: String?
    public var done: Bool
    var storage: Storage

    enum Storage: Sendable {
        case dictionaries([[String: String?]])
        case table(TextTable)
    }

    public init(pinnedSeq: Int64, entity: SyncEntity, rows: [[String: String?]], nextToken: String?, done: Bool) {
        self.pinnedSeq = pinnedSeq
        self.entity = entity
        self.storage = .dictionaries(rows)
        self.nextToken = nextToken
        self.done = done
    }

    public init(pinnedSeq: Int64, entity: SyncEntity, table: TextTable, nextToken: String?, done: Bool) {
        self.pinnedSeq = pinnedSeq
        self.entity = entity
        self.storage = .table(table)
        self.nextToken = nextToken
        self.done = done
    }

    /// Each row by field name (a field sent as `null` is `.some(nil)`).
    public var rows: [[String: String?]] {
        get {
            switch storage {
            case .dictionaries(let rows): return rows
            case .table(let table): return table.dictionaries
            }
        }
        set { storage = .dictionaries(newValue) }
    }

    /// The rows as one table (a field a row lacks reads as NULL).
    public var table: TextTable {
        switch storage {
        case .dictionaries(let rows): return TextTable(rows: rows)
        case .table(let table): return table
        }
    }

    /// Number of rows.
    public var rowCount: Int {
        switch storage {
        case .dictionaries(let rows): return rows.count
        case .table(let table): return table.rowCount
        }
    }

    enum CodingKeys: String, CodingKey {
        case pinnedSeq = "pinned_seq"
        case entity
        case rows
        case nextToken = "next_token"
        case done
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(pinnedSeq: try container.decode(Int64.self, forKey: .pinnedSeq),
                  entity: try container.decode(SyncEntity.self, forKey: .entity),
                  rows: try container.decode([[String: String?]].self, forKey: .rows),
                  nextToken: try container.decodeIfPresent(String.self, forKey: .nextToken),
                  done: try container.decode(Bool.self, forKey: .done))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pinnedSeq, forKey: .pinnedSeq)
        try container.encode(entity, forKey: .entity)
        try container.encode(rows, forKey: .rows)
        try container.encodeIfPresent(nextToken, forKey: .nextToken)
        try container.encode(done, forKey: .done)
    }

    public static func == (left: SnapshotPage, right: SnapshotPage) -> Bool {
        left.pinnedSeq == right.pinnedSeq && left.entity == right.entity && left.nextToken == right.nextToken
            && left.done == right.done && left.rows == right.rows
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pinnedSeq)
        hasher.combine(entity)
        hasher.combine(nextToken)
        hasher.combine(done)
        hasher.combine(rows)
    }
}
