import FicheTOML

/// The annual leave rules of `leave-entitlements.toml`: days per year by category and age,
/// the absence types that use them up, and what is carried into the next year.
///
/// ```swift
/// rules.leaveRules.fullTimeDays(category: .statutory, age: 47)   // 27
/// rules.leaveRules.usesBalance(record)                           // an annual leave
/// ```
public struct LeaveRules: Hashable, Sendable, Codable {
    public var entitlements: [LeaveEntitlement]
    /// Absence type codes whose days are taken from the balance (`[balance] types`).
    public var balanceTypes: [String]
    public var carryOver: [LeaveCarryOver]

    public init(entitlements: [LeaveEntitlement], balanceTypes: [String] = [], carryOver: [LeaveCarryOver] = []) {
        self.entitlements = entitlements
        self.balanceTypes = balanceTypes
        self.carryOver = carryOver
    }

    /// Reads the file, checking the balance types against `catalogue`.
    init(document: TOMLTable, catalogue: AbsenceCatalogue) throws(RuleFileError) {
        try document.checkKeys(["entitlement", "balance", "carry_over"], in: RuleFile.leaveEntitlements.rawValue)
        var entitlements: [LeaveEntitlement] = []
        for table in try document.tables("entitlement") { entitlements.append(try LeaveEntitlement(table: table)) }
        var types: [String] = []
        if let balance = try document.optionalTable("balance") {
            try balance.checkKeys(["types", "source"], in: "[balance]")
            _ = try balance.optionalString("source")
            for code in try balance.strings("types") {
                guard let type = catalogue.type(code), type.recordKind == .absence else {
                    throw balance.error("unknown absence type '\(code)'", at: "types")
                }
                types.append(code)
            }
        }
        var carryOver: [LeaveCarryOver] = []
        for table in try document.tables("carry_over") { carryOver.append(try LeaveCarryOver(table: table)) }
        self.init(entitlements: entitlements, balanceTypes: types, carryOver: carryOver)
    }

    /// Full-time annual leave days for `category` at `age`, if an entitlement applies.
    public func fullTimeDays(category: StaffCategory, age: Int) -> Int? {
        entitlements.first { $0.applies(to: category, age: age) }?.days
    }

    /// Most days `category` carries into the next year (0 when no rule says so).
    public func carryOverMaxDays(category: StaffCategory) -> Int {
        carryOver.first { $0.categories.contains(category) }?.maxDays ?? 0
    }

    /// Whether `record` is an absence whose days come out of the balance.
    public func usesBalance(_ record: TimeRecord) -> Bool {
        record.kind == .absence && record.typeCode.map(balanceTypes.contains) == true
    }

    /// The days whose records a check of `record` must see: its own, and for an absence that
    /// uses the balance, the whole of its years and of the year before (carried days). The client
    /// and the server read the dossier's records over these dates.
    public func datesToRead(for record: TimeRecord) -> ClosedRange<LocalDate> {
        datesToRead(kind: record.kind, typeCode: record.typeCode, dates: record.dates)
    }

    /// `datesToRead(for:)` of an entry of `kind` and `typeCode` on `dates`, before it is a
    /// `TimeRecord` (the server reads a whole push round's records at once).
    public func datesToRead(kind: TimeRecordKind, typeCode: String?,
                            dates: ClosedRange<LocalDate>) -> ClosedRange<LocalDate> {
        guard kind == .absence, typeCode.map(balanceTypes.contains) == true,
              let first = LocalDate(year: dates.lowerBound.year - 1, month: 1, day: 1),
              let last = LocalDate(year: dates.upperBound.year, month: 12, day: 31) else { return dates }
        return first...last
    }
}
