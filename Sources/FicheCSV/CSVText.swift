import Foundation

/// The text of a CSV file as an office saved it, and the encoding it was read in.
///
/// UTF-8 (with or without a byte order mark) is read as is, and UTF-16 with its mark. Bytes that
/// are not UTF-8 are read as Windows-1252, which is what Excel writes on a Belgian Windows when
/// the clerk picks "CSV (separator: semicolon)"; the caller tells the user so (`encoding`).
/// ISO-8859-1 files read the same, since Windows-1252 only adds characters to it.
///
/// The guess is refused rather than made when it could be wrong: a file holding valid UTF-8
/// sequences (`é` as C3 A9) next to bytes that are not UTF-8 is two encodings pasted together,
/// or damaged, and no single reading gives every name right; and a byte Windows-1252 leaves
/// undefined (81, 8D, 8F, 90, 9D) says the file is in neither encoding. Both are
/// `CSVTable.Malformed` with the line of the first such byte.
///
/// ```swift
/// let file = try CSVText.decode(Data([0x48, 0xE9, 0x6C, 0xE8, 0x6E, 0x65]))
/// file.text        // "Hélène"
/// file.encoding    // .windows1252
/// ```
public struct CSVText: Hashable, Sendable {
    public let text: String
    public let encoding: CSVEncoding

    public init(text: String, encoding: CSVEncoding) {
        self.text = text
        self.encoding = encoding
    }

    /// Reads `data` as UTF-8, UTF-16 (with a byte order mark) or Windows-1252.
    ///
    /// - Throws: `CSVTable.Malformed` (`.mixedEncodings`, `.undefinedByte`) when no encoding reads
    ///   every byte right.
    public static func decode(_ data: Data) throws(CSVTable.Malformed) -> CSVText {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw CSVTable.Malformed(line: 1, reason: .mixedEncodings)
            }
            return CSVText(text: text, encoding: .utf16)
        }
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasMark ? bytes.dropFirst(3) : bytes[...]
        // Invalid bytes decode as U+FFFD, so the text encodes back to the same bytes only when it was UTF-8.
        let utf8 = String(decoding: body, as: UTF8.self)
        if utf8.utf8.elementsEqual(body) {
            return CSVText(text: utf8, encoding: .utf8)
        }
        let (sequences, firstInvalid) = utf8Shape(bytes)
        if hasMark || sequences > 0 {
            throw CSVTable.Malformed(line: line(of: firstInvalid, in: bytes), reason: .mixedEncodings)
        }
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = windows1252(byte) else {
                throw CSVTable.Malformed(line: line(of: offset, in: bytes), reason: .undefinedByte(byte))
            }
            text.unicodeScalars.append(scalar)
        }
        return CSVText(text: text, encoding: .windows1252)
    }

    /// How many well-formed multi-byte UTF-8 sequences the bytes hold, and the offset of the
    /// first byte that starts none.
    private static func utf8Shape(_ bytes: [UInt8]) -> (sequences: Int, firstInvalid: Int) {
        var sequences = 0
        var firstInvalid = bytes.count
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 1 {
                index += 1
                continue
            }
            let end = index + length
            if length > 1, end <= bytes.count, bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                sequences += 1
                index = end
                continue
            }
            firstInvalid = min(firstInvalid, index)
            index += 1
        }
        return (sequences, firstInvalid)
    }

    /// The 1-based line the byte at `offset` is on.
    private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// Windows-1252: ISO-8859-1 but for 80…9F, where it puts € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ
    /// and leaves five bytes undefined (nil).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let high: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }
}
