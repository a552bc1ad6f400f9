import FicheReplica
import FicheTerminal
import FicheWidgets

/// F6 on the dossier list: every column of the list, each way (▲ A to Z, ▼ Z to A). ↑ ↓ choose,
/// Enter sorts, Esc leaves the order as it was. Drawn over the list, the current order marked.
public final class SortMenu: Screen {
    /// The columns in the order the list shows them.
    static let columns: [DossierSortOrder] = [.name, .number, .employer, .category, .status, .clerk]

    public private(set) var selection: Int
    private let current: Int
    private let chosen: (DossierSortOrder, Bool) -> Void

    /// - Parameter chosen: called with the order and whether it runs descending, on Enter.
    public init(order: DossierSortOrder, descending: Bool, chosen: @escaping (DossierSortOrder, Bool) -> Void) {
        current = (Self.columns.firstIndex(of: order) ?? 0) * 2 + (descending ? 1 : 0)
        selection = current
        self.chosen = chosen
    }

    private static func choice(_ index: Int) -> (order: DossierSortOrder, descending: Bool) {
        (columns[index / 2], index % 2 == 1)
    }

    public var keyContext: KeyContext { .dialog }
    public var drawsOver: Bool { true }
    public var hintedActions: [ActionID] { ["dialog.confirm", "dialog.cancel"] }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["list.title"], environment.strings["sort.title"]]
    }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        let last = Self.columns.count * 2 - 1
        switch key {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(last, selection + 1)
        case .home: selection = 0
        case .end: selection = last
        case .enter: return perform("dialog.confirm", environment)
        default: return .ignored
        }
        return .handled
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "dialog.confirm":
            let (order, descending) = Self.choice(selection)
            chosen(order, descending)
            return .close(Toast(environment.strings.format("list.sorted", ["column": label(selection, environment)])))
        case "dialog.cancel", "app.back":
            return .close(nil)
        default:
            return .ignored
        }
    }

    /// "Statut ▼ (Z → A)".
    private func label(_ index: Int, _ environment: ScreenEnvironment) -> String {
        let (order, descending) = Self.choice(index)
        let column = environment.strings["list.column.\(order.rawValue)"]
        return column + " " + TableSort(column: 0, ascending: !descending).indicator + " "
            + environment.strings[descending ? "sort.descending" : "sort.ascending"]
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let count = Self.columns.count * 2
        let shown = min(count, max(1, rect.height - 4))
        // Wide enough for the help line in every language: it is never cut.
        let panel = Panel(title: strings["sort.title"], width: min(rect.width - 4, max(44, DisplayWidth.of(strings["sort.help"]) + 4)),
                          height: shown + 4)
        let inside = panel.render(into: &buffer, in: rect)
        let first = max(0, min(selection - shown + 1, count - shown))
        for index in first..<(first + shown) {
            let line = inside.line(index - first)
            let isSelected = index == selection
            if isSelected {
                buffer.fill(line, role: .selected)
                buffer.placeCursor(x: line.x, y: line.y)
            }
            let mark = isSelected ? "› " : (index == current ? "• " : "  ")
            buffer.write(mark + label(index, environment), in: line, role: isSelected ? .selected : .dialog)
        }
        buffer.write(strings["sort.help"], x: inside.x, y: inside.maxY - 1, role: .dialog, maxWidth: inside.width)
    }
}
