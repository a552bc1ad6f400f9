import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

extension QueuesScreen {
    /// Where the rows of `queue` come from, narrowed by its filter: the replica, page by page, for
    /// the validation and drafts queues; `items` (else those last read) for the others.
    func source(_ queue: QueueTab, _ environment: ScreenEnvironment, items: [QueueItem]? = nil,
                filtered: Bool = true) -> QueueSource {
        let text = filtered ? filters[queue] ?? "" : ""
        let scope = filtered ? scopes[queue] : nil
        if queue.isPaged {
            return Self.validationSource(pagedFilter(queue, text, scope: scope, environment), environment)
        }
        let words = Self.words(text)
        let all = (items ?? self.items[queue] ?? []).filter { item in
            guard let scope else { return true }
            return item.employerCode == scope.employerCode && item.start.map(scope.month.days.contains) == true
        }
        return .list(words.isEmpty ? all : all.filter { item in words.allSatisfy { item.searchText.contains($0) } })
    }

    /// The entries the validation queue (submitted) or the drafts queue (the user's own drafts
    /// and those of the employers they supervise) pages through, narrowed to `text` and `scope`.
    func pagedFilter(_ queue: QueueTab, _ text: String, scope: QueueScope?, _ environment: ScreenEnvironment)
        -> ValidationQueueFilter {
        var drafts: DraftsScope?
        if queue == .drafts {
            let rights = environment.rights
            drafts = DraftsScope(userID: environment.user.id,
                                 employerCodes: rights.employerCodes.filter { rights.may(.validateTimeRecord, at: $0) })
        }
        return ValidationQueueFilter(employerCode: scope?.employerCode, terms: Self.filterTerms(text, environment),
                                     order: order, drafts: drafts, month: scope?.month)
    }

    /// A key typed while the filter is edited: the queue is read again from its first match.
    /// Ctrl+U clears what was typed; Backspace on an empty filter leaves it.
    func typeInFilter(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        guard editsFilter, tab != .closing else { return .ignored }
        var text = filters[tab] ?? ""
        switch key {
        case .character(let character): text.append(character)
        case .backspace:
            guard !text.isEmpty else { return clearFilter(environment) }
            text.removeLast()
        case .control("u"): text = ""
        default: return .ignored
        }
        return narrow(to: text, environment)
    }

    /// Esc: the queue shown lists every item again.
    func clearFilter(_ environment: ScreenEnvironment) -> ScreenResult {
        editsFilter = false
        return narrow(to: nil, environment)
    }

    /// Reads the queue shown again narrowed to `text`; a failed read keeps the rows and the
    /// filter they were read with.
    private func narrow(to text: String?, _ environment: ScreenEnvironment) -> ScreenResult {
        let previous = filters[tab]
        let window = windows[tab]
        filters[tab] = text
        restart(environment)
        if windows[tab] == nil, let window {
            // The read failed: the rows shown still match the previous filter.
            filters[tab] = previous
            windows[tab] = window
        }
        return .handled
    }

    /// F4 on the validation or drafts queue: the next order (age, date, dossier) of both, the
    /// one shown read from its first entry, the other when it is shown next.
    func sortNext(_ environment: ScreenEnvironment) -> ScreenResult {
        let orders = ValidationQueueOrder.allCases
        let previous = order
        let window = windows[tab]
        order = orders[((orders.firstIndex(of: order) ?? 0) + 1) % orders.count]
        restart(environment)
        if windows[tab] == nil, let window {
            // The read failed: the rows shown are still in the previous order.
            order = previous
            windows[tab] = window
            return .handled
        }
        for queue in QueueTab.allCases where queue.isPaged && queue != tab { forget(queue) }
        let strings = environment.strings
        return .notice(Toast(strings.format("queue.sorted", ["order": strings["queue.order.\(order.rawValue)"]])))
    }

    /// The column the validation queue's order shows on (▲ ▼ after its title).
    var sortIndicator: TableSort {
        switch order {
        case .oldest: TableSort(column: 6, ascending: false)
        case .newest: TableSort(column: 3, ascending: false)
        case .dossier: TableSort(column: 0)
        }
    }

    /// Marks every entry the filter shows (all of them without a filter); when they are all
    /// marked already, unmarks them.
    func markAll(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let filter = pagedFilter(tab, filters[tab] ?? "", scope: scopes[tab], environment)
        let all: [QueueItem]
        do {
            let catalogue = environment.rules.absenceCatalogue
            all = try environment.database.validationQueueAll(filter, asOf: environment.today)
                .map { Self.validationItem($0, strings, catalogue) }
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
        guard !all.isEmpty else { return .notice(Toast(strings["queue.nothingSelected"], kind: .error)) }
        if markedTab != tab {
            marked = []
            markedItems = [:]
            markedTab = tab
        }
        if all.allSatisfy({ marked.contains($0.id) }) {
            for item in all {
                marked.remove(item.id)
                markedItems[item.id] = nil
            }
            return .notice(Toast(strings["queue.unmarkedAll"]))
        }
        for item in all {
            marked.insert(item.id)
            markedItems[item.id] = item
        }
        let key = all.count == 1 ? "queue.markedAll.one" : "queue.markedAll"
        return .notice(Toast(strings.format(key, ["count": "\(all.count)"])))
    }
}
