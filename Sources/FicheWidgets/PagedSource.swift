/// Where a long list gets its rows, a page at a time, relative to a row it already shows
/// (keyset paging). A source never has to count or load the whole list.
public protocol PagedSource<Row> {
    associatedtype Row: Sendable

    /// Up to `limit` rows after `row`, in list order; from the start when `row` is nil.
    func rows(after row: Row?, limit: Int) throws -> [Row]
    /// Up to `limit` rows before `row`, in list order; from the end when `row` is nil.
    func rows(before row: Row?, limit: Int) throws -> [Row]
}
