import FicheDomain
import FicheReplica
import Foundation

/// The list fixture with what the dossier screen shows: careers, 2026 time records, an art. 60
/// worker with a contract, a placement with a partner and follow-up events, a time manager,
/// and a history written at fixed times (so snapshots do not move).
///
/// - Van den Bossche, Éloïse (`dos-1`, AC-IXL, statutory): 5,5 days of annual leave (a week in
///   March and a Friday morning), 2 days of sickness with a certificate, a rejected strike day,
///   three hours of training entered on this device (pending), and an IBAN change in her history.
/// - Aït Ouali, Karim (`dos-22`, CPAS-IXL, art. 60): a contract from 01/09/2025, placed with a
///   non-profit shop from 15/09/2025, three follow-up events; ill from 02/02 to 13/03/2026 (the
///   guaranteed salary ends on 03/03, then the mutuality pays: 8 working days that no longer
///   count since the 2026 reform) and absent without leave on 16/03/2026.
enum DossierFixture {
    /// The day the tests run on: a Monday in March 2026.
    static let today = date("2026-03-16")
    static let eloise = "dos-1"
    static let art60Worker = "dos-22"
    /// A dossier without any record, for entering absences.
    static let francois = "dos-6"
    /// Enters time at the commune; may not see the full NISS or IBAN.
    static let timeManager = User(id: "usr-tm-1", login: "tgoossens", displayName: "Goossens, T.", language: .nl)
    /// An art. 60 officer at the CPAS.
    static let officer = User(id: "usr-a60-1", login: "lhermans", displayName: "Hermans, L.", language: .fr)

    static func date(_ text: String) -> LocalDate {
        guard let date = try? LocalDate.parse(text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    /// A fixed instant in Brussels winter time (UTC+1).
    static func instant(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad fixture instant \(text)") }
        return date
    }

    static func make() throws -> AppDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-dossier-\(UUID().uuidString)")
        let database = try AppDatabase.open(at: folder.appendingPathComponent("replica.sqlite").path,
                                             clock: .fixed(at: today, hour: 10))
        var batch = try ListFixture.batch(ListFixture.entries)
        // The list fixture names a calendar the rules do not have; the time rules need a real one.
        for index in batch.employers.indices { batch.employers[index].value.holidayCalendarID = "brussels-local" }
        let eloiseRow = try need(batch.persons.firstIndex { $0.value.id == "per-1" })
        batch.persons[eloiseRow].value.address = Address(street: "Rue du Viaduc", number: "133", box: "4", postalCode: "1050", city: "Ixelles")
        batch.persons[eloiseRow].value.iban = try IBAN(IBAN.belgian(account: 6_301_234_567))
        batch.users += [MirrorRow(timeManager, employerCode: "AC-IXL", version: 1),
                        MirrorRow(officer, employerCode: "CPAS-IXL", version: 1)]
        batch.grants += [
            MirrorRow(Grant(id: "grant-tm-1", userID: timeManager.id, employerCode: "AC-IXL", role: .timeManager),
                      employerCode: "AC-IXL", version: 1),
            MirrorRow(Grant(id: "grant-a60-1", userID: officer.id, employerCode: "CPAS-IXL", role: .art60Officer),
                      employerCode: "CPAS-IXL", version: 1),
        ]
        let statutory = try RegimeFraction(thousandths: 800)
        batch.careerPeriods = [
            CareerPeriod(id: "car-1", dossierID: eloise, start: date("2015-01-01"), end: date("2019-12-31"),
                         grade: "Secrétaire administrative", scale: "B1", regime: statutory,
                         schedule: try WorkSchedule.usual(for: statutory), category: .contractual),
            CareerPeriod(id: "car-2", dossierID: eloise, start: date("2020-01-01"), grade: "Secrétaire administrative",
                         scale: "B2", regime: .fullTime, schedule: .fullTime, category: .statutory),
        ].map { MirrorRow($0, employerCode: "AC-IXL", version: 1) }
        func absence(_ id: String, _ type: String, _ from: String, _ to: String, part: DayPart = .full,
                     certificate: Bool = false, status: TimeRecordStatus) -> MirrorRow<TimeRecord> {
            var record = TimeRecord.absence(id: id, employerCode: "AC-IXL", dossierID: eloise, type: type, from: date(from),
                                            to: date(to), part: part, certificateReceived: certificate, enteredBy: "usr-ac-1")
            record.status = status
            if status == .validated || status == .rejected { record.reviewedBy = ListFixture.supervisor.id }
            if status == .rejected { record.rejectionReason = "Pas de préavis de grève" }
            return MirrorRow(record, employerCode: "AC-IXL", version: 1)
        }
        batch.timeRecords = [
            absence("tr-1", "strike", "2026-01-15", "2026-01-15", status: .rejected),
            absence("tr-2", "sick", "2026-02-10", "2026-02-11", certificate: true, status: .validated),
            absence("tr-3", "annual_leave", "2026-03-02", "2026-03-06", status: .validated),
            absence("tr-4", "annual_leave", "2026-03-20", "2026-03-20", part: .morning, status: .submitted),
        ]
        for (id, type, from, to) in [("tr-a60-1", "sick", "2026-02-02", "2026-03-13"),
                                     ("tr-a60-2", "unjustified", "2026-03-16", "2026-03-16")] {
            var record = TimeRecord.absence(id: id, employerCode: "CPAS-IXL", dossierID: art60Worker, type: type,
                                            from: date(from), to: date(to), certificateReceived: type == "sick",
                                            enteredBy: "usr-demo")
            record.status = .validated
            record.reviewedBy = officer.id
            batch.timeRecords.append(MirrorRow(record, employerCode: "CPAS-IXL", version: 1))
        }
        let partner = Partner(id: "ptn-1", employerCode: "CPAS-IXL", name: "Ressourcerie d'Ixelles asbl", kind: .nonProfit)
        let contract = Art60Contract(id: "a60-1", employerCode: "CPAS-IXL", dossierID: art60Worker, start: date("2025-09-01"),
                                     plannedEnd: date("2027-02-28"), officerID: officer.id)
        let placement = Placement(id: "plc-1", contractID: contract.id, partnerID: partner.id, start: date("2025-09-15"),
                                  agreementSignedOn: date("2025-09-10"), monthlyFeeCents: 15_000,
                                  tasks: "Tri et vente en magasin", hoursPerWeek: 38, supervisorName: "Moreau, C.")
        batch.partners = [MirrorRow(partner, employerCode: "CPAS-IXL", version: 1)]
        batch.art60Contracts = [MirrorRow(contract, employerCode: "CPAS-IXL", version: 1)]
        batch.placements = [MirrorRow(placement, employerCode: "CPAS-IXL", version: 1)]
        batch.art60Events = [
            Art60Event(id: "evt-1", contractID: contract.id, date: date("2025-09-01"), kind: .contractStart, recordedBy: officer.id),
            Art60Event(id: "evt-2", contractID: contract.id, date: date("2025-09-15"), kind: .placementStart,
                       placementID: placement.id, recordedBy: officer.id),
            Art60Event(id: "evt-3", contractID: contract.id, date: date("2026-01-20"), kind: .partnerEvaluation,
                       placementID: placement.id, note: "Évaluation positive, ponctuel", recordedBy: officer.id),
        ].map { MirrorRow($0, employerCode: "CPAS-IXL", version: 1) }
        try database.applyPulled(batch)

        // Written on this device at fixed times: they show in the history and wait in the outbox.
        let clerk = try need(try database.user(id: "usr-ac-1"))
        let rules = try RuleBook.bundled()
        try database.updateDossierField(eloise, .iban, to: IBAN.belgian(account: 6_309_876_543), by: clerk,
                                        now: instant("2026-03-02T08:15:00Z"))
        try database.recordAbsence(.hourAbsence(id: "tr-5", employerCode: "AC-IXL", dossierID: eloise, type: "training",
                                                on: date("2026-03-12"), fromMinute: 9 * 60, toMinute: 12 * 60, enteredBy: clerk.id),
                                   by: clerk, rules: rules, now: instant("2026-03-09T13:40:00Z"))
        return database
    }

    /// Unwraps a fixture value, failing the build of the fixture rather than trapping.
    private static func need<T>(_ value: T?) throws -> T {
        guard let value else { throw FixtureError() }
        return value
    }

    struct FixtureError: Error {}
}
