import FicheReplica
import FicheTerminal
import FicheWidgets

/// The dossier list: header, a table of dossiers, a message line and the key-hint bar.
public struct DossierListScreen {
    public let state: AppState
    public let strings: Strings

    public init(state: AppState, strings: Strings) {
        self.state = state
        self.strings = strings
    }

    /// Lines left for dossier rows: the screen less header, column titles, message and hints.
    public static func visibleRows(for size: Size) -> Int { max(1, size.height - 4) }

    public func render() -> CellBuffer {
        var buffer = CellBuffer(size: state.size)
        if Frame.isTooSmall(state.size) {
            Frame.renderTooSmall(strings: strings, into: &buffer)
            return buffer
        }
        let right = "\(strings["header.allEmployers"]) · \(state.userName) · \(strings["sync.local"])"
        Frame.renderHeader(breadcrumb: [strings["app.name"], strings["list.title"]], right: right, into: &buffer)

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
                [row.displayName, row.dossierNumber, row.employerCode,
                 strings["category.\(row.category)"], row.payrollClerk]
            },
            selectedRow: state.list.rows.isEmpty ? nil : state.list.selection)
        table.render(into: &buffer, rect: body)
        if state.list.rows.isEmpty {
            buffer.write(strings["list.empty"], x: 1, y: body.y + 2, role: .dim)
        }

        let messageLine = buffer.height - 2
        if let message = state.message {
            buffer.write(message, x: 1, y: messageLine, role: .error, maxWidth: buffer.width - 2)
        }
        KeyHintBar(hints: [
            KeyHint(key: "↑↓", label: strings["key.move"]),
            KeyHint(key: "PgUp/PgDn", label: strings["key.page"]),
            KeyHint(key: "F10", label: strings["key.quit"]),
        ]).render(into: &buffer, rect: buffer.bounds.line(buffer.height - 1))
        return buffer
    }
}
