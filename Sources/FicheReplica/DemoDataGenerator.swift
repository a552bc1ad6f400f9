import GRDB

/// Fills a replica with a realistic demo: one commune and its CPAS, dossiers with Brussels
/// names, categories in realistic proportions, one payroll clerk per ~200 dossiers.
///
/// ```swift
/// try DemoDataGenerator(dataset: DemoDataset(dossiers: 400, seed: 7)).write(into: database)
/// ```
public struct DemoDataGenerator: Sendable {
    public let dataset: DemoDataset

    public init(dataset: DemoDataset) { self.dataset = dataset }

    static let commune = (id: "emp-ac", code: "AC-IXL", kind: "commune",
                          fr: "Administration communale d'Ixelles", nl: "Gemeentebestuur Elsene")
    static let cpas = (id: "emp-cpas", code: "CPAS-IXL", kind: "cpas",
                       fr: "CPAS d'Ixelles", nl: "OCMW Elsene")

    /// Writes the demo in one transaction, replacing any earlier demo data.
    public func write(into database: AppDatabase) throws {
        var random = SeededGenerator(seed: dataset.seed)
        try database.writer.write { db in
            try db.execute(sql: "DELETE FROM dossier")
            try db.execute(sql: "DELETE FROM employer")
            for employer in [Self.commune, Self.cpas] {
                try db.execute(
                    sql: "INSERT INTO employer (id, code, kind, name_fr, name_nl) VALUES (?, ?, ?, ?, ?)",
                    arguments: [employer.id, employer.code, employer.kind, employer.fr, employer.nl])
            }
            // The commune has more staff than its CPAS (about 1,400 FTE against 1,000).
            let communeCount = dataset.dossiers * 7 / 12
            let insert = try db.makeStatement(sql: """
                INSERT INTO dossier (id, employer_id, dossier_number, last_name, first_name, sort_name, niss,
                                     birth_date, category, status, payroll_clerk)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for index in 0..<dataset.dossiers {
                let atCommune = index < communeCount
                let employer = atCommune ? Self.commune : Self.cpas
                let positionInEmployer = atCommune ? index : index - communeCount
                let female = Bool.random(using: &random)
                let lastName = DemoNames.lastNames.randomElement(using: &random) ?? "Peeters"
                let firstNames = female ? DemoNames.firstNamesFemale : DemoNames.firstNamesMale
                let firstName = firstNames.randomElement(using: &random) ?? "Marie"
                let birth = (year: Int.random(in: 1961...2004, using: &random),
                             month: Int.random(in: 1...12, using: &random),
                             day: Int.random(in: 1...28, using: &random))
                let serial = Int.random(in: 1...499, using: &random) * 2 - (female ? 0 : 1)
                let niss = Self.niss(year: birth.year, month: birth.month, day: birth.day, serial: serial)
                let category = Self.category(atCommune: atCommune, roll: Int.random(in: 0..<100, using: &random))
                let clerkOffset = atCommune ? 0 : 8
                let clerk = DemoNames.clerkNames[(clerkOffset + positionInEmployer / 200) % DemoNames.clerkNames.count]
                let status = Int.random(in: 0..<100, using: &random) < 4 ? "suspended" : "active"
                try insert.execute(arguments: [
                    "dos-\(employer.code)-\(positionInEmployer + 1)", employer.id,
                    "\(atCommune ? "AC" : "CP")-\(String(format6: positionInEmployer + 1))",
                    lastName, firstName, SortKey.person(lastName: lastName, firstName: firstName), niss,
                    String(format: birth.year, birth.month, birth.day), category, status, clerk,
                ])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO replica_meta (key, value) VALUES ('demo', ?)",
                arguments: [dataset.fingerprint])
        }
    }

    /// Whether the replica already holds exactly this demo.
    public static func holds(_ dataset: DemoDataset, in database: AppDatabase) throws -> Bool {
        try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'demo'") == dataset.fingerprint
        }
    }

    /// Categories in the proportions of a Brussels local administration; the CPAS also employs
    /// about 12 % of its staff under Article 60 §7.
    static func category(atCommune: Bool, roll: Int) -> String {
        if atCommune {
            switch roll {
            case ..<45: return "statutory"
            case ..<80: return "contractual"
            case ..<95: return "subsidised_contractual"
            default: return "trainee"
            }
        }
        switch roll {
        case ..<30: return "statutory"
        case ..<65: return "contractual"
        case ..<83: return "subsidised_contractual"
        case ..<88: return "trainee"
        default: return "article60"
        }
    }

    /// A valid Belgian national number (NISS) for a birth date and a serial (odd for men).
    static func niss(year: Int, month: Int, day: Int, serial: Int) -> String {
        let base = (year % 100) * 10_000_000 + month * 100_000 + day * 1_000 + serial
        let checked = year >= 2000 ? 2_000_000_000 + base : base
        let check = 97 - checked % 97
        let digits = String(base).leftPadded(to: 9) + String(check).leftPadded(to: 2)
        return digits
    }
}

private extension String {
    init(format6 value: Int) { self = String(value).leftPadded(to: 6) }

    init(format year: Int, _ month: Int, _ day: Int) {
        self = "\(year)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))"
    }

    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
