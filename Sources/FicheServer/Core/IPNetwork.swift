import Foundation

/// An address range in CIDR notation (`10.0.0.0/8`, `192.168.1.5`, `fd00::/8`): the reverse
/// proxies `serve --trusted-proxy` names, whose `X-Forwarded-For` the server believes.
///
/// ```swift
/// let proxies = try IPNetwork.parse("10.0.0.0/8")
/// proxies.contains("10.1.2.3")   // true
/// ```
public struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    /// The network's address bytes (4 for IPv4, 16 for IPv6).
    let bytes: [UInt8]
    /// How many leading bits must match.
    let prefixLength: Int
    public let description: String

    /// Reads `a.b.c.d[/n]` or an IPv6 address `[/n]`.
    /// - Throws: `CommandError` naming the text when it is not an address range.
    public static func parse(_ text: String) throws -> IPNetwork {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let bytes = address(parts[0]) else {
            throw CommandError("'\(text)' is not an IP address or range (e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8)")
        }
        let maximum = bytes.count * 8
        var length = maximum
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...maximum).contains(value) else {
                throw CommandError("'\(text)': the prefix length must be 0 to \(maximum)")
            }
            length = value
        }
        return IPNetwork(bytes: bytes, prefixLength: length, description: text)
    }

    /// Whether `address` (as a peer or `X-Forwarded-For` writes it) lies in the range.
    public func contains(_ address: String) -> Bool {
        guard let other = Self.address(address), other.count == bytes.count else { return false }
        var remaining = prefixLength
        for index in bytes.indices where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != other[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// The bytes of an IPv4 or IPv6 address (brackets and an IPv6 zone allowed), nil otherwise.
    static func address(_ text: String) -> [UInt8]? {
        var bare = text.trimmingCharacters(in: .whitespaces)
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if let zone = bare.firstIndex(of: "%") { bare = String(bare[..<zone]) }
        var four = in_addr()
        if inet_pton(AF_INET, bare, &four) == 1 {
            return withUnsafeBytes(of: &four) { Array($0) }
        }
        var six = in6_addr()
        if inet_pton(AF_INET6, bare, &six) == 1 {
            return withUnsafeBytes(of: &six) { Array($0) }
        }
        return nil
    }
}
