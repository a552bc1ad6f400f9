/// Which submitted entries the validation queue pages through, and in which order: an employer's or every one held,
/// narrowed to those matching every typed word.
public struct ValidationQueueFilter: Hashable, Sendable {
    /// Only this employer's entries; every employer held when nil.
    public var employerCode: String?
    /// Words each matching entry holds (see `QueueFilterTerm`); none lists every entry.
    public var terms: [QueueFilterTerm]
    /// The order the entries are paged in.
    public var order: ValidationQueueOrder

    public init(employerCode: String? = nil, terms: [QueueFilterTerm] = [], order: ValidationQueueOrder = .oldest) {
        self.employerCode = employerCode
        self.terms = terms
        self.order = order
    }
}
