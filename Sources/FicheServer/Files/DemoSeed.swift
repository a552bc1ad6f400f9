import FicheDemo
import FicheDomain
import Foundation

/// Fills an empty server with the demo commune and CPAS of Ixelles (AC-IXL, CPAS-IXL): the same
/// employers, staff, dossiers, careers, art. 60 files, time records and payroll months, with the
/// same ids, as `fiche demo` writes into a replica (both come from `DemoWorld`).
///
/// Accounts (password `demo-password`): one per `DemoRole` — `supervisor` (both employers),
/// `clerk` (payroll clerk at the commune), `time-manager` and `art60` (at the CPAS) — and
/// `clerk-cpas` (payroll clerk at the CPAS only). The rest of the demo staff share the password.
///
/// Rows are written with multi-row inserts, a few thousand dossiers per transaction; every row
/// carries the sequence the seed took, and the change log starts after it (a replica takes a
/// snapshot first, as after a compaction).
public struct DemoSeed: Sendable {
    public static let password = "demo-password"
    public static let communeCode = DemoWorld.commune.code
    public static let cpasCode = DemoWorld.cpas.code
    /// The login of the CPAS's first payroll clerk, who works at the CPAS only.
    public static let cpasClerkLogin = DemoRole.cpasClerk.rawValue
    /// Dossiers written per transaction.
    static let dossiersPerTransaction = 2_000

    public let store: any ServerStore
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    /// The demo accounts' logins by user id: each `DemoRole`'s raw value.
    public static var logins: [String: String] {
        Dictionary(uniqueKeysWithValues: DemoRole.allCases.map { ($0.userID, $0.rawValue) })
    }

    /// Seeds `dossiers` dossiers split between the two employers; returns lines to print.
    public func run(dossiers: Int, seed: UInt64 = DemoDataset().seed) async throws -> [String] {
        guard dossiers >= 0 else { throw CommandError("--dossiers must not be negative") }
        // As of the server's today: nothing clocked after it, months before it closed.
        var world = try DemoWorld(dataset: DemoDataset(dossiers: dossiers, seed: seed),
                                  today: OfficeClock.fixed(configuration.now()).today)
        let hash = await PasswordHasher.hash(Self.password, cost: configuration.bcryptCost)
        let now = Timestamps.iso(configuration.now())
        let calendar = world.calendar
        let logins = Self.logins
        let started = try await store.write { tx -> DemoStoreRows in
            guard try await tx.first("SELECT code FROM employers WHERE code IN (?, ?)",
                                     [.text(Self.communeCode), .text(Self.cpasCode)]) == nil
            else { throw CommandError("the demo employers already exist; use an empty database") }
            try await ChangeLog.lockClock(in: tx)
            let version = try await ChangeLog.reserve(1, in: tx)
            // Older cursors cannot see these rows in the log: their replicas take a snapshot.
            try await tx.execute("UPDATE sync_clock SET horizon = ? WHERE id = 1 AND horizon < ?", [.int(version), .int(version)])
            return DemoStoreRows(calendar: calendar, version: version, createdAt: now, passwordHash: hash, logins: logins)
        }
        var rows = started
        try world.writeReference(into: &rows)
        var more = true
        while more {
            for _ in 0..<Self.dossiersPerTransaction {
                more = try world.writeNextDossier(into: &rows)
                if !more { break }
            }
            let batch = rows
            rows = try await store.write { tx in
                var batch = batch
                try await batch.flush(in: tx)
                return batch
            }
        }
        try await store.write { tx in
            try await AuditLog.record(.init(action: "seed.demo", decision: "done",
                                            employerCode: "\(Self.communeCode),\(Self.cpasCode)",
                                            newValue: "\(dossiers) dossiers"), at: now, in: tx)
        }
        let accounts = DemoRole.allCases.map(\.rawValue)
        return ["employers: \(Self.communeCode), \(Self.cpasCode)", "dossiers: \(dossiers)",
                "users (password \(Self.password)): " + accounts.joined(separator: ", ")]
    }
}
