import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Alt+p: the CPAS's article 60 partners, with their placements running today and what those
/// cost per month; Ctrl+E exports the list. Only for users who may see article 60 at a CPAS:
/// others get a sentence saying so, not an empty table.
public final class PartnersScreen: Screen {
    public private(set) var partners: [PartnerSummary] = []
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
    public var hintedActions: [ActionID] { ["app.help", "list.export", "app.back", "app.quit"] }

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
            partners = try codes.flatMap { try environment.database.partnerSummaries(employerCode: $0, asOf: environment.today) }
            employerCodes = codes
            selection = min(selection, max(0, partners.count - 1))
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
        buffer.write(strings.format("partners.summary", ["partners": "\(partners.count)", "placements": "\(placements)",
                                                         "fees": strings.money(cents: fees), "date": strings.date(environment.today)]),
                     x: rect.x + 1, y: rect.y, role: .dim, maxWidth: rect.width - 2)
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
        if partners.isEmpty {
            buffer.write(strings["partners.empty"], x: rect.x + 1, y: rect.y + 3, role: .dim, maxWidth: rect.width - 2)
        }
    }
}
