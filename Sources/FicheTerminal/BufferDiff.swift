/// Which cells of a screen changed since the last one drawn: the terminal writes only those.
///
/// Kept apart from curses so tests and the render benchmark can check that scrolling one
/// line rewrites only the cells that differ.
///
/// ```swift
/// let changed = BufferDiff.changedCells(from: lastDrawn, to: next)   // indices into next.cells
/// ```
public enum BufferDiff {
    /// Indices (`y * width + x`) of the cells of `next` to write: every non-continuation cell
    /// when there is no previous screen or its size differs, else those that changed.
    public static func changedCells(from previous: CellBuffer?, to next: CellBuffer) -> [Int] {
        let cells = next.cells
        var changed: [Int] = []
        guard let previous, previous.size == next.size else {
            changed.reserveCapacity(cells.count)
            for index in cells.indices where !cells[index].isContinuation { changed.append(index) }
            return changed
        }
        let old = previous.cells
        for index in cells.indices where !cells[index].isContinuation && cells[index] != old[index] {
            changed.append(index)
        }
        return changed
    }
}
