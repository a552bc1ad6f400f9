import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// The notes tab: the dossier's notes, newest first, each as who wrote it and when (and when it
/// was last edited) over two lines of its text (the form shows all of it). ↑ ↓ select a note;
/// its author edits it (Enter) or erases it (F8, twice).
struct NotesTab {
    let notes: [DossierNote]
    /// The first note shown when they do not all fit.
    var top = 0
    /// The selected note's position in `notes`, nil when there is none.
    var selected: Int?

    /// Lines a note takes: who and when, then two lines of text.
    static let linesPerNote = 3

    /// - Returns: the notes shown, nil when there are none.
    @discardableResult
    func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) -> ScrollWindow? {
        let strings = environment.strings
        guard !notes.isEmpty else {
            buffer.write(strings.format("dossier.notes.empty", ["key": environment.keyNames("note.new", in: .detail)]),
                         x: rect.x, y: rect.y + 1, role: .dim, maxWidth: rect.width)
            return nil
        }
        var names = UserNames(database: environment.database)
        func name(_ id: String) -> String { names.name(of: id) }
        let window = ScrollWindow(total: notes.count, visible: max(1, (rect.height - 1) / Self.linesPerNote), top: top)
        var y = rect.y + 1
        for index in window.range {
            let note = notes[index]
            var head = HistoryTab.localTime(note.createdAt) + "  " + name(note.author)
            if let edited = note.editedAt {
                head += "  " + strings.format("dossier.notes.edited", ["when": HistoryTab.localTime(edited)])
            }
            let isSelected = index == selected
            let role: StyleRole = isSelected ? .selected : .columnHeader
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width - 1, height: 1), role: role)
            let sign = isSelected ? buffer.glyphs.selectedRow : ""
            if isSelected {
                buffer.write(sign, x: rect.x, y: y, role: role)
                buffer.placeCursor(x: rect.x, y: y)
            }
            let signWidth = DisplayWidth.of(sign)
            buffer.write(head, x: rect.x + signWidth, y: y, role: role, maxWidth: rect.width - 1 - signWidth)
            var lines = TextWrap.lines(note.text, width: max(1, rect.width - 3))
            if lines.count > Self.linesPerNote - 1 {
                lines = Array(lines.prefix(Self.linesPerNote - 1))
                lines[lines.count - 1] = DisplayWidth.truncate(lines[lines.count - 1] + " …", to: max(1, rect.width - 3))
            }
            for (offset, line) in lines.enumerated() {
                buffer.write(line, x: rect.x + 2, y: y + 1 + offset, role: .normal, maxWidth: rect.width - 3)
            }
            y += Self.linesPerNote
        }
        window.renderMarks(into: &buffer, top: rect.y + 1, bottom: y - 1, x: rect.maxX - 1)
        return window
    }
}
