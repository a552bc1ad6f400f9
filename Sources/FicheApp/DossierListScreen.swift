import FicheReplica
import FicheTerminal
import FicheWidgets

/// The dossier list: status line, a table of dossiers, a message line and the key-hint bar
/// built from the keymap; the help overlay or the command palette on top when open.
public struct DossierListScreen {
    public let state: AppState
    public let strings: Strings
    public let keymap: Keymap
    public var help: HelpOverlay?
    public var palette: CommandPalette?

    public init(state: AppState, strings: Strings, keymap: Keymap = DefaultKeys.keymap) {
        self.state = state
        self.strings = strings
        self.keymap = keymap
    }

    /// Lines left for dossier rows: the screen less header, column titles, message and hints.
    public static func visibleRows(for size: Size) -> Int { max(1, size.height - 4) }

    /// The actions the key-hint bar offers in the list.
    static let hintedActions: [ActionID] = ["app.help", "app.palette", "list.down", "list.pageDown", "app.quit"]

    public func render() -> CellBuffer {
        var buffer = CellBuffer(size: state.size)
        if Frame.isTooSmall(state.size) {
            Frame.renderTooSmall(strings: strings, into: &buffer)
            return buffer
        }
        Frame.renderHeader(breadcrumb: [strings["app.name"], strings["list.title"]],
                           context: "\(strings["header.allEmployers"]) · \(state.userName)",
                           badge: SyncBadge(isOnline: false, text: strings["sync.badge.local"]), into: &buffer)

        let body = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 3)
        let table = Table(
            columns: [
                TableColumn(title: strings["list.column.name"], minimumWidth: 22, weight: 3),
                TableColumn(title: strings["list.column.number"], minimumWidth: 10),
                TableColumn(title: strings["list.column.employer"], minimumWidth: 9),
                TableColumn(title: strings["list.column.category"], minimumWidth: 12, weight: 1),
                TableColumn(title: strings["list.column.clerk"], minimumWidth: 14, weight: 1),
            ],
            rows: state.list.rows.map { row in
                TableRow([row.displayName, row.dossierNumber, row.employerCode,
                          strings["category.\(row.category)"], row.payrollClerk])
            },
            selectedRow: state.list.rows.isEmpty ? nil : state.list.selection,
            sort: TableSort(column: 0),
            showsGutter: false)
        table.render(into: &buffer, rect: body)
        if state.list.rows.isEmpty {
            buffer.write(strings["list.empty"], x: 1, y: body.y + 2, role: .dim)
        }

        if let message = state.message {
            Toast(message, kind: .error).render(into: &buffer, rect: buffer.bounds.line(buffer.height - 2))
        }
        Frame.renderKeyHints(DossierListScreen.hintedActions, context: .list, keymap: keymap, strings: strings, into: &buffer)
        help?.render(into: &buffer, area: buffer.bounds.inset(top: 1))
        palette?.render(into: &buffer, area: body)
        return buffer
    }
}
