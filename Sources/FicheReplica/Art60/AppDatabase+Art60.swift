import FicheDomain
import GRDB

extension AppDatabase {
    /// The Article 60 tab of a dossier on `asOf`: its contracts (latest first), placements with
    /// their partner, follow-up events by date, and the progress of the current contract toward
    /// its qualifying target, computed by `Art60Progress` from the worker's birth date, the work
    /// calendar (career schedules and the employer's holidays) and the dossier's time records as
    /// the working view shows them (an absence just entered moves the projected date at once).
    /// Nil when the dossier is not held or has no art. 60 contract.
    ///
    /// ```swift
    /// let card = try database.art60Card(dossierID: "dos-CPAS-IXL-7", asOf: today, rules: rules)
    /// card?.progress?.projectedTargetDate   // 2026-01-14
    /// ```
    /// - Throws: a database error, `StoredRowError`, or `RuleFileError` when the employer's
    ///   holiday calendar is not in the rules.
    public func art60Card(dossierID: String, asOf: LocalDate, rules: RuleBook) throws -> Art60Card? {
        try writer.read { db in
            guard let dossierRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM dossier_view WHERE id = ?"),
                                                    arguments: [dossierID]) else { return nil }
            let dossier = try Dossier(stored: dossierRow)
            let contracts = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM art60_contract WHERE dossier_id = ? ORDER BY start DESC, id DESC
                """), arguments: [dossierID]).map(Art60Contract.init(stored:))
            guard let current = contracts.first,
                  let personRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person_view WHERE id = ?"),
                                                   arguments: [dossier.personID]) else { return nil }
            let person = try Person(stored: personRow)
            var placements: [Art60PlacementLine] = []
            var events: [Art60Event] = []
            for contract in contracts {
                let rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT p.*, partner.name AS partner_name, partner.kind AS partner_kind
                    FROM placement p LEFT JOIN partner ON partner.id = p.partner_id
                    WHERE p.contract_id = ? ORDER BY p.start, p.id
                    """), arguments: [contract.id])
                for row in rows {
                    placements.append(Art60PlacementLine(
                        placement: try Placement(stored: row), partnerName: row["partner_name"] ?? "",
                        partnerKind: (row["partner_kind"] as String?).flatMap(PartnerKind.init(rawValue:))))
                }
                events += try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM art60_event WHERE contract_id = ? ORDER BY date, id
                    """), arguments: [contract.id]).map(Art60Event.init(stored:))
            }
            placements.sort { ($0.placement.start, $0.placement.id) < ($1.placement.start, $1.placement.id) }
            events.sort { ($0.date, $0.id) < ($1.date, $1.id) }

            var progress: Art60Progress?
            var problem: RuleViolation?
            do {
                progress = try Self.art60Progress(db, contract: current, birthDate: person.birthDate,
                                                  employerCode: dossier.employerCode, rules: rules, asOf: asOf)
            } catch let violation as RuleViolation {
                problem = violation
            }
            return Art60Card(dossier: dossier, person: person, contracts: contracts, placements: placements,
                             events: events, progress: progress, progressProblem: problem)
        }
    }

    /// The progress of one contract, read inside a transaction: the worker's records from the
    /// contract start on, the career periods and the employer's holidays.
    static func art60Progress(_ db: Database, contract: Art60Contract, birthDate: LocalDate, employerCode: String,
                              rules: RuleBook, asOf: LocalDate) throws -> Art60Progress {
        guard let employerRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM employer WHERE code = ?"),
                                                 arguments: [employerCode]) else {
            throw MissingRowError(entity: "employer", id: employerCode)
        }
        let holidays = try rules.holidayCalendar(for: try Employer(stored: employerRow))
        let periods = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM career_period WHERE dossier_id = ? ORDER BY start
            """), arguments: [contract.dossierID]).map(CareerPeriod.init(stored:))
        let records = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM time_record_view WHERE dossier_id = ? AND "end" >= ? ORDER BY start, id
            """), arguments: [contract.dossierID, contract.start.iso]).map(TimeRecord.init(stored:))
        return try Art60Progress(contract: contract, birthDate: birthDate, rules: rules,
                                 calendar: BatchedReads.workCalendar(holidays: holidays, periods: periods),
                                 records: records, asOf: asOf)
    }
}
