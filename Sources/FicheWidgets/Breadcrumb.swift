import FicheTerminal

/// Where the user is: `Dossiers › Van den Bossche, É. › Absences`. When space is short the
/// earliest parts give way to `…` so the current place stays readable.
public struct Breadcrumb: Hashable, Sendable {
    public var parts: [String]

    public init(_ parts: [String]) { self.parts = parts }

    /// The text fitted to `width` columns.
    public func text(width: Int) -> String {
        var shown = parts
        var text = shown.joined(separator: " › ")
        while DisplayWidth.of(text) > width, shown.count > 1 {
            shown.removeFirst()
            text = "… › " + shown.joined(separator: " › ")
        }
        return DisplayWidth.truncate(text, to: width)
    }

    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, role: StyleRole = .header) {
        buffer.write(text(width: width), x: x, y: y, role: role, maxWidth: width)
    }
}
