/// The rows of a long list that are on screen, and which one is selected.
///
/// Moving past an edge asks the source for the next rows only, so scrolling costs the same
/// at row 10 as at row 100,000. The window is a value: screens keep it in their state.
public struct ListWindow<Row: Sendable & Equatable>: Equatable, Sendable {
    /// The visible rows, at most `height`.
    public private(set) var rows: [Row]
    /// Index in `rows` of the selected row (0 when empty).
    public private(set) var selection: Int
    /// How many rows fit on screen.
    public private(set) var height: Int

    public init(height: Int) {
        self.rows = []
        self.selection = 0
        self.height = max(1, height)
    }

    public var selectedRow: Row? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// Selects the visible row at `index` (a click on it); nothing happens past the last row.
    public mutating func select(visibleRow index: Int) {
        if rows.indices.contains(index) { selection = index }
    }

    /// Shows the first rows of the list, the first one selected.
    public mutating func moveToStart<S: PagedSource>(in source: S) throws where S.Row == Row {
        rows = try source.rows(after: nil, limit: height)
        selection = 0
    }

    /// Shows the last rows of the list, the last one selected.
    public mutating func moveToEnd<S: PagedSource>(in source: S) throws where S.Row == Row {
        rows = try source.rows(before: nil, limit: height)
        selection = max(0, rows.count - 1)
    }

    /// Selects the next row, scrolling by one when the selection is on the last visible row.
    public mutating func moveDown<S: PagedSource>(in source: S) throws where S.Row == Row {
        if selection + 1 < rows.count {
            selection += 1
            return
        }
        guard let last = rows.last else { return }
        let next = try source.rows(after: last, limit: 1)
        guard !next.isEmpty else { return }
        rows = Array((rows + next).suffix(height))
        selection = rows.count - 1
    }

    /// Selects the previous row, scrolling by one when the selection is on the first visible row.
    public mutating func moveUp<S: PagedSource>(in source: S) throws where S.Row == Row {
        if selection > 0 {
            selection -= 1
            return
        }
        guard let first = rows.first else { return }
        let previous = try source.rows(before: first, limit: 1)
        guard !previous.isEmpty else { return }
        rows = Array((previous + rows).prefix(height))
        selection = 0
    }

    /// Scrolls one screen down; at the end of the list, selects the last row.
    public mutating func pageDown<S: PagedSource>(in source: S) throws where S.Row == Row {
        guard let last = rows.last else { return }
        let next = try source.rows(after: last, limit: height)
        if next.isEmpty {
            selection = max(0, rows.count - 1)
            return
        }
        rows = Array((rows + next).suffix(height))
        selection = min(selection, rows.count - 1)
        if next.count < height { selection = rows.count - 1 }
    }

    /// Scrolls one screen up; at the start of the list, selects the first row.
    public mutating func pageUp<S: PagedSource>(in source: S) throws where S.Row == Row {
        guard let first = rows.first else { return }
        let previous = try source.rows(before: first, limit: height)
        if previous.isEmpty {
            selection = 0
            return
        }
        rows = Array((previous + rows).prefix(height))
        if previous.count < height { selection = 0 }
    }

    /// Reads the rows on screen again from where the first one was (the list changed under it):
    /// the selected row stays selected when it is still listed, else the selection keeps its line.
    /// Rows that left the list are replaced by the next ones; a source that cannot find the first
    /// row any more starts again from the top.
    public mutating func reread<S: PagedSource>(in source: S, isSame: (Row, Row) -> Bool) throws where S.Row == Row {
        guard let first = rows.first else {
            try moveToStart(in: source)
            return
        }
        let selected = selectedRow
        let line = selection
        let previous = try source.rows(before: first, limit: 1)
        var fresh = try source.rows(after: previous.last, limit: height)
        if fresh.isEmpty { fresh = try source.rows(before: nil, limit: height) }
        if let top = fresh.first, fresh.count < height {
            fresh = try source.rows(before: top, limit: height - fresh.count) + fresh
        }
        rows = fresh
        if let selected, let index = fresh.firstIndex(where: { isSame($0, selected) }) {
            selection = index
        } else {
            selection = max(0, min(line, fresh.count - 1))
        }
    }

    /// Fits the window to a new height, keeping the selected row on screen.
    public mutating func resize<S: PagedSource>(to newHeight: Int, in source: S) throws where S.Row == Row {
        height = max(1, newHeight)
        if rows.isEmpty {
            try moveToStart(in: source)
            return
        }
        if rows.count > height {
            let start = max(0, min(selection - height + 1, rows.count - height))
            let kept = Array(rows[start..<(start + height)])
            selection -= start
            rows = kept
            return
        }
        if let last = rows.last, rows.count < height {
            rows += try source.rows(after: last, limit: height - rows.count)
        }
        if let first = rows.first, rows.count < height {
            let before = try source.rows(before: first, limit: height - rows.count)
            rows = before + rows
            selection += before.count
        }
    }
}
