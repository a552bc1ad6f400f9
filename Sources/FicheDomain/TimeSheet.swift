/// The time records of one dossier, and the rules a new or changed record must satisfy.
///
/// Checks the shape of a record against the absence catalogue, overlaps (half days and
/// hours handled), closed payroll months, the certificate rule and the four-eyes rule.
///
/// ```swift
/// let sheet = TimeSheet(dossier: dossier, records: existing, catalogue: rules.absenceCatalogue,
///                       calendar: workCalendar, payrollMonths: months)
/// try sheet.check(newRecord)          // throws RuleViolation with a code the app translates
/// ```
public struct TimeSheet: Sendable {
    public let dossier: Dossier
    public let records: [TimeRecord]
    public let catalogue: AbsenceCatalogue
    public let calendar: WorkCalendar
    /// The employer's payroll months (open and closed).
    public let payrollMonths: [PayrollMonth]
    /// Longest clocked time allowed per day, in minutes (9 hours under flexible hours).
    public let maximumMinutesPerDay: Int
    /// Longest clocked time allowed per week, Monday to Sunday, in minutes (45 hours).
    public let maximumMinutesPerWeek: Int
    /// The career, birth date and leave rules an annual leave is checked against (its balance);
    /// nil when the dossier has no career period (`LeaveAccount(periods:…)`): none is checked then.
    public let leave: LeaveAccount?

    /// - Parameter records: for an annual leave, at least those of `LeaveRules.datesToRead(for:)`.
    public init(dossier: Dossier, records: [TimeRecord], catalogue: AbsenceCatalogue, calendar: WorkCalendar,
                payrollMonths: [PayrollMonth] = [], maximumMinutesPerDay: Int = 540,
                maximumMinutesPerWeek: Int = 2_700, leave: LeaveAccount? = nil) {
        self.dossier = dossier
        self.records = records.filter { $0.dossierID == dossier.id }
        self.catalogue = catalogue
        self.calendar = calendar
        self.payrollMonths = payrollMonths.filter { $0.employerCode == dossier.employerCode }
        // Limits within a day and a week, whatever a rule file says.
        self.maximumMinutesPerDay = min(max(maximumMinutesPerDay, 0), TimeRecord.minutesPerDay)
        self.maximumMinutesPerWeek = min(max(maximumMinutesPerWeek, 0), 7 * TimeRecord.minutesPerDay)
        self.leave = leave
    }

    /// The dossier's annual leave from these records; nil without a career.
    public var leaveLedger: LeaveLedger? {
        leave.map { LeaveLedger(account: $0, records: records, calendar: calendar) }
    }

    /// Checks that `record` may be saved next to the other records (it may replace one with its id).
    ///
    /// - Throws: the first `RuleViolation` found: `date.out_of_range`, `time.range`,
    ///   `clocking.minutes` (`TimeRecord.checkBounds`), `date.range_reversed`, `absence.unknown_type`,
    ///   `absence.unit`, `time.range`, `absence.no_working_day`, `clocking.too_long`,
    ///   `absence.overlap`, `clocking.overlap`, `clocking.future`, `month.closed`,
    ///   `leave.balance_exceeded` (an annual leave beyond the year's balance, `LeaveLedger`).
    /// - Parameter today: the day the entry is checked on (Brussels); a clocking after it is
    ///   refused. The replica passes its clock's day, the server its own.
    public func check(_ record: TimeRecord, today: LocalDate? = nil) throws(RuleViolation) {
        try record.checkBounds()
        if let originalID = record.replacesID {
            try checkCorrection(record, of: originalID)
            // A cancellation has the days of the entry it cancels: only its booking is checked.
            if record.isCancellation { return try checkPayrollMonth(record) }
        } else if record.isCancellation || record.correctionReason != nil {
            // A cancellation or a correction's reason says it corrects an entry: it must name it.
            throw .correctionTargetMissing(recordID: "")
        }
        if record.kind == .clocking, let today, record.start > today { throw .clockingInFuture(date: record.start, today: today) }
        guard record.start <= record.end else { throw .dateRangeReversed(start: record.start, end: record.end) }
        switch record.kind {
        case .absence: try checkAbsence(record)
        case .clocking: try checkClocking(record)
        case .lateness, .overtime:
            guard record.minutes != nil else { throw .timeRangeInvalid(startMinute: 0, endMinute: 0) }
            if let code = record.typeCode { _ = try catalogue.require(code) }
        }
        try checkPayrollMonth(record)
    }

    private func checkAbsence(_ record: TimeRecord) throws(RuleViolation) {
        let type = try catalogue.require(record.typeCode ?? "")
        if record.startMinute != nil || record.endMinute != nil {
            guard type.unit == .hour else { throw .absenceUnitNotAllowed(code: type.code, unit: .hour) }
            guard record.start == record.end else { throw .dateRangeReversed(start: record.start, end: record.end) }
        } else {
            guard type.allows(record.dayPart) else { throw .absenceUnitNotAllowed(code: type.code, unit: .halfDay) }
        }
        guard record.dates.contains(where: { calendar.absenceDays(on: $0, part: record.dayPart) > 0 }) else {
            throw .absenceOnNonWorkingDays(start: record.start, end: record.end)
        }
        for other in records where other.id != record.id && other.id != record.replacesID && other.isActive
            && other.kind == .absence {
            if let date = firstOverlap(record, other) {
                throw .absenceOverlap(date: date, otherRecordID: other.id)
            }
        }
        try leaveLedger?.check(record)
    }

    /// The times were checked by `TimeRecord.checkBounds`, so every sum here is of 0…1440 minutes.
    private func checkClocking(_ record: TimeRecord) throws(RuleViolation) {
        let sameDay = records.filter {
            $0.id != record.id && $0.id != record.replacesID && $0.isActive && $0.kind == .clocking && $0.start == record.start
        }
        for other in sameDay where other.coveredMinutes.overlaps(record.coveredMinutes) {
            throw .clockingOverlap(date: record.start, otherRecordID: other.id)
        }
        let total = sameDay.reduce(record.durationMinutes) { $0 + $1.durationMinutes }
        guard total <= maximumMinutesPerDay else {
            throw .clockingTooLong(date: record.start, minutes: total, maximum: maximumMinutesPerDay)
        }
        let monday = record.start.adding(days: 1 - record.start.weekday.isoNumber)
        let sunday = monday.adding(days: 6)
        let week = records.filter {
            $0.id != record.id && $0.id != record.replacesID && $0.isActive && $0.kind == .clocking
                && $0.start >= monday && $0.start <= sunday
        }
        let weekTotal = week.reduce(record.durationMinutes) { $0 + $1.durationMinutes }
        guard weekTotal <= maximumMinutesPerWeek else {
            throw .clockingWeekTooLong(weekStart: monday, minutes: weekTotal, maximum: maximumMinutesPerWeek)
        }
        for other in records where other.id != record.id && other.isActive && other.kind == .absence
            && other.start <= record.start && record.start <= other.end
            && other.coveredMinutes.overlaps(record.coveredMinutes) {
            throw .clockingDuringAbsence(date: record.start, otherRecordID: other.id)
        }
    }

    private func checkPayrollMonth(_ record: TimeRecord) throws(RuleViolation) {
        var month = record.start.yearMonth
        while month <= record.end.yearMonth {
            if PayrollMonth.isClosed(month, in: payrollMonths) {
                let booking = PayrollMonth.bookingMonth(for: month, in: payrollMonths)
                let bookedInOpenMonth = record.correctionMonth.map { !PayrollMonth.isClosed($0, in: payrollMonths) } ?? false
                if !bookedInOpenMonth {
                    throw .monthClosed(month: month, correctionMonth: booking)
                }
            }
            month = month.next
        }
    }

    /// The first date on which two absences cover the same time, if any.
    ///
    /// A morning and an afternoon on the same date do not overlap; hour ranges overlap a
    /// half day when they cross it (noon splits the day).
    public func firstOverlap(_ a: TimeRecord, _ b: TimeRecord) -> LocalDate? {
        let start = max(a.start, b.start)
        let end = min(a.end, b.end)
        guard start <= end else { return nil }
        let ra = a.coveredMinutes
        let rb = b.coveredMinutes
        guard ra.overlaps(rb) else { return nil }
        return start
    }

    // MARK: Certificates

    /// Whether `record` needs a medical certificate, and by when.
    ///
    /// One-day absences of contract staff are exempt as many times per calendar year as the
    /// type's rule allows; earlier one-day absences without certificate in the same year use
    /// up the exemption (in date order).
    public func certificateRequirement(for record: TimeRecord) -> CertificateRequirement {
        if let settled = Self.certificateRequirementBeforeDeadline(for: record, among: records,
                                                                   category: dossier.category, catalogue: catalogue) {
            return settled
        }
        let deadline = catalogue.type(record.typeCode ?? "")?.certificate.deadlineWorkingDays ?? 0
        return .required(dueBy: workingDay(after: record.start, count: deadline))
    }

    /// What `certificateRequirement(for:)` says of `record` as far as it goes without the
    /// calendar: not required, received or exempt; `nil` when a certificate is required, due the
    /// type's `deadlineWorkingDays` working days after the start (which takes the calendar).
    /// `records` are the dossier's records the exemption counts (earlier ones use it up).
    ///
    /// A queue over every dossier asks this first and reads calendars only for the records it
    /// leaves open: most sickness without a certificate is a first day of contract staff.
    public static func certificateRequirementBeforeDeadline<Candidate: CertificateCandidate>(
        for record: Candidate, among records: [Candidate], category: StaffCategory,
        catalogue: AbsenceCatalogue
    ) -> CertificateRequirement? {
        guard record.kind == .absence, let code = record.typeCode, let type = catalogue.type(code),
              type.certificate.required else { return .notRequired }
        if record.certificateReceived { return .received }
        let rule = type.certificate
        if isExemptionCandidate(record), rule.exemptFirstDaysPerYear > 0, rule.exemptCategories.contains(category) {
            let earlier = records.filter {
                $0.id != record.id && $0.isActive && $0.typeCode == code && $0.start.year == record.start.year
                    && ($0.start, $0.id) < (record.start, record.id)
                    && isExemptionCandidate($0) && !$0.certificateReceived
            }
            if earlier.count < rule.exemptFirstDaysPerYear {
                return .exemptFirstDay(used: earlier.count + 1, allowed: rule.exemptFirstDaysPerYear)
            }
        }
        return nil
    }

    /// A one-working-day absence, the only kind the first-day exemption covers.
    private static func isExemptionCandidate(_ record: some CertificateCandidate) -> Bool {
        record.kind == .absence && record.start == record.end && record.dayPart == .full
    }

    /// The `count`-th working day after `date` (calendar days when the schedule has none ahead).
    func workingDay(after date: LocalDate, count: Int) -> LocalDate {
        var remaining = count
        var day = date
        var guardDays = 0
        while remaining > 0 && guardDays < 60 {
            day = day.adding(days: 1)
            guardDays += 1
            if calendar.workDay(on: day) != .off { remaining -= 1 }
        }
        return remaining > 0 ? date.adding(days: count) : day
    }

    // MARK: Review

    /// `record` validated by `reviewer`: four-eyes rule, status machine and certificate rule.
    ///
    /// - Throws: `four_eyes.own_entry`, `four_eyes.own_dossier`, `status.transition`,
    ///   `certificate.missing` (a certificate is required and not received).
    public func validating(_ record: TimeRecord, by reviewer: User) throws(RuleViolation) -> TimeRecord {
        try record.checkFourEyes(reviewer, dossierPersonID: dossier.personID)
        if case .required(let dueBy) = certificateRequirement(for: record) {
            throw .certificateMissing(code: record.typeCode ?? "", dueBy: dueBy)
        }
        return try record.validated(by: reviewer, dossierPersonID: dossier.personID)
    }
}
