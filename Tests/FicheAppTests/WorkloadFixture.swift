import FicheDomain
import FicheReplica
import Foundation

/// The 40-dossier list fixture with the loads the workload chart is about: at the commune one
/// clerk near 175 and one past 200, at the CPAS one clerk past 250 (highlighted) and one light;
/// three art. 60 partners with placements; and a replica that has heard back from the server
/// about two changes (one absence refused, one IBAN in conflict).
enum WorkloadFixture {
    /// Extra active dossiers per clerk, on top of the list fixture's ten or so each.
    static let extraDossiers: [(clerk: String, employer: String, count: Int)] = [
        ("usr-ac-1", "AC-IXL", 170),
        ("usr-ac-2", "AC-IXL", 195),
        ("usr-cp-1", "CPAS-IXL", 250),
    ]

    /// The day every screen test runs on.
    static let today = date("2026-11-24")

    static let partners: [Partner] = [
        Partner(id: "par-1", employerCode: "CPAS-IXL", name: "Hôpital d'Ixelles (CHU Brugmann)", kind: .publicHospital),
        Partner(id: "par-2", employerCode: "CPAS-IXL", name: "La Ressourcerie de la Senne", kind: .socialEconomy),
        Partner(id: "par-3", employerCode: "CPAS-IXL", name: "Commune d'Ixelles — Propreté publique", kind: .commune),
        Partner(id: "par-4", employerCode: "CPAS-IXL", name: "Maison médicale du Maelbeek ASBL", kind: .nonProfit),
    ]

    static func date(_ text: String) -> LocalDate {
        do { return try LocalDate.parse(text) } catch { preconditionFailure("\(text): \(error)") }
    }

    /// The replica: the list fixture, the extra dossiers, the partners and their placements.
    static func make() throws -> AppDatabase {
        let database = try ListFixture.make()
        var batch = MirrorBatch()
        var index = 0
        for (clerk, employer, count) in extraDossiers {
            for _ in 0..<count {
                index += 1
                let born = date(String(format: "19%02d-%02d-%02d", 60 + index % 40, 1 + index % 12, 1 + index % 28))
                let person = Person(id: "per-w\(index)",
                                    niss: try NISS(NISS.digits(year: born.year, month: born.month, day: born.day,
                                                               serial: 2 * (index % 400) + 2), declaredSex: .female),
                                    lastName: "Dossier \(String(format: "%03d", index))", firstName: "Agent",
                                    birthDate: born, sex: .female, language: .fr)
                let prefix = employer == "AC-IXL" ? "AC" : "CP"
                let dossier = Dossier(id: "dos-w\(index)", employerCode: employer, number: "\(prefix)-9\(String(format: "%05d", index))",
                                      personID: person.id, category: .contractual, payrollClerkID: clerk,
                                      startDate: date("2018-01-01"))
                batch.persons.append(MirrorRow(person, employerCode: employer, version: 1))
                batch.dossiers.append(MirrorRow(dossier, employerCode: employer, version: 1))
            }
        }
        // Art. 60 workers of the list fixture (dos-22 Aït Ouali, dos-25 Diallo, dos-30 Ouédraogo, dos-40 Wouters)
        // placed with three partners; the fourth partner has none running today.
        let placed: [(dossier: String, partner: String, start: String, end: String?, fee: Int)] = [
            ("dos-22", "par-1", "2026-03-01", nil, 45_000),
            ("dos-25", "par-1", "2026-05-01", nil, 45_000),
            ("dos-30", "par-2", "2026-01-15", nil, 32_500),
            ("dos-40", "par-3", "2026-09-01", nil, 0),
            ("dos-22", "par-4", "2025-06-01", "2026-02-28", 20_000),
        ]
        batch.partners = partners.map { MirrorRow($0, employerCode: $0.employerCode, version: 1) }
        for (offset, placement) in placed.enumerated() {
            let contract = Art60Contract(id: "con-\(offset + 1)", employerCode: "CPAS-IXL", dossierID: placement.dossier,
                                         start: date(placement.start), plannedEnd: date("2027-12-31"))
            batch.art60Contracts.append(MirrorRow(contract, employerCode: "CPAS-IXL", version: 1))
            batch.placements.append(MirrorRow(
                Placement(id: "pla-\(offset + 1)", contractID: contract.id, partnerID: placement.partner, start: date(placement.start),
                          end: placement.end.map(date), agreementSignedOn: date(placement.start), monthlyFeeCents: placement.fee),
                employerCode: "CPAS-IXL", version: 1))
        }
        try database.applyPulled(batch)
        return database
    }

    /// The server's answer to a local change, as the sync engine records it.
    static func answer(_ entry: OutboxEntry, _ status: String, reason: String, serverValue: String? = nil,
                       in database: AppDatabase) throws {
        let base = try database.syncState().mutationBase
        try database.recordMutationResults([
            AppDatabase.SyncedResult(serverMutationID: entry.id - base, uuid: entry.uuid, status: status, reason: reason,
                                     serverValue: serverValue, seq: nil),
        ])
    }

    /// The list fixture after the server refused an absence (closed month) and found an IBAN
    /// changed meanwhile, and with one change still waiting.
    static func withConflicts() throws -> AppDatabase {
        let database = try ListFixture.make()
        let supervisor = ListFixture.supervisor
        // The list fixture's employers name their calendar "be-brussels": the Brussels local one.
        let holidays = try RuleBook.bundledTexts()[.holidays] ?? ""
        let rules = try RuleBook.bundled().replacing(.holidays, with: holidays + """

            [[calendar]]
            id = "be-brussels"
            description = "The list fixture's name for the Brussels local calendar"
            holidays = ["new_year", "easter_monday", "labour_day", "ascension", "whit_monday", "national_day", "assumption",
                        "all_saints", "armistice", "christmas", "brussels_region_day", "all_souls", "kings_feast", "boxing_day"]
            """)
        let now = Date(timeIntervalSince1970: 1_795_500_000)   // 2026-11-24, so ages and dates do not move
        let absence = try database.recordAbsence(
            .absence(id: "tr-new-1", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                     from: date("2026-12-01"), to: date("2026-12-02"), enteredBy: supervisor.id),
            by: supervisor, rules: rules, now: now)
        let iban = try database.updateDossierField("dos-2", .iban, to: "BE68 5390 0754 7034", by: supervisor, now: now)
        try answer(absence, "rejected", reason: "month.closed", in: database)
        if let iban { try answer(iban, "conflict", reason: "field.changed", serverValue: "BE71 0961 2345 6769", in: database) }
        try database.updateDossierField("dos-3", .lastName, to: "El Amrani-Bakkali", by: supervisor, now: now)
        return database
    }
}
