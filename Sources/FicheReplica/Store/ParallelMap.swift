import Foundation

/// A map worked out on every core, for pure computations over many independent inputs (the
/// art. 60 projection of each of thousands of contracts). The results keep the inputs' order.
///
/// ```swift
/// let squares = ParallelMap.map(Array(1...1000)) { $0 * $0 }
/// ```
enum ParallelMap {
    /// `transform` of each of `items`, in their order.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item],
                                                       _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard cores > 1, items.count > 64 else { return items.map(transform) }
        // A few chunks per core, so that a core that finishes early takes another.
        let chunkCount = min(items.count, cores * 4)
        let results = Results<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (items.count * chunk / chunkCount)..<(items.count * (chunk + 1) / chunkCount)
            results.store(range.map { transform(items[$0]) }, at: range.lowerBound)
        }
        return results.values
    }

    /// The results as the chunks finish, under a lock.
    private final class Results<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Value?]

        init(count: Int) { stored = Array(repeating: nil, count: count) }

        func store(_ values: [Value], at start: Int) {
            lock.withLock {
                for (offset, value) in values.enumerated() { stored[start + offset] = value }
            }
        }

        /// Every value, once every chunk is stored.
        var values: [Value] { lock.withLock { stored.compactMap { $0 } } }
    }
}
