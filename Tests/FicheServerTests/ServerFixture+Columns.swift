import FicheServer

extension ServerFixture {
    /// The stored `columns` of dossier `id`, in that order (nil for NULL or no such dossier).
    func dossierColumns(_ id: String, _ columns: [String]) async throws -> [String?] {
        try await store.read { tx in
            let row = try await tx.first("SELECT \(columns.joined(separator: ", ")) FROM dossiers WHERE id = ?", [.text(id)])
            return columns.map { row?.string($0) }
        }
    }
}
