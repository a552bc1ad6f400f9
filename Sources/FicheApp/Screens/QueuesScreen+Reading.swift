import FicheDomain
import FicheReplica

extension QueuesScreen {
    /// The items of `queue`, as the table shows them, oldest concern first.
    func read(_ queue: QueueTab, _ environment: ScreenEnvironment) throws -> [QueueItem] {
        let strings = environment.strings
        let database = environment.database
        let today = environment.today
        let catalogue = environment.rules.absenceCatalogue
        func label(_ record: TimeRecord, _ dossier: DossierListRow) -> String {
            "\(dossier.dossierNumber) \(dossier.displayName) "
                + "(\(strings.recordLabel(record, catalogue: catalogue)) \(strings.date(record.start)))"
        }
        switch queue {
        case .validation:
            return try database.validationQueue(asOf: today).map { item in
                QueueItem(id: item.record.id, link: item.link,
                          cells: [item.dossier.dossierNumber, item.dossier.displayName,
                                  strings.recordLabel(item.record, catalogue: catalogue),
                                  strings.date(item.record.start), strings.date(item.record.end),
                                  item.enteredByName ?? item.enteredBy, strings.days(item.ageDays)],
                          label: label(item.record, item.dossier))
            }
        case .art60:
            return try database.art60Watch(asOf: today, withinDays: 30, rules: environment.rules).map { item in
                let partner = item.partnerName ?? "—"
                let progress = item.progress.map { "\(strings.decimal($0.qualifyingDays, digits: 0))/\($0.targetDays)" } ?? "—"
                let projected = item.progress?.projectedTargetDate.map(strings.date) ?? "—"
                let end = item.contract.end ?? item.contract.plannedEnd
                return QueueItem(id: item.contract.id, link: item.link,
                                 cells: [item.dossier.displayName, partner, end.map(strings.date) ?? "—", progress,
                                         projected, item.reasons.map { due($0, strings) }.joined(separator: " · "),
                                         strings.days(item.ageDays)],
                                 label: "\(item.dossier.dossierNumber) \(item.dossier.displayName)")
            }
        case .certificates:
            return try database.missingCertificates(asOf: today, rules: environment.rules).map { item in
                QueueItem(id: item.record.id, link: item.link,
                          cells: [item.dossier.dossierNumber, item.dossier.displayName,
                                  strings.recordLabel(item.record, catalogue: catalogue), strings.date(item.record.start),
                                  strings.date(item.dueBy), strings.days(item.ageDays)],
                          label: label(item.record, item.dossier))
            }
        case .absences:
            return try database.unjustifiedAbsences(asOf: today, rules: environment.rules).map { item in
                QueueItem(id: item.record.id, link: item.link,
                          cells: [item.dossier.dossierNumber, item.dossier.displayName, strings.date(item.record.start),
                                  strings.date(item.record.end), strings["value.\(item.record.status.rawValue)"],
                                  strings.days(item.ageDays)],
                          label: label(item.record, item.dossier))
            }
        case .closing:
            return []
        }
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
    func readClosings(_ environment: ScreenEnvironment) throws -> [MonthClosing] {
        let rights = environment.rights
        let database = environment.database
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
                                                               asOf: environment.today, rules: environment.rules)
            return MonthClosing(employer: employer, month: month, checklist: checklist)
        }
    }
}
