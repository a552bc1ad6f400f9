import FicheDomain
import FicheReplica
import Foundation

/// The 40-dossier replica of `ListFixture` with what a supervisor finds in the queues on
/// Tuesday 24 November 2026: entries submitted by clerks and one by the supervisor, sickness
/// without a certificate, unjustified absences, art. 60 contracts near their end, and the
/// November payroll month open at both employers (October closed).
///
/// Dossier ids follow `ListFixture.entries`: dos-1 Van den Bossche Éloïse, dos-5 Noël Amélie,
/// dos-8 Dubois Jérôme, dos-9 Janssens Sofie (commune); dos-22 Aït Ouali Karim, dos-23 El Amrani
/// Mohamed, dos-25 Diallo Mariama, dos-29 Mbuyi Grâce (CPAS).
enum QueueFixture {
    /// The day the tests run on.
    static let today = date("2026-11-24")

    /// Submitted for validation: entered by clerks, except `ownEntry`, entered by the supervisor.
    static let byClerkAC1 = "rec-leave-eloise"
    static let byClerkAC1Too = "rec-leave-amelie"
    static let ownEntry = "rec-rest-jerome"
    static let toReject = "rec-leave-sofie"
    static let cpasEntry = "rec-leave-mohamed"

    /// The fixture's replica, in a fresh temporary folder.
    static func make() throws -> AppDatabase {
        let database = try ListFixture.make()
        try database.applyPulled(batch())
        return database
    }

    /// A replica where the commune's only open point for November is one entry a clerk submitted.
    static func closingOnly() throws -> AppDatabase {
        let database = try ListFixture.make()
        var batch = MirrorBatch()
        batch.employers = employers()
        batch.payrollMonths = months()
        batch.timeRecords = [row(submitted(byClerkAC1, "dos-1", "annual_leave", "2026-11-02", "2026-11-03", by: "usr-ac-1"))]
        try database.applyPulled(batch)
        return database
    }

    /// The two employers again, with the holiday calendar the rules define for Brussels local
    /// authorities (`ListFixture` names one the rules do not hold, and every working-day count needs it).
    private static func employers() -> [MirrorRow<Employer>] {
        [ListFixture.commune, ListFixture.cpas].map { employer in
            var copy = employer
            copy.holidayCalendarID = "brussels-local"
            return MirrorRow(copy, employerCode: copy.code, version: 2)
        }
    }

    /// What the server sends once another supervisor validated `id` of `closingOnly()`.
    static func validatedElsewhere(_ id: String) -> MirrorBatch {
        var record = submitted(id, "dos-1", "annual_leave", "2026-11-02", "2026-11-03", by: "usr-ac-1")
        record.status = .validated
        record.reviewedBy = "usr-sup-2"
        var batch = MirrorBatch()
        batch.timeRecords = [MirrorRow(record, employerCode: record.employerCode, version: 2)]
        return batch
    }

    /// `count` more one-day entries waiting for validation, pulled from the server (one a day
    /// from 1 January 2024, at the commune).
    static func manySubmitted(_ count: Int) -> MirrorBatch {
        var batch = MirrorBatch()
        let first = date("2024-01-01")
        batch.timeRecords = (0..<count).map { index in
            let day = first.adding(days: index).iso
            return row(submitted("rec-many-\(index)", "dos-2", "annual_leave", day, day, by: "usr-ac-1"))
        }
        return batch
    }

    /// Drafts: two of the supervisor's own, one of a clerk's (dos-3 El Amrani Yasmina, dos-4 D'Hondt Griet).
    static let ownDraft = "rec-draft-yasmina"
    static let ownDraftToo = "rec-draft-griet"
    static let clerkDraft = "rec-draft-clerk"

    /// The drafts, as pulled from the server.
    static func drafts() -> MirrorBatch {
        var batch = MirrorBatch()
        let records = [
            draft(ownDraft, "dos-3", "2026-11-19", by: "usr-demo"),
            draft(ownDraftToo, "dos-4", "2026-11-20", by: "usr-demo"),
            draft(clerkDraft, "dos-4", "2026-11-12", by: "usr-ac-1"),
        ]
        batch.timeRecords = records.map(row)
        return batch
    }

    private static func draft(_ id: String, _ dossierID: String, _ day: String, by user: String) -> TimeRecord {
        TimeRecord.absence(id: id, employerCode: "AC-IXL", dossierID: dossierID, type: "annual_leave",
                           from: date(day), to: date(day), enteredBy: user)
    }

    static func batch() throws -> MirrorBatch {
        var batch = MirrorBatch()
        batch.employers = employers()
        batch.payrollMonths = months()
        let validated = { (record: TimeRecord) -> TimeRecord in
            var copy = record
            copy.status = .validated
            copy.reviewedBy = "usr-demo"
            return copy
        }
        let records = [
            submitted(byClerkAC1, "dos-1", "annual_leave", "2026-11-02", "2026-11-03", by: "usr-ac-1"),
            submitted(byClerkAC1Too, "dos-5", "annual_leave", "2026-11-09", "2026-11-09", by: "usr-ac-1"),
            submitted(ownEntry, "dos-8", "compensatory_rest", "2026-11-16", "2026-11-16", by: "usr-demo"),
            submitted(toReject, "dos-9", "annual_leave", "2026-11-17", "2026-11-17", by: "usr-ac-2"),
            submitted(cpasEntry, "dos-23", "annual_leave", "2026-11-18", "2026-11-18", by: "usr-cp-1",
                      employer: "CPAS-IXL"),
            // Sickness of statutory staff without a certificate (due within two working days).
            validated(submitted("rec-sick-grace", "dos-29", "sick", "2026-11-03", "2026-11-05", by: "usr-cp-1",
                                employer: "CPAS-IXL")),
            // Unjustified absences of art. 60 workers.
            validated(submitted("rec-unjust-karim", "dos-22", "unjustified", "2026-11-12", "2026-11-13", by: "usr-cp-2",
                                employer: "CPAS-IXL")),
            validated(submitted("rec-unjust-mariama", "dos-25", "unjustified", "2026-10-20", "2026-10-20", by: "usr-cp-1",
                                employer: "CPAS-IXL")),
        ]
        batch.timeRecords = records.map(row)
        let partners = [
            Partner(id: "prt-hospital", employerCode: "CPAS-IXL", name: "Hôpital d'Ixelles", kind: .publicHospital),
            Partner(id: "prt-ruche", employerCode: "CPAS-IXL", name: "ASBL La Ruche", kind: .nonProfit),
        ]
        batch.partners = partners.map { MirrorRow($0, employerCode: $0.employerCode, version: 1) }
        let contracts = [
            // Ends within the month.
            Art60Contract(id: "a60-karim", employerCode: "CPAS-IXL", dossierID: "dos-22", start: date("2025-02-03"),
                          plannedEnd: date("2026-12-15")),
            // Started long enough ago to reach 312 qualifying days.
            Art60Contract(id: "a60-mariama", employerCode: "CPAS-IXL", dossierID: "dos-25", start: date("2025-09-15"),
                          plannedEnd: date("2027-06-30")),
            // Recent: nothing to watch.
            Art60Contract(id: "a60-aminata", employerCode: "CPAS-IXL", dossierID: "dos-30", start: date("2026-06-01"),
                          plannedEnd: date("2027-05-31")),
        ]
        batch.art60Contracts = contracts.map { MirrorRow($0, employerCode: $0.employerCode, version: 1) }
        let placements = [
            Placement(id: "plc-karim", contractID: "a60-karim", partnerID: "prt-hospital", start: date("2025-02-03"),
                      agreementSignedOn: date("2025-01-20"), monthlyFeeCents: 45_000),
            Placement(id: "plc-mariama", contractID: "a60-mariama", partnerID: "prt-ruche", start: date("2025-09-15"),
                      agreementSignedOn: date("2025-09-01")),
        ]
        batch.placements = placements.map { MirrorRow($0, employerCode: "CPAS-IXL", version: 1) }
        return batch
    }

    /// October closed, November open, at both employers.
    private static func months() -> [MirrorRow<PayrollMonth>] {
        ["AC-IXL", "CPAS-IXL"].flatMap { code in
            [MirrorRow(PayrollMonth(employerCode: code, month: month("2026-10"), status: .closed), employerCode: code, version: 1),
             MirrorRow(PayrollMonth(employerCode: code, month: month("2026-11"), status: .open), employerCode: code, version: 1)]
        }
    }

    private static func submitted(_ id: String, _ dossierID: String, _ type: String, _ from: String, _ to: String,
                                  by user: String, employer: String = "AC-IXL") -> TimeRecord {
        var record = TimeRecord.absence(id: id, employerCode: employer, dossierID: dossierID, type: type,
                                        from: date(from), to: date(to), enteredBy: user)
        record.status = .submitted
        return record
    }

    private static func row(_ record: TimeRecord) -> MirrorRow<TimeRecord> {
        MirrorRow(record, employerCode: record.employerCode, version: 1)
    }

    /// Two October entries of the commune corrected and validated, booked in November: Lefèvre's
    /// leave of 12–16 October moved to 13–14 with its reason, and a day of leave of dos-4 cancelled.
    static func correctionsBookedInNovember() throws -> MirrorBatch {
        var batch = MirrorBatch()
        func leave(_ id: String, _ dossier: String, _ from: String, _ to: String) -> TimeRecord {
            var record = TimeRecord.absence(id: id, employerCode: "AC-IXL", dossierID: dossier, type: "annual_leave",
                                            from: date(from), to: date(to), enteredBy: "usr-ac-1")
            record.status = .validated
            return record
        }
        var moved = leave("c-1", "dos-2", "2026-10-13", "2026-10-14")
        moved.replacesID = "o-1"
        moved.correctionMonth = try YearMonth.parse("2026-11")
        moved.correctionReason = "Retour anticipé; certificat"
        var cancelled = leave("c-2", "dos-4", "2026-10-20", "2026-10-20")
        cancelled.replacesID = "o-2"
        cancelled.isCancellation = true
        cancelled.correctionMonth = try YearMonth.parse("2026-11")
        var original = leave("o-1", "dos-2", "2026-10-12", "2026-10-16")
        original.status = .cancelled
        batch.timeRecords = [original, leave("o-2", "dos-4", "2026-10-20", "2026-10-20"), moved, cancelled]
            .map { MirrorRow($0, employerCode: "AC-IXL", version: 1) }
        return batch
    }

    static func date(_ text: String) -> LocalDate {
        try! LocalDate.parse(text)
    }

    private static func month(_ text: String) -> YearMonth {
        try! YearMonth.parse(text)
    }
}
