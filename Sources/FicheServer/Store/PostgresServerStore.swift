import Foundation
import Logging
import PostgresNIO

/// The production store: PostgreSQL through a PostgresNIO connection pool.
///
/// Writers are serialised by the `sync_clock` row, which every writing transaction locks
/// first (`UPDATE sync_clock … RETURNING seq`), so change-log sequences commit in order.
public final class PostgresServerStore: ServerStore {
    public let backend = "postgresql"
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    /// Schema the tables live in (`public` unless a test isolates itself).
    private let schema: String?

    /// Connects to `url` (`postgres://user:password@host:port/database`).
    ///
    /// - Throws: `StoreError.badDatabaseURL` when the URL cannot be read.
    public init(url: String, schema: String? = nil, logger: Logger = Logger(label: "fiche-server.postgres")) throws {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql",
              let host = components.host, !host.isEmpty,
              let user = components.user
        else { throw StoreError.badDatabaseURL(url: Self.redacted(url)) }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.maximumConnections = 20
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.schema = schema
        self.runner = Self.startRunning(client)
    }

    /// Starts the pool: `run()` must have begun before the first query leases a connection,
    /// else PostgresNIO warns "PostgresClient.run() hasn't been called yet" (and the query
    /// waits). An immediate task runs `run()` on this thread up to its first suspension, which
    /// comes after the client marks itself running, so the store is usable when `init` returns.
    private static func startRunning(_ client: PostgresClient) -> Task<Void, Never> {
        #if os(Linux)
        return Task.immediate { await client.run() }
        #else
        if #available(macOS 26.0, *) { return Task.immediate { await client.run() } }
        // Before macOS 26 there is no immediate task: the first query may come before run() and warn.
        return Task { await client.run() }
        #endif
    }

    /// The URL without its password, for error messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "(unreadable URL)"
    }

    public var schemaLevel: Int { PostgresSchema.statements.count }

    public func migrate() async throws {
        let level = schemaLevel
        if let schema {
            _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
        }
        // Already at this build's level (migrated by `fiche-server migrate` or an instance that
        // started first): nothing to run. The statements are idempotent, but `ALTER TABLE … ADD
        // COLUMN IF NOT EXISTS` locks its table exclusively even when the column is there, so an
        // instance (re)starting beside running ones would stop their traffic while it ran, and
        // deadlock with their queries.
        if await heldLevel() >= level { return }
        try await write { tx in
            // Two instances migrating at once take turns.
            _ = try await tx.first("SELECT pg_advisory_xact_lock(\(Self.migrationLock)) IS NULL AS locked")
            for statement in PostgresSchema.statements {
                try await tx.execute(statement)
            }
            try await tx.execute("INSERT INTO sync_clock (id, seq, horizon) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING")
            try await ServerSchema.recordLevel(level, in: tx)
            try await ServerSchema.ensureIdentity(in: tx)
        }
    }

    /// The advisory lock `migrate` holds while it changes the schema.
    static let migrationLock: Int64 = 0x6669_6368_65

    /// The schema level recorded in the database; 0 when there is none yet (no table, or the
    /// database does not answer: `migrate` then runs and says why it cannot).
    private func heldLevel() async -> Int {
        do {
            let held = try await read { tx in
                try await tx.first("SELECT value FROM server_settings WHERE key = 'schema.level'")?.string("value")
            }
            return held.flatMap { Int($0) } ?? 0
        } catch {
            return 0
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        let logger = self.logger
        let schema = self.schema
        do {
            return try await client.withTransaction(logger: logger) { connection in
                if let schema {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \(schema)"), logger: logger)
                }
                return try await body(PostgresTransaction(connection: connection, logger: logger))
            }
        } catch let error as PostgresTransactionError {
            // The caller's own error (a refusal, a rule) matters more than the rollback wrapper.
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        let logger = self.logger
        guard let schema else {
            return try await client.withConnection { connection in
                try await body(PostgresTransaction(connection: connection, logger: logger))
            }
        }
        return try await client.withTransaction(logger: logger) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \(schema)"), logger: logger)
            return try await body(PostgresTransaction(connection: connection, logger: logger))
        }
    }

    public func eraseAllData() async throws {
        try await write { tx in
            try await tx.execute("TRUNCATE \(ServerSchema.tables.joined(separator: ", ")) RESTART IDENTITY")
            try await tx.execute("INSERT INTO sync_clock (id, seq, horizon) VALUES (1, 0, 0)")
            try await ServerSchema.resetIdentity(in: tx)
        }
    }

    public func close() async {
        runner.cancel()
        _ = await runner.value
    }
}
