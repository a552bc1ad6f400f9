import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Alt+p: the CPAS's article 60 partners, with their placements running today and what those
/// cost per month; `/` narrows them by name as one types (Ctrl+U clears, Esc ends), Ctrl+E
/// exports the list as shown. Only for users who may see article 60 at a CPAS:
/// others get a sentence saying so, not an empty table.
public final class PartnersScreen: Screen {
    /// Every partner the user may see.
    public private(set) var allPartners: [PartnerSummary] = []
    /// The partners shown: those whose name holds the filter text, accents and case ignored.
    public private(set) var partners: [PartnerSummary] = []
    /// What `/` narrows the list to; nil when not filtering.
    public private(set) var filterText: String?
    public private(set) var selection = 0
    /// The CPAS whose partners the user may see; empty when none.
    public private(set) var employerCodes: [String] = []
    private var top = 0
    private var failure: String?
    private var failedRead = FailedRead()

    public init(_ environment: ScreenEnvironment) {
        reload(environment)
    }

    public var keyContext: KeyContext { .list }
    public var hintedActions: [ActionID] {
        filterText == nil ? ["app.help", "list.search", "list.export", "app.back", "app.quit"] : ["app.back", "list.export"]
    }
    public var takesText: Bool { filterText != nil }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        guard var text = filterText else { return .ignored }
        switch key {
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .control("u"): text = ""
        case .character(let character): text.append(character)
        default: return .ignored
        }
        filterText = text
        narrow()
        return .handled
    }

    /// Keeps the partners whose name holds the filter text.
    private func narrow() {
        let folded = FoldedText.fold(filterText ?? "")
        partners = folded.isEmpty ? allPartners : allPartners.filter { FoldedText.fold($0.partner.name).contains(folded) }
        selection = min(selection, max(0, partners.count - 1))
    }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] { [environment.strings["partners.title"]] }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "list.up": selection = max(0, selection - 1)
        case "list.down": selection = min(max(0, partners.count - 1), selection + 1)
        case "list.first": selection = 0
        case "list.last": selection = max(0, partners.count - 1)
        case "list.pageUp": selection = max(0, selection - 10)
        case "list.pageDown": selection = min(max(0, partners.count - 1), selection + 10)
        case "list.export": return export(environment)
        case "list.search":
            if filterText == nil { filterText = "" }
        case "app.back":
            guard filterText != nil else { return .ignored }
            filterText = nil
            narrow()
        case "view.refresh": reload(environment)
        default: return .ignored
        }
        return .handled
    }

    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        let index = top + row - 2
        if partners.indices.contains(index) { selection = index }
        return .handled
    }

    public func reload(_ environment: ScreenEnvironment) {
        do {
            let rights = environment.rights
            let codes = try environment.database.employers()
                .filter { $0.kind == .cpas && rights.may(.viewArt60, at: $0.code) }.map(\.code)
            allPartners = try codes.flatMap { try environment.database.partnerSummaries(employerCode: $0, asOf: environment.today) }
            employerCodes = codes
            narrow()
            failure = nil
        } catch {
            let text = environment.strings.format("error.replica", ["detail": "\(error)"])
            failure = text
            failedRead.note(text)
        }
    }

    public func takeReadFailure() -> Toast? { failedRead.take() }

    /// One line of the table or the CSV file.
    private func cells(_ summary: PartnerSummary, _ strings: Strings) -> [String] {
        [summary.partner.name, strings["partner.kind." + summary.partner.kind.rawValue], "\(summary.activePlacements)",
         strings.money(cents: summary.monthlyFeesCents)]
    }

    private func export(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard !employerCodes.isEmpty else { return .notice(Toast(strings["partners.denied"], kind: .error)) }
        var file = CSVFile(header: ["name", "kind", "placements", "fees"].map { strings["partners.column." + $0] })
        file.rows = partners.map { cells($0, strings) }
        let path = CSVFile.exportPath(folder: environment.exportFolder, name: "partenaires", clock: environment.clock)
        do {
            try file.write(to: path)
            return .notice(Toast(strings.format("list.exported", ["count": "\(file.rows.count)", "path": path]), kind: .success))
        } catch {
            return .notice(Toast(strings.format("error.export", ["path": path]), kind: .error))
        }
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        if let failure {
            buffer.write(failure, x: rect.x + 1, y: rect.y + 1, role: .error, maxWidth: rect.width - 2)
            return
        }
        guard !employerCodes.isEmpty else {
            for (offset, line) in TextWrap.lines(strings["partners.denied"], width: rect.width - 2).enumerated() {
                buffer.write(line, x: rect.x + 1, y: rect.y + 1 + offset, role: .error)
            }
            return
        }
        let placements = partners.map(\.activePlacements).reduce(0, +)
        let fees = partners.map(\.monthlyFeesCents).reduce(0, +)
        let summary = strings.format("partners.summary", ["partners": "\(partners.count)", "placements": "\(placements)",
                                                          "fees": strings.money(cents: fees), "date": strings.date(environment.today)])
        let place = strings.format("list.position", ["position": strings.count(selection + 1), "total": strings.count(partners.count)])
        let field = filterText.map { strings["list.searchPrompt"] + " " + $0 + buffer.glyphs.caret }
        // The place goes on the right when it fits beside the summary or the filter field.
        let left = field.map(DisplayWidth.of) ?? DisplayWidth.of(summary)
        var room = rect.width - 2
        if !partners.isEmpty, left + DisplayWidth.of(place) + 3 <= room {
            buffer.write(place, x: rect.maxX - DisplayWidth.of(place) - 1, y: rect.y, role: .dim)
            room -= DisplayWidth.of(place) + 2
        }
        if let field {
            buffer.write(field, in: Rect(x: rect.x, y: rect.y, width: max(0, room + 1), height: 1), role: .fieldFocused)
        } else {
            buffer.write(summary, x: rect.x + 1, y: rect.y, role: .dim, maxWidth: max(0, room))
        }
        let tableRect = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let visible = Table.visibleRowCount(height: tableRect.height)
        top = max(0, min(top, selection))
        if selection >= top + visible { top = selection - visible + 1 }
        Table(
            columns: [
                TableColumn(title: strings["partners.column.name"], minimumWidth: 24, weight: 3),
                TableColumn(title: strings["partners.column.kind"], minimumWidth: 21),
                TableColumn(title: strings["partners.column.placements"], minimumWidth: 10, alignRight: true),
                TableColumn(title: strings["partners.column.fees"], minimumWidth: 14, alignRight: true),
            ],
            rows: partners.dropFirst(top).prefix(visible).map { cells($0, strings) },
            selectedRow: partners.isEmpty ? nil : selection - top)
            .render(into: &buffer, rect: tableRect)
        if partners.isEmpty, let filterText, !filterText.isEmpty {
            buffer.write(strings.format("list.noMatch", ["text": filterText]), x: rect.x + 1, y: rect.y + 3, role: .dim,
                         maxWidth: rect.width - 2)
        } else if partners.isEmpty {
            buffer.write(strings["partners.empty"], x: rect.x + 1, y: rect.y + 3, role: .dim, maxWidth: rect.width - 2)
        }
    }
}
