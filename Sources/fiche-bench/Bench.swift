import FicheDemo
import FicheDomain
import FicheReplica
import Foundation

/// The benchmark run: prepares the replica, then measures search, paging, opening a dossier
/// and writing an absence.
struct Bench {
    let options: BenchOptions

    func run() throws {
        let temporary = options.dataDirectory == nil
        let folder = options.dataDirectory
            ?? NSTemporaryDirectory() + "fiche-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // try?: removes the bench's temporary folder; the figures are already printed.
        defer { if temporary { try? FileManager.default.removeItem(atPath: folder) } }
        let file = folder + "/bench-\(options.dossiers)-\(options.seed).sqlite"
        let database = try AppDatabase.open(at: file, clock: .system)
        let dataset = DemoDataset(dossiers: options.dossiers, seed: options.seed)
        if try !DemoDataGenerator.holds(dataset, in: database) {
            let seconds = try Stopwatch.milliseconds { try DemoDataGenerator(dataset: dataset).write(into: database) } / 1000
            Measurement(metric: "demo_generate", unit: "s", value: seconds).print()
        }
        let sizes = try database.tableSizes()
        Measurement(metric: "dataset_dossiers", unit: "rows", value: Double(sizes["dossier"] ?? 0)).print()
        Measurement(metric: "dataset_time_records", unit: "rows", value: Double(sizes["time_record"] ?? 0)).print()

        try measureSearch(database, file: file)
        try measurePaging(database)
        try measureOpening(database)
        try measureWriting(database)
        try measurePullApply(database)
    }

    /// A pulled page of 100 time-record upserts (new records on random dossiers) applied with
    /// its cursor in one transaction, as `SyncSession` applies each pull page; 20 pages.
    private func measurePullApply(_ database: AppDatabase) throws {
        var random = SeededGenerator(seed: options.seed &+ 4)
        let run = UInt64(Date().timeIntervalSince1970)
        var timings: [Double] = []
        for page in 0..<20 {
            var changes: [AppDatabase.SyncedChange] = []
            for n in 0..<100 {
                let dossier = try randomDossier(database, &random)
                let id = "pull-\(run)-\(page)-\(n)"
                changes.append(.init(operation: .upsert, row: .init(
                    entity: "time_record", id: id, employerCode: dossier.employerCode, version: Int64(page * 100 + n + 1),
                    fields: ["dossier_id": dossier.id, "kind": "absence", "type_code": "annual_leave",
                             "start_date": "2027-03-01", "end_date": "2027-03-01", "day_part": "full",
                             "certificate_received": "0", "status": "validated", "entered_by": "bench"])))
            }
            let cursor = try database.syncState().pullCursor + 100
            timings.append(try Stopwatch.milliseconds { try database.applyPulledPage(changes, cursor: cursor) })
        }
        Measurement(metric: "pull_apply_100_p50", unit: "ms", value: Stopwatch.percentile(timings, 50)).print()
        Measurement(metric: "pull_apply_100_p95", unit: "ms", value: Stopwatch.percentile(timings, 95)).print()
    }

    /// 100 queries; each runs `repetitions` times in Fiche and in the sqlite3 tool; the
    /// percentiles are over the per-query means.
    private func measureSearch(_ database: AppDatabase, file: String) throws {
        let queries = try SearchQueries.make(from: database, count: 100, seed: options.seed)
        let shell = SQLiteShell(executable: options.sqlite3, file: file, scratchFolder: (file as NSString).deletingLastPathComponent)
        var fiche: [Double] = []
        var peer: [Double] = []
        var hits = 0
        for query in queries {
            hits += try database.searchDossiers(query, limit: 20).count      // warm the cache
            let total = try Stopwatch.milliseconds {
                for _ in 0..<options.repetitions { _ = try database.searchDossiers(query, limit: 20) }
            }
            fiche.append(total / Double(options.repetitions))
            if let sql = Self.peerSQL(for: query, limit: 20) {
                peer.append(try shell.millisecondsPerRun(of: sql, repetitions: options.repetitions))
            }
        }
        for p in [50.0, 95.0] {
            Measurement(metric: "search_p\(Int(p))", unit: "ms", value: Stopwatch.percentile(fiche, p),
                        peer: Stopwatch.percentile(peer, p)).print()
        }
        Measurement(metric: "search_mean_hits", unit: "rows", value: Double(hits) / Double(queries.count)).print()
    }

    /// The search as the sqlite3 tool runs it: the same statement, with the values written in.
    static func peerSQL(for query: String, limit: Int) -> String? {
        guard let match = SearchText.match(query) else { return nil }
        let literal = "'" + match.replacingOccurrences(of: "'", with: "''") + "'"
        return AppDatabase.searchSQL.replacingOccurrences(of: "?1", with: literal)
            .replacingOccurrences(of: "?2", with: String(limit))
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// First page and a page deep in the list, in every order, plain and within one employer.
    private func measurePaging(_ database: AppDatabase) throws {
        var random = SeededGenerator(seed: options.seed &+ 1)
        let pageSize = 50
        for order in DossierSortOrder.allCases {
            for filter in [DossierListFilter(), DossierListFilter(employerCode: "CPAS-IXL")] {
                let query = DossierListQuery(order: order, filter: filter)
                let suffix = filter.employerCode == nil ? "" : "_one_employer"
                var first: [Double] = []
                for _ in 0..<200 {
                    first.append(try Stopwatch.milliseconds { _ = try database.dossierPage(query, after: nil, limit: pageSize) })
                }
                // Cursors spread over the list: rows found by name, then paged from in this order.
                var next: [Double] = []
                for _ in 0..<200 {
                    let start = String((0..<2).map { _ in Character(UnicodeScalar(UInt8(97 + Int.random(in: 0..<26, using: &random)))) })
                    guard let row = try database.dossierPage(after: DossierListCursor(sortName: start, id: ""), limit: 1).first
                    else { continue }
                    let cursor = DossierListCursor(row)
                    next.append(try Stopwatch.milliseconds { _ = try database.dossierPage(query, after: cursor, limit: pageSize) })
                }
                Measurement(metric: "page_first_\(order.rawValue)\(suffix)_p95", unit: "ms",
                            value: Stopwatch.percentile(first, 95)).print()
                Measurement(metric: "page_next_\(order.rawValue)\(suffix)_p95", unit: "ms",
                            value: Stopwatch.percentile(next, 95)).print()
            }
        }
    }

    /// A dossier with its person, career and one year of time records, 200 dossiers.
    private func measureOpening(_ database: AppDatabase) throws {
        var random = SeededGenerator(seed: options.seed &+ 2)
        var timings: [Double] = []
        var records = 0
        for _ in 0..<200 {
            let row = try randomDossier(database, &random)
            timings.append(try Stopwatch.milliseconds { records += try database.openDossier(row.id, year: 2026)?.timeRecords.count ?? 0 })
        }
        Measurement(metric: "open_dossier_year_p50", unit: "ms", value: Stopwatch.percentile(timings, 50)).print()
        Measurement(metric: "open_dossier_year_p95", unit: "ms", value: Stopwatch.percentile(timings, 95)).print()
        Measurement(metric: "open_dossier_mean_records", unit: "rows", value: Double(records) / 200).print()
    }

    /// 100 absences on free working days of the open months, each with its outbox and audit row.
    private func measureWriting(_ database: AppDatabase) throws {
        let rules = try RuleBook.bundled()
        let user = User(id: DemoDataGenerator.demoUserID, login: "demo", displayName: "Démo, U.", language: .fr)
        guard let november = LocalDate(year: 2026, month: 11, day: 2) else { return }
        var random = SeededGenerator(seed: options.seed &+ 3)
        var timings: [Double] = []
        var refused = 0
        let run = UInt64(Date().timeIntervalSince1970)
        while timings.count < 100 && refused < 2_000 {
            let row = try randomDossier(database, &random)
            guard row.status != "left" else { continue }
            let day = november.adding(days: Int.random(in: 0..<59, using: &random))
            let record = TimeRecord.absence(id: "bench-\(run)-\(timings.count)-\(refused)", employerCode: row.employerCode,
                                            dossierID: row.id, type: "annual_leave", from: day, to: day,
                                            enteredBy: user.id)
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                try database.recordAbsence(record, by: user, rules: rules)
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            } catch is RuleViolation {
                refused += 1       // overlap, weekend or holiday: another day
            }
        }
        Measurement(metric: "write_absence_p50", unit: "ms", value: Stopwatch.percentile(timings, 50)).print()
        Measurement(metric: "write_absence_p95", unit: "ms", value: Stopwatch.percentile(timings, 95)).print()
    }

    private func randomDossier(_ database: AppDatabase, _ random: inout SeededGenerator) throws -> DossierListRow {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let start = String((0..<3).map { _ in letters[Int.random(in: 0..<26, using: &random)] })
        guard let row = try database.dossierPage(after: DossierListCursor(sortName: start, id: ""), limit: 1).first
                ?? database.dossierPage(after: nil, limit: 1).first else {
            throw BenchFailure("the replica holds no dossiers")
        }
        return row
    }
}
