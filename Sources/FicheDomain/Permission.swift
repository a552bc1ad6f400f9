/// Something a user may see or do at an employer.
public enum Permission: String, Codable, Sendable, CaseIterable, Hashable {
    case viewDossier = "view_dossier"
    case editDossier = "edit_dossier"
    /// See the NISS in full (otherwise masked).
    case viewFullNISS = "view_full_niss"
    /// See the IBAN in full (otherwise masked).
    case viewIBAN = "view_iban"
    case reassignDossier = "reassign_dossier"
    case viewTimeRecords = "view_time_records"
    case enterTimeRecord = "enter_time_record"
    case validateTimeRecord = "validate_time_record"
    case closePayrollMonth = "close_payroll_month"
    case exportPayroll = "export_payroll"
    case viewArt60 = "view_art60"
    case manageArt60 = "manage_art60"
    case viewAuditLog = "view_audit_log"
    case manageUsers = "manage_users"
}
