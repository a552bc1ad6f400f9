import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

extension QueuesScreen {
    /// F2 on drafts: sends the marked (or selected) drafts for validation. Only their author may:
    /// a supervisor's attempt on someone else's is refused, with the rule's words, under the tabs.
    func submitDrafts(_ environment: ScreenEnvironment) -> ScreenResult {
        let ids = reviewedIDs
        let records = Dictionary((Array(markedItems.values) + visibleItems).compactMap { item in
            item.record.map { (item.id, $0) }
        }, uniquingKeysWith: { first, _ in first })
        return writeDrafts(ids, verb: "submitted", environment) { id in
            guard var record = records[id] else { return }
            record.status = .submitted
            try environment.database.amendTimeRecord(record, by: environment.user, rules: environment.rules)
        }
    }

    /// Delete on drafts: asks to confirm, naming every draft it will withdraw.
    func askToDeleteDrafts(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let ids = reviewedIDs
        guard !ids.isEmpty else { return .notice(Toast(strings["queue.nothingSelected"], kind: .error)) }
        let labels = reviewLabels
        let hints = [KeyHint(key: environment.keyNames("dialog.confirm", in: .dialog), label: strings["queue.delete.yes"]),
                     KeyHint(key: environment.keyNames("dialog.cancel", in: .dialog), label: strings["action.dialog.cancel"])]
        let title = strings.format(ids.count == 1 ? "queue.delete.title.one" : "queue.delete.title", ["count": "\(ids.count)"])
        let message = ids.map { "• " + (labels[$0] ?? $0) }.joined(separator: "\n")
        dialog = .deleteDrafts(ConfirmDialog(title: title, message: message, hints: hints), ids: ids)
        return .handled
    }

    /// Enter in the confirmation: withdraws the drafts their author may withdraw.
    func deleteDrafts(_ ids: [String], _ environment: ScreenEnvironment) -> ScreenResult {
        writeDrafts(ids, verb: "deleted", environment) { id in
            try environment.database.deleteTimeRecord(id, by: environment.user)
        }
    }

    /// Writes each draft on its own; says how many went through and, under the tabs, why each
    /// other was refused.
    private func writeDrafts(_ ids: [String], verb: String, _ environment: ScreenEnvironment,
                             _ write: (String) throws -> Void) -> ScreenResult {
        let strings = environment.strings
        guard !ids.isEmpty else { return .notice(Toast(strings["queue.nothingSelected"], kind: .error)) }
        let labels = reviewLabels
        var done = 0
        var refused: [String] = []
        for id in ids {
            do {
                try write(id)
                done += 1
            } catch let violation as RuleViolation {
                refused.append((labels[id] ?? id) + " — " + strings.message(for: violation))
            } catch {
                refused.append((labels[id] ?? id) + " — " + strings.format("error.replica", ["detail": "\(error)"]))
            }
        }
        refusals = refused
        return bulkDone("queue.drafts.\(verb)", count: done, environment)
    }
}
