import FicheDomain
import FicheReplica

extension QueuesScreen {
    /// How an entry of the validation or drafts queue shows as a line.
    static func validationItem(_ item: ValidationQueueItem, _ strings: Strings, _ catalogue: AbsenceCatalogue) -> QueueItem {
        var line = QueueItem(id: item.record.id, link: item.link,
                  cells: [item.dossier.dossierNumber, item.dossier.displayName,
                          strings.recordLabel(item.record, catalogue: catalogue),
                          strings.date(item.record.start), strings.date(item.record.end),
                          item.enteredByName ?? item.enteredBy, strings.days(item.ageDays)],
                  label: recordLabel(item.record, item.dossier, strings, catalogue), start: item.record.start,
                  dossierNumber: item.dossier.dossierNumber)
        line.record = item.record
        return line
    }

    /// "AC-000105 Dubois, J. (Congé annuel 02/11/2026)".
    static func recordLabel(_ record: TimeRecord, _ dossier: DossierListRow, _ strings: Strings,
                            _ catalogue: AbsenceCatalogue) -> String {
        "\(dossier.dossierNumber) \(dossier.displayName) "
            + "(\(strings.recordLabel(record, catalogue: catalogue)) \(strings.date(record.start)))"
    }

    /// The validation or drafts queue as the replica pages it, narrowed by `filter`.
    static func validationSource(_ filter: ValidationQueueFilter, _ environment: ScreenEnvironment) -> QueueSource {
        let database = environment.database
        let strings = environment.strings
        let catalogue = environment.rules.absenceCatalogue
        let today = environment.today
        func cursor(_ item: QueueItem?) -> ValidationQueueCursor? {
            guard let item, let start = item.start else { return nil }
            return ValidationQueueCursor(dossierNumber: item.dossierNumber, start: start, id: item.id)
        }
        return QueueSource(
            after: { row, limit in
                try database.validationQueuePage(filter, after: cursor(row), limit: limit, asOf: today)
                    .map { validationItem($0, strings, catalogue) }
            },
            before: { row, limit in
                try database.validationQueuePage(filter, before: cursor(row), limit: limit, asOf: today)
                    .map { validationItem($0, strings, catalogue) }
            },
            index: { row in try cursor(row).map { try database.validationQueueIndex(of: $0, filter) } ?? 0 },
            total: { try database.validationQueueCount(filter) })
    }

    /// What the replica matches for `text`: each word, with the types and kinds whose label in
    /// the user's language holds it.
    static func filterTerms(_ text: String, _ environment: ScreenEnvironment) -> [QueueFilterTerm] {
        let strings = environment.strings
        let types = environment.rules.absenceCatalogue.types
        return words(text).map { word in
            QueueFilterTerm(
                text: word,
                typeCodes: types.filter {
                    SortKey.fold(strings.label($0.labels)).contains(word) || $0.code.contains(word)
                }.map(\.code),
                kinds: TimeRecordKind.allCases.filter {
                    SortKey.fold(strings["record.kind.\($0.rawValue)"]).contains(word)
                }.map(\.rawValue))
        }
    }

    /// The words of a filter, without accents or case; commas and spaces separate them.
    static func words(_ text: String) -> [String] {
        SortKey.fold(text).split { $0 == " " || $0 == "," }.map(String.init)
    }

    /// The items of `queue` worked out by rules (not the validation and drafts queues, which are paged), as the
    /// table shows them, oldest concern first.
    func read(_ queue: QueueTab, _ environment: ScreenEnvironment) throws -> [QueueItem] {
        let strings = environment.strings
        let catalogue = environment.rules.absenceCatalogue
        func label(_ record: TimeRecord, _ dossier: DossierListRow) -> String {
            Self.recordLabel(record, dossier, strings, catalogue)
        }
        return try items(queue, environment, label: label).map { item in
            var item = item
            item.searchText = SortKey.fold(([item.label] + item.cells).joined(separator: " "))
            return item
        }
    }

    private func items(_ queue: QueueTab, _ environment: ScreenEnvironment,
                       label: (TimeRecord, DossierListRow) -> String) throws -> [QueueItem] {
        let strings = environment.strings
        let database = environment.database
        let today = environment.today
        let catalogue = environment.rules.absenceCatalogue
        switch queue {
        case .validation, .drafts:
            return []
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
                          label: label(item.record, item.dossier), start: item.record.start,
                          employerCode: item.record.employerCode)
            }
        case .absences:
            return try database.unjustifiedAbsences(asOf: today, rules: environment.rules).map { item in
                QueueItem(id: item.record.id, link: item.link,
                          cells: [item.dossier.dossierNumber, item.dossier.displayName, strings.date(item.record.start),
                                  strings.date(item.record.end), strings["value.\(item.record.status.rawValue)"],
                                  strings.days(item.ageDays)],
                          label: label(item.record, item.dossier))
            }
        case .iban:
            // Every change the user's dossiers wait on: a clerk confirms one, a supervisor chases it.
            // Masked as on the identity tab before it is revealed: the last digits tell accounts apart.
            let rights = environment.rights
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
