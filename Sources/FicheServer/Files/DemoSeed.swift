import FicheDomain
import Foundation

/// Fills an empty server with a demo commune and CPAS, their dossiers and demo accounts.
///
/// Accounts (password `demo-password`): `clerk.commune` (payroll clerk at the commune),
/// `clerk.cpas` (payroll clerk at the CPAS), `time.cpas` (time manager at the CPAS),
/// `auditor` (auditor at both).
public struct DemoSeed: Sendable {
    public static let password = "demo-password"
    public static let communeCode = "AC-DEMO"
    public static let cpasCode = "CPAS-DEMO"

    public let store: any ServerStore
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    /// Seeds `dossiers` dossiers split between the two employers; returns lines to print.
    public func run(dossiers: Int, seed: UInt64 = 42) async throws -> [String] {
        let accounts = Accounts(store: store, configuration: configuration)
        let hasEmployers = try await store.read { tx in
            try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(Self.communeCode)]) != nil
        }
        guard !hasEmployers else { throw CommandError("the demo employers already exist; use an empty database") }
        try await accounts.addEmployer(code: Self.communeCode, kind: .commune, nameFR: "Commune de Démo",
                                       nameNL: "Gemeente Demo")
        try await accounts.addEmployer(code: Self.cpasCode, kind: .cpas, nameFR: "CPAS de Démo", nameNL: "OCMW Demo")
        let users: [(String, String, [(String, Role)])] = [
            ("clerk.commune", "Claire Dubois", [(Self.communeCode, .payrollClerk)]),
            ("clerk.cpas", "Pieter Janssens", [(Self.cpasCode, .payrollClerk)]),
            ("time.cpas", "Samira El Amrani", [(Self.cpasCode, .timeManager)]),
            ("auditor", "Marc Van den Bossche", [(Self.communeCode, .auditor), (Self.cpasCode, .auditor)]),
        ]
        for (login, name, grants) in users {
            try await accounts.addUser(login: login, displayName: name, password: Self.password)
            for (employer, role) in grants { try await accounts.grant(login: login, employer: employer, role: role) }
        }
        var generator = SeededGenerator(seed: seed)
        let commune = dossiers / 2
        for (employer, count, prefix) in [(Self.communeCode, commune, "C"), (Self.cpasCode, dossiers - commune, "S")] {
            var lines = [CSVTable.line(DossierImport.columns)]
            for index in 0..<count {
                lines.append(CSVTable.line(DemoPeople.row(number: prefix + DemoPeople.pad(index + 1, 6),
                                                          employerIsCPAS: prefix == "S", using: &generator)))
            }
            _ = try await DossierImport(store: store, configuration: configuration)
                .run(csv: lines.joined(separator: "\n"), employer: employer)
        }
        return ["employers: \(Self.communeCode), \(Self.cpasCode)", "dossiers: \(dossiers)",
                "users (password \(Self.password)): " + users.map(\.0).joined(separator: ", ")]
    }
}
