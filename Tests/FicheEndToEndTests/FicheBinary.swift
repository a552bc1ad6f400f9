import Foundation

/// The built `fiche` executable and helpers to run it as a user would.
enum FicheBinary {
    /// `fiche` sits beside the test bundle in the build folder.
    static var url: URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? Bundle.main.bundlePath)
        var folder = testBundle
        while folder.pathComponents.count > 1, !folder.lastPathComponent.hasSuffix(".xctest") {
            folder.deleteLastPathComponent()
        }
        return folder.deletingLastPathComponent().appendingPathComponent("fiche")
    }

    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `fiche` with `arguments` and an environment, without a terminal.
    static func run(_ arguments: [String], environment: [String: String]) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: out, as: UTF8.self),
                       standardError: String(decoding: err, as: UTF8.self))
    }

    /// The replicas `fiche demo` made in `folder` (`demo/<login>/replica.sqlite`), by login.
    static func demoReplicas(in folder: URL) -> [URL] {
        let accounts = folder.appendingPathComponent("demo")
        let logins = (try? FileManager.default.contentsOfDirectory(atPath: accounts.path)) ?? []
        return logins.sorted().map { accounts.appendingPathComponent($0).appendingPathComponent("replica.sqlite") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
