import Foundation

/// The address `fiche login` signs in to. A password crosses it, so plain `http://` is taken
/// only for this computer itself (the demo, a server on loopback) unless the user says
/// `--insecure`: anything else must be `https://`.
///
/// ```swift
/// let url = try ServerAddress.check("https://fiche.ixelles.brussels", allowPlainHTTP: false)
/// ```
public enum ServerAddress {
    /// Why an address is refused, in words the user can act on.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            /// Not an http(s) address with a host at all.
            case notAnAddress
            /// Plain http to another computer without `--insecure`.
            case unencrypted
        }

        /// Which refusal, for `fiche login` to say it in the user's language.
        public let reason: Reason
        public let description: String
    }

    /// The URL of `text`, or the reason it is refused.
    public static func check(_ text: String, allowPlainHTTP: Bool) throws(Refusal) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw Refusal(reason: .notAnAddress, description: "--server must be an https:// address, e.g. https://fiche.example.brussels")
        }
        if scheme == "http", !allowPlainHTTP, !isLoopback(host) {
            throw Refusal(reason: .unencrypted, description: "--server \(text) would send your password unencrypted over the network; "
                          + "use https:// (or --insecure, on a network you trust)")
        }
        return url
    }

    /// Whether `host` is this computer: localhost, 127.0.0.0/8 or ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare.hasSuffix(".localhost") { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part) != nil }
    }
}
