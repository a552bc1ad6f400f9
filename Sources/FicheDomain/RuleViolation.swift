/// A business rule a user broke, with the data needed to tell them how to fix it.
///
/// Each case has a stable `code` (e.g. `"niss.checksum"`) and string `parameters`; the app
/// translates `messageKey` + `parameters` into French, Dutch or English from its string
/// tables. `description` is an English sentence for logs only.
public enum RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    // Identifiers
    case nissFormat(text: String)
    case nissChecksum(text: String)
    case nissBirthDate(text: String)
    case nissBirthInFuture(text: String, today: LocalDate)
    case nissSerial(text: String)
    case nissSexMismatch(text: String, declared: Sex)
    case nissBirthDateMismatch(text: String, declared: LocalDate)
    case ibanFormat(text: String)
    case ibanCountry(text: String, country: String)
    case ibanChecksum(text: String)
    case ibanNationalCheck(text: String)
    // Dates and fractions
    case dateFormat(text: String)
    case dateInvalid(year: Int, month: Int, day: Int)
    case dateRangeReversed(start: LocalDate, end: LocalDate)
    /// A date outside the years Fiche keeps (`LocalDate.supportedRange`, 1900 to 2200).
    case dateOutOfRange(date: LocalDate)
    case regimeFraction(text: String)
    case scheduleInvalid(reason: String)
    // Career
    case careerPeriodBackdated(start: LocalDate, latestStart: LocalDate)
    // Time records
    case absenceTypeUnknown(code: String)
    case absenceUnitNotAllowed(code: String, unit: AbsenceUnit)
    case absenceOverlap(date: LocalDate, otherRecordID: String)
    case absenceOnNonWorkingDays(start: LocalDate, end: LocalDate)
    case timeRangeInvalid(startMinute: Int, endMinute: Int)
    /// A clocking whose `minutes` is not its end minus its start.
    case clockingMinutesMismatch(minutes: Int, expected: Int)
    case clockingTooLong(date: LocalDate, minutes: Int, maximum: Int)
    /// Clocked time in the week starting `weekStart` (a Monday) would pass the weekly maximum.
    case clockingWeekTooLong(weekStart: LocalDate, minutes: Int, maximum: Int)
    /// A clocking falls in time an absence already covers on that day.
    case clockingDuringAbsence(date: LocalDate, otherRecordID: String)
    /// Two clockings of one day cover the same minutes.
    case clockingOverlap(date: LocalDate, otherRecordID: String)
    /// A clocking is a time worked: it cannot be on a day still to come.
    case clockingInFuture(date: LocalDate, today: LocalDate)
    /// A certificate is recorded on absences only.
    case certificateNotAnAbsence(recordID: String)
    /// A certificate cannot be recorded on a rejected entry (enter the absence again).
    case certificateOnRejectedEntry(recordID: String)
    /// A certificate cannot be received before the absence it covers starts.
    case certificateBeforeAbsence(received: LocalDate, start: LocalDate)
    /// A certificate cannot be received after today.
    case certificateInFuture(received: LocalDate, today: LocalDate)
    case monthClosed(month: YearMonth, correctionMonth: YearMonth)
    /// A payroll month cannot close while `count` of its records still wait for review.
    case monthHasSubmittedRecords(month: YearMonth, count: Int)
    /// A payroll month still to come cannot be exported.
    case payrollExportFutureMonth(month: YearMonth, current: YearMonth)
    case certificateMissing(code: String, dueBy: LocalDate)
    /// Someone else's entry: only whoever entered it corrects or withdraws it.
    case entryNotOwn(recordID: String)
    /// A validated entry is changed by a correction, not edited.
    case entryValidated(recordID: String)
    /// Someone else's dossier note: only its author edits or erases it.
    case noteNotOwn(noteID: String)
    /// A note with no text (an erased note is erased, not emptied).
    case noteEmpty
    /// An entry keeps its kind (an absence stays an absence) when corrected.
    case entryKindChanged(recordID: String, kind: String)
    /// A correction names an entry this dossier does not hold.
    case correctionTargetMissing(recordID: String)
    /// Only a validated entry is corrected; one not yet validated is edited by its author.
    case correctionOfUnvalidated(recordID: String)
    /// One correction at a time: another one of this entry waits for its review.
    case correctionPending(recordID: String, correctionID: String)
    /// A cancellation covers exactly the days of the entry it cancels.
    case correctionCancellationDates(recordID: String)
    /// Whoever asked for a new IBAN does not confirm it (four-eyes rule).
    case ibanChangeOfOwn(userID: String)
    /// No new IBAN waits on this dossier (confirmed or refused meanwhile).
    case ibanChangeMissing(dossierID: String)
    case statusTransition(from: TimeRecordStatus, to: TimeRecordStatus)
    case validationOfOwnEntry(userID: String)
    case validationOfOwnDossier(userID: String)
    case rejectionReasonMissing
    // Article 60
    case art60PolicyMissing(contractStart: LocalDate)
    case art60AgeBandMissing(policyID: String, age: Int)
    case art60EmployerNotCPAS(employerCode: String)
    case art60PartTime(regime: RegimeFraction, plannedEnd: LocalDate?)
    case placementAgreementNotSigned(placementID: String, start: LocalDate)
    // Leave
    /// An annual leave beyond what remains of the year's leave days (days as `LeaveDays.text`).
    case leaveBalanceExceeded(year: Int, requestedDays: String, remainingDays: String)
    // Access
    case permissionDenied(permission: Permission, employerCode: String)

    /// Stable, language-neutral identifier of the rule; string tables and logs key on it.
    public var code: String {
        switch self {
        case .nissFormat: return "niss.format"
        case .nissChecksum: return "niss.checksum"
        case .nissBirthDate: return "niss.birth_date"
        case .nissBirthInFuture: return "niss.birth_future"
        case .nissSerial: return "niss.serial"
        case .nissSexMismatch: return "niss.sex"
        case .nissBirthDateMismatch: return "niss.birth_date_mismatch"
        case .ibanFormat: return "iban.format"
        case .ibanCountry: return "iban.country"
        case .ibanChecksum: return "iban.checksum"
        case .ibanNationalCheck: return "iban.national_check"
        case .dateFormat: return "date.format"
        case .dateInvalid: return "date.invalid"
        case .dateRangeReversed: return "date.range_reversed"
        case .dateOutOfRange: return "date.out_of_range"
        case .regimeFraction: return "regime.fraction"
        case .scheduleInvalid: return "regime.schedule"
        case .careerPeriodBackdated: return "career.backdated"
        case .absenceTypeUnknown: return "absence.unknown_type"
        case .absenceUnitNotAllowed: return "absence.unit"
        case .absenceOverlap: return "absence.overlap"
        case .absenceOnNonWorkingDays: return "absence.no_working_day"
        case .timeRangeInvalid: return "time.range"
        case .clockingMinutesMismatch: return "clocking.minutes"
        case .clockingTooLong: return "clocking.too_long"
        case .clockingWeekTooLong: return "clocking.week_too_long"
        case .clockingDuringAbsence: return "clocking.during_absence"
        case .clockingOverlap: return "clocking.overlap"
        case .clockingInFuture: return "clocking.future"
        case .payrollExportFutureMonth: return "export.future_month"
        case .certificateNotAnAbsence: return "certificate.not_absence"
        case .certificateOnRejectedEntry: return "certificate.rejected_entry"
        case .certificateBeforeAbsence: return "certificate.before_absence"
        case .certificateInFuture: return "certificate.future"
        case .monthClosed: return "month.closed"
        case .monthHasSubmittedRecords: return "month.submitted_records"
        case .certificateMissing: return "certificate.missing"
        case .entryNotOwn: return "entry.not_own"
        case .entryValidated: return "entry.validated"
        case .noteNotOwn: return "note.not_own"
        case .noteEmpty: return "note.empty"
        case .entryKindChanged: return "entry.kind"
        case .correctionTargetMissing: return "correction.not_found"
        case .correctionOfUnvalidated: return "correction.not_validated"
        case .correctionPending: return "correction.pending"
        case .correctionCancellationDates: return "correction.cancellation_dates"
        case .ibanChangeOfOwn: return "four_eyes.own_iban_change"
        case .ibanChangeMissing: return "iban.no_pending_change"
        case .statusTransition: return "status.transition"
        case .validationOfOwnEntry: return "four_eyes.own_entry"
        case .validationOfOwnDossier: return "four_eyes.own_dossier"
        case .rejectionReasonMissing: return "status.reason_missing"
        case .art60PolicyMissing: return "art60.no_policy"
        case .art60AgeBandMissing: return "art60.no_age_band"
        case .art60EmployerNotCPAS: return "art60.not_cpas"
        case .art60PartTime: return "art60.part_time"
        case .placementAgreementNotSigned: return "placement.agreement"
        case .leaveBalanceExceeded: return "leave.balance_exceeded"
        case .permissionDenied: return "access.denied"
        }
    }

    /// Key of the translatable message in the app's string tables: `"error." + code`.
    public var messageKey: String { "error." + code }

    /// Values to substitute in the translated message, by name. Dates are ISO (`YYYY-MM-DD`).
    public var parameters: [String: String] {
        switch self {
        case .nissFormat(let text), .nissChecksum(let text), .nissBirthDate(let text), .nissSerial(let text),
             .ibanFormat(let text), .ibanChecksum(let text), .ibanNationalCheck(let text),
             .dateFormat(let text), .regimeFraction(let text):
            return ["text": text]
        case .nissSexMismatch(let text, let declared):
            return ["text": text, "declared": declared.rawValue]
        case .nissBirthInFuture(let text, let today):
            return ["text": text, "today": today.iso]
        case .nissBirthDateMismatch(let text, let declared):
            return ["text": text, "declared": declared.iso]
        case .ibanCountry(let text, let country):
            return ["text": text, "country": country]
        case .dateInvalid(let y, let m, let d):
            return ["year": String(y), "month": String(m), "day": String(d)]
        case .dateRangeReversed(let start, let end), .absenceOnNonWorkingDays(let start, let end):
            return ["start": start.iso, "end": end.iso]
        case .scheduleInvalid(let reason):
            return ["reason": reason]
        case .careerPeriodBackdated(let start, let latest):
            return ["start": start.iso, "latest_start": latest.iso]
        case .absenceTypeUnknown(let code):
            return ["type": code]
        case .absenceUnitNotAllowed(let code, let unit):
            return ["type": code, "unit": unit.rawValue]
        case .absenceOverlap(let date, let other):
            return ["date": date.iso, "other_record": other]
        case .timeRangeInvalid(let start, let end):
            return ["start_minute": String(start), "end_minute": String(end)]
        case .dateOutOfRange(let date):
            return ["date": date.iso, "first": LocalDate.supportedRange.lowerBound.iso,
                    "last": LocalDate.supportedRange.upperBound.iso]
        case .clockingMinutesMismatch(let minutes, let expected):
            return ["minutes": String(minutes), "expected": String(expected)]
        case .clockingTooLong(let date, let minutes, let maximum):
            return ["date": date.iso, "minutes": String(minutes), "maximum": String(maximum)]
        case .clockingWeekTooLong(let weekStart, let minutes, let maximum):
            return ["week_start": weekStart.iso, "minutes": String(minutes), "maximum": String(maximum)]
        case .clockingDuringAbsence(let date, let other):
            return ["date": date.iso, "other_record": other]
        case .clockingOverlap(let date, let other):
            return ["date": date.iso, "other_record": other]
        case .clockingInFuture(let date, let today):
            return ["date": date.iso, "today": today.iso]
        case .certificateNotAnAbsence(let id), .certificateOnRejectedEntry(let id), .entryNotOwn(let id),
             .entryValidated(let id), .correctionTargetMissing(let id), .correctionOfUnvalidated(let id),
             .correctionCancellationDates(let id):
            return ["record": id]
        case .correctionPending(let id, let correction):
            return ["record": id, "correction": correction]
        case .entryKindChanged(let id, let kind):
            return ["record": id, "kind": kind]
        case .payrollExportFutureMonth(let month, let current):
            return ["month": month.description, "current": current.description]
        case .certificateBeforeAbsence(let received, let start):
            return ["received": received.iso, "start": start.iso]
        case .certificateInFuture(let received, let today):
            return ["received": received.iso, "today": today.iso]
        case .monthClosed(let month, let correction):
            return ["month": month.description, "correction_month": correction.description]
        case .monthHasSubmittedRecords(let month, let count):
            return ["month": month.description, "count": String(count)]
        case .certificateMissing(let code, let dueBy):
            return ["type": code, "due_by": dueBy.iso]
        case .statusTransition(let from, let to):
            return ["from": from.rawValue, "to": to.rawValue]
        case .validationOfOwnEntry(let user), .validationOfOwnDossier(let user), .ibanChangeOfOwn(let user):
            return ["user": user]
        case .ibanChangeMissing(let dossier):
            return ["dossier": dossier]
        case .rejectionReasonMissing, .noteEmpty:
            return [:]
        case .noteNotOwn(let id):
            return ["note": id]
        case .art60PolicyMissing(let start):
            return ["contract_start": start.iso]
        case .art60AgeBandMissing(let policy, let age):
            return ["policy": policy, "age": String(age)]
        case .art60EmployerNotCPAS(let employer):
            return ["employer": employer]
        case .art60PartTime(let regime, let plannedEnd):
            return ["regime": regime.description, "planned_end": plannedEnd?.iso ?? ""]
        case .leaveBalanceExceeded(let year, let requested, let remaining):
            return ["year": String(year), "requested_days": requested, "remaining_days": remaining]
        case .placementAgreementNotSigned(let placement, let start):
            return ["placement": placement, "start": start.iso]
        case .permissionDenied(let permission, let employer):
            return ["permission": permission.rawValue, "employer": employer]
        }
    }

    /// English sentence for logs; users see the translated `messageKey`.
    public var description: String {
        switch self {
        case .nissFormat(let text): return "'\(text)' is not a national number: 11 digits expected (YY.MM.DD-SSS.CC)"
        case .nissChecksum(let text): return "National number \(text) has a wrong check number for both 19xx and 20xx"
        case .nissBirthDate(let text): return "National number \(text) encodes a birth date that does not exist"
        case .nissBirthInFuture(let text, let today): return "National number \(text) encodes a birth date after \(today.iso)"
        case .nissSerial(let text): return "National number \(text) has a serial outside 001–997"
        case .nissSexMismatch(let text, let declared): return "National number \(text) does not match the declared sex (\(declared.rawValue))"
        case .nissBirthDateMismatch(let text, let declared): return "National number \(text) does not match the birth date \(declared.iso)"
        case .ibanFormat(let text): return "'\(text)' is not an IBAN"
        case .ibanCountry(let text, let country): return "IBAN \(text) is from \(country); an account of a SEPA country is expected"
        case .ibanChecksum(let text): return "IBAN \(text) has wrong check digits (ISO 13616)"
        case .ibanNationalCheck(let text): return "IBAN \(text) fails the Belgian account-number check"
        case .dateFormat(let text): return "'\(text)' is not a date (dd/mm/yyyy or YYYY-MM-DD)"
        case .dateInvalid(let y, let m, let d): return "Day \(d) of month \(m) of \(y) does not exist"
        case .dateRangeReversed(let s, let e): return "End date \(e.iso) is before start date \(s.iso)"
        case .regimeFraction(let text): return "'\(text)' is not a working regime between 0 and 100 %"
        case .scheduleInvalid(let reason): return "Invalid weekly schedule: \(reason)"
        case .careerPeriodBackdated(let s, let l): return "A new career period must start after \(l.iso); \(s.iso) would overwrite history"
        case .absenceTypeUnknown(let code): return "Unknown absence type '\(code)'"
        case .absenceUnitNotAllowed(let code, let unit): return "Absence type '\(code)' cannot be entered per \(unit.rawValue)"
        case .absenceOverlap(let date, let other): return "Absence overlaps record \(other) on \(date.iso)"
        case .absenceOnNonWorkingDays(let s, let e): return "No working day between \(s.iso) and \(e.iso)"
        case .timeRangeInvalid(let s, let e): return "Time range \(s)–\(e) (minutes) is not valid"
        case .dateOutOfRange(let d):
            return "Date \(d.iso) is outside \(LocalDate.supportedRange.lowerBound.iso)…\(LocalDate.supportedRange.upperBound.iso)"
        case .clockingMinutesMismatch(let m, let e): return "A clocking of \(m) minutes must last its end minus its start (\(e))"
        case .clockingTooLong(let d, let m, let max): return "Clocking on \(d.iso) totals \(m) minutes; the maximum is \(max)"
        case .clockingWeekTooLong(let w, let m, let max):
            return "Clocking in the week of \(w.iso) totals \(m) minutes; the maximum is \(max)"
        case .clockingDuringAbsence(let d, let other): return "Clocking on \(d.iso) falls within absence \(other)"
        case .clockingOverlap(let d, let other): return "Clocking on \(d.iso) overlaps clocking \(other)"
        case .clockingInFuture(let d, let today): return "Clocking on \(d.iso) is after today (\(today.iso))"
        case .payrollExportFutureMonth(let month, let current):
            return "Payroll month \(month) is still to come (this month is \(current)): nothing to export"
        case .certificateNotAnAbsence(let id): return "Record \(id) is not an absence: it takes no certificate"
        case .certificateOnRejectedEntry(let id): return "Record \(id) was rejected: enter the absence again"
        case .certificateBeforeAbsence(let received, let start):
            return "A certificate received on \(received.iso) is before the absence (\(start.iso))"
        case .certificateInFuture(let received, let today):
            return "A certificate received on \(received.iso) is after today (\(today.iso))"
        case .monthClosed(let m, let c): return "Payroll month \(m) is closed; the change becomes a correction in month \(c)"
        case .monthHasSubmittedRecords(let m, let n): return "Payroll month \(m) cannot close: \(n) records still wait for review"
        case .certificateMissing(let code, let due): return "A medical certificate is required for '\(code)' (due by \(due.iso))"
        case .entryNotOwn(let id): return "Record \(id) was entered by someone else: only they may change or delete it"
        case .noteNotOwn(let id): return "Note \(id) was written by someone else: only its author may edit or erase it"
        case .noteEmpty: return "A note needs a text"
        case .entryValidated(let id): return "Record \(id) is validated: it is changed by a correction, not edited"
        case .entryKindChanged(let id, let kind): return "Record \(id) is a \(kind) and stays one"
        case .correctionTargetMissing(let id): return "No record \(id) to correct"
        case .correctionOfUnvalidated(let id): return "Record \(id) is not validated: it is edited, not corrected"
        case .correctionPending(let id, let other): return "Record \(id) already has correction \(other) waiting for review"
        case .correctionCancellationDates(let id): return "A cancellation of record \(id) covers its days exactly"
        case .ibanChangeOfOwn(let u): return "User \(u) asked for this IBAN change and cannot confirm it (four-eyes rule)"
        case .ibanChangeMissing(let d): return "No IBAN change waits for confirmation on dossier \(d)"
        case .statusTransition(let f, let t): return "A record cannot go from \(f.rawValue) to \(t.rawValue)"
        case .validationOfOwnEntry(let u): return "User \(u) cannot validate an entry they entered (four-eyes rule)"
        case .validationOfOwnDossier(let u): return "User \(u) cannot validate an entry of their own dossier (four-eyes rule)"
        case .rejectionReasonMissing: return "A rejection needs a reason"
        case .art60PolicyMissing(let s): return "No article 60 policy is in force on \(s.iso)"
        case .art60AgeBandMissing(let p, let a): return "Article 60 policy \(p) has no age band for age \(a)"
        case .art60EmployerNotCPAS(let e): return "Employer \(e) is not a CPAS; only a CPAS employs under article 60"
        case .art60PartTime(let r, let e): return "A part-time article 60 contract (\(r)) must be at least half-time and last at most 6 months (planned end: \(e?.iso ?? "none"))"
        case .placementAgreementNotSigned(let p, let s): return "Placement \(p) starts \(s.iso) before its agreement is signed"
        case .leaveBalanceExceeded(let year, let requested, let remaining):
            return "This annual leave takes \(requested) days of \(year) but only \(remaining) remain"
        case .permissionDenied(let p, let e): return "Permission '\(p.rawValue)' is not granted at \(e)"
        }
    }
}
