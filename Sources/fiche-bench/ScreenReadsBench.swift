import FicheDomain
import FicheReplica
import Foundation

/// `fiche-bench screens --replica PATH [--as-of YYYY-MM-DD] [--employer CODE] [--only NAME]`: times the reads
/// behind the supervisor and art. 60 screens (queues, month closing, workload, partners, payroll
/// export) on an existing replica, each run three times after a warm-up; prints the median.
struct ScreenReadsBench {
    var replica = ""
    var asOf = OfficeClock.system.today
    var employer = "CPAS-IXL"
    /// Only the reads whose name contains this (e.g. `art60`).
    var only: String?

    static func parse(_ arguments: [String]) throws -> ScreenReadsBench {
        var bench = ScreenReadsBench()
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard index + 1 < arguments.count else { throw BenchFailure("\(name) needs a value") }
            let value = arguments[index + 1]
            switch name {
            case "--replica": bench.replica = value
            case "--as-of":
                do { bench.asOf = try LocalDate.parse(value) } catch { throw BenchFailure("--as-of: \(error)") }
            case "--employer": bench.employer = value
            case "--only": bench.only = value
            default: throw BenchFailure("unknown option \(name)")
            }
            index += 2
        }
        guard !bench.replica.isEmpty else { throw BenchFailure("--replica PATH is required (e.g. a fiche demo replica)") }
        return bench
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: replica) else { throw BenchFailure("no replica at \(replica)") }
        let database = try AppDatabase.open(at: replica, clock: .system)
        let rules = try RuleBook.bundled()
        let month = asOf.yearMonth
        let sizes = try database.tableSizes()
        Measurement(metric: "dataset_dossiers", unit: "rows", value: Double(sizes["dossier"] ?? 0)).print()
        var laterDays = 0
        let reads: [(String, () throws -> Int)] = [
            ("validation_queue", { try database.validationQueue(asOf: asOf).count }),
            // What the queues screen reads to show its first screenful: a page, the total, the place.
            ("validation_queue_first_page", {
                let page = try database.validationQueuePage(ValidationQueueFilter(), after: nil, limit: 40, asOf: asOf)
                _ = try page.first.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), ValidationQueueFilter()) }
                return try database.validationQueueCount(ValidationQueueFilter()) + 0 * page.count
            }),
            ("validation_queue_page_only", {
                try database.validationQueuePage(ValidationQueueFilter(), after: nil, limit: 40, asOf: asOf).count
            }),
            ("validation_queue_count_only", { try database.validationQueueCount(ValidationQueueFilter()) }),
            ("validation_queue_last_page", {
                let page = try database.validationQueuePage(ValidationQueueFilter(), before: nil, limit: 40, asOf: asOf)
                return try page.first.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), ValidationQueueFilter()) } ?? 0
            }),
            // A first screenful as `/` or F4 shows it: the page and the total.
            ("validation_queue_by_dossier", {
                let filter = ValidationQueueFilter(order: .dossier)
                _ = try database.validationQueuePage(filter, after: nil, limit: 40, asOf: asOf)
                return try database.validationQueueCount(filter)
            }),
            ("validation_queue_filtered_name", {
                let filter = ValidationQueueFilter(terms: [QueueFilterTerm(text: "dubois")])
                _ = try database.validationQueuePage(filter, after: nil, limit: 40, asOf: asOf)
                return try database.validationQueueCount(filter)
            }),
            ("validation_queue_filtered_type", {
                let filter = ValidationQueueFilter(terms: [QueueFilterTerm(text: "annuel", typeCodes: ["annual_leave"])])
                _ = try database.validationQueuePage(filter, after: nil, limit: 40, asOf: asOf)
                return try database.validationQueueCount(filter)
            }),
            ("validation_queue_filtered_name_page_only", {
                try database.validationQueuePage(ValidationQueueFilter(terms: [QueueFilterTerm(text: "dubois")]),
                                                 after: nil, limit: 40, asOf: asOf).count
            }),
            ("validation_queue_filtered_name_count_only", {
                try database.validationQueueCount(ValidationQueueFilter(terms: [QueueFilterTerm(text: "dubois")]))
            }),
            // The drafts tab as the screen reads it: its first 40 rows, their place and the total,
            // for a supervisor of every employer held, then for one time manager's own drafts.
            ("drafts_first_page", {
                let filter = ValidationQueueFilter(drafts: DraftsScope(userID: "", employerCodes: try database.employers().map(\.code)))
                let page = try database.validationQueuePage(filter, after: nil, limit: 40, asOf: asOf)
                _ = try page.first.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), filter) }
                return try database.validationQueueCount(filter)
            }),
            ("drafts_own_first_page", {
                let author = try database.validationQueuePage(ValidationQueueFilter(drafts: DraftsScope(userID: "")), after: nil,
                                                              limit: 1, asOf: asOf).first?.enteredBy
                let all = ValidationQueueFilter(drafts: DraftsScope(userID: "", employerCodes: try database.employers().map(\.code)))
                let someone = try author ?? database.validationQueuePage(all, after: nil, limit: 1, asOf: asOf).first?.enteredBy ?? ""
                let filter = ValidationQueueFilter(drafts: DraftsScope(userID: someone))
                let page = try database.validationQueuePage(filter, after: nil, limit: 40, asOf: asOf)
                _ = try page.first.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), filter) }
                return try database.validationQueueCount(filter)
            }),
            // Opened again the same day: the projections kept from the opening before.
            ("art60_watch", { try database.art60Watch(asOf: asOf, rules: rules).count }),
            // The first opening of a day: every projection kept is of another day, all are worked out again.
            ("art60_watch_first_of_day", {
                laterDays += 1
                return try database.art60Watch(asOf: asOf.adding(days: laterDays), rules: rules).count
            }),
            ("missing_certificates", { try database.missingCertificates(asOf: asOf, rules: rules).count }),
            ("unjustified_absences", { try database.unjustifiedAbsences(asOf: asOf, rules: rules).count }),
            ("month_checklist", {
                try database.monthClosingChecklist(employerCode: employer, month: month, asOf: asOf, rules: rules).missingCertificates
            }),
            ("workload", { try database.workload().count }),
            ("partners", { try database.partnerSummaries(employerCode: nil, asOf: asOf).count }),
            ("payroll_export", { try database.payrollExport(employerCode: employer, month: month, rules: rules).count }),
        ]
        for (name, read) in reads where only.map(name.contains) ?? true {
            let count = try read()
            var timings: [Double] = []
            for _ in 0..<3 { timings.append(try Stopwatch.milliseconds { _ = try read() }) }
            Measurement(metric: "screen_\(name)", unit: "ms", value: Stopwatch.percentile(timings, 50)).print()
            Measurement(metric: "screen_\(name)_items", unit: "rows", value: Double(count)).print()
        }
    }
}
