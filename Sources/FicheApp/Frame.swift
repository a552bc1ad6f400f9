import FicheTerminal

/// The parts every screen shares: the header line, the message line, the key-hint bar, and
/// the "terminal too small" notice.
public enum Frame {
    public static let minimumSize = Size(width: 80, height: 24)

    /// The header: breadcrumb on the left, employer, user and sync state on the right.
    public static func renderHeader(breadcrumb: [String], right: String, into buffer: inout CellBuffer) {
        buffer.fill(buffer.bounds.line(0), role: .header)
        let rightWidth = DisplayWidth.of(right)
        buffer.write(" " + breadcrumb.joined(separator: " › "), x: 0, y: 0, role: .header,
                     maxWidth: max(0, buffer.width - rightWidth - 2))
        buffer.write(right + " ", x: max(0, buffer.width - rightWidth - 1), y: 0, role: .header)
    }

    /// What shows instead of a screen when the terminal is smaller than 80×24.
    public static func renderTooSmall(strings: Strings, into buffer: inout CellBuffer) {
        let lines = [
            strings.format("screen.tooSmall", ["width": "\(buffer.width)", "height": "\(buffer.height)"]),
            strings.format("screen.tooSmall.need", ["width": "\(minimumSize.width)", "height": "\(minimumSize.height)"]),
        ]
        let top = max(0, buffer.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let cut = DisplayWidth.truncate(line, to: buffer.width)
            buffer.write(cut, x: max(0, (buffer.width - DisplayWidth.of(cut)) / 2), y: top + offset,
                         role: offset == 0 ? .error : .normal)
        }
    }

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }
}
