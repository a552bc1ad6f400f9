/// A binary heap of clerks by load, for the rebalancing planner: the least loaded first
/// (`ascending`) or the most loaded first, ties to the lower clerk index (clerks are sorted by
/// id, so ties go by id and a proposal is the same every time). Entries go stale when a load
/// changes; the planner skips them (`popValid`, `peekValid`).
struct LoadHeap {
    private var entries: [(load: Int, clerk: Int)] = []
    private let ascending: Bool

    init(ascending: Bool) { self.ascending = ascending }

    private func before(_ a: (load: Int, clerk: Int), _ b: (load: Int, clerk: Int)) -> Bool {
        if a.load != b.load { return ascending ? a.load < b.load : a.load > b.load }
        return a.clerk < b.clerk
    }

    mutating func push(load: Int, clerk: Int) {
        entries.append((load, clerk))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (load: Int, clerk: Int)? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < entries.count, before(entries[left], entries[best]) { best = left }
                if right < entries.count, before(entries[right], entries[best]) { best = right }
                if best == parent { break }
                entries.swapAt(parent, best)
                parent = best
            }
        }
        return first
    }

    /// The first entry that still holds (`isValid`), dropping the stale ones above it.
    mutating func peekValid(_ isValid: (Int, Int) -> Bool) -> Int? {
        while let top = entries.first {
            if isValid(top.load, top.clerk) { return top.clerk }
            _ = pop()
        }
        return nil
    }

    /// The first valid entry other than `excluded` (left in the heap).
    mutating func peekValid(excluding excluded: Int, _ isValid: (Int, Int) -> Bool) -> Int? {
        var held: [(load: Int, clerk: Int)] = []
        while let top = peekValid(isValid), top == excluded, let entry = pop() { held.append(entry) }
        let next = peekValid(isValid)
        for entry in held { push(load: entry.load, clerk: entry.clerk) }
        return next
    }
}
