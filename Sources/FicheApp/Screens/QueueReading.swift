import FicheDomain
import FicheReplica

/// What the queues worked out by rules read (the art. 60 watch, missing certificates,
/// unjustified absences, pending IBAN changes, the month closings), with everything it needs
/// taken from the screen's environment, so the terminal can read them off the key path (at
/// 100,000 dossiers the art. 60 watch takes over a second).
struct QueueReading: Sendable {
    let database: AppDatabase
    let strings: Strings
    let rules: RuleBook
    let today: LocalDate
    let rights: AccessRights

    init(_ environment: ScreenEnvironment) {
        database = environment.database
        strings = environment.strings
        rules = environment.rules
        today = environment.today
        rights = environment.rights
    }

    /// The items of `queue` worked out by rules (not the validation and drafts queues, which are paged), as the
    /// table shows them, oldest concern first.
    func items(_ queue: QueueTab) throws -> [QueueItem] {
        let catalogue = rules.absenceCatalogue
        func label(_ record: TimeRecord, _ dossier: DossierListRow) -> String {
            QueuesScreen.recordLabel(record, dossier, strings, catalogue)
        }
        return try rows(queue, label: label).map { item in
            var item = item
            item.searchText = SortKey.fold(([item.label] + item.cells).joined(separator: " "))
            return item
        }
    }

    private func rows(_ queue: QueueTab, label: (TimeRecord, DossierListRow) -> String) throws -> [QueueItem] {
        let catalogue = rules.absenceCatalogue
        switch queue {
        case .validation, .drafts:
            return []
        case .art60:
            return try database.art60Watch(asOf: today, withinDays: 30, rules: rules).map { item in
                let partner = item.partnerName ?? "—"
                let progress = item.progress.map { "\(strings.decimal($0.qualifyingDays, digits: 0))/\($0.targetDays)" } ?? "—"
                let projected = item.progress?.projectedTargetDate.map(strings.date) ?? "—"
                let end = item.contract.end ?? item.contract.plannedEnd
                return QueueItem(id: item.contract.id, link: item.link,
                                 cells: [item.dossier.displayName, partner, end.map(strings.date) ?? "—", progress,
                                         projected, dueText(item, strings),
                                         strings.days(item.ageDays)],
                                 label: "\(item.dossier.dossierNumber) \(item.dossier.displayName)")
            }
        case .certificates:
            return try database.missingCertificates(asOf: today, rules: rules).map { item in
                QueueItem(id: item.record.id, link: item.link,
                          cells: [item.dossier.dossierNumber, item.dossier.displayName,
                                  strings.recordLabel(item.record, catalogue: catalogue), strings.date(item.record.start),
                                  strings.date(item.dueBy), strings.days(item.ageDays)],
                          label: label(item.record, item.dossier), start: item.record.start,
                          employerCode: item.record.employerCode)
            }
        case .absences:
            return try database.unjustifiedAbsences(asOf: today, rules: rules).map { item in
                QueueItem(id: item.record.id, link: item.link,
                          cells: [item.dossier.dossierNumber, item.dossier.displayName, strings.date(item.record.start),
                                  strings.date(item.record.end), strings["value.\(item.record.status.rawValue)"],
                                  strings.days(item.ageDays)],
                          label: label(item.record, item.dossier))
            }
        case .iban:
            // Every change the user's dossiers wait on: a clerk confirms one, a supervisor chases it.
            // Masked as on the identity tab before it is revealed: the last digits tell accounts apart.
            let employers = rights.employerCodes.filter { rights.may(.viewDossier, at: $0) }
            func masked(_ text: String?) -> String {
                guard let text else { return "—" }
                // try?: an account the replica cannot read is shown hidden all the same.
                return (try? IBAN(text)).map(\.masked) ?? "••••"
            }
            return try database.pendingIBANChanges(employerCodes: employers).map { change in
                QueueItem(id: change.dossier.id, link: change.link,
                          cells: [change.dossier.dossierNumber, change.dossier.displayName, masked(change.ibanInForce),
                                  masked(change.requestedIBAN), change.requestedByName ?? change.requestedBy],
                          label: "\(change.dossier.dossierNumber) \(change.dossier.displayName)")
            }
        case .closing:
            return []
        }
    }

    /// Every reason of `item`, "⚠ fin avant l'objectif" first when its contract would end short.
    private func dueText(_ item: Art60WatchItem, _ strings: Strings) -> String {
        let end = item.contract.end ?? item.contract.plannedEnd
        let short = item.progress?.extensionNeeded(contractEnd: end) != nil ? [strings["queue.art60.endsShort"]] : []
        return (short + item.reasons.map { due($0, strings) }).joined(separator: " · ")
    }

    /// "fin le 15/12/2026", "objectif atteint le 10/12/2026".
    private func due(_ reason: Art60WatchReason, _ strings: Strings) -> String {
        switch reason {
        case .ending(let date): return strings.format("queue.art60.ends", ["date": strings.date(date)])
        case .targetSoon(let date): return strings.format("queue.art60.targetSoon", ["date": strings.date(date)])
        case .targetReached(let date): return strings.format("queue.art60.target", ["date": strings.date(date)])
        }
    }

    /// Each employer the user may close months of or export payroll for, with its current month
    /// and checklist (closing itself is the replica's to allow).
    func closings() throws -> [MonthClosing] {
        return try database.employers().filter {
            rights.may(.closePayrollMonth, at: $0.code) || rights.may(.exportPayroll, at: $0.code)
        }.map { employer in
            let months = try database.payrollMonths(employerCode: employer.code)
            // The oldest open month; when none is listed, the one after the latest closed.
            let open = months.filter { $0.status == .open }.map(\.month).min()
            guard let month = open ?? months.filter({ $0.status == .closed }).map(\.month).max()?.next else {
                return MonthClosing(employer: employer)
            }
            let checklist = try database.monthClosingChecklist(employerCode: employer.code, month: month,
                                                               asOf: today, rules: rules)
            return MonthClosing(employer: employer, month: month, checklist: checklist)
        }
    }
}
