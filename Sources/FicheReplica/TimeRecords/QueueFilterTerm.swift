/// One word of what a supervisor typed to narrow a queue, as the replica matches it: a row
/// matches when the word is in the dossier's name or number, names who entered it, or is in the
/// label or code of its type (the caller knows the labels of the user's language and passes the codes).
public struct QueueFilterTerm: Hashable, Sendable {
    /// The word, without accents or case (`SortKey.fold`).
    public var text: String
    /// Absence type codes whose label (or code) holds the word.
    public var typeCodes: [String]
    /// Record kinds (`clocking`, `absence`…) whose label holds the word, for records without a type.
    public var kinds: [String]

    public init(text: String, typeCodes: [String] = [], kinds: [String] = []) {
        self.text = SortKey.fold(text)
        self.typeCodes = typeCodes
        self.kinds = kinds
    }
}
