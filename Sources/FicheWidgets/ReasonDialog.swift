import FicheTerminal

/// Asks why (a rejection, a deletion): a prompt, a one-line text entry, and the problem
/// with what was typed, if any.
public struct ReasonDialog: Hashable, Sendable {
    public var title: String
    /// What the dialog acts on, one line each (at most four shown, then "+ N"), above the prompt.
    public var subjects: [String]
    public var prompt: String
    public var reason: String
    /// Words saying what is wrong with the reason (empty, too short); nil when nothing is.
    public var problem: String?
    public var hints: [KeyHint]

    public init(title: String, subjects: [String] = [], prompt: String, reason: String = "", problem: String? = nil,
                hints: [KeyHint]) {
        self.title = title
        self.subjects = subjects
        self.prompt = prompt
        self.reason = reason
        self.problem = problem
        self.hints = hints
    }

    /// Adds typed text to the reason.
    public mutating func type(_ text: String) { reason += text }

    public mutating func deleteBackward() { if !reason.isEmpty { reason.removeLast() } }

    /// The subject lines shown: four at most, the last saying how many more there are.
    private var shownSubjects: [String] {
        guard subjects.count > 4 else { return subjects }
        return Array(subjects.prefix(3)) + ["+ \(subjects.count - 3)"]
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let subjectLines = shownSubjects
        let panel = Panel(title: title, width: min(72, area.width), height: 8 + subjectLines.count)
        var inside = panel.render(into: &buffer, in: area)
        for (index, subject) in subjectLines.enumerated() {
            buffer.write("• " + subject, x: inside.x, y: inside.y + index, role: .dialog, maxWidth: inside.width)
        }
        inside = inside.inset(top: subjectLines.count)
        buffer.write(prompt, x: inside.x, y: inside.y, role: .dialog, maxWidth: inside.width)
        let entry = inside.line(1)
        let shown = DisplayWidth.of(reason) + 1 > entry.width
            ? String(reason.suffix(max(0, entry.width - 2))) : reason
        buffer.write(shown + buffer.glyphs.caret, in: entry, role: problem == nil ? .fieldFocused : .fieldInvalid)
        buffer.placeCursor(x: entry.x + min(DisplayWidth.of(shown), max(0, entry.width - 1)), y: entry.y)
        if let problem {
            buffer.write("✖ " + problem, x: inside.x, y: inside.y + 2, role: .error, maxWidth: inside.width)
        }
        KeyHintBar(hints: hints, fillRole: .dialog).render(into: &buffer, rect: inside.line(inside.height - 1))
    }
}
