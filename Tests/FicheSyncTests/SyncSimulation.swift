import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import FicheSyncProtocol
import Foundation

/// One seeded run: 3–5 devices over 2 employers doing local writes, going offline, syncing
/// through faults, crashing and losing or gaining grants; then the link heals, every device
/// syncs until idle, and the seven invariants of docs/SYNC.md are checked.
///
/// Returns what went wrong (empty when the run is clean), each line prefixed by the step.
struct SyncSimulation {
    let seed: UInt64
    let operations: Int
    let faultRate: Double

    static let ibans = ["BE32123456789002", "BE68539007547034", "BE71096123456769", "BE62510007547061", "BE43068999999501"]
        .filter { IBAN.isValid($0) }
    static let names = ["Dubois", "Martin", "Peeters", "Janssens", "Lambert"]
    static let users: [String: [String]] = [
        "clerk.ac": ["AC-T"], "clerk.cpas": ["CPAS-T"], "clerk.both": ["AC-T", "CPAS-T"], "clerk2.cpas": ["CPAS-T"],
    ]

    func run() async throws -> (failures: [String], faults: [String], stats: [String: Int]) {
        let server = try await SimulatedServer.make(users: Self.users)
        let seed = self.seed
        let operations = self.operations
        let faultRate = self.faultRate
        let result = try await server.serve { url in
            try await Self.scenario(server: server, url: url, seed: seed, operations: operations, faultRate: faultRate)
        }
        await server.close()
        return result
    }

    static func scenario(server: SimulatedServer, url: URL, seed: UInt64, operations: Int,
                         faultRate: Double) async throws -> (failures: [String], faults: [String], stats: [String: Int]) {
        var random = SeededGenerator(seed: seed)
        var failures: [String] = []
        let logins = users.keys.sorted()
        let count = 3 + Int(seed % 3)
        var clients: [SimulatedClient] = []
        for index in 0..<count {
            let login = logins[index % logins.count]
            let client = try await SimulatedClient.make(name: "pc\(index)", login: login, server: url,
                                                        seed: seed &* 31 &+ UInt64(index), faultRate: faultRate)
            clients.append(client)
        }
        defer { for client in clients { client.remove() } }
        let initial = try await serverDossiers(server)
        var step = 0

        /// Syncs one device and checks what must hold after every pull.
        func sync(_ index: Int) async throws {
            guard clients[index].online else { return }
            let reordersBefore = await clients[index].transport.log.filter { $0.hasSuffix(" reorder") }.count
            let ok: Bool
            do {
                try await clients[index].session.sync()
                ok = true
            } catch is SyncError {
                ok = false
            }
            let cursor = try clients[index].replica.syncState().pullCursor
            if cursor < clients[index].highestCursor {
                failures.append("step \(step) \(clients[index].name): cursor went back \(clients[index].highestCursor) → \(cursor)")
            }
            clients[index].highestCursor = max(clients[index].highestCursor, cursor)
            guard ok else { return }
            // A replayed earlier answer is a read of an earlier moment: grants are judged as of then.
            let replayed = await clients[index].transport.log.filter { $0.hasSuffix(" reorder") }.count > reordersBefore
            // (4) scope safety after every pull.
            let held = try clients[index].replica.heldEmployerCodes()
            let visible = try await server.visibleEmployers(of: clients[index].login)
            if !replayed, !held.isSubset(of: visible) {
                let state = try clients[index].replica.syncState()
                failures.append("step \(step) \(clients[index].name) (\(clients[index].login)): holds \(held.subtracting(visible).sorted()) without a grant; dossiers \(try clients[index].replica.syncedRows(of: "dossier").values.compactMap { $0["employer_code"] ?? nil }), cursor \(state.pullCursor), fetches \(state.pendingScopeFetches)")
            }
            // (5) read-your-writes: the cursor reached every applied write of this device.
            let device = clients[index].deviceID
            let written = try await server.store.read { tx in
                try await tx.first("SELECT max(seq) AS s FROM mutations WHERE client_id = ? AND status = 'applied'",
                                   [.text(device)])?.int("s")
            }
            if let written, cursor < written, try clients[index].replica.syncCounts().pending == 0 {
                failures.append("step \(step) \(clients[index].name): synced but cursor \(cursor) < own write \(written)")
            }
        }

        for index in clients.indices { try await sync(index) }
        for _ in 0..<operations {
            step += 1
            let index = Int.random(in: 0..<clients.count, using: &random)
            let roll = Int.random(in: 0..<100, using: &random)
            switch roll {
            case 0..<45:
                try localWrite(&clients[index], random: &random)
            case 45..<75:
                try await sync(index)
            case 75..<82:
                clients[index].online.toggle()
            case 82..<90:
                try clients[index].crash(seed: seed &+ UInt64(step))
            default:
                let employer = SimulatedServer.employers[Int.random(in: 0..<2, using: &random)]
                let login = clients[index].login
                let visible = try await server.visibleEmployers(of: login)
                if visible.contains(employer) {
                    try await server.accounts.revoke(login: login, employer: employer, role: .payrollClerk)
                } else {
                    try await server.accounts.grant(login: login, employer: employer, role: .payrollClerk)
                }
            }
        }

        // The link heals: everyone online, no faults, sync until idle.
        step += 1
        for index in clients.indices {
            clients[index].online = true
            await clients[index].transport.setRate(0)
        }
        // Two rounds: the first pushes every outbox, the second pulls what the others pushed.
        for _ in 0..<2 {
            for index in clients.indices { try await sync(index) }
        }
        var faults: [String] = []
        for client in clients { faults += await client.transport.log.map { "\(client.name) \($0)" } }
        failures += try await checkInvariants(server: server, clients: clients, initial: initial)
        var stats: [String: Int] = ["faults": faults.count]
        for client in clients {
            stats["writes", default: 0] += client.ledger.count
            for result in try client.replica.recordedResults() { stats[result.status, default: 0] += 1 }
        }
        return (failures, faults, stats)
    }

    static func localWrite(_ client: inout SimulatedClient, random: inout SeededGenerator) throws {
        // By number, not by id: ids are random per server, numbers come from the fixture, so a
        // seed picks the same dossiers every time it runs.
        let view = try client.replica.syncedRows(of: "dossier_view")
        let dossiers = view.keys.sorted { ((view[$0]?["number"] ?? nil) ?? $0) < ((view[$1]?["number"] ?? nil) ?? $1) }
        guard !dossiers.isEmpty else { return }
        let dossier = dossiers[Int.random(in: 0..<dossiers.count, using: &random)]
        let kind = Int.random(in: 0..<3, using: &random)
        do {
            let entry: OutboxEntry?
            switch kind {
            case 0:
                entry = try client.replica.updateDossierField(dossier, .iban, to: ibans[Int.random(in: 0..<ibans.count, using: &random)],
                                                              by: client.user)
            case 1:
                entry = try client.replica.updateDossierField(dossier, .lastName, to: names[Int.random(in: 0..<names.count, using: &random)],
                                                              by: client.user)
            default:
                guard let employer = view[dossier]?["employer_code"] ?? nil,
                      let day = LocalDate(year: 2026, month: 3 + Int.random(in: 0..<3, using: &random),
                                          day: 1 + Int.random(in: 0..<28, using: &random))
                else { return }
                let record = TimeRecord.absence(id: UUID().uuidString.lowercased(), employerCode: employer, dossierID: dossier,
                                                type: "annual_leave", from: day, to: day, enteredBy: client.user.id)
                entry = try client.replica.recordAbsence(record, by: client.user, rules: try RuleBook.bundled())
            }
            if let entry { client.ledger.append(entry) }
        } catch is RuleViolation {
            // Refused locally (weekend, overlap, no grant any more): nothing saved, nothing to sync.
        } catch is MissingRowError {
        }
    }

    static func serverDossiers(_ server: SimulatedServer) async throws -> [String: [String: String?]] {
        try await server.store.read { tx in
            var rows: [String: [String: String?]] = [:]
            for row in try await tx.query("SELECT id, employer_code, iban, pending_iban, last_name, version FROM dossiers", []) {
                if let id = row.string("id") { rows[id] = row.fields() }
            }
            return rows
        }
    }

    static func checkInvariants(server: SimulatedServer, clients: [SimulatedClient],
                                initial: [String: [String: String?]]) async throws -> [String] {
        var failures: [String] = []
        let mutations = try await server.store.read { tx in
            try await tx.query("SELECT client_id, mutation_id, uuid, status, seq FROM mutations ORDER BY client_id, mutation_id", [])
        }
        let byUUID = Dictionary(grouping: mutations, by: { $0.string("uuid") ?? "" })
        // (2) no double application: one server record per uuid, one change per mutation.
        for (uuid, rows) in byUUID where rows.count > 1 { failures.append("mutation \(uuid) recorded \(rows.count) times") }
        let doubled = try await server.store.read { tx in
            try await tx.query("SELECT mutation, count(*) AS n FROM change_log WHERE mutation IS NOT NULL GROUP BY mutation HAVING count(*) > 1", [])
        }
        for row in doubled { failures.append("mutation \(row.string("mutation") ?? "?") changed the log \(row.int("n") ?? 0) times") }

        let dossiers = try await serverDossiers(server)
        let records = try await server.store.read { tx in
            try await tx.query("SELECT id, employer_code FROM time_records WHERE deleted_at IS NULL", [])
        }
        for client in clients {
            let name = client.name
            // (7) the outbox drains once faults heal.
            let left = try client.replica.pendingMutations()
            if !left.isEmpty { failures.append("\(name): \(left.count) outbox rows left after healing") }
            // (1) no lost mutation: each saved change has exactly one terminal result, here and on the
            // server; one of an employer the device lost meanwhile left with the employer's rows,
            // after being saved to a file when it was not applied.
            let results = Dictionary(grouping: try client.replica.recordedResults(), by: \.uuid)
            let saved = try Self.savedUnsentUUIDs(in: client.folder)
            for entry in client.ledger {
                let here = results[entry.uuid]?.count ?? 0
                let appliedThere = byUUID[entry.uuid]?.first?.string("status") == "applied"
                if here > 1 || (here == 0 && !saved.contains(entry.uuid) && !appliedThere) {
                    failures.append("\(name): mutation \(entry.id) has \(here) results and was not saved to a file")
                }
                if byUUID[entry.uuid]?.count != 1 { failures.append("\(name): mutation \(entry.id) reached the server \(byUUID[entry.uuid]?.count ?? 0) times") }
            }
            // (5) per-device order: the server saw this device's changes in the order they were saved, ids 1…n.
            let seen = mutations.filter { $0.string("client_id") == client.deviceID }
            if seen.map({ $0.string("uuid") ?? "" }) != client.ledger.map(\.uuid) {
                failures.append("\(name): server order \(seen.map { $0.int("mutation_id") ?? 0 }) differs from the outbox order")
            }
            if seen.map({ $0.int("mutation_id") ?? 0 }) != Array(1...Int64(max(seen.count, 1))).prefix(seen.count).map({ $0 }) {
                failures.append("\(name): mutation ids are not 1…n")
            }
            // (3) convergence with a direct server query for the user's grants.
            let visible = try await server.visibleEmployers(of: client.login)
            let persons = try client.replica.syncedRows(of: "person")
            let mirrorDossiers = try client.replica.syncedRows(of: "dossier")
            for (id, row) in dossiers where visible.contains((row["employer_code"] ?? nil) ?? "") {
                guard let person = persons[id], let dossier = mirrorDossiers[id] else {
                    failures.append("\(name): dossier \(id) missing"); continue
                }
                for field in ["iban", "last_name"] where (person[field] ?? nil) != (row[field] ?? nil) {
                    failures.append("\(name): dossier \(id) \(field) \(String(describing: person[field] ?? nil)) ≠ server \(String(describing: row[field] ?? nil))")
                }
                if (dossier["version"] ?? nil) != (row["version"] ?? nil) {
                    failures.append("\(name): dossier \(id) version \(String(describing: dossier["version"] ?? nil)) ≠ server \(String(describing: row["version"] ?? nil))")
                }
            }
            let extra = Set(mirrorDossiers.keys).subtracting(dossiers.filter { visible.contains(($0.value["employer_code"] ?? nil) ?? "") }.keys)
            if !extra.isEmpty { failures.append("\(name): holds dossiers \(extra.sorted()) the server does not give it") }
            let expectedRecords = Set(records.filter { visible.contains($0.string("employer_code") ?? "") }.compactMap { $0.string("id") })
            let heldRecords = Set(try client.replica.syncedRows(of: "time_record").keys)
            if expectedRecords != heldRecords {
                failures.append("\(name): time records differ: missing \(expectedRecords.subtracting(heldRecords).count), extra \(heldRecords.subtracting(expectedRecords).count)")
            }
            if try !client.replica.syncState().initialSyncDone { failures.append("\(name): initial sync not finished") }
        }
        // (6) no silent last-write-wins: walking the applied field changes in server order, each
        // one started from the value the server held (else it had to be a conflict).
        var changes: [(seq: Int64, dossier: String, field: String, old: String?, new: String?)] = []
        for client in clients {
            for entry in client.ledger where entry.mutation == "updateDossierField" {
                guard let row = byUUID[entry.uuid]?.first, row.string("status") == "applied", let seq = row.int("seq"),
                      let (field, change) = entry.changes.first else { continue }
                changes.append((seq, entry.targetID, field, change.old, change.new))
            }
        }
        var current: [String: String?] = [:]
        for change in changes.sorted(by: { $0.seq < $1.seq }) {
            let key = change.dossier + "/" + change.field
            let before = current[key] ?? (initial[change.dossier]?[change.field] ?? nil)
            if before != change.old {
                failures.append("mutation at seq \(change.seq) overwrote \(change.field) \(String(describing: before)) though it expected \(String(describing: change.old))")
            }
            current[key] = change.new
        }
        return failures
    }

    /// The uuids in the files a sync saved a lost employer's unsent or refused entries to.
    static func savedUnsentUUIDs(in folder: String) throws -> Set<String> {
        var uuids: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasPrefix("unsent-changes-") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   let uuid = object["uuid"] as? String { uuids.insert(uuid) }
            }
        }
        return uuids
    }
}
