/// Rows a `Table` can ask for by position, one screenful at a time.
///
/// The table only asks for the rows it shows, so a source of a million rows costs what a
/// screenful costs (VisiData-style). Long lists from the replica page by key instead
/// (`PagedSource` and `ListWindow`) and hand the visible rows to the table.
public protocol TableRowSource {
    /// How many rows there are in all.
    var rowCount: Int { get }
    /// The row at `index` (0-based, less than `rowCount`).
    func row(at index: Int) -> TableRow
}
