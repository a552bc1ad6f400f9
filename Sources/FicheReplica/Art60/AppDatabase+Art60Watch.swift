import FicheDomain
import GRDB

extension AppDatabase {
    /// Art. 60 contracts running on `asOf` that need the follow-up cell within `withinDays`:
    /// those ending (end date, else planned end) in the window, and those whose worker's
    /// projected target date falls in the window or has already passed. Earliest date first.
    ///
    /// The progress of every running contract is computed with `Art60Progress`, from the
    /// working view (records just entered count); birth dates, careers and records are read
    /// in batches, a few queries for all contracts (a CPAS follows about 300).
    ///
    /// ```swift
    /// let watch = try database.art60Watch(asOf: today, withinDays: 30, rules: rules)
    /// watch.first?.reasons   // [.targetReached(on: 2026-05-04)]
    /// ```
    public func art60Watch(asOf: LocalDate, withinDays: Int = 30, rules: RuleBook) throws -> [Art60WatchItem] {
        try art60Contracts(asOf: asOf, withinDays: withinDays, rules: rules, everyOne: false)
    }

    /// Every art. 60 contract of `employerCode` running on `asOf`, with its progress (the art. 60
    /// tab's figures) and the reasons it is watched, if any; by dossier number. What
    /// `fiche export art60` writes.
    public func art60Overview(employerCode: String, asOf: LocalDate, rules: RuleBook) throws -> [Art60WatchItem] {
        try art60Contracts(asOf: asOf, withinDays: 30, rules: rules, everyOne: true)
            .filter { $0.contract.employerCode == employerCode }
            .sorted { ($0.dossier.dossierNumber, $0.contract.id) < ($1.dossier.dossierNumber, $1.contract.id) }
    }

    private func art60Contracts(asOf: LocalDate, withinDays: Int, rules: RuleBook, everyOne: Bool) throws -> [Art60WatchItem] {
        try writer.read { db in
            let horizon = asOf.adding(days: withinDays)
            // Led by the contracts; the dossier and the person are read in batches below. Joined
            // here through their views, SQLite copied all 100,000 dossiers and persons first
            // (half a second at that size).
            let allRows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.*, \(BatchedReads.listSelection),
                       (SELECT pa.name FROM placement pl LEFT JOIN partner pa ON pa.id = pl.partner_id
                        WHERE pl.contract_id = c.id ORDER BY pl.start DESC, pl.id DESC LIMIT 1) AS partner_name,
                       \(BatchedReads.createdAtColumn(entity: "art60_contract", idColumn: "c.id"))
                FROM art60_contract c
                CROSS JOIN dossier_list l ON l.id = c.dossier_id
                WHERE c.start <= ?1 AND (c."end" IS NULL OR c."end" >= ?1)
                """), arguments: [asOf.iso])
            let dossiers = try BatchedReads.dossiers(db, ids: Array(Set(allRows.compactMap { $0["dossier_id"] as String? })))
            let birthDates = try BatchedReads.birthDates(db, personIDs: Array(Set(dossiers.values.map(\.personID))))
            // A contract whose dossier or person is not in the working view is not listed.
            let rows = allRows.filter { row in
                (row["dossier_id"] as String?).flatMap { dossiers[$0] }.map { birthDates[$0.personID] != nil } ?? false
            }
            let contracts = try rows.map(Art60Contract.init(stored:))
            guard let earliest = contracts.map(\.start).min() else { return [] }
            let dossierIDs = Array(Set(contracts.map(\.dossierID)))
            // The projection runs up to ten years past the contract start, over absences already entered.
            let latest = horizon.adding(days: 3653)
            // Only absences move the count (clockings are most of a worker's records).
            let records = try BatchedReads.timeRecords(db, dossierIDs: dossierIDs, from: earliest, to: latest, kind: .absence)
            let calendars = try BatchedReads.workCalendars(db, dossiers: Array(dossiers.values), from: earliest,
                                                           to: latest, rules: rules)
            // The projections are independent of each other: worked out on every core.
            let inputs = zip(rows, contracts).map { row, contract in
                // try?: "is this a date?"; without a birth date there is no progress, and the contract is still listed when it ends.
                Art60ProjectionInput(contract: contract,
                                     birthDate: try? LocalDate.parse(dossiers[contract.dossierID].flatMap { birthDates[$0.personID] } ?? ""),
                                     calendar: calendars[contract.dossierID], records: records[contract.dossierID] ?? [])
            }
            let progresses = ParallelMap.map(inputs) { input in input.progress(rules: rules, asOf: asOf) }
            var items: [Art60WatchItem] = []
            for ((row, contract), progress) in zip(zip(rows, contracts), progresses) {
                var reasons: [Art60WatchReason] = []
                if let end = contract.end ?? contract.plannedEnd, end >= asOf, end <= horizon {
                    reasons.append(.ending(on: end))
                }
                if let target = progress?.projectedTargetDate, target <= horizon {
                    reasons.append(target <= asOf ? .targetReached(on: target) : .targetSoon(on: target))
                }
                guard everyOne || !reasons.isEmpty else { continue }
                items.append(Art60WatchItem(
                    contract: contract, dossier: BatchedReads.listRow(prefixed: row),
                    reasons: reasons.sorted { $0.date < $1.date }, progress: progress, partnerName: row["partner_name"],
                    ageDays: BatchedReads.ageDays(createdAt: row["created_at"], start: contract.start, asOf: asOf),
                    link: DossierLink(dossierID: contract.dossierID, tab: .art60)))
            }
            // Sorted by key, then the items put in that order: sorting the items themselves moved
            // thousands of large values around.
            let order = items.indices.map { (key: (items[$0].dueDate, items[$0].dossier.sortName, items[$0].contract.id), index: $0) }
                .sorted { $0.key < $1.key }
            return order.map { items[$0.index] }
        }
    }
}
