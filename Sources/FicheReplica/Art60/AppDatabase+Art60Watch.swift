import FicheDomain
import GRDB

extension AppDatabase {
    /// Art. 60 contracts running on `asOf` that need the follow-up cell within `withinDays`:
    /// those ending (end date, else planned end) in the window, and those whose worker's
    /// projected target date falls in the window or has already passed. Earliest date first.
    ///
    /// The progress of every running contract is computed with `Art60Progress`, from the
    /// working view (records just entered count); birth dates, careers and records are read
    /// in batches, a few queries for all contracts (a CPAS follows about 300). Projections are
    /// kept between openings (`Art60ProjectionStore`): only those of workers whose inputs
    /// changed since, or of another day, are worked out again.
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
        let rulesFingerprint = rules.fingerprint
        let (items, computed, basis) = try writer.read { db -> ([Art60WatchItem], [Art60ProjectionStore.Entry], Art60ProjectionStore.Basis) in
            let basis = Art60ProjectionStore.Basis(rulesFingerprint: rulesFingerprint, asOf: asOf,
                                                   epoch: try Art60ProjectionStore.epoch(db))
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
            // Projections kept from an earlier opening whose inputs have not changed since.
            let stored = try Art60ProjectionStore.read(db, basis: basis)
            var progresses: [String: Art60Progress?] = [:]
            var rows: [(row: Row, contract: Art60Contract)] = []
            var toCompute: [(row: Row, contract: Art60Contract)] = []
            for row in allRows {
                let contract = try Art60Contract(stored: row)
                if let progress = stored[contract.id] {
                    progresses[contract.id] = progress
                    rows.append((row, contract))
                } else {
                    toCompute.append((row, contract))
                }
            }
            let computed = try Self.art60Projections(db, of: toCompute.map(\.contract), asOf: asOf, horizon: horizon,
                                                     rules: rules)
            for (row, contract) in toCompute {
                // A contract whose dossier or person is not in the working view is not listed.
                guard let entry = computed[contract.id] else { continue }
                progresses[contract.id] = entry.progress
                rows.append((row, contract))
            }
            var items: [Art60WatchItem] = []
            for (row, contract) in rows {
                let progress = progresses[contract.id] ?? nil
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
            return (order.map { items[$0.index] }, Array(computed.values), basis)
        }
        // Kept for the next opening. The store is derived data: when it cannot be written (a
        // full disk, a replica opened read-only) the list is still shown and the next opening
        // computes again; no entry is at stake.
        // Nothing worked out (every projection was kept): no write, no wait for another writer.
        guard !computed.isEmpty else { return items }
        do {
            try writer.write { db in try Art60ProjectionStore.write(computed, basis: basis, in: db) }
        } catch {
            // Nothing to report to the clerk: the list above is complete without it.
        }
        return items
    }

    /// The projections of `contracts`, with the mark each dossier had when its inputs were read,
    /// by contract id. A contract whose dossier or person is not in the working view has none.
    ///
    /// Birth dates, careers and records are read in batches, a few queries for all contracts;
    /// each projection reads the worker's absences from its contract's start on, as the art. 60
    /// tab does, so a stored projection is the same as one worked out again.
    private static func art60Projections(_ db: Database, of contracts: [Art60Contract], asOf: LocalDate,
                                         horizon: LocalDate, rules: RuleBook) throws -> [String: Art60ProjectionStore.Entry] {
        guard let earliest = contracts.map(\.start).min() else { return [:] }
        let dossiers = try BatchedReads.dossiers(db, ids: Array(Set(contracts.map(\.dossierID))))
        let birthDates = try BatchedReads.birthDates(db, personIDs: Array(Set(dossiers.values.map(\.personID))))
        let listed = contracts.filter { contract in
            dossiers[contract.dossierID].map { birthDates[$0.personID] != nil } ?? false
        }
        let dossierIDs = Array(Set(listed.map(\.dossierID)))
        let marks = try Art60ProjectionStore.marks(db, dossierIDs: dossierIDs)
        // The projection runs up to ten years past the contract start, over absences already entered.
        let latest = horizon.adding(days: 3653)
        // Only absences move the count (clockings are most of a worker's records).
        let records = try BatchedReads.timeRecords(db, dossierIDs: dossierIDs, from: earliest, to: latest, kind: .absence)
        let calendars = try BatchedReads.workCalendars(db, dossiers: dossierIDs.compactMap { dossiers[$0] }, from: earliest,
                                                       to: latest, rules: rules)
        // The projections are independent of each other: worked out on every core.
        let inputs = listed.map { contract in
            // try?: "is this a date?"; without a birth date there is no progress, and the contract is still listed when it ends.
            Art60ProjectionInput(contract: contract,
                                 birthDate: try? LocalDate.parse(dossiers[contract.dossierID].flatMap { birthDates[$0.personID] } ?? ""),
                                 calendar: calendars[contract.dossierID],
                                 records: (records[contract.dossierID] ?? []).filter { $0.end >= contract.start })
        }
        let progresses = ParallelMap.map(inputs) { input in input.progress(rules: rules, asOf: asOf) }
        var result: [String: Art60ProjectionStore.Entry] = [:]
        for (contract, progress) in zip(listed, progresses) {
            result[contract.id] = .init(contractID: contract.id, dossierID: contract.dossierID,
                                        mark: marks[contract.dossierID] ?? 0, progress: progress)
        }
        return result
    }
}
