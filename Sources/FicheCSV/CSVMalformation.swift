/// Why a file cannot be read as CSV: what `CSVTable.Malformed` carries, for the caller to say
/// in the user's language (`description` is the English sentence).
public enum CSVMalformation: Hashable, Sendable, CustomStringConvertible {
    /// A quoted field runs to the end of the file.
    case unclosedQuote
    /// `"De Coster"x`: text after the quote that closes a field.
    case textAfterQuote
    /// A NUL character: a binary file (a workbook), not text.
    case nulCharacter
    /// The header line has both `;` and `,` between its names: which one separates is a guess.
    case mixedSeparators
    /// Bytes of UTF-8 and bytes that are not, in one file: pasted from two sources, or damaged.
    case mixedEncodings
    /// Not UTF-8, and this byte has no character in Windows-1252 either.
    case undefinedByte(UInt8)

    public var description: String {
        switch self {
        case .unclosedQuote: return "a quoted field is not closed"
        case .textAfterQuote: return "text after the closing quote of a field"
        case .nulCharacter: return "a NUL character: this is not a text file"
        case .mixedSeparators: return "the header has both ; and , between column names: use one separator"
        case .mixedEncodings: return "the file mixes UTF-8 with another encoding: save it again as CSV UTF-8"
        case .undefinedByte(let byte):
            return "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252: save the file as CSV UTF-8"
        }
    }
}
