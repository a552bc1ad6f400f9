/// The life of an entry before it is validated: its author corrects it or withdraws it. The same
/// rule on a device and on the server; a validated entry is no longer its author's to change.
extension TimeRecord {
    /// The entry as `author` retyped it: the new dates, type, hours and certificate, the same id,
    /// dossier, employer and author. A rejected entry corrected goes back to the queue (the
    /// rejection is cleared); a draft stays a draft unless `edit` says submitted.
    ///
    /// - Parameter edit: the form's record (its id, dossier and author are ignored).
    /// - Throws: `.entryNotOwn`, `.entryValidated`, `.entryKindChanged`.
    public func amended(to edit: TimeRecord, by author: User) throws(RuleViolation) -> TimeRecord {
        try checkChangeable(by: author)
        guard edit.kind == kind else { throw .entryKindChanged(recordID: id, kind: kind.rawValue) }
        var copy = self
        copy.typeCode = edit.typeCode
        copy.start = edit.start
        copy.end = edit.end
        copy.dayPart = edit.dayPart
        copy.startMinute = edit.startMinute
        copy.endMinute = edit.endMinute
        copy.minutes = edit.minutes
        copy.certificateReceived = edit.certificateReceived
        copy.status = status == .rejected || edit.status == .submitted ? .submitted : .draft
        copy.reviewedBy = nil
        copy.rejectionReason = nil
        return copy
    }

    /// Checks that `author` may still change or withdraw this entry: it is theirs, and no one
    /// has validated it (a rejected one may be corrected and sent again).
    ///
    /// - Throws: `.entryNotOwn`, `.entryValidated`.
    public func checkChangeable(by author: User) throws(RuleViolation) {
        guard author.id == enteredBy else { throw .entryNotOwn(recordID: id) }
        guard status != .validated, status != .cancelled else { throw .entryValidated(recordID: id) }
    }
}
