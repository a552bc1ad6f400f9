@testable import FicheReplica
import FicheDomain
import Foundation

/// A small replica with known people, written through `applyPulled` as sync would.
enum ReplicaFixture {
    static let rules: RuleBook = {
        do { return try RuleBook.bundled() } catch { preconditionFailure("bundled rules: \(error)") }
    }()

    static func date(_ text: String) -> LocalDate {
        do { return try LocalDate.parse(text) } catch { preconditionFailure("\(text): \(error)") }
    }

    /// One folder for the replicas of a test run, named after its process. The folders of runs
    /// whose process is gone are removed when a run starts (so runs do not pile up files in the
    /// temporary directory); a run going on beside this one (another clone's suite) keeps its own.
    static let folder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "fiche-replica-tests"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            let owner = Int32(name.dropFirst(prefix.count + 1)) ?? 0
            if owner <= 0 || kill(owner, 0) != 0 { try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name)) }
        }
        let folder = temporary.appendingPathComponent("\(prefix)-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static func file(_ name: String = "replica") -> String {
        folder.appendingPathComponent("\(name)-\(UUID().uuidString).sqlite").path
    }

    static let clerk = User(id: "u-clerk", login: "clerk", displayName: "Dubois, C.", language: .fr)
    static let timeManager = User(id: "u-time", login: "time", displayName: "Peeters, A.", language: .nl)
    static let auditor = User(id: "u-audit", login: "audit", displayName: "Claes, E.", language: .nl)

    /// People: (id suffix, last name, first name, NISS, employer, category, clerk).
    static let people: [(String, String, String, String, String, StaffCategory, String)] = [
        ("1", "Van den Bossche", "Éloïse", "85073003328", "AC-IXL", .statutory, "u-clerk"),
        ("2", "Vandenbroucke", "Jan", NISS.digits(year: 1990, month: 2, day: 4, serial: 123),
         "AC-IXL", .contractual, "u-clerk"),
        ("3", "Van der Linden", "Noël", NISS.digits(year: 1978, month: 11, day: 15, serial: 123),
         "CPAS-IXL", .art60, "u-time"),
        ("4", "D'Hondt", "Zoë", NISS.digits(year: 1999, month: 12, day: 31, serial: 122),
         "CPAS-IXL", .contractual, "u-time"),
        ("5", "El Amrani", "Yasmina", NISS.digits(year: 2001, month: 9, day: 7, serial: 2),
         "AC-IXL", .subsidisedContractual, "u-time"),
        ("6", "Lefèvre", "François", NISS.digits(year: 1970, month: 1, day: 1, serial: 13),
         "CPAS-IXL", .statutory, "u-clerk"),
    ]

    static func make() throws -> AppDatabase {
        let database = try AppDatabase.open(at: file(), clock: .tests)
        var batch = MirrorBatch()
        batch.employers = [
            MirrorRow(Employer(code: "AC-IXL", kind: .commune, nameFR: "Commune d'Ixelles", nameNL: "Gemeente Elsene",
                               holidayCalendarID: "", payrollCutOffDay: 20), employerCode: "AC-IXL", version: 1),
            MirrorRow(Employer(code: "CPAS-IXL", kind: .cpas, nameFR: "CPAS d'Ixelles", nameNL: "OCMW Elsene",
                               holidayCalendarID: "", payrollCutOffDay: 20), employerCode: "CPAS-IXL", version: 1),
        ]
        batch.users = [clerk, timeManager, auditor].map { MirrorRow($0, employerCode: "AC-IXL", version: 1) }
        batch.grants = [
            Grant(id: "g1", userID: "u-clerk", employerCode: "AC-IXL", role: .payrollClerk),
            Grant(id: "g2", userID: "u-clerk", employerCode: "CPAS-IXL", role: .payrollClerk),
            Grant(id: "g3", userID: "u-time", employerCode: "AC-IXL", role: .timeManager),
            Grant(id: "g4", userID: "u-audit", employerCode: "AC-IXL", role: .auditor),
        ].map { MirrorRow($0, employerCode: $0.employerCode, version: 1) }
        batch.payrollMonths = [
            PayrollMonth(employerCode: "AC-IXL", month: try YearMonth.parse("2026-09"), status: .closed),
        ].map { MirrorRow($0, employerCode: $0.employerCode, version: 1) }
        for (suffix, last, first, niss, employer, category, clerkID) in people {
            let person = Person(id: "per-\(suffix)", niss: try NISS(niss), lastName: last, firstName: first,
                                birthDate: try NISS(niss).birthDate ?? date("1980-01-01"),
                                sex: try NISS(niss).sex ?? .female, language: .fr, iban: try IBAN("BE32 1234 5678 9002"))
            batch.persons.append(MirrorRow(person, employerCode: employer, version: 3))
            let prefix = employer == "AC-IXL" ? "AC" : "CP"
            let dossier = Dossier(id: "dos-\(suffix)", employerCode: employer, number: "\(prefix)-00012\(suffix)",
                                  personID: "per-\(suffix)", category: category, payrollClerkID: clerkID,
                                  startDate: date("2020-01-01"))
            batch.dossiers.append(MirrorRow(dossier, employerCode: employer, version: 4))
        }
        batch.timeRecords = [
            MirrorRow(TimeRecord.absence(id: "tr-1", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                                         from: date("2026-11-09"), to: date("2026-11-13"), enteredBy: "u-time"),
                      employerCode: "AC-IXL", version: 5),
        ]
        try database.applyPulled(batch)
        return database
    }
}
