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
            projected["niss"] = .some(maskedNISS(niss))
        }
        if !rights.may(.viewIBAN, at: employer) {
            // The account waiting for a second person's confirmation is an IBAN like the other.
            for column in ["iban", "pending_iban"] {
                if let iban = row[column] ?? nil { projected[column] = .some(maskedIBAN(iban)) }
            }
        }
        return projected
    }

    /// The rows of `table` as `rights` may see them: rows of an employer where they may not see
    /// `entity` are dropped, NISS and IBAN masked where their role does not show them. The
    /// rights are looked up once per employer, not per row.
    static func project(_ table: inout TextTable, entity: SyncEntity, rights: AccessRights) {
        guard let employerColumn = table.columns.firstIndex(of: "employer_code") else {
            table.filterRows { _ in false }
            return
        }
        var decisions: [String: (visible: Bool, niss: Bool, iban: Bool)] = [:]
        func decision(_ employer: String) -> (visible: Bool, niss: Bool, iban: Bool) {
            if let known = decisions[employer] { return known }
            let made = (rights.may(permission(for: entity), at: employer), rights.may(.viewFullNISS, at: employer),
                        rights.may(.viewIBAN, at: employer))
            decisions[employer] = made
            return made
        }
        let visible = (0..<table.rowCount).map { row in decision(table[row, employerColumn] ?? "").visible }
        if visible.contains(false) { table.filterRows { visible[$0] } }
        guard entity == .dossier else { return }
        let nissColumn = table.columns.firstIndex(of: "niss")
        let ibanColumns = ["iban", "pending_iban"].compactMap { table.columns.firstIndex(of: $0) }
        for row in 0..<table.rowCount {
            let shown = decision(table[row, employerColumn] ?? "")
            if let column = nissColumn, !shown.niss, let niss = table[row, column] { table[row, column] = maskedNISS(niss) }
            for column in ibanColumns where !shown.iban {
                if let iban = table[row, column] { table[row, column] = maskedIBAN(iban) }
            }
        }
    }

    /// `**.**.**-***.CC` (only the check digits), or all stars for a number that is not valid.
    static func maskedNISS(_ niss: String) -> String {
        // try?: "is this a NISS?"; a value that is not one is masked entirely, hiding more, never less.
        (try? NISS(niss))?.masked ?? "**.**.**-***.**"
    }

    /// `BE** **** **** 9002` (only the last four digits), or all stars for an account that is not valid.
    static func maskedIBAN(_ iban: String) -> String {
        // try?: "is this an IBAN?"; a value that is not one is masked entirely, hiding more, never less.
        (try? IBAN(iban))?.masked ?? "BE** **** **** ****"
    }

    /// Whether `rights` may read `field` in full at `employer` (NISS and IBAN are masked otherwise).
    static func mayRead(_ field: DossierField, at employer: String, rights: AccessRights) -> Bool {
        switch field {
        case .niss: return rights.may(.viewFullNISS, at: employer)
        case .iban: return rights.may(.viewIBAN, at: employer)
        default: return true
        }
    }

    /// One field's value as `rights` may see it (for conflict answers).
    static func fieldValue(_ value: String?, field: DossierField, employer: String, rights: AccessRights) -> String? {
        guard let value else { return nil }
        guard !mayRead(field, at: employer, rights: rights) else { return value }
        return field == .niss ? maskedNISS(value) : maskedIBAN(value)
    }
}
