import Foundation
import NIOSSL

/// The server's certificate and key for HTTPS, read from PEM files (`serve --tls-cert --tls-key`).
///
/// TLS 1.2 at least; the certificate file may hold the whole chain (server first). A missing,
/// unreadable or mismatched file is refused before the server listens, naming the file.
public struct ServerTLS: Sendable {
    let configuration: TLSConfiguration

    /// What went wrong with a certificate or key file.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public init(certificateFile: String, keyFile: String) throws(Failure) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw Failure(description: "\(certificateFile): not a readable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw Failure(description: "\(certificateFile): no certificate in this file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw Failure(description: "\(keyFile): not a readable PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // NIOSSL checks the pair only when the first client connects; check it now instead.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw Failure(description: "\(certificateFile) and \(keyFile) do not make a usable pair (\(error))")
        }
        self.configuration = configuration
    }
}
