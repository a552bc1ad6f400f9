/// How a row's fields line up with the header's columns (`CSVSheet.shape(of:)`).
public enum CSVRowShape: Hashable, Sendable {
    /// As many fields as columns.
    case fits
    /// Fewer fields than columns, and the row holds the other separator: it was written with
    /// `separator` where the header uses the other one (a row pasted from another file).
    case otherSeparator(found: Character, expected: Character)
    /// More fields than columns: a value holding the separator without quotes (`7,6` in a file
    /// separated by `,`).
    case tooMany(fields: Int, columns: Int)
    /// Fewer fields than columns (a badge reader that leaves out empty values at the end).
    case tooFew(fields: Int, columns: Int)
}
