import Foundation
import XCTest

/// A PostgreSQL database of its own (`fiche_restore_…`, on the server of
/// `FICHE_TEST_DATABASE_URL`), for tests that dump and restore a whole database with the
/// administrator's tools (`pg_dump`, `pg_restore`). Dropped by `drop()`.
struct ScratchDatabase {
    let name: String
    /// The connection URL of the scratch database.
    let url: String
    let maintenanceURL: String

    /// - Throws: `XCTSkip` when `FICHE_TEST_DATABASE_URL` is not set.
    static func create() throws -> ScratchDatabase {
        guard let base = ProcessInfo.processInfo.environment["FICHE_TEST_DATABASE_URL"], !base.isEmpty,
              var components = URLComponents(string: base)
        else {
            throw XCTSkip("PostgreSQL variant skipped: set FICHE_TEST_DATABASE_URL (e.g. postgres://fiche:fiche@127.0.0.1:5432/fiche_test; .ci/run does)")
        }
        let name = "fiche_restore_" + UUID().uuidString.prefix(8).lowercased()
        components.path = "/" + name
        guard let url = components.string else { throw ToolFailure(description: "FICHE_TEST_DATABASE_URL is not a URL") }
        try run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", base, "-c", "CREATE DATABASE \(name)"])
        return ScratchDatabase(name: name, url: url, maintenanceURL: base)
    }

    /// `pg_dump -Fc` of the whole database, as the backup procedure in docs/SERVER.md.
    func dump(to file: String) throws {
        try Self.run("pg_dump", ["-Fc", "-f", file, "-d", url])
    }

    /// `pg_restore --clean --if-exists` of `file` into this database, as docs/SERVER.md says.
    func restore(from file: String) throws {
        try Self.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "-d", url, file])
    }

    func drop() {
        // try?: a scratch database left behind holds only test rows; the next run uses another name.
        try? Self.run("psql", ["-X", "-q", "-d", maintenanceURL, "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"])
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(tool) failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
        }
    }

    /// A command of the PostgreSQL client tools that did not succeed, with what it wrote.
    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }
}
