import FicheTerminal
import FicheWidgets

/// The message log (Alt+l): the last messages of the message line, newest first, each whole
/// (wrapped, never cut) with its time. ↑ ↓ PgUp PgDn Home End scroll, Esc closes. Drawn over
/// the screen it was opened on.
public final class MessageLogScreen: Screen {
    private let messages: [LoggedMessage]
    /// The first line shown.
    public private(set) var top = 0
    /// The lines of the last render, for scrolling by page.
    private var shownHeight = 10
    private var lineCount = 0

    /// - Parameter messages: oldest first, as the app logged them.
    public init(messages: [LoggedMessage]) {
        self.messages = messages.reversed()
    }

    public var keyContext: KeyContext { .dialog }
    public var drawsOver: Bool { true }
    public var hintedActions: [ActionID] { ["dialog.cancel"] }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["messages.title"]]
    }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        let last = max(0, lineCount - shownHeight)
        switch key {
        case .up: top = max(0, top - 1)
        case .down: top = min(last, top + 1)
        case .pageUp: top = max(0, top - shownHeight)
        case .pageDown: top = min(last, top + shownHeight)
        case .home: top = 0
        case .end: top = last
        case .enter: return .close(nil)
        default: return .ignored
        }
        return .handled
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "dialog.cancel", "dialog.confirm", "app.back": return .close(nil)
        default: return .ignored
        }
    }

    /// Every message as its lines: "10:28 ✔ Saved…", the next lines under the words.
    private func lines(width: Int) -> [(text: String, kind: Toast.Kind)] {
        messages.flatMap { logged in
            // The toast's lines start with a space: "10:28 ✔ Saved", the next lines under the words.
            let indent = DisplayWidth.of(logged.time)
            return logged.toast.lines(width: width - indent).enumerated().map { index, line in
                ((index == 0 ? logged.time : String(repeating: " ", count: indent)) + line, logged.toast.kind)
            }
        }
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let panel = Panel(title: strings["messages.title"], width: max(20, rect.width - 4), height: max(5, rect.height - 2))
        let inside = panel.render(into: &buffer, in: rect)
        shownHeight = max(1, inside.height - 1)
        guard !messages.isEmpty else {
            buffer.write(strings["messages.empty"], x: inside.x, y: inside.y, role: .dialog, maxWidth: inside.width)
            return
        }
        let all = lines(width: inside.width)
        lineCount = all.count
        top = min(top, max(0, all.count - shownHeight))
        for (offset, line) in all.dropFirst(top).prefix(shownHeight).enumerated() {
            buffer.write(line.text, x: inside.x, y: inside.y + offset, role: line.kind == .error ? .error : .dialog, maxWidth: inside.width)
        }
        let position = strings.format("messages.position", [
            "first": "\(top + 1)", "last": "\(min(all.count, top + shownHeight))", "total": "\(all.count)",
        ])
        buffer.write(position, x: inside.x, y: inside.maxY - 1, role: .dialog, maxWidth: inside.width)
    }
}
