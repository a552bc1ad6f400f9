import ArgumentParser
import FicheDomain
import FicheServer
import Foundation
import Hummingbird
import Logging

/// `fiche-server serve`: answers HTTP on the given address.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the HTTP server.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .customLong("tls-cert"), help: "PEM certificate (chain) for HTTPS; with --tls-key.")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("trusted-proxy"),
            help: "A reverse proxy (address or CIDR range, repeatable) whose X-Forwarded-For names the client.")
    var trustedProxies: [String] = []

    @Option(name: .customLong("metrics-token-file"),
            help: "A file holding the token GET /metrics asks for (Authorization: Bearer …); without it /metrics is off.")
    var metricsTokenFile: String?

    func validate() throws {
        for proxy in trustedProxies {
            do { _ = try IPNetwork.parse(proxy) } catch { throw ValidationError("--trusted-proxy \(error)") }
        }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together: give both for HTTPS, or neither")
        }
    }

    /// The first line of `path`, 16 characters at least.
    static func readMetricsToken(_ path: String) throws -> String {
        // try?: the failure is thrown just below, naming the file.
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("--metrics-token-file \(path): cannot be read")
        }
        let token = text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard token.count >= 16 else { throw ValidationError("--metrics-token-file \(path): the token needs 16 characters or more") }
        return token
    }

    func run() async throws {
        var tls: ServerTLS?
        if let tlsCert, let tlsKey {
            do {
                tls = try ServerTLS(certificateFile: tlsCert, keyFile: tlsKey)
            } catch {
                throw ValidationError(error.description)
            }
        }
        // Every line on standard error is one JSON record (the server's, Hummingbird's, PostgresNIO's).
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, now: OfficeClock.system.now) }
        // The request lines still waiting in a batch (`LogLineWriter`), however the server stops.
        defer { LogLineWriter.standardError.flush() }
        let logger = Logger(label: "fiche-server")
        try await store.withStore { store in
            var configuration = ServerConfiguration()
            configuration.trustedProxies = try trustedProxies.map(IPNetwork.parse)
            configuration.metricsToken = try metricsTokenFile.map(Self.readMetricsToken)
            let service = try await SyncService(store: store, configuration: configuration)
            logger.info("starting", metadata: ["store": .string(store.backend),
                                               "address": .string("\(tls == nil ? "http" : "https")://\(host):\(port)")])
            let calendar = Task { await service.keepGrantCalendar() }
            defer { calendar.cancel() }
            try await ServerApplication.build(service: service, host: host, port: port, tls: tls, logger: logger).runService()
            let unwritten = await service.flushAudit()
            if unwritten > 0 {
                logger.error("read-audit entries could not be written: the database refused them at shutdown",
                             metadata: ["unwritten": .stringConvertible(unwritten)])
            }
        }
    }
}
