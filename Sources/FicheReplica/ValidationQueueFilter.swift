/// Which submitted entries the validation queue pages through: an employer's or every one held,
/// narrowed to those matching every typed word.
public struct ValidationQueueFilter: Hashable, Sendable {
    /// Only this employer's entries; every employer held when nil.
    public var employerCode: String?
    /// Words each matching entry holds (see `QueueFilterTerm`); none lists every entry.
    public var terms: [QueueFilterTerm]

    public init(employerCode: String? = nil, terms: [QueueFilterTerm] = []) {
        self.employerCode = employerCode
        self.terms = terms
    }
}
