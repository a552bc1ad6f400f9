import FicheServer
import Foundation
import XCTest

/// The two stores every server test runs against.
enum TestStore: String {
    case sqlite
    case postgres

    /// A migrated, empty store. PostgreSQL needs `FICHE_TEST_DATABASE_URL`, else the test skips.
    func open() async throws -> any ServerStore {
        switch self {
        case .sqlite:
            let path = TestFolder.shared.file("store")
            let store = try SQLiteServerStore(path: path)
            try await store.migrate()
            return store
        case .postgres:
            let store = try PostgresServerStore(url: try Self.databaseURL())
            try await store.migrate()
            try await store.eraseAllData()
            return store
        }
    }

    /// The PostgreSQL database the tests may use; skips the test when none is set.
    static func databaseURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["FICHE_TEST_DATABASE_URL"], !url.isEmpty else {
            throw XCTSkip("PostgreSQL variant skipped: set FICHE_TEST_DATABASE_URL (e.g. postgres://fiche:fiche@127.0.0.1:5432/fiche_test; .ci/run does)")
        }
        return url
    }
}
