/// One terminal cell: the character shown there and the role it is painted with.
///
/// A wide character (CJK, most emoji) covers two cells: the first holds the character,
/// the second is a continuation cell that the flush skips.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var role: StyleRole
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: StyleRole = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
