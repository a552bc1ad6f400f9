/// Whether a payroll month still takes entries.
public enum PayrollMonthStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case open
    case closed
}
