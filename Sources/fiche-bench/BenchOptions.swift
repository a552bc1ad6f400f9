import Foundation

/// What `fiche-bench` measures and where: read from the command line.
///
/// ```
/// fiche-bench [--dossiers 100000] [--seed 2026] [--data-dir DIR] [--repeat 20] [--sqlite3 /usr/bin/sqlite3]
/// ```
struct BenchOptions {
    var dossiers = 100_000
    var seed: UInt64 = 2026
    var dataDirectory: String?
    var repetitions = 20
    var sqlite3 = "/usr/bin/sqlite3"

    static let usage = """
        usage: fiche-bench [--dossiers N] [--seed S] [--data-dir DIR] [--repeat R] [--sqlite3 PATH]
          --dossiers  dossiers in the generated replica (default 100000, about 50 time records each)
          --seed      seed of the demo generator (default 2026)
          --data-dir  keep the replica in DIR and reuse it on the next run (default: a temporary folder)
          --repeat    runs of each search query, in Fiche and in the sqlite3 tool (default 20)
          --sqlite3   the sqlite3 command-line tool the search is compared with
        """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard flag != "--help", flag != "-h" else { throw BenchFailure(BenchOptions.usage) }
            guard let value = rest.popFirst() else { throw BenchFailure("\(flag) needs a value\n\(usage)") }
            switch flag {
            case "--dossiers":
                guard let number = Int(value), number > 0 else { throw BenchFailure("--dossiers must be a positive number") }
                options.dossiers = number
            case "--seed":
                guard let number = UInt64(value) else { throw BenchFailure("--seed must be a number") }
                options.seed = number
            case "--data-dir": options.dataDirectory = value
            case "--repeat":
                guard let number = Int(value), number > 0 else { throw BenchFailure("--repeat must be a positive number") }
                options.repetitions = number
            case "--sqlite3": options.sqlite3 = value
            default: throw BenchFailure("unknown option \(flag)\n\(usage)")
            }
        }
        return options
    }
}
