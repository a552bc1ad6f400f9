import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// The supervisor's queues (Alt+v), one tab each: entries to validate, art. 60 contracts ending
/// or reaching their target, missing certificates, unjustified absences, and month closing (Alt+m).
///
/// Every tab title carries its count and every item its age. On the validation queue, Space
/// marks entries, F5 approves the selected or marked ones in bulk and F8 rejects them with a
/// reason; the four-eyes rule is checked by the replica, and an entry it refuses stays in the
/// queue with the reason written under the tabs. Enter opens the item's dossier at the tab
/// that matters. On month closing, F7 closes the employer's payroll month once its checklist is
/// clear and Ctrl+E exports its payroll variables as CSV.
public final class QueuesScreen: Screen {
    public private(set) var tab: QueueTab
    /// The items of each queue (month closing has its own state), as last read.
    private(set) var items: [QueueTab: [QueueItem]] = [:]
    /// The selected line of each queue (on month closing: the employer).
    var selection: [QueueTab: Int] = [:]
    /// Ids of the validation entries marked for a bulk review.
    public internal(set) var marked: Set<String> = []
    /// What the last review refused, one line per entry with its reason, until the next review.
    public internal(set) var refusals: [String] = []
    /// How many items each queue holds in all, when it lists fewer (the validation queue lists
    /// the oldest 500 of what may be thousands).
    private(set) var totals: [QueueTab: Int] = [:]
    /// The employers on month closing, as last read.
    private(set) var closings: [MonthClosing] = []
    /// The dialog over the queue, if any.
    var dialog: QueueDialog?
    private var body: Size
    /// The queues read since the replica last changed; the others are read when their tab shows.
    private var fresh: Set<QueueTab> = []
    private var failedRead = FailedRead()

    public init(_ environment: ScreenEnvironment, body: Size, tab: QueueTab = .validation) {
        self.tab = tab
        self.body = body
        // Every queue once, so each tab title has its count.
        for queue in QueueTab.allCases { refresh(queue, environment) }
    }

    public var keyContext: KeyContext { dialog == nil ? .queue : .dialog }

    public var hintedActions: [ActionID] {
        if dialog != nil { return ["dialog.confirm", "dialog.cancel"] }
        switch tab {
        case .validation: return ["queue.approve", "queue.reject", "list.mark", "list.open", "tab.next", "app.back"]
        case .closing: return ["month.close", "list.export", "tab.next", "app.back"]
        case .certificates: return ["queue.certificate", "list.open", "tab.next", "app.help", "app.back"]
        case .art60, .absences: return ["list.open", "tab.next", "app.help", "app.back"]
        }
    }

    /// The reason is typed while the rejection dialog is open.
    public var takesText: Bool {
        switch dialog {
        case .reject, .certificate: return true
        case .close, nil: return false
        }
    }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["queue.title"], environment.strings[tab.titleKey]]
    }

    /// The items of the queue shown.
    var visibleItems: [QueueItem] { items[tab] ?? [] }

    /// The selected item of the queue shown, if any.
    var selectedItem: QueueItem? {
        let list = visibleItems
        let index = selection[tab] ?? 0
        return list.indices.contains(index) ? list[index] : nil
    }

    /// The id of the selected item (a time record's on the validation queue).
    public var selectedID: String? { selectedItem?.id }

    /// How an item of the queue shown is named in messages and dialogs ("AC-000105 Dubois, J. (…)").
    public func label(of id: String) -> String? { visibleItems.first { $0.id == id }?.label }

    /// The ids of the items of the queue shown, in order.
    public var itemIDs: [String] { visibleItems.map(\.id) }

    /// The reason typed so far while the rejection dialog is open; nil when it is not.
    public var dialogReason: String? {
        if case .reject(let reason, _) = dialog { return reason.reason }
        return nil
    }

    /// How many items a tab holds (month closing: the open points of every employer).
    public func count(_ tab: QueueTab) -> Int {
        tab == .closing ? closings.map(\.openPoints).reduce(0, +) : totals[tab] ?? items[tab]?.count ?? 0
    }

    // MARK: Keys

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        func typed(_ dialog: ReasonDialog) -> ReasonDialog? {
            var text = dialog
            switch key {
            case .character(let character): text.type(String(character))
            case .backspace: text.deleteBackward()
            default: return nil
            }
            text.problem = nil
            return text
        }
        switch dialog {
        case .reject(let reason, let ids):
            guard let reason = typed(reason) else { return .ignored }
            dialog = .reject(reason, ids: ids)
        case .certificate(let date, let recordID):
            guard let date = typed(date) else { return .ignored }
            dialog = .certificate(date, recordID: recordID)
        case .close, nil:
            return .ignored
        }
        return .handled
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        if dialog != nil { return performInDialog(action, environment) }
        switch action.rawValue {
        case "tab.next", "tab.previous":
            let tabs = QueueTab.allCases
            let step = action == "tab.next" ? 1 : tabs.count - 1
            tab = tabs[((tabs.firstIndex(of: tab) ?? 0) + step) % tabs.count]
            refresh(tab, environment)
            return .handled
        case "list.up": return move(by: -1)
        case "list.down": return move(by: 1)
        case "list.pageUp": return move(by: -max(1, tableRows - 1))
        case "list.pageDown": return move(by: max(1, tableRows - 1))
        case "list.first": return move(by: -Int.max / 2)
        case "list.last": return move(by: Int.max / 2)
        case "list.mark":
            guard tab == .validation, let item = selectedItem else { return .handled }
            if marked.contains(item.id) { marked.remove(item.id) } else { marked.insert(item.id) }
            return move(by: 1)
        case "queue.approve":
            guard tab == .validation else { return .ignored }
            return approve(environment)
        case "queue.reject":
            guard tab == .validation else { return .ignored }
            return askRejectionReason(environment)
        case "queue.certificate":
            guard tab == .certificates else { return .ignored }
            return askCertificateDate(environment)
        case "month.close":
            guard tab == .closing else { return .ignored }
            return askToClose(environment)
        case "list.export":
            guard tab == .closing else { return .ignored }
            return exportPayroll(environment)
        case "list.open":
            guard tab != .closing, let item = selectedItem else { return .handled }
            return Navigation.openDossier(item.link.dossierID, tab: item.link.tab, environment)
        case "view.refresh":
            reload(environment)
            return .handled
        default:
            return .ignored
        }
    }

    private func performInDialog(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "dialog.cancel", "app.back":
            dialog = nil
            return .handled
        case "dialog.confirm":
            switch dialog {
            case .reject(let reason, let ids): return reject(ids, reason: reason, environment)
            case .certificate(let date, let recordID): return recordCertificate(recordID, date: date, environment)
            case .close(_, let closing):
                dialog = nil
                return close(closing, environment)
            case nil: return .handled
            }
        case "app.quit", "app.help":
            return .ignored
        default:
            return .handled
        }
    }

    private func move(by offset: Int) -> ScreenResult {
        let count = tab == .closing ? closings.count : visibleItems.count
        guard count > 0 else { return .handled }
        let current = selection[tab] ?? 0
        let target = offset > 0 ? min(count - 1, current + min(offset, count)) : max(0, current + max(offset, -count))
        selection[tab] = target
        return .handled
    }

    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        guard dialog == nil, tab != .closing else { return .ignored }
        let index = firstVisibleIndex + row - tableTop - 1
        guard visibleItems.indices.contains(index) else { return .ignored }
        selection[tab] = index
        return double ? perform("list.open", environment) : .handled
    }

    public func layout(body: Size, _ environment: ScreenEnvironment) {
        self.body = body
    }

    // MARK: Reading

    /// Reads the queue on screen again; the others are read when their tab is shown. After each
    /// review or background sync only one queue is read: at 100,000 dossiers the art. 60 watch,
    /// the missing certificates and the month checklists take most of a second each.
    public func reload(_ environment: ScreenEnvironment) {
        fresh = []
        refresh(tab, environment)
    }

    public func takeReadFailure() -> Toast? { failedRead.take() }

    /// Reads `queue` unless it was read since the replica last changed; a failed read keeps the
    /// items last read, goes to the message line, and is tried again on the next look at the tab.
    private func refresh(_ queue: QueueTab, _ environment: ScreenEnvironment) {
        guard fresh.insert(queue).inserted else { return }
        do {
            if queue == .closing {
                closings = try readClosings(environment)
            } else {
                let read = try read(queue, environment)
                totals[queue] = queue == .validation ? max(read.count, try environment.database.submittedCount()) : nil
                items[queue] = read
            }
        } catch {
            fresh.remove(queue)
            failedRead.note(error, environment.strings)
        }
        if queue == .validation { marked.formIntersection(Set(items[.validation]?.map(\.id) ?? [])) }
        let count = queue == .closing ? closings.count : items[queue]?.count ?? 0
        selection[queue] = max(0, min(selection[queue] ?? 0, count - 1))
    }

    // MARK: Drawing

    /// The refusals of the last review, wrapped to the body's width: at most four lines.
    private var refusalLines: [String] {
        Array(refusals.flatMap { TextWrap.lines("✖ " + $0, width: max(10, body.width - 2)) }.prefix(4))
    }
    /// Body lines above the table: the tabs and the summary line, then the refusals.
    private var tableTop: Int { 2 + refusalLines.count }
    /// Lines the table shows rows on.
    private var tableRows: Int { max(1, body.height - tableTop - 1) }
    /// The index of the first row on screen, so that the selected one is always visible.
    private var firstVisibleIndex: Int { max(0, (selection[tab] ?? 0) - tableRows + 1) }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        renderTabs(into: &buffer, rect: rect.line(0), strings)
        if tab == .closing {
            renderClosing(into: &buffer, rect: rect.inset(top: 2), environment)
        } else {
            renderQueue(into: &buffer, rect: rect, environment)
        }
        switch dialog {
        case .reject(let reason, _), .certificate(let reason, _): reason.render(into: &buffer, area: rect)
        case .close(let confirm, _): confirm.render(into: &buffer, area: rect)
        case nil: break
        }
    }

    /// `[ À valider (5) ]  Art. 60 (2)  Certificats (1) …`: the long titles when they fit.
    private func renderTabs(into buffer: inout CellBuffer, rect: Rect, _ strings: Strings) {
        func titles(short: Bool) -> [String] {
            QueueTab.allCases.map { queue in
                strings.format("queue.tab.count", ["title": strings[queue.titleKey + (short ? ".short" : "")],
                                                   "count": "\(count(queue))"])
            }
        }
        let long = titles(short: false)
        let chosen = long.map { DisplayWidth.of($0) + 4 }.reduce(0, +) <= rect.width ? long : titles(short: true)
        buffer.fill(rect, role: .columnHeader)
        var x = rect.x
        for (queue, title) in zip(QueueTab.allCases, chosen) {
            let text = queue == tab ? "[" + title + "]" : " " + title + " "
            x += buffer.write(text, x: x, y: rect.y, role: queue == tab ? .selected : .columnHeader,
                              maxWidth: max(0, rect.maxX - x))
            x += 1
        }
    }

    private func renderQueue(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let total = count(tab)
        var summary = strings.format("queue.summary", ["count": "\(total)", "date": strings.date(environment.today)])
        if !visibleItems.isEmpty {
            summary = strings.format("queue.position", ["position": "\((selection[tab] ?? 0) + 1)", "total": "\(total)",
                                                        "date": strings.date(environment.today)])
            if visibleItems.count < total {
                summary += " · " + strings.format("queue.oldestShown", ["shown": "\(visibleItems.count)"])
            }
        }
        if tab == .validation, !marked.isEmpty { summary += "   " + strings.format("queue.marked", [
            "count": "\(marked.count)", "key": environment.keyNames("queue.approve", in: .queue),
        ]) }
        buffer.write(summary, x: rect.x + 1, y: rect.y + 1, role: .dim, maxWidth: rect.width - 2)
        var y = rect.y + 2
        for line in refusalLines {
            buffer.write(line, x: rect.x + 1, y: y, role: .error, maxWidth: rect.width - 2)
            y += 1
        }
        let first = firstVisibleIndex
        let shown = visibleItems.dropFirst(first).prefix(tableRows)
        let table = Table(
            columns: columns(tab, strings),
            rows: shown.map { TableRow($0.cells, isMarked: marked.contains($0.id)) },
            selectedRow: shown.isEmpty ? nil : (selection[tab] ?? 0) - first,
            showsGutter: tab == .validation)
        table.render(into: &buffer, rect: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
        if visibleItems.isEmpty {
            buffer.write(strings["queue.empty"], x: rect.x + 1, y: y + 2, role: .dim, maxWidth: rect.width - 2)
        }
    }

    /// The columns of each queue; names and dates take what is left.
    private func columns(_ queue: QueueTab, _ strings: Strings) -> [TableColumn] {
        func column(_ key: String, _ width: Int, weight: Int = 0, right: Bool = false) -> TableColumn {
            TableColumn(title: strings["queue.column." + key], minimumWidth: width, weight: weight, alignRight: right)
        }
        switch queue {
        case .validation:
            return [column("dossier", 9), column("name", 14, weight: 3), column("type", 10, weight: 2),
                    column("from", 10), column("to", 10), column("enteredBy", 10, weight: 1), column("age", 5, right: true)]
        case .art60:
            return [column("name", 14, weight: 1), column("partner", 9, weight: 1), column("contractEnd", 11),
                    column("progress", 10, right: true), column("projected", 10), column("due", 16, weight: 12),
                    column("age", 5, right: true)]
        case .certificates:
            return [column("dossier", 9), column("name", 16, weight: 3), column("type", 10, weight: 1),
                    column("from", 10), column("dueBy", 10), column("age", 5, right: true)]
        case .absences:
            return [column("dossier", 9), column("name", 16, weight: 3), column("from", 10), column("to", 10),
                    column("status", 9, weight: 1), column("age", 5, right: true)]
        case .closing:
            return []
        }
    }
}
