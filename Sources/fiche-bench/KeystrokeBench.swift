import FicheReplica
import Foundation

/// `fiche-bench keystrokes`: the time from a key to the end of what the terminal draws for it,
/// measured through a pseudo-terminal on the real `fiche` binary, and, in the same run, the same
/// dossiers as CSV in VisiData (start-up to first screen, search to result, moving down).
///
/// A key's latency is the time from writing it to the last byte the program writes back before
/// going quiet: what a clerk waits for before the screen is complete.
///
/// ```
/// fiche-bench keystrokes --fiche .build/release/fiche [--visidata vd] [--dossiers 100000] [--repeat 5]
/// ```
struct KeystrokeBench {
    var fiche: String
    var visidata: String?
    var dossiers = 100_000
    var seed: UInt64 = 2026
    var dataDirectory: String?
    var repetitions = 5

    static let usage = """
        usage: fiche-bench keystrokes --fiche PATH [--visidata PATH] [--dossiers N] [--seed S] [--data-dir DIR] [--repeat R]
          --fiche     the fiche binary to measure (build it with -c release)
          --visidata  the VisiData command to compare with (pip install visidata); left out when not given
          --dossiers  dossiers in the demo replica (default 100000)
          --data-dir  keep the replica and the CSV in DIR and reuse them (default: a temporary folder)
          --repeat    times each key sequence is measured (default 5)
        """

    static func parse(_ arguments: [String]) throws -> KeystrokeBench {
        var fiche: String?
        var bench = KeystrokeBench(fiche: "")
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard flag != "--help", flag != "-h" else { throw BenchFailure(usage) }
            guard let value = rest.popFirst() else { throw BenchFailure("\(flag) needs a value\n\(usage)") }
            switch flag {
            case "--fiche": fiche = value
            case "--visidata": bench.visidata = value
            case "--dossiers":
                guard let number = Int(value), number > 0 else { throw BenchFailure("--dossiers must be a positive number") }
                bench.dossiers = number
            case "--seed":
                guard let number = UInt64(value) else { throw BenchFailure("--seed must be a number") }
                bench.seed = number
            case "--data-dir": bench.dataDirectory = value
            case "--repeat":
                guard let number = Int(value), number > 0 else { throw BenchFailure("--repeat must be a positive number") }
                bench.repetitions = number
            default: throw BenchFailure("unknown option \(flag)\n\(usage)")
            }
        }
        guard let fiche else { throw BenchFailure("--fiche is required\n\(usage)") }
        bench.fiche = fiche
        return bench
    }

    private var environment: [String: String] {
        ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
         "ESCDELAY": "25"]
    }

    func run() throws {
        let folder = dataDirectory ?? NSTemporaryDirectory() + "fiche-keys-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // try?: removes the bench's temporary folder; the figures are already printed.
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let demo = ["demo", "--data-dir", folder, "--dossiers", "\(dossiers)", "--seed", "\(seed)", "--lang", "en"]
        try prepare(demo)
        let csv = folder + "/dossiers-\(dossiers).csv"
        // Written on every run: a file left by an interrupted run would make VisiData's side wrong.
        try exportCSV(replica: folder + "/demo.sqlite", to: csv)

        let typed = "vandenb"
        var ficheKeys: [Double] = [], ficheLast: [Double] = [], ficheDown: [Double] = [], ficheStart: [Double] = []
        for _ in 0..<repetitions {
            let terminal = try PseudoTerminal([fiche] + demo, environment: environment, rows: 30, columns: 100)
            let (found, last) = terminal.wait(for: "F10", quiet: 0.2, timeout: 60)
            guard found, let last else { throw BenchFailure("fiche did not draw its first screen within 60 s") }
            ficheStart.append(last - terminal.started)
            for (index, character) in typed.enumerated() {
                let latency = try key(terminal, String(character))
                ficheKeys.append(latency)
                if index == typed.count - 1 { ficheLast.append(latency) }
            }
            _ = terminal.send("\u{1B}")
            _ = terminal.drain(quiet: 0.2, timeout: 2)
            for _ in 0..<30 { ficheDown.append(try key(terminal, "\u{1B}[B")) }
        }
        var vdStart: [Double] = [], vdSearch: [Double] = [], vdDown: [Double] = []
        if let visidata {
            for _ in 0..<repetitions {
                let terminal = try PseudoTerminal([visidata, csv], environment: environment, rows: 30, columns: 100)
                // VisiData loads in the background and redraws while it does: the first screen with
                // every row is the one after which it goes quiet.
                let (_, last) = terminal.wait(for: "\(dossiers)", quiet: 1.0, timeout: 120)
                guard let last else { throw BenchFailure("VisiData drew nothing within 120 s") }
                vdStart.append(last - terminal.started)
                _ = terminal.send("/")
                _ = terminal.drain(quiet: 0.3, timeout: 2)
                _ = terminal.send("Van den B")
                _ = terminal.drain(quiet: 0.3, timeout: 2)
                vdSearch.append(try key(terminal, "\r", quiet: 0.3))
                for _ in 0..<30 { vdDown.append(try key(terminal, "\u{1B}[B")) }
            }
        }
        let peerStart = vdStart.isEmpty ? nil : median(vdStart)
        Measurement(metric: "keys_startup_first_screen", unit: "s", value: median(ficheStart), peer: peerStart).print()
        for p in [50.0, 95.0, 100.0] {
            Measurement(metric: "keys_search_keystroke_p\(Int(p))", unit: "ms", value: Stopwatch.percentile(ficheKeys, p) * 1000).print()
        }
        Measurement(metric: "keys_search_to_result_p50", unit: "ms", value: Stopwatch.percentile(ficheLast, 50) * 1000,
                    peer: vdSearch.isEmpty ? nil : Stopwatch.percentile(vdSearch, 50) * 1000).print()
        for p in [50.0, 95.0] {
            Measurement(metric: "keys_list_down_p\(Int(p))", unit: "ms", value: Stopwatch.percentile(ficheDown, p) * 1000,
                        peer: vdDown.isEmpty ? nil : Stopwatch.percentile(vdDown, p) * 1000).print()
        }
    }

    /// Sends one key and returns the seconds until the program went quiet after answering it.
    private func key(_ terminal: PseudoTerminal, _ bytes: String, quiet: Double = 0.05) throws -> Double {
        let sent = terminal.send(bytes)
        guard let last = terminal.drain(quiet: quiet, timeout: 5).lastByte else {
            throw BenchFailure("no answer to a key within 5 s")
        }
        return last - sent
    }

    private func median(_ values: [Double]) -> Double { Stopwatch.percentile(values, 50) }

    /// Generates the demo replica once (not timed here; `fiche-bench` times generation).
    private func prepare(_ demo: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fiche)
        process.arguments = demo + ["--no-tui"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchFailure("fiche demo --no-tui failed") }
    }

    /// The list as VisiData opens it: one row per dossier, in the list's order.
    private func exportCSV(replica: String, to path: String) throws {
        let database = try AppDatabase.open(at: replica, clock: .system)
        var text = "name,number,employer,category,status,clerk\n"
        var last: DossierListRow?
        while true {
            let page = try database.dossierPage(after: last.map(DossierListCursor.init), limit: 5_000)
            for row in page {
                let fields = [row.displayName, row.dossierNumber, row.employerCode, row.category, row.status, row.payrollClerk]
                text += fields.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ",") + "\n"
            }
            guard let end = page.last, page.count == 5_000 else { break }
            last = end
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
