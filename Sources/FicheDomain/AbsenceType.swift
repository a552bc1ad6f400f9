/// One entry of an employer's absence catalogue (annual leave, sickness, strike…).
///
/// Read from `Rules/absence-types.toml`. The `code` is stable and language-neutral;
/// imports, exports and payroll files rely on it.
public struct AbsenceType: Hashable, Sendable, Codable, Identifiable {
    /// Stable code: `annual_leave`, `sick`, `unjustified`…
    public var code: String
    public var labels: Labels
    /// Which kind of record uses this type (absences; `lateness` and `overtime` are typed too).
    public var recordKind: TimeRecordKind
    public var unit: AbsenceUnit
    /// Whether the employer pays the day.
    public var paid: Bool
    /// Code sent to the payroll run.
    public var payrollCode: String
    public var art60: Art60Counting
    /// Whether the days are reported as sickness days to payroll.
    public var countsAsSickness: Bool
    public var certificate: CertificateRule

    public var id: String { code }

    public init(code: String, labels: Labels, recordKind: TimeRecordKind = .absence, unit: AbsenceUnit,
                paid: Bool, payrollCode: String, art60: Art60Counting, countsAsSickness: Bool = false,
                certificate: CertificateRule = .none) {
        self.code = code
        self.labels = labels
        self.recordKind = recordKind
        self.unit = unit
        self.paid = paid
        self.payrollCode = payrollCode
        self.art60 = art60
        self.countsAsSickness = countsAsSickness
        self.certificate = certificate
    }

    /// Whether a record may use `part` of a day with this type.
    public func allows(_ part: DayPart) -> Bool {
        switch unit {
        case .day: return part == .full
        case .halfDay, .hour: return true
        }
    }
}
