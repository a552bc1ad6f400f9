import Foundation

/// The sqlite3 command-line tool, run on the replica file as the peer of Fiche's search.
///
/// The time of one query is measured without the tool's start-up: one process runs the query
/// `repetitions` times, a second process runs `SELECT 1` the same number of times on the same
/// file, and the difference is divided by `repetitions`.
struct SQLiteShell {
    let executable: String
    let file: String

    /// Milliseconds per run of `sql`, start-up excluded.
    func millisecondsPerRun(of sql: String, repetitions: Int) throws -> Double {
        let work = try run(script: String(repeating: sql + ";\n", count: repetitions))
        let baseline = try run(script: String(repeating: "SELECT 1;\n", count: repetitions))
        return max(0.0001, (work - baseline) / Double(repetitions))
    }

    /// Wall-clock milliseconds of one sqlite3 process reading `script`.
    private func run(script: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-readonly", "-batch", file]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = DispatchTime.now().uptimeNanoseconds
        do { try process.run() } catch { throw BenchFailure("\(executable): cannot run (\(error))") }
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw BenchFailure("\(executable) failed: \(message)")
        }
        return elapsed
    }
}
