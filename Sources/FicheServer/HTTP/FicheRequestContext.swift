import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the client address (for throttling).
public struct FicheRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bodies up to 8 MB (a push of 100 mutations with long notes).
    public var maxUploadSize: Int { 8 * 1024 * 1024 }
}
