import Foundation

/// What one background sync learnt, handed from the sync task to the keyboard loop.
public struct SyncReport: Sendable, Hashable {
    /// Whether the server answered (the badge says "online").
    public var reachedServer: Bool
    /// Changes the pull brought into the replica; the screen on top rereads it when > 0.
    public var pulledChanges: Int
    /// When the sync ended.
    public var finishedAt: Date
    /// Why it did not go through; nil when it did.
    public var trouble: SyncTrouble?

    public init(reachedServer: Bool, pulledChanges: Int, finishedAt: Date, trouble: SyncTrouble? = nil) {
        self.reachedServer = reachedServer
        self.pulledChanges = pulledChanges
        self.finishedAt = finishedAt
        self.trouble = trouble
    }

    /// Two reports the loop had not read yet, as one: the later state, every pulled change.
    func followed(by later: SyncReport) -> SyncReport {
        SyncReport(reachedServer: later.reachedServer, pulledChanges: pulledChanges + later.pulledChanges,
                   finishedAt: later.finishedAt, trouble: later.trouble)
    }
}
