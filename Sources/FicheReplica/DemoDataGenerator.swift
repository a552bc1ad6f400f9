import FicheDomain
import GRDB

/// Fills a replica with a realistic demo: one commune and its CPAS, dossiers with Brussels
/// names, categories in realistic proportions, payroll clerks with 175–250 dossiers each,
/// Article 60 workers (about 12 % of the CPAS) placed with partners, and two years of time
/// records (absences of the catalogue and clockings, about 50 per dossier).
///
/// Everything goes to the mirror tables, as if pulled from the server, in ONE transaction:
/// an interrupted run leaves the previous replica as it was. Secondary indexes, the dossier
/// list and the search index are rebuilt once at the end, which is faster than keeping them
/// up to date row by row (100,000 dossiers and 5 million time records in well under a minute).
///
/// ```swift
/// try DemoDataGenerator(dataset: DemoDataset(dossiers: 400, seed: 7)).write(into: database)
/// ```
public struct DemoDataGenerator: Sendable {
    public let dataset: DemoDataset

    public init(dataset: DemoDataset) { self.dataset = dataset }

    static let commune = (code: "AC-IXL", kind: "commune", fr: "Administration communale d'Ixelles", nl: "Gemeentebestuur Elsene")
    static let cpas = (code: "CPAS-IXL", kind: "cpas", fr: "CPAS d'Ixelles", nl: "OCMW Elsene")

    /// The two years the time records cover.
    static let firstDay = LocalDate(year: 2025, month: 1, day: 1) ?? LocalDate(dayNumber: 20_089)
    static let dayCount = 730
    /// Payroll months up to this one are closed.
    static let lastClosedMonth = (year: 2026, month: 10)

    /// The id of the demo's own user, who may work at both employers.
    public static let demoUserID = "usr-demo"

    /// Writes the demo in one transaction, replacing any earlier data.
    public func write(into database: AppDatabase) throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try db.inTransaction {
                try Self.clear(db)
                try self.load(db)
                return .commit
            }
            try db.checkpoint(.truncate)
        }
    }

    /// Whether the replica already holds exactly this demo.
    public static func holds(_ dataset: DemoDataset, in database: AppDatabase) throws -> Bool {
        try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'demo'") == dataset.fingerprint
        }
    }

    private static let bulkIndexes = [
        ("time_record_by_dossier", "time_record", "dossier_id, start"),
        ("career_period_by_dossier", "career_period", "dossier_id, start"),
        ("dossier_by_person", "dossier", "person_id"),
        ("art60_event_by_contract", "art60_event", "contract_id, date"),
        ("placement_by_contract", "placement", "contract_id, start"),
        ("placement_by_partner", "placement", "partner_id"),
        ("art60_contract_by_dossier", "art60_contract", "dossier_id"),
        ("time_record_by_status", "time_record", "status, start"),
        ("time_record_by_type", "time_record", "type_code, start"),
    ]

    private static func clear(_ db: Database) throws {
        for (name, _, _) in bulkIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        for table in ["employer", "outbox", "audit", "mutation_result"] + AppDatabase.scopedTables {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try db.execute(sql: "DELETE FROM replica_meta WHERE key = 'demo'")
    }

    private func load(_ db: Database) throws {
        var random = SeededGenerator(seed: dataset.seed)
        var writer = try DemoWriter(db)
        // The commune has more staff than its CPAS (about 1,400 FTE against 1,000).
        let communeCount = dataset.dossiers * 7 / 12
        let cpasCount = dataset.dossiers - communeCount
        for employer in [Self.commune, Self.cpas] {
            try db.execute(sql: """
                INSERT INTO employer (code, kind, name_fr, name_nl, holiday_calendar_id, payroll_cut_off_day, version)
                VALUES (?, ?, ?, ?, '', 20, 1)
                """, arguments: [employer.code, employer.kind, employer.fr, employer.nl])
            for year in 2025...2026 {
                for month in 1...12 {
                    let closed = (year, month) <= Self.lastClosedMonth
                    try db.execute(sql: "INSERT INTO payroll_month (employer_code, month, status, version) VALUES (?, ?, ?, 1)",
                                   arguments: [employer.code, "\(year)-\(String(month).leftPadded(to: 2))",
                                               closed ? "closed" : "open"])
                }
            }
        }
        let communeClerks = try writer.staff(employer: Self.commune.code, role: "payroll_clerk",
                                             count: Self.teamSize(communeCount, perPerson: 200), random: &random)
        let cpasClerks = try writer.staff(employer: Self.cpas.code, role: "payroll_clerk",
                                          count: Self.teamSize(cpasCount, perPerson: 240), random: &random)
        // At the CPAS, time management is a separate team (3 people for about 1,000 dossiers).
        let cpasTimeManagers = try writer.staff(employer: Self.cpas.code, role: "time_manager",
                                                count: Self.teamSize(cpasCount, perPerson: 333), random: &random)
        let officers = try writer.staff(employer: Self.cpas.code, role: "art60_officer",
                                        count: max(1, Self.teamSize(cpasCount, perPerson: 250)), random: &random)
        try writer.demoUser()
        let partners = try writer.partners(count: max(1, min(72, cpasCount / 14)), random: &random)

        for index in 0..<dataset.dossiers {
            let atCommune = index < communeCount
            let position = atCommune ? index : index - communeCount
            let clerks = atCommune ? communeClerks : cpasClerks
            let clerk = clerks[position * clerks.count / max(1, atCommune ? communeCount : cpasCount)]
            let timeManager = atCommune ? clerk : cpasTimeManagers[position % cpasTimeManagers.count]
            let category = Self.category(atCommune: atCommune, roll: Int.random(in: 0..<100, using: &random))
            let dossier = try writer.dossier(
                employer: atCommune ? Self.commune.code : Self.cpas.code, numberPrefix: atCommune ? "AC" : "CP",
                position: position + 1, category: category, clerk: clerk, timeManager: timeManager, random: &random)
            if category == StaffCategory.art60.rawValue {
                try writer.art60(dossier: dossier, partners: partners, officer: officers[position % officers.count],
                                 random: &random)
            }
            try writer.timeRecords(dossier: dossier, random: &random)
        }
        for (name, table, columns) in Self.bulkIndexes {
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(name) ON \(table)(\(columns))")
        }
        try DossierListIndex.rebuild(db)
        try db.execute(sql: "ANALYZE dossier_list")   // the list is where the planner chooses
        try db.execute(sql: "INSERT OR REPLACE INTO replica_meta (key, value) VALUES ('demo', ?)",
                       arguments: [dataset.fingerprint])
    }

    /// How many people a team needs so each has about `perPerson` dossiers.
    static func teamSize(_ dossiers: Int, perPerson: Int) -> Int {
        max(1, Int((Double(dossiers) / Double(perPerson)).rounded()))
    }

    /// Categories in the proportions of a Brussels local administration; the CPAS also employs
    /// about 12 % of its staff under Article 60 §7.
    static func category(atCommune: Bool, roll: Int) -> String {
        let category: StaffCategory
        if atCommune {
            switch roll {
            case ..<45: category = .statutory
            case ..<80: category = .contractual
            case ..<95: category = .subsidisedContractual
            default: category = .trainee
            }
        } else {
            switch roll {
            case ..<30: category = .statutory
            case ..<62: category = .contractual
            case ..<83: category = .subsidisedContractual
            case ..<88: category = .trainee
            default: category = .art60
            }
        }
        return category.rawValue
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

