import ArgumentParser
import FicheDomain
import FicheServer
import Foundation

/// `fiche-server migrate`: creates or upgrades the schema.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in print("schema up to date (\(store.backend))") }
    }
}

/// `fiche-server employer add`.
struct EmployerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "employer", abstract: "Manage employers.",
                                                    subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a commune or a CPAS.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Employer code, e.g. AC-IXL.") var code: String
        @Option(help: "commune or cpas.") var kind: String
        @Option(name: .customLong("name-fr"), help: "French name.") var nameFR: String
        @Option(name: .customLong("name-nl"), help: "Dutch name.") var nameNL: String

        func validate() throws {
            guard EmployerKind(rawValue: kind) != nil else { throw ValidationError("--kind must be commune or cpas") }
        }

        func run() async throws {
            try await store.withStore { store in
                try await Accounts(store: store).addEmployer(code: code, kind: EmployerKind(rawValue: kind) ?? .commune,
                                                             nameFR: nameFR, nameNL: nameNL)
                print("employer \(code) added")
            }
        }
    }
}

/// `fiche-server user add LOGIN --name … --password-stdin`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.",
                                                    subcommands: [Add.self, Disable.self, Enable.self, ResetPassword.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from standard input.")
        @OptionGroup var store: StoreOptions
        @Argument var login: String
        @Option(help: "Display name.") var name: String
        @Option(help: "NISS of the user's own staff dossier (four-eyes rule: they never review it).") var niss: String?
        @Flag(name: .customLong("no-dossier"), help: "The user has no staff dossier at these employers.")
        var noDossier = false
        @Option(help: "Language the user reads: fr, nl or en (default fr).") var language: String = "fr"
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func validate() throws {
            guard passwordStdin else { throw ValidationError("pass --password-stdin and the password on standard input") }
            guard Language(rawValue: language) != nil else { throw ValidationError("--language must be fr, nl or en") }
            guard (niss == nil) != !noDossier else {
                throw ValidationError("say whose account it is: --niss NISS when the person has a staff dossier here "
                                      + "(they never validate their own entries), or --no-dossier")
            }
        }

        func run() async throws {
            let password = readLine(strippingNewline: true) ?? ""
            try await store.withStore { store in
                try await Accounts(store: store).addUser(login: login, displayName: name, password: password, niss: niss,
                                                         language: Language(rawValue: language) ?? .fr)
                print("user \(login) added")
            }
        }
    }
}

/// `fiche-server user disable LOGIN` / `user enable LOGIN`.
extension UserCommand {
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: its password no longer signs in and every device is refused at its next request.")
        @OptionGroup var store: StoreOptions
        @Argument var login: String

        func run() async throws { try await UserCommand.setActive(store, login, false) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
        @OptionGroup var store: StoreOptions
        @Argument var login: String

        func run() async throws { try await UserCommand.setActive(store, login, true) }
    }

    static func setActive(_ options: StoreOptions, _ login: String, _ active: Bool) async throws {
        try await options.withStore { store in
            try await Accounts(store: store).setActive(login: login, active)
            print("user \(login) \(active ? "enabled" : "disabled")")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Give an account a new password (read from standard input); its devices stay signed in.")
        @OptionGroup var store: StoreOptions
        @Argument var login: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func validate() throws {
            guard passwordStdin else { throw ValidationError("pass --password-stdin and the new password on standard input") }
        }

        func run() async throws {
            let password = readLine(strippingNewline: true) ?? ""
            try await store.withStore { store in
                try await Accounts(store: store).resetPassword(login: login, to: password)
                print("password of \(login) changed; `fiche-server device revoke --all \(login)` signs its devices out too")
            }
        }
    }
}

/// `fiche-server grant LOGIN EMPLOYER ROLE`.
struct GrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give a role at an employer.")
    @OptionGroup var store: StoreOptions
    @Argument var login: String
    @Argument var employer: String
    @Argument(help: "payroll_clerk, time_manager, art60_officer, supervisor, auditor or admin.") var role: String
    @Option(help: "First day (YYYY-MM-DD).") var from: String?
    @Option(help: "Last day (YYYY-MM-DD).") var to: String?

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            throw ValidationError("role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let from = try from.map { text in try LocalDate.parse(text) }
        let to = try to.map { text in try LocalDate.parse(text) }
        try await store.withStore { store in
            try await Accounts(store: store).grant(login: login, employer: employer, role: role, validFrom: from, validTo: to)
            print("\(login) is \(role.rawValue) at \(employer)")
        }
    }
}

/// `fiche-server revoke LOGIN EMPLOYER ROLE`.
struct RevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Remove a role at an employer.")
    @OptionGroup var store: StoreOptions
    @Argument var login: String
    @Argument var employer: String
    @Argument var role: String

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            throw ValidationError("role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try await store.withStore { store in
            try await Accounts(store: store).revoke(login: login, employer: employer, role: role)
            print("\(login) no longer holds \(role.rawValue) at \(employer)")
        }
    }
}

/// `fiche-server device list|revoke`.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "device", abstract: "List or revoke devices.",
                                                    subcommands: [List.self, Revoke.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List devices (id, login, name, created, last seen, revoked).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only this user's devices.") var login: String?

        func run() async throws {
            try await store.withStore { store in
                for row in try await Accounts(store: store).devices(login: login) { print(row.joined(separator: "\t")) }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a device: it gets 401 with wipe at its next request.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Device id (see device list), or with --all the login whose devices all go.") var id: String
        @Flag(help: "Revoke every device of the login given instead of one device id.") var all = false

        func run() async throws {
            try await store.withStore { store in
                if all {
                    let count = try await Accounts(store: store).revokeAllDevices(login: id)
                    print(count == 1 ? "1 device of \(id) revoked" : "\(count) devices of \(id) revoked")
                } else {
                    try await Accounts(store: store).revokeDevice(id: id)
                    print("device \(id) revoked")
                }
            }
        }
    }
}

/// `fiche-server compact --before SEQ`.
struct Compact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete change-log entries below a sequence.")
    @OptionGroup var store: StoreOptions
    @Option(help: "First sequence to keep.") var before: Int64

    func run() async throws {
        try await store.withStore { store in
            let count = try await Maintenance(store: store).compact(before: before)
            print("\(count) change-log entries deleted; older cursors get 410")
        }
    }
}

struct ResetIdentity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-identity",
        abstract: "Give the database a new identity after restoring a backup: every replica then copies it again and pushes what it lost.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            let maintenance = Maintenance(store: store)
            _ = try await maintenance.resetIdentity()
            print("the store's identity is now \(try await maintenance.identity()); replicas take a fresh copy at their next sync")
        }
    }
}
