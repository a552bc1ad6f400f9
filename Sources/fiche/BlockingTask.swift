import Foundation

/// Runs async sync work from a synchronous command (`fiche`'s commands are not async) and
/// waits for its result on the calling thread.
enum BlockingTask {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// The result, written by the task and read after the semaphore.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, Error> = .failure(CommandFailure(.taskUnfinished))

        func set(_ value: Result<T, Error>) { lock.withLock { result = value } }
        func get() throws -> T { try lock.withLock { result }.get() }
    }
}
