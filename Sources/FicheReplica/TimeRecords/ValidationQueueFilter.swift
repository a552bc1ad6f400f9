import FicheDomain

/// Which entries a queue pages through, and in which order: the submitted ones (the validation
/// queue) or the drafts of a `DraftsScope` (the drafts queue), an employer's or every one held,
/// narrowed to those matching every typed word.
public struct ValidationQueueFilter: Hashable, Sendable {
    /// Only this employer's entries; every employer held when nil.
    public var employerCode: String?
    /// Words each matching entry holds (see `QueueFilterTerm`); none lists every entry.
    public var terms: [QueueFilterTerm]
    /// The order the entries are paged in.
    public var order: ValidationQueueOrder
    /// Drafts of this scope instead of submitted entries.
    public var drafts: DraftsScope?
    /// Only the entries touching this month (as the month checklist counts them).
    public var month: YearMonth?

    public init(employerCode: String? = nil, terms: [QueueFilterTerm] = [], order: ValidationQueueOrder = .oldest,
                drafts: DraftsScope? = nil, month: YearMonth? = nil) {
        self.employerCode = employerCode
        self.terms = terms
        self.order = order
        self.drafts = drafts
        self.month = month
    }

    /// The status of the entries listed.
    var status: TimeRecordStatus { drafts == nil ? .submitted : .draft }
}
