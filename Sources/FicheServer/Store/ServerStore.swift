/// Where the server keeps its data: PostgreSQL in production, SQLite embedded.
///
/// ```swift
/// let store = try await StoreLocation.sqlite(path).open()
/// try await store.migrate()
/// let n = try await store.write { tx in try await tx.first("SELECT COUNT(*) AS n FROM users")?.int("n") }
/// ```
public protocol ServerStore: Sendable {
    /// `postgresql` or `sqlite`, for logs and `/health`.
    var backend: String { get }
    /// How many schema statements this build runs: the level `migrate` records in
    /// `server_settings` (`schema.level`), which `/ready` compares (statements are append-only).
    var schemaLevel: Int { get }
    /// Creates or upgrades the schema; safe to run again.
    func migrate() async throws
    /// Runs `body` in one writing transaction, serialised with every other writer; rolled
    /// back when `body` throws.
    func write<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T
    /// Runs `body` for reading only.
    func read<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T
    /// Deletes every row of every table (tests only) and resets the clock.
    func eraseAllData() async throws
    /// Closes connections.
    func close() async
}
