/// What the sync loop last learnt, for the badge: whether the server answered, and when.
public struct SyncBadgeState: Hashable, Sendable {
    public var isOnline: Bool
    /// "14:02", the time of the last exchange that went through; nil before the first.
    public var lastSync: String?
    /// Why the last sync failed; nil when it went through.
    public var trouble: SyncTrouble?

    public init(isOnline: Bool, lastSync: String? = nil, trouble: SyncTrouble? = nil) {
        self.isOnline = isOnline
        self.lastSync = lastSync
        self.trouble = trouble
    }
}
