/// The address a login is counted against: the peer of the connection, or, when the peer is a
/// reverse proxy the administrator trusts (`serve --trusted-proxy`), the client that proxy saw.
///
/// `X-Forwarded-For` is read from the right: each trusted proxy appended the address it was
/// called from, so the first address from the right that is not a trusted proxy is the client.
/// A client cannot forge its way past that: whatever it writes at the left is never reached
/// while an untrusted address stands to its right.
public enum ClientAddress {
    public static func resolve(peer: String?, forwardedFor: String?, trusted: [IPNetwork]) -> String {
        guard let peer else { return "local" }
        guard trusted.contains(where: { $0.contains(peer) }), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() {
            guard IPNetwork.address(hop) != nil else { return peer }  // a malformed header: the proxy itself
            if !trusted.contains(where: { $0.contains(hop) }) { return hop }
        }
        return hops.first ?? peer
    }
}
