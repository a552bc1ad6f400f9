import FicheDomain
import FicheSyncProtocol
import Foundation
import HummingbirdBcrypt

/// Administration: employers, users, grants and devices — what `fiche-server` commands do.
///
/// Every change is audited; grant changes also write scope events so that the affected
/// user's replica gains or loses the employer's rows at its next pull.
public struct Accounts: Sendable {
    public let store: any ServerStore
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    var now: String { Timestamps.iso(configuration.now()) }

    /// Adds an employer (a commune or a CPAS).
    public func addEmployer(code: String, kind: EmployerKind, nameFR: String, nameNL: String,
                            payrollCutOffDay: Int = 20) async throws {
        guard code.range(of: "^[A-Za-z0-9_-]{1,32}$", options: .regularExpression) != nil else {
            throw CommandError("employer code '\(code)' must be 1 to 32 letters, digits, '-' or '_'")
        }
        guard !nameFR.isEmpty, !nameNL.isEmpty else { throw CommandError("--name-fr and --name-nl must not be empty") }
        let now = self.now
        try await store.write { tx in
            if try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(code)]) != nil {
                throw CommandError("employer \(code) already exists")
            }
            try await ChangeLog.lockClock(in: tx)
            try await tx.execute(
                "INSERT INTO employers (code, kind, name_fr, name_nl, payroll_cutoff_day, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(code), .text(kind.rawValue), .text(nameFR), .text(nameNL), .int(Int64(payrollCutOffDay)), .text(now)])
            // Logged like any row: replicas granted at the employer later fetch it with its scope.
            try await ChangeLog.append([.init(scope: code, entity: .employer, id: code, op: .upsert,
                                              row: try await ReferenceRows.employer(code, in: tx))], in: tx)
            try await AuditLog.record(.init(action: "employer.add", decision: "done", employerCode: code, entity: "employer",
                                            entityID: code, newValue: "\(kind.rawValue) \(nameFR) / \(nameNL)"), at: now, in: tx)
        }
    }

    /// Adds a user with a bcrypt-hashed password; returns the new user id.
    @discardableResult
    /// - Parameter niss: the national number of the person the account belongs to when they are
    ///   also staff, so that they never review entries of their own dossier (four-eyes rule).
    public func addUser(login: String, displayName: String, password: String, niss: String? = nil,
                        language: Language = .fr) async throws -> String {
        guard login.range(of: "^[a-z0-9._@-]{2,64}$", options: .regularExpression) != nil else {
            throw CommandError("login '\(login)' must be 2 to 64 lower-case letters, digits, '.', '_', '@' or '-'")
        }
        try Self.checkNewPassword(password)
        let nissDigits: String?
        do { nissDigits = try niss.map { try NISS($0).digits } } catch { throw CommandError("niss: \(error)") }
        let hash = await PasswordHasher.hash(password, cost: configuration.bcryptCost)
        let id = Secrets.identifier()
        let now = self.now
        try await store.write { tx in
            if try await tx.first("SELECT id FROM users WHERE login = ?", [.text(login)]) != nil {
                throw CommandError("user \(login) already exists")
            }
            try await tx.execute(
                "INSERT INTO users (id, login, display_name, password_hash, active, created_at, niss, language) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                [.text(id), .text(login), .text(displayName), .text(hash), .text(now), .optional(nissDigits), .text(language.rawValue)])
            try await AuditLog.record(.init(userID: id, action: "user.add", decision: "done", entity: "user", entityID: id,
                                            newValue: login), at: now, in: tx)
        }
        return id
    }

    /// Gives `role` at `employer` to `login`, and tells the user's replicas to fetch the employer.
    public func grant(login: String, employer: String, role: Role, validFrom: LocalDate? = nil,
                      validTo: LocalDate? = nil) async throws {
        let now = self.now
        let today = Timestamps.brusselsDay(configuration.now())
        try await store.write { tx in
            let userID = try await Self.userID(login: login, in: tx)
            guard try await tx.first("SELECT code FROM employers WHERE code = ?", [.text(employer)]) != nil else {
                throw CommandError("no employer \(employer); add it with fiche-server employer add")
            }
            if try await tx.first("SELECT id FROM grants WHERE user_id = ? AND employer_code = ? AND role = ?",
                                  [.text(userID), .text(employer), .text(role.rawValue)]) != nil {
                throw CommandError("\(login) already holds \(role.rawValue) at \(employer)")
            }
            try await ChangeLog.lockClock(in: tx)
            let grantID = Secrets.identifier()
            try await tx.execute(
                "INSERT INTO grants (id, user_id, employer_code, role, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [.text(grantID), .text(userID), .text(employer), .text(role.rawValue),
                 .optional(validFrom?.iso), .optional(validTo?.iso), .text(now)])
            // Every replica of the employer learns the user (names, payroll clerks) and the grant
            // (a device checks its own writes against the grants it holds).
            var entries: [ChangeLog.Entry] = [
                .init(scope: employer, entity: .user, id: userID, op: .upsert,
                      row: try await ReferenceRows.user(userID, at: employer, in: tx)),
                .init(scope: employer, entity: .grant, id: grantID, op: .upsert,
                      row: try await ReferenceRows.grant(grantID, in: tx)),
            ]
            let rights = try await GrantLoader.rights(of: userID, on: today, in: tx)
            if rights.may(.viewDossier, at: employer) {
                entries.append(.init(scope: employer, entity: .scope, id: employer, op: .scopeAdded, row: nil,
                                     targetUser: userID))
            }
            try await ChangeLog.append(entries, in: tx)
            try await AuditLog.record(.init(userID: userID, action: "grant.add", decision: "done", employerCode: employer,
                                            entity: "grant", entityID: login, newValue: role.rawValue), at: now, in: tx)
        }
    }

    /// Removes `role` at `employer` from `login`. When the user may no longer see the
    /// employer, their next pull receives `scope_removed`; otherwise `scope_added` (re-fetch
    /// with the new projection).
    public func revoke(login: String, employer: String, role: Role) async throws {
        let now = self.now
        let today = Timestamps.brusselsDay(configuration.now())
        try await store.write { tx in
            let userID = try await Self.userID(login: login, in: tx)
            guard let grantID = try await tx.first("SELECT id FROM grants WHERE user_id = ? AND employer_code = ? AND role = ?",
                                                   [.text(userID), .text(employer), .text(role.rawValue)])?.string("id") else {
                throw CommandError("\(login) holds no \(role.rawValue) at \(employer)")
            }
            try await ChangeLog.lockClock(in: tx)
            try await tx.execute("DELETE FROM grants WHERE id = ?", [.text(grantID)])
            let rights = try await GrantLoader.rights(of: userID, on: today, in: tx)
            let op: ChangeOperation = rights.may(.viewDossier, at: employer) ? .scopeAdded : .scopeRemoved
            // The grant leaves every replica of the employer (a user left without grants there is
            // dropped by the replica itself); the user's own devices get the scope event.
            try await ChangeLog.append([.init(scope: employer, entity: .grant, id: grantID, op: .delete, row: nil),
                                        .init(scope: employer, entity: .scope, id: employer, op: op, row: nil,
                                              targetUser: userID)], in: tx)
            try await AuditLog.record(.init(userID: userID, action: "grant.remove", decision: "done", employerCode: employer,
                                            entity: "grant", entityID: login, oldValue: role.rawValue), at: now, in: tx)
        }
    }

    /// Revokes a device: its tokens stop working and it is told to wipe its replica.
    public func revokeDevice(id: String) async throws {
        let now = self.now
        try await store.write { tx in
            guard let row = try await tx.first("SELECT user_id, revoked_at FROM devices WHERE id = ?", [.text(id)]) else {
                throw CommandError("no device \(id); list them with fiche-server device list")
            }
            guard row.string("revoked_at") == nil else { throw CommandError("device \(id) is already revoked") }
            try await tx.execute("UPDATE devices SET revoked_at = ? WHERE id = ?", [.text(now), .text(id)])
            try await AuditLog.record(.init(userID: row.string("user_id"), deviceID: id, action: "device.revoke",
                                            decision: "done", entity: "device", entityID: id), at: now, in: tx)
        }
    }

    /// Devices, newest first: id, login, name, created, last seen, revoked.
    public func devices(login: String?) async throws -> [[String]] {
        try await store.read { tx in
            var sql = """
                SELECT d.id, u.login, d.name, d.created_at, d.last_seen_at, d.revoked_at
                FROM devices d JOIN users u ON u.id = d.user_id
                """
            var binds: [SQLValue] = []
            if let login {
                sql += " WHERE u.login = ?"
                binds.append(.text(login))
            }
            sql += " ORDER BY d.created_at DESC, d.id"
            return try await tx.query(sql, binds).map { row in
                ["id", "login", "name", "created_at", "last_seen_at", "revoked_at"].map { row.string($0) ?? "-" }
            }
        }
    }

    /// A password an account may be given: 8 characters at least, 72 bytes at most (bcrypt).
    static func checkNewPassword(_ password: String) throws {
        guard password.count >= 8 else { throw CommandError("the password must have at least 8 characters") }
        guard password.utf8.count <= 72 else { throw CommandError("the password must have at most 72 bytes (bcrypt)") }
    }

    static func userID(login: String, in tx: any StoreTransaction) async throws -> String {
        guard let id = try await tx.first("SELECT id FROM users WHERE login = ?", [.text(login)])?.string("id") else {
            throw CommandError("no user \(login); add it with fiche-server user add")
        }
        return id
    }
}
