import FicheCSV

/// What an import wrote, and how it read the file (the user is told when it was not UTF-8).
public struct ImportSummary: Hashable, Sendable {
    /// How many records were written.
    public var records: Int
    /// The encoding the file was read in.
    public var encoding: CSVEncoding
    /// Rows of an exported file that were not imported: rejected or cancelled entries.
    public var leftOut: Int

    public init(records: Int, encoding: CSVEncoding, leftOut: Int = 0) {
        self.records = records
        self.encoding = encoding
        self.leftOut = leftOut
    }
}
