import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

extension QueuesScreen {
    /// The entries a review (or, on drafts, a submission or deletion) applies to: the marked ones
    /// of the queue shown in start order (on screen or not), else the selected one.
    var reviewedIDs: [String] {
        if !marked.isEmpty, markedTab == tab {
            return marked.sorted { left, right in
                let first = LocalDate.supportedRange.lowerBound
                let a = markedItems[left]?.start ?? first, b = markedItems[right]?.start ?? first
                return a == b ? left < right : a < b
            }
        }
        return selectedItem.map { [$0.id] } ?? []
    }

    /// How each entry on screen or marked is named in the dialog and the messages.
    var reviewLabels: [String: String] {
        var labels = markedItems.mapValues(\.label)
        for item in visibleItems { labels[item.id] = item.label }
        return labels
    }

    /// F5: approves the marked (or selected) entries; those the four-eyes rule or the status
    /// machine refuses stay in the queue, each with its reason under the tabs.
    func approve(_ environment: ScreenEnvironment) -> ScreenResult {
        review(reviewedIDs, .approve, environment)
    }

    /// F8: asks why the marked (or selected) entries are rejected.
    func askRejectionReason(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let ids = reviewedIDs
        guard !ids.isEmpty else { return .notice(Toast(strings["queue.nothingSelected"], kind: .error)) }
        let hints = [KeyHint(key: environment.keyNames("dialog.confirm", in: .dialog), label: strings["queue.reject.hint.confirm"]),
                     KeyHint(key: environment.keyNames("dialog.cancel", in: .dialog), label: strings["queue.reject.hint.cancel"])]
        // The dialog names every entry it will reject, so a moved cursor cannot reject someone else's.
        let labels = reviewLabels
        dialog = .reject(ReasonDialog(title: strings.format(ids.count == 1 ? "queue.reject.title.one" : "queue.reject.title",
                                                            ["count": "\(ids.count)"]),
                                      subjects: ids.map { labels[$0] ?? $0 },
                                      prompt: strings["queue.reject.prompt"], hints: hints), ids: ids)
        return .handled
    }

    /// Enter in the reason dialog: an empty reason is refused and the dialog stays open.
    func reject(_ ids: [String], reason dialog: ReasonDialog, _ environment: ScreenEnvironment) -> ScreenResult {
        let reason = dialog.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            var refused = dialog
            refused.problem = environment.strings["error.status.reason_missing"]
            self.dialog = .reject(refused, ids: ids)
            return .notice(Toast(environment.strings["queue.reject.reasonRequired"], kind: .error))
        }
        self.dialog = nil
        return review(ids, .reject(reason: reason), environment)
    }

    /// Writes the review, rereads the queues, and says how many went through and which were refused, and why.
    private func review(_ ids: [String], _ decision: ReviewDecision, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard !ids.isEmpty else { return .notice(Toast(strings["queue.nothingSelected"], kind: .error)) }
        let labels = reviewLabels
        let outcomes: [ReviewOutcome]
        do {
            outcomes = try environment.database.reviewTimeRecords(ids: ids, decision: decision, by: environment.user,
                                                                  rules: environment.rules)
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
        let catalogue = environment.rules.absenceCatalogue
        refusals = outcomes.compactMap { outcome in
            guard let violation = outcome.violation else { return nil }
            let reason = strings.message(for: violation) { catalogue.type($0)?.labels.text(in: strings.ruleLanguage) }
            return (labels[outcome.recordID] ?? outcome.recordID) + " — " + reason
        }
        var verb = "rejected"
        if case .approve = decision { verb = "approved" }
        return bulkDone("queue.reviewed.\(verb)", count: outcomes.filter(\.isAllowed).count, environment)
    }

    /// After a bulk action (`key` its message, `.none`/`.one`/`.other`): how many went through,
    /// which of `refusals` were refused and why; the marks go and the queues are read again.
    func bulkDone(_ key: String, count done: Int, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        var text = switch done {
        case 0: strings["\(key).none"]
        case 1: strings["\(key).one"]
        default: strings.format("\(key).other", ["count": "\(done)"])
        }
        if !refusals.isEmpty {
            let refused = refusals.count == 1 ? "queue.reviewed.refused.one" : "queue.reviewed.refused"
            text += " · " + strings.format(refused, ["count": "\(refusals.count)", "details": refusals.joined(separator: " ; ")])
        }
        marked = []
        markedItems = [:]
        reload(environment)
        return .notice(Toast(text, kind: refusals.isEmpty ? .success : .error))
    }
}
