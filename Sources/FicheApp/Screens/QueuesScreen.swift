import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// The supervisor's queues (Alt+v), one tab each: entries to validate, art. 60 contracts ending
/// or reaching their target, missing certificates, unjustified absences, and month closing (Alt+m).
///
/// Every tab title carries its count and every item its age; each queue pages through all its
/// items (`ListWindow`, the validation queue by keyset from the replica) and its summary line
/// gives the selected item's place ("12 / 794"). `/` narrows the queue shown to the items
/// holding every typed word (name, dossier number, type, who entered it; accents and case
/// ignored), Ctrl+U clears the typed text and Esc the filter. On the validation queue, F4 sorts
/// by age, start date (latest first) or dossier number, the header's ▲ ▼ saying which; Space
/// marks entries, Ctrl+A marks every entry the filter shows, F5 approves the selected or marked
/// ones in bulk and F8 rejects them with a reason; the four-eyes rule is checked by the replica,
/// and an entry it refuses stays in the queue with the reason written under the tabs. Enter
/// opens the item's dossier at the tab that matters. On month closing, F7 closes the employer's
/// payroll month once its checklist is clear and Ctrl+E exports its payroll variables as CSV.
public final class QueuesScreen: Screen {
    public internal(set) var tab: QueueTab
    /// The items of the queues worked out by rules (art. 60, certificates, absences), as last
    /// read, whole; the validation queue is paged from the replica.
    private(set) var items: [QueueTab: [QueueItem]] = [:]
    /// The rows of each queue on screen and the selected one.
    var windows: [QueueTab: ListWindow<QueueItem>] = [:]
    /// The place in its queue of each window's first row (from 0).
    var firstIndex: [QueueTab: Int] = [:]
    /// The selected employer on month closing.
    var selection: [QueueTab: Int] = [:]
    /// Ids of the validation entries marked for a bulk review.
    public internal(set) var marked: Set<String> = []
    /// The queue the marks are on (validation or drafts).
    var markedTab: QueueTab = .validation
    /// The marked entries as they were listed, for the reject dialog and the review's messages.
    var markedItems: [String: QueueItem] = [:]
    /// What the last review refused, one line per entry with its reason, until the next review.
    public internal(set) var refusals: [String] = []
    /// How many items each queue lets through its filter, as last read.
    private(set) var totals: [QueueTab: Int] = [:]
    /// How many items each queue holds, filter or not (its tab's count), as last read.
    private(set) var counts: [QueueTab: Int] = [:]
    /// What `/` narrows each queue to, as typed; nil when the queue is not filtered.
    public internal(set) var filters: [QueueTab: String] = [:]
    /// The employer's month a queue is narrowed to, when the month checklist opened it (Enter on
    /// the closing tab); Esc goes back to the checklist.
    public internal(set) var scopes: [QueueTab: QueueScope] = [:]
    /// The order the validation queue is paged in (F4 cycles).
    public internal(set) var order: ValidationQueueOrder = .oldest
    /// True while the filter of the queue shown takes the typed keys.
    public internal(set) var editsFilter = false
    /// The employers on month closing, as last read.
    private(set) var closings: [MonthClosing] = []
    /// The dialog over the queue, if any.
    var dialog: QueueDialog?
    var body: Size
    /// The queues read since the replica last changed; the others are read when their tab shows.
    private var fresh: Set<QueueTab> = []
    /// The queues being read off the key path (`QueueReadJob`).
    private var readJobs: [QueueTab: QueueReadJob] = [:]
    /// Queues to read again once their job is done: the replica changed while they were read.
    private var rereadAfterJob: Set<QueueTab> = []
    /// Turns of the spinner while a queue is read.
    var spinner = 0
    var failedRead = FailedRead()

    public init(_ environment: ScreenEnvironment, body: Size, tab: QueueTab = .validation) {
        self.tab = tab
        self.body = body
        // Every queue once, so each tab title has its count.
        for queue in QueueTab.allCases { refresh(queue, environment) }
    }

    public var keyContext: KeyContext { dialog == nil ? .queue : .dialog }

    public var hintedActions: [ActionID] {
        if dialog != nil { return ["dialog.confirm", "dialog.cancel"] }
        if editsFilter, tab != .closing { return ["list.open", "queue.markAll", "app.back"] }
        switch tab {
        case .validation:
            return ["queue.approve", "queue.reject", "list.mark", "queue.markAll", "list.open", "list.search", "queue.sort",
                    "tab.next", "app.back"]
        case .closing: return ["list.open", "month.close", "list.export", "tab.next", "app.back"]
        case .certificates: return ["queue.certificate", "list.search", "list.open", "tab.next", "app.help", "app.back"]
        case .art60, .absences, .iban: return ["list.search", "list.open", "tab.next", "app.help", "app.back"]
        case .drafts:
            return ["queue.submit", "queue.delete", "list.mark", "queue.markAll", "list.open", "list.search", "queue.sort",
                    "tab.next", "app.back"]
        }
    }

    /// The closing tab's export needs the right to export payroll; the other actions follow `ActionRight`.
    public func mayUse(_ action: ActionID, _ environment: ScreenEnvironment) -> Bool {
        if action == "list.export", tab == .closing {
            return environment.rights.employerCodes.contains { environment.rights.may(.exportPayroll, at: $0) }
        }
        return ActionRight.allows(action, environment.rights)
    }

    /// The reason is typed while the rejection dialog is open, the filter while it is edited.
    public var takesText: Bool {
        switch dialog {
        case .reject, .certificate: return true
        case .close, .deleteDrafts: return false
        case nil: return editsFilter
        }
    }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["queue.title"], environment.strings[tab.titleKey]]
    }

    /// The items of the queue shown that are on screen.
    var visibleItems: [QueueItem] { windows[tab]?.rows ?? [] }

    /// The selected item of the queue shown, if any.
    var selectedItem: QueueItem? { windows[tab]?.selectedRow }

    /// The id of the selected item (a time record's on the validation queue).
    public var selectedID: String? { selectedItem?.id }

    /// How an item of the queue shown is named in messages and dialogs ("AC-000105 Dubois, J. (…)").
    public func label(of id: String) -> String? { (visibleItems.first { $0.id == id } ?? markedItems[id])?.label }

    /// The ids of the items of the queue shown that are on screen, in order.
    public var itemIDs: [String] { visibleItems.map(\.id) }

    /// The place of the selected item in the queue shown, from 1 (0 when it is empty).
    public var position: Int {
        guard let window = windows[tab], !window.rows.isEmpty else { return 0 }
        return (firstIndex[tab] ?? 0) + window.selection + 1
    }

    /// The reason typed so far while the rejection dialog is open; nil when it is not.
    public var dialogReason: String? {
        if case .reject(let reason, _) = dialog { return reason.reason }
        return nil
    }

    /// How many items a tab holds (month closing: the open points of every employer).
    public func count(_ tab: QueueTab) -> Int {
        tab == .closing ? closings.map(\.openPoints).reduce(0, +) : counts[tab] ?? 0
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
        case .close, .deleteDrafts:
            return .ignored
        case nil:
            return typeInFilter(key, environment)
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
            editsFilter = false
            refresh(tab, environment)
            return .handled
        case "list.up": return move(by: -1, environment) { try $0.moveUp(in: $1) }
        case "list.down": return move(by: 1, environment) { try $0.moveDown(in: $1) }
        case "list.pageUp": return move(by: -max(1, tableRows - 1), environment) { try $0.pageUp(in: $1) }
        case "list.pageDown": return move(by: max(1, tableRows - 1), environment) { try $0.pageDown(in: $1) }
        case "list.first": return move(by: -Int.max / 2, environment) { try $0.moveToStart(in: $1) }
        case "list.last": return move(by: Int.max / 2, environment) { try $0.moveToEnd(in: $1) }
        case "list.mark":
            guard tab.isPaged, let item = selectedItem else { return .handled }
            if markedTab != tab {
                // Marks are one queue's: approving never sends a draft, nor submitting an entry to validate.
                marked = []
                markedItems = [:]
                markedTab = tab
            }
            if marked.contains(item.id) {
                marked.remove(item.id)
                markedItems[item.id] = nil
            } else {
                marked.insert(item.id)
                markedItems[item.id] = item
            }
            return move(by: 1, environment) { try $0.moveDown(in: $1) }
        case "queue.sort":
            guard tab.isPaged else { return .ignored }
            return sortNext(environment)
        case "queue.markAll":
            guard tab.isPaged else { return .ignored }
            return markAll(environment)
        case "list.search":
            guard tab != .closing else { return .ignored }
            if filters[tab] == nil { filters[tab] = "" }
            editsFilter = true
            return .handled
        case "app.back":
            guard tab != .closing else { return .ignored }
            if filters[tab] != nil { return clearFilter(environment) }
            guard scopes[tab] != nil else { return .ignored }
            return leaveScope(environment)
        case "queue.approve":
            guard tab == .validation else { return .ignored }
            return approve(environment)
        case "queue.reject":
            guard tab == .validation else { return .ignored }
            return askRejectionReason(environment)
        case "queue.submit":
            guard tab == .drafts else { return .ignored }
            return submitDrafts(environment)
        case "queue.delete":
            guard tab == .drafts else { return .ignored }
            return askToDeleteDrafts(environment)
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
            if tab == .closing { return openChecklist(environment) }
            guard let item = selectedItem else { return .handled }
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
            case .deleteDrafts(_, let ids):
                dialog = nil
                return deleteDrafts(ids, environment)
            case nil: return .handled
            }
        case "app.quit", "app.help":
            return .ignored
        default:
            return .handled
        }
    }

    /// Moves the selection: by `offset` employers on month closing, else through the queue's
    /// window; a failed read keeps the rows shown and says so.
    private func move(by offset: Int, _ environment: ScreenEnvironment,
                      _ step: (inout ListWindow<QueueItem>, QueueSource) throws -> Void) -> ScreenResult {
        if tab == .closing {
            let count = closings.count
            guard count > 0 else { return .handled }
            let current = selection[tab] ?? 0
            let target = offset > 0 ? min(count - 1, current + min(offset, count)) : max(0, current + max(offset, -count))
            selection[tab] = target
            return .handled
        }
        guard var window = windows[tab] else { return .handled }
        let source = self.source(tab, environment)
        do {
            let first = window.rows.first
            try step(&window, source)
            let index = window.rows.first == first ? firstIndex[tab] ?? 0 : try window.rows.first.map(source.index) ?? 0
            windows[tab] = window
            firstIndex[tab] = index
        } catch {
            failedRead.note(error, environment.strings)
        }
        return .handled
    }

    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        guard dialog == nil, tab != .closing else { return .ignored }
        let index = row - tableTop - 1
        guard visibleItems.indices.contains(index) else { return .ignored }
        windows[tab]?.select(visibleRow: index)
        return double ? perform("list.open", environment) : .handled
    }

    public func layout(body: Size, _ environment: ScreenEnvironment) {
        self.body = body
        fitWindows(environment)
    }

    // MARK: Reading

    /// Reads the queue on screen again; the others are read when their tab is shown. After each
    /// review or background sync only one queue is read: at 100,000 dossiers the art. 60 watch,
    /// the missing certificates and the month checklists take most of a second each.
    public func reload(_ environment: ScreenEnvironment) {
        fresh = []
        rereadAfterJob.formUnion(readJobs.keys)
        refresh(tab, environment)
    }

    public func takeReadFailure() -> Toast? { failedRead.take() }

    /// Reads `queue` unless it was read since the replica last changed; a failed read keeps the
    /// items last read, goes to the message line, and is tried again on the next look at the tab.
    /// With `readsInBackground` (the terminal), a queue worked out by rules is read on its own
    /// thread (`QueueReadJob`) while its tab shows a spinner; `poll` takes the outcome in.
    func refresh(_ queue: QueueTab, _ environment: ScreenEnvironment) {
        guard fresh.insert(queue).inserted else { return }
        if !queue.isPaged, environment.readsInBackground {
            guard readJobs[queue] == nil else { return }
            let reading = QueueReading(environment)
            readJobs[queue] = QueueReadJob {
                queue == .closing ? .closings(try reading.closings()) : .items(try reading.items(queue))
            }
            return
        }
        do {
            let reading = QueueReading(environment)
            let outcome: QueueReadJob.Outcome? = queue.isPaged ? nil
                : queue == .closing ? .closings(try reading.closings()) : .items(try reading.items(queue))
            try take(queue, outcome, environment)
        } catch {
            fresh.remove(queue)
            failedRead.note(error, environment.strings)
        }
    }

    /// Shows what was read of `queue` (nil for a paged queue, read here page by page).
    private func take(_ queue: QueueTab, _ outcome: QueueReadJob.Outcome?, _ environment: ScreenEnvironment) throws {
        if case .closings(let read) = outcome {
            closings = read
            selection[queue] = max(0, min(selection[queue] ?? 0, closings.count - 1))
            return
        }
        var read = items[queue]
        if case .items(let computed) = outcome { read = computed }
        let source = self.source(queue, environment, items: read)
        var window = ListWindow<QueueItem>(height: tableRows)
        if let shown = windows[queue] {
            window = shown
            try window.resize(to: tableRows, in: source)
            try window.reread(in: source) { $0.id == $1.id }
        } else {
            try window.moveToStart(in: source)
        }
        let total = try source.total()
        let unfiltered = filters[queue]?.isEmpty == false ? try self.source(queue, environment, items: read, filtered: false).total() : total
        let index = try window.rows.first.map(source.index) ?? 0
        let stillMarked = queue.isPaged && markedTab == queue
            ? try environment.database.stillWaiting(marked, status: queue == .drafts ? .draft : .submitted) : marked
        items[queue] = read
        windows[queue] = window
        totals[queue] = total
        counts[queue] = unfiltered
        firstIndex[queue] = index
        if queue == markedTab {
            let kept = queue.isPaged ? stillMarked : marked.intersection(Set((read ?? []).map(\.id)))
            marked = kept
            markedItems = markedItems.filter { kept.contains($0.key) }
        }
    }

    /// Whether a queue is being read off the key path.
    public var isBusy: Bool { !readJobs.isEmpty }

    /// Takes in the queues read off the key path; true when one arrived (or the spinner turned).
    public func poll(_ environment: ScreenEnvironment) -> Bool {
        guard !readJobs.isEmpty else { return false }
        spinner += 1
        for (queue, job) in readJobs {
            guard let result = job.take() else { continue }
            readJobs[queue] = nil
            do {
                try take(queue, try result.get(), environment)
            } catch {
                fresh.remove(queue)
                failedRead.note(error, environment.strings)
            }
            // The replica changed while it was read: read it again.
            if rereadAfterJob.remove(queue) != nil {
                fresh.remove(queue)
                if queue == tab { refresh(queue, environment) }
            }
        }
        return true
    }

    /// Whether the queue shown is being read off the key path.
    public var isReading: Bool { readJobs[tab] != nil }

    /// Waits until the queue shown is read (tests); false after `timeout` seconds.
    @discardableResult
    public func waitUntilRead(timeout: Double = 60) -> Bool { readJobs[tab]?.waitUntilFinished(timeout: timeout) ?? true }

    /// Reads the queue shown again from its first row, as after a change to its filter.
    func restart(_ environment: ScreenEnvironment) {
        forget(tab)
        refresh(tab, environment)
    }

    /// Makes `queue` be read again from its first row the next time it is shown.
    func forget(_ queue: QueueTab) {
        fresh.remove(queue)
        windows[queue] = nil
    }

    /// Gives every window the lines the body leaves for rows.
    private func fitWindows(_ environment: ScreenEnvironment) {
        for (queue, window) in windows where window.height != tableRows {
            var resized = window
            do {
                try resized.resize(to: tableRows, in: source(queue, environment))
                windows[queue] = resized
            } catch {
                failedRead.note(error, environment.strings)
            }
        }
    }

    // MARK: Drawing

    /// The refusals of the last review, wrapped to the body's width: at most four lines.
    private var refusalLines: [String] {
        Array(refusals.flatMap { TextWrap.lines("✖ " + $0, width: max(10, body.width - 2)) }.prefix(4))
    }
    /// Body lines above the table: the tabs and the summary line, then the refusals.
    private var tableTop: Int { 2 + refusalLines.count }
    /// Lines the table shows rows on.
    var tableRows: Int { max(1, body.height - tableTop - 1) }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        renderTabs(into: &buffer, rect: rect.line(0), strings)
        if tab == .closing {
            renderClosing(into: &buffer, rect: rect.inset(top: 2), environment)
        } else {
            renderQueue(into: &buffer, rect: rect, environment)
        }
        if readJobs[tab] != nil {
            // Read off the key path: a turning sign on the tab's first line until it arrives.
            let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            let line = rect.line(1)
            buffer.fill(line, role: .normal)
            buffer.write(frames[spinner % frames.count] + " " + strings["queue.reading"], in: line, role: .dim)
        }
        switch dialog {
        case .reject(let reason, _), .certificate(let reason, _): reason.render(into: &buffer, area: rect)
        case .close(let confirm, _), .deleteDrafts(let confirm, _): confirm.render(into: &buffer, area: rect)
        case nil: break
        }
    }

    /// `[À valider (5)]  Art. 60 (2)  Certificats (1) …`: the long titles when they fit.
    private func renderTabs(into buffer: inout CellBuffer, rect: Rect, _ strings: Strings) {
        func titles(_ form: String) -> [String] {
            QueueTab.allCases.map { queue in
                // A queue not read yet has no count to give.
                guard queue == .closing || counts[queue] != nil else { return strings[queue.titleKey + form] }
                return strings.format("queue.tab.count", ["title": strings[queue.titleKey + form], "count": "\(count(queue))"])
            }
        }
        func width(_ titles: ArraySlice<String>) -> Int { titles.map { DisplayWidth.of($0) + 3 }.reduce(0, +) }
        func fits(_ titles: [String]) -> Bool { width(titles[...]) <= rect.width }
        // The long titles, else the short ones, else abbreviations (seven tabs at 80 columns).
        let chosen = [titles(""), titles(".short")].first(where: fits) ?? titles(".tiny")
        // Counts of thousands may still not fit: the tabs then start late enough to show the one
        // selected, a ‹ saying some are left of it.
        let selected = QueueTab.allCases.firstIndex(of: tab) ?? 0
        var first = 0
        while first < selected, width(chosen[first...selected]) > rect.width - 2 { first += 1 }
        buffer.fill(rect, role: .columnHeader)
        var x = rect.x
        if first > 0 { x += buffer.write("‹", x: x, y: rect.y, role: .columnHeader, maxWidth: 1) + 1 }
        for (queue, title) in zip(QueueTab.allCases, chosen).dropFirst(first) {
            let text = queue == tab ? "[" + title + "]" : " " + title + " "
            x += buffer.write(text, x: x, y: rect.y, role: queue == tab ? .selected : .columnHeader,
                              maxWidth: max(0, rect.maxX - x))
            x += 1
        }
    }

    /// The summary line ("Filtre : dubois▏ · 3 / 12 · au 24/11/2026   2 entrées marquées · …"), the
    /// refusals, then the rows on screen.
    private func renderQueue(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let total = totals[tab] ?? 0
        let date = strings.date(environment.today)
        var parts: [String] = []
        if let scope = scopes[tab] {
            parts.append(strings.format("queue.scope", ["employer": scope.employerCode, "month": monthText(scope.month)]))
        }
        if let filter = filters[tab] { parts.append(strings["queue.filterPrompt"] + " " + filter + (editsFilter ? buffer.glyphs.caret : "")) }
        if visibleItems.isEmpty {
            parts.append(strings.format(filters[tab]?.isEmpty == false ? "queue.summary.noMatch" : "queue.summary",
                                        ["date": date]))
        } else {
            parts.append(strings.format("queue.position", ["position": "\(position)", "total": "\(total)", "date": date]))
        }
        // The validator reads why a correction was made, or that it cancels the entry.
        if tab == .validation, let record = selectedItem?.record, record.replacesID != nil {
            parts.append(record.isCancellation ? strings["queue.cancellationNote"]
                         : strings.format("queue.correctionNote", ["reason": record.correctionReason ?? strings["queue.noReason"]]))
        }
        var summary = parts.joined(separator: " · ")
        if tab == markedTab, !marked.isEmpty {
            summary += "   " + strings.format(marked.count == 1 ? "queue.marked.one" : "queue.marked", [
                "count": "\(marked.count)", "key": environment.keyNames("queue.approve", in: .queue),
            ])
        }
        buffer.write(summary, x: rect.x + 1, y: rect.y + 1, role: filters[tab] != nil && editsFilter ? .fieldFocused : .dim,
                     maxWidth: rect.width - 2)
        var y = rect.y + 2
        for line in refusalLines {
            buffer.write(line, x: rect.x + 1, y: y, role: .error, maxWidth: rect.width - 2)
            y += 1
        }
        let shown = visibleItems
        let table = Table(
            columns: columns(tab, strings),
            rows: shown.map { TableRow($0.cells, isMarked: tab == markedTab && marked.contains($0.id)) },
            selectedRow: shown.isEmpty ? nil : windows[tab]?.selection,
            sort: tab == .validation ? sortIndicator : nil,
            showsGutter: tab == .validation || tab == .drafts)
        table.render(into: &buffer, rect: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
        if shown.isEmpty {
            let empty = filters[tab]?.isEmpty == false
                ? strings.format("queue.noMatch", ["text": filters[tab] ?? ""]) : strings["queue.empty"]
            buffer.write(empty, x: rect.x + 1, y: y + 2, role: .dim, maxWidth: rect.width - 2)
        }
    }

    /// The columns of each queue; names and dates take what is left.
    private func columns(_ queue: QueueTab, _ strings: Strings) -> [TableColumn] {
        func column(_ key: String, _ width: Int, weight: Int = 0, right: Bool = false) -> TableColumn {
            TableColumn(title: strings["queue.column." + key], minimumWidth: width, weight: weight, alignRight: right)
        }
        switch queue {
        case .validation, .drafts:
            return [column("dossier", 9), column("name", 14, weight: 3), column("type", 10, weight: 2),
                    column("from", 10), column("to", 10), column("enteredBy", 10, weight: 1), column("age", 7, right: true)]
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
        case .iban:
            return [column("dossier", 9), column("name", 14, weight: 2), column("ibanInForce", 19),
                    column("ibanRequested", 19), column("requestedBy", 10, weight: 1)]
        case .closing:
            return []
        }
    }
}
