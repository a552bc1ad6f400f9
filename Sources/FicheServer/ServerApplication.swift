import Hummingbird

/// Wires the server's routes into a Hummingbird application.
public enum ServerApplication {
    /// The router alone, for in-process tests.
    public static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in "ok" }
        return router
    }

    public static func build(host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "fiche-server"))
    }
}
