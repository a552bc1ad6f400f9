/// A validated entry is changed by a correction: a new entry that replaces it (new dates, type,
/// hours) or only cancels it, checked like any entry and validated by a second person. Once the
/// correction is validated, the entry it corrects is `cancelled`. The same rules on a device and
/// on the server.
extension TimeSheet {
    /// `correction` booked in the open month when it or the entry it corrects touches a closed
    /// payroll month: the change is paid with the next payroll, and the closed month stays as it was.
    public func booked(_ correction: TimeRecord) -> TimeRecord {
        guard let originalID = correction.replacesID else { return correction }
        var months = [correction.start.yearMonth, correction.end.yearMonth]
        if let original = records.first(where: { $0.id == originalID }) {
            months += [original.start.yearMonth, original.end.yearMonth]
        }
        guard let earliest = months.min(), PayrollMonth.isClosed(earliest, in: payrollMonths) else { return correction }
        var copy = correction
        copy.correctionMonth = PayrollMonth.bookingMonth(for: earliest, in: payrollMonths)
        return copy
    }

    /// The entry a correction corrects, checked: it exists, is validated, has the same kind,
    /// and has no other correction waiting; a cancellation keeps its days.
    ///
    /// - Throws: `correction.not_found`, `correction.not_validated`, `entry.kind`,
    ///   `correction.pending`, `correction.cancellation_dates`.
    @discardableResult
    func checkCorrection(_ correction: TimeRecord, of originalID: String) throws(RuleViolation) -> TimeRecord {
        guard let original = records.first(where: { $0.id == originalID }) else {
            throw .correctionTargetMissing(recordID: originalID)
        }
        guard original.status == .validated, !original.isCancellation else {
            throw .correctionOfUnvalidated(recordID: originalID)
        }
        guard original.kind == correction.kind else { throw .entryKindChanged(recordID: originalID, kind: original.kind.rawValue) }
        if let waiting = records.first(where: { $0.id != correction.id && $0.replacesID == originalID && $0.isPendingCorrection }) {
            throw .correctionPending(recordID: originalID, correctionID: waiting.id)
        }
        if correction.isCancellation, correction.start != original.start || correction.end != original.end {
            throw .correctionCancellationDates(recordID: originalID)
        }
        return original
    }

    /// A correction validated by `reviewer`, and the entry it corrects, now cancelled; nil for
    /// an entry that corrects nothing.
    ///
    /// - Throws: what `validating` throws, and `correction.not_validated` when the entry it
    ///   corrects was cancelled meanwhile (another correction of it was validated first).
    public func validatingCorrection(_ correction: TimeRecord, by reviewer: User) throws(RuleViolation)
        -> (correction: TimeRecord, cancelled: TimeRecord)? {
        guard let originalID = correction.replacesID else { return nil }
        guard let original = records.first(where: { $0.id == originalID }) else {
            throw .correctionTargetMissing(recordID: originalID)
        }
        guard original.status == .validated else { throw .correctionOfUnvalidated(recordID: originalID) }
        let validated = try validating(correction, by: reviewer)
        return (validated, try original.moved(to: .cancelled))
    }
}
