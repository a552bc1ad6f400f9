/// A fingerprint of texts that is the same in every process and on every machine (FNV-1a,
/// 64 bits; Swift's `Hasher` is seeded anew in each process): for ids derived from content and
/// for telling whether a stored result was computed from the same inputs. Not a defence against
/// anyone forging a collision.
///
/// ```swift
/// var fingerprint = StableFingerprint()
/// fingerprint.add("absence-types.toml")
/// fingerprint.hex   // "a6c5…"
/// ```
public struct StableFingerprint: Hashable, Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds the UTF-8 bytes of `text`.
    public mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// The value in lowercase hexadecimal, without leading zeros.
    public var hex: String { String(value, radix: 16) }
}
