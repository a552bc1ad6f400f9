/// What the sync loop last learnt, for the badge: whether the server answered, and when.
public struct SyncBadgeState: Hashable, Sendable {
    public var isOnline: Bool
    /// "14:02", the time of the last exchange that went through; nil before the first.
    public var lastSync: String?

    public init(isOnline: Bool, lastSync: String? = nil) {
        self.isOnline = isOnline
        self.lastSync = lastSync
    }
}
