import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets
import Foundation

/// The dossier list: search as you type, filters, sortable columns, and a marker on every row
/// whose change is not settled with the server.
///
/// Typing a letter the keymap does not use (or `/`, F3) starts a search; every key narrows the
/// list at once, accents and case ignored, on names, dossier numbers and national numbers. Esc
/// ends the search. F4 sets the filters, F6 opens the sort menu (any column, either way), Space marks rows, Ctrl+E
/// exports what the list shows as CSV, Ctrl+R hands the marked dossiers to another payroll clerk.
/// A payroll clerk starts on "my dossiers"; the workload chart opens it on one clerk's dossiers.
public final class DossierListScreen: Screen {
    public private(set) var query: DossierListQuery
    /// What the clerk typed; nil when not searching.
    public private(set) var searchText: String?
    public private(set) var window: ListWindow<DossierListRow>
    /// The unsettled change of each row on screen, read with the rows.
    private var markers: [String: DossierMarker] = [:]
    /// Ids of the rows marked for a bulk action.
    public private(set) var marked: Set<String> = []
    /// The employer of each marked dossier (a reassignment stays within one employer).
    private var markedEmployers: [String: String] = [:]
    /// "AC-000101 Van den Bossche, Éloïse" of each marked dossier, for the dialogs that act on them.
    private var markedLabels: [String: String] = [:]
    private var searchSource: DossierSearchSource?
    /// How many dossiers the list holds and how many come before its first visible row, for
    /// "position / total"; nil while searching or when they could not be counted.
    private var total: Int?
    private var above: (firstID: String, count: Int)?
    /// The query and search text the rows on screen were read with: after a failed read the
    /// filters, sort and search line go back to them, so that they always describe the rows.
    private var shownQuery: DossierListQuery
    private var shownSearch: String?
    private var failedRead = FailedRead()
    /// The breadcrumb when another screen opened the list on a filter ("Charge de travail › Mertens, B.").
    private let trail: [String]?

    public init(_ environment: ScreenEnvironment, body: Size) {
        var failedRead = FailedRead()
        let filter: DossierListFilter
        do {
            filter = try Self.defaultFilter(environment)
        } catch {
            failedRead.note(error, environment.strings)
            filter = DossierListFilter()
        }
        query = DossierListQuery(filter: filter)
        shownQuery = query
        window = ListWindow(height: Self.visibleRows(body: body))
        trail = nil
        self.failedRead = failedRead
        reload(environment)
    }

    /// The list held to `filter` (one clerk's dossiers, from the workload chart), under `trail`.
    public init(_ environment: ScreenEnvironment, body: Size, filter: DossierListFilter, trail: [String]) {
        query = DossierListQuery(filter: filter)
        shownQuery = query
        window = ListWindow(height: Self.visibleRows(body: body))
        self.trail = trail
        reload(environment)
    }

    /// Lines left for rows in the body: less the column titles and the search line.
    public static func visibleRows(body: Size) -> Int { max(1, body.height - 2) }

    /// Lines left for dossier rows on a terminal of `size`.
    public static func visibleRows(for size: Size) -> Int { visibleRows(body: App.bodySize(for: size)) }

    /// "My dossiers" for a payroll clerk who has some; everything the grants allow otherwise.
    static func defaultFilter(_ environment: ScreenEnvironment) throws -> DossierListFilter {
        let mine = DossierListFilter(payrollClerkID: environment.user.id)
        let hasOwn = try !environment.database.dossierPage(DossierListQuery(filter: mine), after: nil, limit: 1).isEmpty
        return hasOwn ? mine : DossierListFilter()
    }

    public var keyContext: KeyContext { .list }
    public var hintedActions: [ActionID] {
        if searchText == nil, trail != nil { return ["app.help", "list.mark", "list.markAll", "list.reassign", "list.open", "app.back"] }
        return searchText == nil
            ? ["app.help", "list.search", "list.filter", "list.open", "app.palette", "app.quit"]
            : ["app.back", "list.open", "list.down", "list.filter"]
    }
    /// The list takes letters: while searching all of them, otherwise those the keymap leaves free.
    public var takesText: Bool { true }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] { trail ?? [environment.strings["list.title"]] }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        if searchText == nil {
            guard case .character(let character) = key, environment.keymap.action(for: key, in: keyContext) == nil,
                  character.isLetter || character.isNumber else { return .ignored }
            return search(String(character), environment)
        }
        var text = searchText ?? ""
        switch key {
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .control("u"): text = ""
        case .character(let character): text.append(character)
        default: return .ignored
        }
        return search(text, environment)
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "list.up": return move(environment) { try $0.moveUp(in: $1) }
        case "list.down": return move(environment) { try $0.moveDown(in: $1) }
        case "list.pageUp": return move(environment) { try $0.pageUp(in: $1) }
        case "list.pageDown": return move(environment) { try $0.pageDown(in: $1) }
        case "list.first": return move(environment) { try $0.moveToStart(in: $1) }
        case "list.last": return move(environment) { try $0.moveToEnd(in: $1) }
        case "list.search":
            return searchText == nil ? search("", environment) : .handled
        case "app.back":
            guard searchText != nil else { return .ignored }
            searchText = nil
            reload(environment)
            return .handled
        case "list.mark":
            guard let row = window.selectedRow else { return .handled }
            if marked.contains(row.id) {
                marked.remove(row.id)
                markedEmployers[row.id] = nil
                markedLabels[row.id] = nil
            } else {
                marked.insert(row.id)
                markedEmployers[row.id] = row.employerCode
                markedLabels[row.id] = "\(row.dossierNumber) \(row.displayName)"
            }
            return move(environment) { try $0.moveDown(in: $1) }
        case "list.markAll":
            return markAll(environment)
        case "list.sort":
            return .open(SortMenu(order: query.order, descending: query.descending) { [weak self] order, descending in
                self?.query.order = order
                self?.query.descending = descending
            })
        case "list.filter":
            return .open(DossierFilterScreen(environment, filter: query.filter) { [weak self] filter in
                self?.query.filter = filter
            })
        case "list.export":
            return export(environment)
        case "list.reassign":
            return reassign(environment)
        case "list.open":
            guard let row = window.selectedRow else { return .handled }
            return Navigation.openDossier(row.id, environment)
        case "view.refresh":
            reload(environment)
            return .handled
        default:
            return .ignored
        }
    }

    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        // The body starts with the search line and the column titles.
        window.select(visibleRow: row - 2)
        return double ? perform("list.open", environment) : .handled
    }

    public func layout(body: Size, _ environment: ScreenEnvironment) {
        let height = Self.visibleRows(body: body)
        _ = move(environment) { try $0.resize(to: height, in: $1) }
    }

    public func reload(_ environment: ScreenEnvironment) {
        reload(environment, keepingSelection: true) { environment.strings.format("error.replica", ["detail": "\($0)"]) }
    }

    public func takeReadFailure() -> Toast? { failedRead.take() }

    /// Reads the rows again; back from a dossier the same row stays selected (while searching
    /// too), but a new search text starts at its best match. A failed read keeps the rows on
    /// screen with the query and search text they were read with, and notes `failure(error)`.
    private func reload(_ environment: ScreenEnvironment, keepingSelection: Bool, failure: (any Error) -> String) {
        do {
            var nextSearch: DossierSearchSource?
            if let searchText, !searchText.isEmpty {
                nextSearch = try DossierSearchSource(database: environment.database, text: searchText, filter: query.filter,
                                                     firstPage: window.height)
            }
            let source = self.source(environment, search: nextSearch)
            var next = ListWindow<DossierListRow>(height: window.height)
            try next.moveToStart(in: source)
            if let selected = window.selectedRow, keepingSelection {
                // Keep the selected dossier on screen after a save or a sync when it is still listed.
                try next.resize(to: window.height, in: source)
                if let index = next.rows.firstIndex(where: { $0.id == selected.id }) { next.select(visibleRow: index) }
            }
            let nextMarkers = try environment.database.markers(forDossiers: next.rows.map(\.id))
            searchSource = nextSearch
            window = next
            markers = nextMarkers
            countPosition(environment, afresh: true)
            shownQuery = query
            shownSearch = searchText
        } catch {
            query = shownQuery
            searchText = shownSearch
            failedRead.note(failure(error))
        }
    }

    private func source(_ environment: ScreenEnvironment) -> any PagedSource<DossierListRow> {
        source(environment, search: searchSource)
    }

    private func source(_ environment: ScreenEnvironment, search: DossierSearchSource?) -> any PagedSource<DossierListRow> {
        if let search { return search }
        return DossierListSource(database: environment.database, query: query)
    }

    /// Narrows the list to `text`; when the replica cannot be searched the list and the search
    /// line stay as they were, and the message line says what was not searched.
    private func search(_ text: String, _ environment: ScreenEnvironment) -> ScreenResult {
        searchText = text
        reload(environment, keepingSelection: false) {
            environment.strings.format("list.searchFailed", ["text": text, "detail": "\($0)"])
        }
        return .handled
    }

    /// Runs a move on the window; a replica error leaves the list as it was and says why.
    private func move(_ environment: ScreenEnvironment,
                      _ change: (inout ListWindow<DossierListRow>, any PagedSource<DossierListRow>) throws -> Void) -> ScreenResult {
        var next = window
        do {
            try change(&next, source(environment))
            let nextMarkers = try environment.database.markers(forDossiers: next.rows.map(\.id))
            window = next
            markers = nextMarkers
            countPosition(environment, afresh: false)
            return .handled
        } catch {
            return .readFailed(error, environment.strings)
        }
    }

    /// Ctrl+A: marks every dossier of the filtered list (not only those on screen), for a bulk
    /// reassignment; again when all are marked, unmarks them. A search narrows by relevance, not
    /// by a filter a clerk can read back, so it says to leave the search first.
    private func markAll(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard searchText == nil else { return .notice(Toast(strings["list.markAll.search"], kind: .error)) }
        let rows: [DossierListRow]
        do {
            rows = try environment.database.dossierPage(query, after: nil, limit: Int(Int32.max))
        } catch {
            return .readFailed(error, strings)
        }
        if !rows.isEmpty, rows.allSatisfy({ marked.contains($0.id) }) {
            marked = []
            markedEmployers = [:]
            markedLabels = [:]
            return .notice(Toast(strings["list.unmarkedAll"]))
        }
        for row in rows {
            marked.insert(row.id)
            markedEmployers[row.id] = row.employerCode
            markedLabels[row.id] = "\(row.dossierNumber) \(row.displayName)"
        }
        return .notice(Toast(strings.format("list.markedAll", ["count": strings.count(rows.count)]), kind: .success))
    }

    /// Counts the list (`afresh`, after a reload) and the dossiers before the first visible row,
    /// once each time the window scrolls. A count that fails only hides "position / total":
    /// the rows on screen were read.
    private func countPosition(_ environment: ScreenEnvironment, afresh: Bool) {
        do {
            if afresh {
                above = nil
                total = searchText?.isEmpty == false ? nil : try environment.database.dossierCount(query)
            }
            guard total != nil, let first = window.rows.first else { return }
            if above?.firstID == first.id { return }
            above = (first.id, try environment.database.dossierCount(query, before: DossierListCursor(first)))
        } catch {
            total = nil
            above = nil
        }
    }

    /// "12 / 1 234": the selected row's place in the list and how many it holds.
    var position: (place: Int, total: Int)? {
        guard let total, let above, !window.rows.isEmpty else { return nil }
        return (above.count + window.selection + 1, total)
    }

    /// Ctrl+R: asks which clerk takes the marked dossiers (or the selected one), then hands them
    /// over; refused, with the reason, without the right to reassign at their employer.
    private func reassign(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        var chosen = markedEmployers
        var labels = markedLabels
        if chosen.isEmpty, let row = window.selectedRow {
            chosen[row.id] = row.employerCode
            labels[row.id] = "\(row.dossierNumber) \(row.displayName)"
        }
        let employers = Set(chosen.values)
        guard let employer = employers.first else { return .notice(Toast(strings["reassign.nothingMarked"], kind: .error)) }
        guard employers.count == 1 else { return .notice(Toast(strings["reassign.oneEmployer"], kind: .error)) }
        guard environment.rights.may(.reassignDossier, at: employer) else {
            return .notice(Toast(strings.format("reassign.denied", ["employer": employer]), kind: .error))
        }
        let clerks: [User]
        do {
            clerks = try environment.database.payrollClerks(employerCode: employer, on: environment.today)
        } catch {
            return .readFailed(error, strings)
        }
        guard !clerks.isEmpty else { return .notice(Toast(strings.format("reassign.noClerk", ["employer": employer]), kind: .error)) }
        let ids = chosen.keys.sorted()
        return .open(ReassignDialog(ids: ids, labels: ids.map { labels[$0] ?? $0 }, clerks: clerks,
                                    current: query.filter.payrollClerkID) { [weak self] in
            self?.marked = []
            self?.markedEmployers = [:]
            self?.markedLabels = [:]
        })
    }

    /// Writes every row of the list as it is filtered, sorted or searched, not only those on screen.
    private func export(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        var file = CSVFile(header: ["number", "last_name", "first_name", "employer", "category", "status", "payroll_clerk"]
            .map { strings["list.csv.\($0)"] })
        let path = CSVFile.exportPath(folder: environment.exportFolder, name: "dossiers", clock: environment.clock)
        do {
            let source = self.source(environment)
            var last: DossierListRow?
            while true {
                let page = try source.rows(after: last, limit: 2_000)
                file.rows += page.map { [$0.dossierNumber, $0.lastName, $0.firstName, $0.employerCode,
                                          strings["category.\($0.category)"], strings["status.\($0.status)"], $0.payrollClerk] }
                guard page.count == 2_000, let end = page.last else { break }
                last = end
            }
        } catch {
            // Not "cannot write": the rows could not be read, and the message says so.
            return .readFailed(error, strings)
        }
        do {
            try file.write(to: path)
            return .notice(Toast(strings.format("list.exported", ["count": "\(file.rows.count)", "path": path]), kind: .success))
        } catch {
            return .notice(Toast(strings.format("error.export", ["path": path]), kind: .error))
        }
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        renderSearchLine(into: &buffer, rect: rect.line(0), environment)
        let orderColumn: [DossierSortOrder: Int] = [.name: 0, .number: 1, .employer: 2, .category: 3, .status: 4, .clerk: 5]
        let table = Table(
            columns: [
                TableColumn(title: strings["list.column.name"], minimumWidth: 19, weight: 3),
                TableColumn(title: strings["list.column.number"], minimumWidth: 10),
                TableColumn(title: strings["list.column.employer"], minimumWidth: 9),
                TableColumn(title: strings["list.column.category"], minimumWidth: 11, weight: 1),
                TableColumn(title: strings["list.column.status"], minimumWidth: 7),
                TableColumn(title: strings["list.column.clerk"], minimumWidth: 12, weight: 1),
            ],
            rows: window.rows.map { row in
                let status: RowStatus = switch markers[row.id] {
                case .pending: .pending
                case .conflict: .conflict
                case nil: .none
                }
                return TableRow([row.displayName, row.dossierNumber, row.employerCode, strings["category.\(row.category)"],
                                 strings["status.\(row.status)"], row.payrollClerk],
                                status: status, isMarked: marked.contains(row.id))
            },
            selectedRow: window.rows.isEmpty ? nil : window.selection,
            sort: searchText?.isEmpty == false ? nil : TableSort(column: orderColumn[query.order] ?? 0, ascending: !query.descending),
            showsGutter: true)
        table.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
        if window.rows.isEmpty {
            let empty = searchText?.isEmpty == false ? strings.format("list.noMatch", ["text": searchText ?? ""]) : strings["list.empty"]
            buffer.write(empty, x: rect.x + 1, y: rect.y + 3, role: .dim, maxWidth: rect.width - 2)
        }
    }

    /// The first body line: the search field while searching, otherwise the filters in force.
    private func renderSearchLine(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        var parts: [String] = []
        let filter = query.filter
        if filter.payrollClerkID == environment.user.id {
            parts.append(strings["filter.mine"])
        } else if filter.payrollClerkID != nil {
            parts.append(strings["filter.clerk.other"])
        }
        if let employer = filter.employerCode { parts.append(employer) }
        if let category = filter.category { parts.append(strings["category.\(category)"]) }
        if let status = filter.status { parts.append(strings["status.\(status)"]) }
        let filters = parts.isEmpty ? strings["filter.none"] : parts.joined(separator: " · ")
        if let searchText {
            let typed = strings["list.searchPrompt"] + " " + searchText
            let field = typed + buffer.glyphs.caret
            buffer.write(field, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .fieldFocused)
            buffer.placeCursor(x: rect.x + min(DisplayWidth.of(typed), rect.width - 1), y: rect.y)
            let right = strings.format("list.filters", ["filters": filters])
            let width = DisplayWidth.of(right)
            if DisplayWidth.of(field) + width + 3 < rect.width {
                buffer.write(right, x: rect.maxX - width - 1, y: rect.y, role: .dim)
            }
        } else {
            var line = strings.format("list.filters", ["filters": filters])
            if !marked.isEmpty { line += "   " + strings.format("list.marked", ["count": "\(marked.count)"]) }
            var room = rect.width - 2
            if let position {
                let place = strings.format("list.position", ["position": strings.count(position.place),
                                                             "total": strings.count(position.total)])
                let width = DisplayWidth.of(place)
                buffer.write(place, x: rect.maxX - width - 1, y: rect.y, role: .dim)
                room -= width + 2
            }
            buffer.write(line, x: rect.x + 1, y: rect.y, role: .dim, maxWidth: max(0, room))
        }
    }
}
