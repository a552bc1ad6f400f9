@testable import FicheReplica
import FicheDomain
import Foundation

/// Rows the screens' read API is tested on, added to `ReplicaFixture` through `applyPulled`.
enum ReadFixture {
    static func date(_ text: String) -> LocalDate { ReplicaFixture.date(text) }

    /// Noon UTC on `date`, for local writes dated that day.
    static func noon(_ date: LocalDate) -> Date {
        Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 43_200)
    }

    static func absence(_ id: String, dossier: String, type: String, from: String, to: String? = nil,
                        status: TimeRecordStatus = .validated, certificate: Bool = false,
                        employer: String? = nil, enteredBy: String = "u-time") -> MirrorRow<TimeRecord> {
        let employerCode = employer ?? (["dos-3", "dos-4", "dos-6", "dos-7"].contains(dossier) ? "CPAS-IXL" : "AC-IXL")
        var record = TimeRecord.absence(id: id, employerCode: employerCode, dossierID: dossier, type: type,
                                        from: date(from), to: date(to ?? from), certificateReceived: certificate,
                                        enteredBy: enteredBy)
        record.status = status
        return MirrorRow(record, employerCode: employerCode, version: 1)
    }

    static func apply(_ database: AppDatabase, records: [MirrorRow<TimeRecord>]) throws {
        var batch = MirrorBatch()
        batch.timeRecords = records
        try database.applyPulled(batch)
    }

    /// Adds a second art. 60 worker (dos-7, born 2000, contract since January 2024), two
    /// partners, and contracts, placements and events for dos-3 (Noël Van der Linden, born 1978).
    static func addArt60(to database: AppDatabase) throws {
        var batch = MirrorBatch()
        let niss = NISS.digits(year: 2000, month: 3, day: 14, serial: 42)
        let person = Person(id: "per-7", niss: try NISS(niss), lastName: "Mertens", firstName: "Inès",
                            birthDate: date("2000-03-14"), sex: .female, language: .fr)
        batch.persons = [MirrorRow(person, employerCode: "CPAS-IXL", version: 1)]
        batch.dossiers = [MirrorRow(Dossier(id: "dos-7", employerCode: "CPAS-IXL", number: "CP-000127", personID: "per-7",
                                            category: .art60, payrollClerkID: "u-time", startDate: date("2024-01-08")),
                                    employerCode: "CPAS-IXL", version: 1)]
        batch.partners = [
            Partner(id: "pa-1", employerCode: "CPAS-IXL", name: "Épicerie sociale Flagey", kind: .socialEconomy),
            Partner(id: "pa-2", employerCode: "CPAS-IXL", name: "Commune d'Ixelles", kind: .commune),
            Partner(id: "pa-3", employerCode: "CPAS-IXL", name: "ASBL Le Pont", kind: .nonProfit),
        ].map { MirrorRow($0, employerCode: "CPAS-IXL", version: 1) }
        batch.art60Contracts = [
            Art60Contract(id: "c-old", employerCode: "CPAS-IXL", dossierID: "dos-3", start: date("2019-02-04"),
                          end: date("2019-06-28"), endReason: .resignation),
            Art60Contract(id: "c-3", employerCode: "CPAS-IXL", dossierID: "dos-3", start: date("2025-01-06"),
                          plannedEnd: date("2026-05-20")),
            Art60Contract(id: "c-7", employerCode: "CPAS-IXL", dossierID: "dos-7", start: date("2024-01-08")),
        ].map { MirrorRow($0, employerCode: "CPAS-IXL", version: 1) }
        batch.placements = [
            MirrorRow(Placement(id: "pl-old", contractID: "c-old", partnerID: "pa-3", start: date("2019-02-11"),
                                end: date("2019-06-28"), agreementSignedOn: date("2019-02-01"), monthlyFeeCents: 0),
                      employerCode: "CPAS-IXL", version: 1),
            MirrorRow(Placement(id: "pl-3a", contractID: "c-3", partnerID: "pa-1", start: date("2025-01-13"),
                                end: date("2025-09-30"), agreementSignedOn: date("2025-01-10"), monthlyFeeCents: 25_000,
                                tasks: "Réassort", hoursPerWeek: 38),
                      employerCode: "CPAS-IXL", version: 1),
            MirrorRow(Placement(id: "pl-3b", contractID: "c-3", partnerID: "pa-2", start: date("2025-10-01"),
                                agreementSignedOn: date("2025-09-25"), monthlyFeeCents: 40_000, tasks: "Espaces verts",
                                hoursPerWeek: 30),
                      employerCode: "CPAS-IXL", version: 1),
            MirrorRow(Placement(id: "pl-7", contractID: "c-7", partnerID: "pa-2", start: date("2024-01-15"),
                                agreementSignedOn: date("2024-01-10"), monthlyFeeCents: 10_000),
                      employerCode: "CPAS-IXL", version: 1),
        ]
        batch.art60Events = [
            Art60Event(id: "e-2", contractID: "c-3", date: date("2025-10-01"), kind: .reassignment, placementID: "pl-3b",
                       recordedBy: "u-clerk"),
            Art60Event(id: "e-1", contractID: "c-3", date: date("2025-01-06"), kind: .contractStart, recordedBy: "u-clerk"),
            Art60Event(id: "e-0", contractID: "c-old", date: date("2019-06-28"), kind: .earlyEnd, recordedBy: "u-clerk"),
        ].map { MirrorRow($0, employerCode: "CPAS-IXL", version: 1) }
        try database.applyPulled(batch)
    }
}
