import FicheTestSupport
import FicheDomain
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// Typed calls to the API through Hummingbird's test client.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    /// A raw call: status and body bytes.
    func call(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, body: Data? = nil,
              headers extra: HTTPFields = [:]) async throws -> (HTTPResponse.Status, Data) {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: method, headers: headers,
                                        body: body.map { ByteBuffer(bytes: $0) }) { response in
            (response.status, Data(response.body.readableBytesView))
        }
    }

    func login(_ login: String, password: String = ServerFixture.password, device: String = "test-pc",
               knownDevice: String? = nil) async throws -> TokenResponse {
        let request = LoginRequest(login: login, password: password, device: device, deviceID: knownDevice)
        let (status, data) = try await call("/v1/auth/login", .post, body: try JSONEncoder().encode(request))
        XCTAssertEqual(status, .ok, String(decoding: data, as: UTF8.self))
        return try JSONDecoder().decode(TokenResponse.self, from: data)
    }

    func refresh(_ refreshToken: String) async throws -> (HTTPResponse.Status, TokenResponse?) {
        let (status, data) = try await call("/v1/auth/refresh", .post,
                                            body: try JSONEncoder().encode(RefreshRequest(refreshToken: refreshToken)))
        return (status, try? JSONDecoder().decode(TokenResponse.self, from: data))
    }

    func push(_ token: String, _ mutations: [PendingMutation]) async throws -> (HTTPResponse.Status, PushResponse?) {
        let (status, data) = try await call("/v1/sync/push", .post, token: token,
                                            body: try JSONEncoder().encode(PushRequest(mutations: mutations)))
        return (status, try? JSONDecoder().decode(PushResponse.self, from: data))
    }

    func pull(_ token: String, cursor: Int64 = 0, limit: Int = 1000) async throws -> (HTTPResponse.Status, PullResponse?, ErrorBody?) {
        let (status, data) = try await call("/v1/sync/pull?cursor=\(cursor)&limit=\(limit)", .get, token: token)
        return (status, try? JSONDecoder().decode(PullResponse.self, from: data), try? JSONDecoder().decode(ErrorBody.self, from: data))
    }

    /// Every snapshot row of the caller, with the entity they belong to.
    func snapshot(_ token: String, limit: Int = 1, pages: Int = 300) async throws -> [(SyncEntity, [String: String?])] {
        var rows: [(SyncEntity, [String: String?])] = []
        var uri = "/v1/sync/snapshot?limit=\(limit)"
        for _ in 0..<pages {
            let (status, data) = try await call(uri, .get, token: token)
            XCTAssertEqual(status, .ok, String(decoding: data, as: UTF8.self))
            let page = try JSONDecoder().decode(SnapshotPage.self, from: data)
            rows += page.rows.map { (page.entity, $0) }
            guard let next = page.nextToken, !page.done else { break }
            uri = "/v1/sync/snapshot?limit=\(limit)&token=\(next)"
        }
        return rows
    }
}

extension PendingMutation {
    static func iban(_ id: Int64, dossier: String, old: String?, new: String?, uuid: String = UUID().uuidString) -> PendingMutation {
        PendingMutation(id: id, uuid: uuid, mutation: .updateDossierField(
            UpdateDossierField(dossierID: dossier, field: .iban, change: FieldChange(old: old, new: new))))
    }

    static func field(_ id: Int64, dossier: String, _ field: DossierField, old: String?, new: String?) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .updateDossierField(
            UpdateDossierField(dossierID: dossier, field: field, change: FieldChange(old: old, new: new))))
    }

    /// An absence entered as a draft, or, with `status: "submitted"`, sent for validation as the forms do.
    static func absence(_ id: Int64, dossier: String, record: String = UUID().uuidString, type: String = "annual_leave",
                        from: LocalDate, to: LocalDate, status: TimeRecordStatus? = nil) -> PendingMutation {
        PendingMutation(id: id, uuid: UUID().uuidString, mutation: .recordAbsence(
            RecordTimeRecord(recordID: record, dossierID: dossier, typeCode: type, start: from, end: to, status: status)))
    }
}
