import FicheTerminal

/// Splits text into lines of at most a given display width, at spaces where possible; a word
/// longer than a line (a path, a file name) is broken over lines, never cut, so every message is
/// read to its end.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) <= width {
                    line = candidate
                    continue
                }
                var rest = String(word)
                if DisplayWidth.of(rest) > width, !line.isEmpty {
                    // A word longer than a line starts where the line has room.
                    let head = DisplayWidth.truncate(rest, to: width - DisplayWidth.of(line) - 1, ellipsis: false)
                    if !head.isEmpty { line += " " + head }
                    rest = String(rest.dropFirst(head.count))
                }
                if !line.isEmpty { lines.append(line) }
                while DisplayWidth.of(rest) > width {
                    let head = DisplayWidth.truncate(rest, to: width, ellipsis: false)
                    guard !head.isEmpty else { break }   // a character wider than the line
                    lines.append(head)
                    rest = String(rest.dropFirst(head.count))
                }
                line = rest
            }
            lines.append(line)
        }
        return lines
    }
}
