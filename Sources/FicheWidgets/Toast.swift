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
}
