import FicheDomain
import FicheSyncProtocol

/// Shapes rows for one caller: drops what their role may not see, masks NISS and IBAN.
enum RowProjection {
    /// The permission needed to receive rows of `entity` at an employer.
    static func permission(for entity: SyncEntity) -> Permission {
        switch entity {
        case .timeRecord: return .viewTimeRecords
        case .art60Event, .partner, .art60Contract, .placement: return .viewArt60
        // Reference rows (the employer, its users and grants) go with the employer's dossiers,
        // so a scope removal takes them away with the rest.
        case .dossier, .careerPeriod, .note, .payrollMonth, .scope, .employer, .user, .grant: return .viewDossier
        }
    }

    /// The row as `rights` may see it at `employer`, or nil if they may not see it at all.
    static func project(_ row: [String: String?], entity: SyncEntity, employer: String,
                        rights: AccessRights) -> [String: String?]? {
        guard rights.may(permission(for: entity), at: employer) else { return nil }
        guard entity == .dossier else { return row }
        var projected = row
        if let niss = row["niss"] ?? nil, !rights.may(.viewFullNISS, at: employer) {
            projected["niss"] = .some((try? NISS(niss))?.masked ?? "**.**.**-***.**")
        }
        if let iban = row["iban"] ?? nil, !rights.may(.viewIBAN, at: employer) {
            projected["iban"] = .some((try? IBAN(iban))?.masked ?? "BE** **** **** ****")
        }
        return projected
    }

    /// One field's value as `rights` may see it (for conflict answers).
    static func fieldValue(_ value: String?, field: DossierField, employer: String, rights: AccessRights) -> String? {
        guard let value else { return nil }
        switch field {
        case .niss where !rights.may(.viewFullNISS, at: employer):
            return (try? NISS(value))?.masked ?? "**.**.**-***.**"
        case .iban where !rights.may(.viewIBAN, at: employer):
            return (try? IBAN(value))?.masked ?? "BE** **** **** ****"
        default:
            return value
        }
    }
}
