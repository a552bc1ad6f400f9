import FicheTerminal

/// Asks why (a rejection, a deletion): a prompt, a one-line text entry, and the problem
/// with what was typed, if any.
public struct ReasonDialog: Hashable, Sendable {
    public var title: String
    public var prompt: String
    public var reason: String
    /// Words saying what is wrong with the reason (empty, too short); nil when nothing is.
    public var problem: String?
    public var hints: [KeyHint]

    public init(title: String, prompt: String, reason: String = "", problem: String? = nil, hints: [KeyHint]) {
        self.title = title
        self.prompt = prompt
        self.reason = reason
        self.problem = problem
        self.hints = hints
    }

    /// Adds typed text to the reason.
    public mutating func type(_ text: String) { reason += text }

    public mutating func deleteBackward() { if !reason.isEmpty { reason.removeLast() } }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let panel = Panel(title: title, width: min(64, area.width), height: 8)
        let inside = panel.render(into: &buffer, in: area)
        buffer.write(prompt, x: inside.x, y: inside.y, role: .dialog, maxWidth: inside.width)
        let entry = inside.line(1)
        let shown = DisplayWidth.of(reason) + 1 > entry.width
            ? String(reason.suffix(max(0, entry.width - 2))) : reason
        buffer.write(shown + "▏", in: entry, role: problem == nil ? .fieldFocused : .fieldInvalid)
        if let problem {
            buffer.write("✖ " + problem, x: inside.x, y: inside.y + 2, role: .error, maxWidth: inside.width)
        }
        KeyHintBar(hints: hints, fillRole: .dialog).render(into: &buffer, rect: inside.line(inside.height - 1))
    }
}
