import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// A server with a commune (AC-T) and a CPAS (CPAS-T), two dossiers each, and accounts:
/// `clerk.ac`, `clerk.cpas`, `clerk2.cpas` (payroll clerks), `time.cpas` (time manager),
/// `auditor` (auditor at both). Passwords are `password-123`.
struct ServerFixture {
    static let password = "password-123"
    static let commune = "AC-T"
    static let cpas = "CPAS-T"
    /// Valid NISS/IBAN pairs for the fixture dossiers.
    static let csvHeader = "dossier_number,niss,last_name,first_name,birth_date,sex,language,category,grade,regime_percent,start_date,iban,payroll_clerk"
    static let communeCSV = """
        \(csvHeader)
        A001,85.07.30-033.28,Dubois,Marie,1985-07-30,male,fr,statutory,C1,100,2010-01-01,BE32123456789002,clerk.ac
        A002,17.07.30-033.84,Janssens,Jan,2017-07-30,male,nl,contractual,D1,80,2020-03-01,,
        """
    static let cpasCSV = """
        \(csvHeader)
        S001,85.07.30-033.28,El Amrani,Youssef,1985-07-30,male,fr,art60,E1,100,2024-01-01,BE32123456789002,clerk.cpas
        S002,17.07.30-033.84,Van den Bossche,Bram,2017-07-30,male,nl,contractual,C2,50,2022-09-01,,
        """

    let store: any ServerStore
    let service: SyncService
    let clock: TestClock
    let configuration: ServerConfiguration

    static func make(_ backend: TestStore, configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> ServerFixture {
        let store = try await backend.open()
        let clock = TestClock()
        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        configuration.now = { clock.now }
        configure(&configuration)
        let accounts = Accounts(store: store, configuration: configuration)
        try await accounts.addEmployer(code: commune, kind: .commune, nameFR: "Commune de Test", nameNL: "Gemeente Test")
        try await accounts.addEmployer(code: cpas, kind: .cpas, nameFR: "CPAS de Test", nameNL: "OCMW Test")
        for (login, grants) in [("clerk.ac", [(commune, Role.payrollClerk)]), ("clerk.cpas", [(cpas, .payrollClerk)]),
                                ("clerk2.cpas", [(cpas, .payrollClerk)]), ("time.cpas", [(cpas, .timeManager)]),
                                ("auditor", [(commune, .auditor), (cpas, .auditor)])] {
            try await accounts.addUser(login: login, displayName: login, password: password)
            for (employer, role) in grants { try await accounts.grant(login: login, employer: employer, role: role) }
        }
        let importer = DossierImport(store: store, configuration: configuration)
        _ = try await importer.run(csv: communeCSV, employer: commune)
        _ = try await importer.run(csv: cpasCSV, employer: cpas)
        let service = try await SyncService(store: store, configuration: configuration)
        return ServerFixture(store: store, service: service, clock: clock, configuration: configuration)
    }

    var accounts: Accounts { Accounts(store: store, configuration: configuration) }

    /// The id of the dossier numbered `number`.
    func dossierID(_ number: String) async throws -> String {
        try await store.read { tx in
            try await tx.first("SELECT id FROM dossiers WHERE number = ?", [.text(number)])?.string("id") ?? ""
        }
    }

    /// The new entities' rows for dossier `number` at `employer`: a career period, a partner, an
    /// art. 60 contract and a placement, with ids ending in `suffix`.
    func addDossierRecords(_ number: String, at employer: String, suffix: String) async throws {
        let dossier = try await dossierID(number)
        let records = DossierRecords(store: store, configuration: configuration)
        try await records.upsert(.careerPeriod, ["id": "car-\(suffix)", "employer_code": employer, "dossier_id": dossier,
                                                 "start_date": "2024-01-01", "grade": "E1", "scale": "E1", "regime": "1000",
                                                 "schedule": "[]", "category": "art60"])
        try await records.upsert(.partner, ["id": "prt-\(suffix)", "employer_code": employer, "name": "Partner \(suffix)",
                                            "kind": "non_profit", "active": "1"])
        try await records.upsert(.art60Contract, ["id": "a60-\(suffix)", "employer_code": employer, "dossier_id": dossier,
                                                  "start_date": "2024-01-01", "regime": "1000"])
        try await records.upsert(.placement, ["id": "plc-\(suffix)", "employer_code": employer, "contract_id": "a60-\(suffix)",
                                              "partner_id": "prt-\(suffix)", "start_date": "2024-01-15",
                                              "monthly_fee_cents": "0", "tasks": "Accueil", "hours_per_week": "38"])
    }

    func count(_ sql: String, _ binds: [SQLValue] = []) async throws -> Int64 {
        try await store.read { tx in try await tx.first(sql, binds)?.int("n") ?? -1 }
    }

    /// Runs `body` with an in-process client (or a real socket with `.live`), (the caller closes the store).
    /// Answers what `body` returns.
    @discardableResult
    func test<Value: Sendable>(_ mode: TestingSetup = .router,
                               _ body: @Sendable (APIClient) async throws -> Value) async throws -> Value {
        let app = Application(router: ServerApplication.router(service: service),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(mode) { client in try await body(APIClient(client: client)) }
    }
}
