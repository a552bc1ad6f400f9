import FicheDomain

/// Reads a user's grants and turns them into `AccessRights` for today.
enum GrantLoader {
    static func grants(of userID: String, in tx: any StoreTransaction) async throws -> [Grant] {
        try await tx.query("SELECT id, employer_code, role, valid_from, valid_to FROM grants WHERE user_id = ?",
                           [.text(userID)]).compactMap { grant(from: $0, userID: userID) }
    }

    /// A grant from a row with `employer_code`, `role`, `valid_from`, `valid_to` and its id in
    /// `idColumn`; nil when the row holds no (readable) grant.
    static func grant(from row: StoreRow, userID: String, idColumn: String = "id") -> Grant? {
        guard let id = row.string(idColumn), let employer = row.string("employer_code"),
              let role = row.string("role").flatMap(Role.init(rawValue:)) else { return nil }
        var bounds: [LocalDate?] = []
        for column in ["valid_from", "valid_to"] {
            guard let text = row.string(column), !text.isEmpty else {
                bounds.append(nil)
                continue
            }
            // try?: "is this a date?"; a bound that is not one makes no grant, never one without end.
            guard let day = try? LocalDate.parse(text) else { return nil }
            bounds.append(day)
        }
        return Grant(id: id, userID: userID, employerCode: employer, role: role, validFrom: bounds[0], validTo: bounds[1])
    }

    static func rights(of userID: String, on day: LocalDate?, in tx: any StoreTransaction) async throws -> AccessRights {
        AccessRights(userID: userID, grants: try await grants(of: userID, in: tx), on: day)
    }
}
