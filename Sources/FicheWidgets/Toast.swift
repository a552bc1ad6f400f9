import FicheTerminal

/// A one-line notice on the message line ("✔ Enregistré", "✖ La date est fermée"): a glyph
/// says which kind it is, the words come from the caller.
public struct Toast: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }

    public var kind: Kind
    public var text: String

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }

    public var glyph: String {
        switch kind {
        case .info: return "ℹ"
        case .success: return "✔"
        case .error: return "✖"
        }
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        let role: StyleRole = kind == .error ? .error : .toast
        let text = " " + glyph + " " + self.text + " "
        buffer.write(text, x: rect.x, y: rect.y, role: role, maxWidth: rect.width)
    }

    /// The notice broken into lines of `width` columns, the glyph on the first, the next ones
    /// indented under the words. Given a `word` for its kind (plain: "Erreur :"), the notice is
    /// that word and its text as plain lines from the first column, nothing before or under them.
    public func lines(width: Int, word: String? = nil) -> [String] {
        if let word {
            return TextWrap.lines(word + " " + text, width: width)
        }
        let indent = 1 + DisplayWidth.of(glyph) + 1
        guard width > indent + 1 else { return [DisplayWidth.truncate(" " + glyph + " " + text, to: width)] }
        return TextWrap.lines(text, width: width - indent - 1).enumerated().map { index, line in
            (index == 0 ? " " + glyph + " " : String(repeating: " ", count: indent)) + line
        }
    }

    /// Draws the notice ending on line `bottom`: a message longer than the line takes the lines
    /// above it (at most `maxLines`, the last one cut), so its end is read.
    public func render(into buffer: inout CellBuffer, endingOn bottom: Int, x: Int = 0, width: Int, maxLines: Int,
                       word: String? = nil) {
        guard maxLines > 0, width > 0 else { return }
        let role: StyleRole = kind == .error ? .error : .toast
        var shown = lines(width: width, word: word)
        if shown.count > maxLines {
            shown = Array(shown.prefix(maxLines))
            shown[maxLines - 1] = DisplayWidth.truncate(shown[maxLines - 1] + " …", to: width)
        }
        let top = bottom - shown.count + 1
        for (offset, line) in shown.enumerated() {
            // Several lines cover the body under them; one line is the message line, as before.
            let text = shown.count > 1 ? DisplayWidth.fit(line, to: width) : line + " "
            buffer.write(text, x: x, y: top + offset, role: role, maxWidth: width)
        }
    }
}
