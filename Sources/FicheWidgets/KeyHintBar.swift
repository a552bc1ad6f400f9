import FicheTerminal

/// The bottom line in the manner of htop and mc: each key, then what it does.
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]

    public init(hints: [KeyHint]) { self.hints = hints }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        buffer.fill(rect.line(0), role: .keyHint)
        var x = rect.x
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 2
            if x + needed > rect.maxX { break }
            x += buffer.write(hint.key, x: x, y: rect.y, role: .keyHintKey)
            x += buffer.write(" " + hint.label, x: x, y: rect.y, role: .keyHint)
            x += 1
        }
    }
}
