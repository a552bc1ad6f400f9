import FicheDomain
import FicheReplica
@testable import FicheServer
import FicheSyncProtocol
import XCTest

/// The replica drops, on a lost role, exactly the rows the server stops sending for it.
final class ScopeParityTests: XCTestCase {
    func testTheReplicaDropsWhatTheServerNoLongerShows() {
        let entities = SyncEntity.allCases.filter { $0 != .scope }
        var server: [Permission: Set<String>] = [:]
        for entity in entities where RowProjection.permission(for: entity) != .viewDossier {
            server[RowProjection.permission(for: entity), default: []].insert(entity.rawValue)
        }
        var replica: [Permission: Set<String>] = [:]
        for (permission, tables) in AppDatabase.tablesByPermission {
            replica[permission] = Set(tables.filter { !$0.hasPrefix("local_") })
        }
        XCTAssertEqual(replica, server)
    }
}
