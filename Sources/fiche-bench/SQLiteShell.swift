import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sqlite3 command-line tool, run on the replica file as the peer of Fiche's search.
///
/// The time of one query is measured without the tool's start-up: one process runs the query
/// `repetitions` times, a second process runs `SELECT 1` the same number of times on the same
/// file, and the difference is divided by `repetitions`. Each process runs three times and the
/// fastest run counts, for both. Processes are started with `posix_spawn` and awaited with
/// `waitpid` (Foundation's `Process` adds tens of milliseconds of its own on Linux).
struct SQLiteShell {
    let executable: String
    let file: String
    let scratchFolder: String

    /// Milliseconds per run of `sql`, start-up excluded.
    func millisecondsPerRun(of sql: String, repetitions: Int) throws -> Double {
        let work = try fastest(script: String(repeating: sql + ";\n", count: repetitions))
        let baseline = try fastest(script: String(repeating: "SELECT 1;\n", count: repetitions))
        if ProcessInfo.processInfo.environment["FICHE_BENCH_DEBUG"] != nil {
            FileHandle.standardError.write(Data("sqlite3: \(work) ms, baseline \(baseline) ms: \(sql)\n".utf8))
        }
        return max(0.0001, (work - baseline) / Double(repetitions))
    }

    private func fastest(script: String) throws -> Double {
        let scriptFile = scratchFolder + "/peer.sql"
        do { try Data(script.utf8).write(to: URL(fileURLWithPath: scriptFile)) } catch {
            throw BenchFailure("\(scriptFile): cannot write the sqlite3 script (\(error))")
        }
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, try run(scriptFile: scriptFile)) }
        return best
    }

    /// Wall-clock milliseconds of one `sqlite3 -readonly -batch FILE < scriptFile > /dev/null`.
    private func run(scriptFile: String) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, scriptFile, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let arguments = [executable, "-readonly", "-batch", "-bail", file]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchFailure("\(executable): cannot run (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        // Exited normally (low 7 bits zero) with status 0 (bits 8–15).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw BenchFailure("\(executable) failed on \(file) (status \(status)); run the script \(scriptFile) to see why")
        }
        return elapsed
    }
}
