import FicheDomain
import GRDB

extension AppDatabase {
    /// The active dossiers of `employerCodes` with their weight: what their history of the 12
    /// months up to `asOf` shows (entries, corrections, validations, refusals from the working
    /// view of time records; art. 60 events; career periods), priced by each employer's costs.
    /// Counted with one aggregate query per table, never one per dossier; by dossier id.
    ///
    /// ```swift
    /// let dossiers = try database.workloadDossiers(employerCodes: ["CPAS-IXL"], asOf: today, costs: rules.workloadCosts)
    /// dossiers.first?.minutes   // 960: 1.33 hours a month
    /// ```
    public func workloadDossiers(employerCodes: [String], asOf: LocalDate, costs: WorkloadCostRule) throws -> [WorkloadDossier] {
        guard !employerCodes.isEmpty else { return [] }
        let from = asOf.adding(months: -12).adding(days: 1).iso, to = asOf.iso
        let marks = Array(repeating: "?", count: employerCodes.count).joined(separator: ", ")
        let codes = StatementArguments(employerCodes)
        return try writer.read { db in
            var activity: [String: DossierActivity] = [:]
            let records = try Row.fetchCursor(db, sql: """
                SELECT dossier_id, count(*) AS entries, sum(replaces_id IS NOT NULL) AS corrections,
                       sum(status = 'validated') AS validations, sum(status = 'rejected') AS refusals
                FROM time_record_view WHERE employer_code IN (\(marks)) AND start >= ? AND start <= ?
                GROUP BY dossier_id
                """, arguments: codes + [from, to])
            while let row = try records.next() {
                let id: String = row[0]
                activity[id] = DossierActivity(timeRecords: row[1], corrections: row[2], validations: row[3], refusals: row[4])
            }
            let events = try Row.fetchCursor(db, sql: """
                SELECT c.dossier_id, count(*) FROM art60_event_view e JOIN art60_contract c ON c.id = e.contract_id
                WHERE e.employer_code IN (\(marks)) AND e.date >= ? AND e.date <= ? GROUP BY c.dossier_id
                """, arguments: codes + [from, to])
            while let row = try events.next() { activity[row[0], default: DossierActivity()].art60Events = row[1] }
            let careers = try Row.fetchCursor(db, sql: """
                SELECT dossier_id, count(*) FROM career_period
                WHERE employer_code IN (\(marks)) AND start >= ? AND start <= ? GROUP BY dossier_id
                """, arguments: codes + [from, to])
            while let row = try careers.next() { activity[row[0], default: DossierActivity()].careerChanges = row[1] }
            // Dossiers with a change of theirs or of their entries still in the outbox.
            let pending = Set(try String.fetchAll(db, sql: """
                SELECT id FROM local_dossier UNION SELECT dossier_id FROM local_time_record
                UNION SELECT d.id FROM dossier_view d JOIN local_person p ON p.id = d.person_id
                UNION SELECT c.dossier_id FROM local_art60_event e JOIN art60_contract c ON c.id = e.contract_id
                """))
            var dossiers: [WorkloadDossier] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, number, employer_code, person_id, payroll_clerk_id, category,
                       time_manager_id IS NOT NULL AND time_manager_id = payroll_clerk_id AS time_managed
                FROM dossier_view WHERE employer_code IN (\(marks)) AND status = 'active' ORDER BY id
                """, arguments: codes)
            while let row = try rows.next() {
                let id: String = row[0]
                let employer: String = row[2]
                var counted = activity[id] ?? DossierActivity()
                counted.timeManagedByClerk = row[6]
                let category: String = row[5]
                dossiers.append(WorkloadDossier(id: id, number: row[1], employerCode: employer, personID: row[3], clerkID: row[4],
                                                minutes: costs.costs(for: employer).minutesPerYear(counted),
                                                isArt60: category == StaffCategory.art60.rawValue, isPending: pending.contains(id)))
            }
            return dossiers
        }
    }

    /// Active users granted the payroll clerk role at any of `employerCodes` on `date`, each
    /// with every employer where they hold that role (where they may receive dossiers), by id.
    public func workloadClerks(employerCodes: [String], on date: LocalDate) throws -> [WorkloadClerk] {
        try writer.read { db in
            var clerks: [String: WorkloadClerk] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT u.id, u.login, u.display_name, g.employer_code FROM app_user u JOIN user_grant g ON g.user_id = u.id
                WHERE u.active = 1 AND g.role = ? AND (g.valid_from IS NULL OR g.valid_from <= ?)
                  AND (g.valid_to IS NULL OR g.valid_to >= ?)
                """, arguments: [Role.payrollClerk.rawValue, date.iso, date.iso])
            while let row = try rows.next() {
                let id: String = row[0]
                clerks[id, default: WorkloadClerk(id: id, login: row[1], displayName: row[2], employerCodes: [])]
                    .employerCodes.insert(row[3])
            }
            return clerks.values.filter { !$0.employerCodes.isDisjoint(with: employerCodes) }.sorted { $0.id < $1.id }
        }
    }
}
