import Crypto
import Foundation

/// Random tokens and their stored hashes.
enum Secrets {
    /// 32 random bytes from the system's CSPRNG, base64url without padding, with a prefix.
    static func token(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64url(Data(bytes))
    }

    /// What the database keeps of a token: its SHA-256, hex.
    /// Every request's token passes here: hashed from its own bytes, written into the string.
    static func hash(_ token: String) -> String {
        var token = token
        let digest = token.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { buffer in
            var next = 0
            for byte in digest {
                buffer[next] = hexDigit(byte >> 4)
                buffer[next + 1] = hexDigit(byte & 0x0f)
                next += 2
            }
            return next
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func fromBase64url(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// A new identifier (lower-case UUID).
    /// Whether two secrets are equal, in a time that does not depend on where they differ.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0 && a.count == b.count
    }

    static func identifier() -> String {
        UUID().uuidString.lowercased()
    }
}
