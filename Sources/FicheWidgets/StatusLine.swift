import FicheTerminal

/// The top line of every screen: the breadcrumb on the left; employer, user and the sync
/// badge on the right.
public struct StatusLine: Hashable, Sendable {
    public var breadcrumb: Breadcrumb
    /// Employer and user, already joined in the user's language.
    public var context: String
    public var badge: SyncBadge?

    public init(breadcrumb: Breadcrumb, context: String, badge: SyncBadge?) {
        self.breadcrumb = breadcrumb
        self.context = context
        self.badge = badge
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        buffer.fill(rect.line(0), role: .header)
        var right = rect.maxX
        if let badge { right = badge.render(into: &buffer, maxX: rect.maxX, y: rect.y) }
        let contextWidth = DisplayWidth.of(context)
        let crumbWidth = DisplayWidth.of(breadcrumb.parts.joined(separator: " › "))
        var contextX = right - contextWidth - 1
        if contextX < rect.x + 1 + min(crumbWidth, 20) + 2 {
            contextX = right   // not enough room: the breadcrumb matters more
        } else {
            buffer.write(context, x: contextX, y: rect.y, role: .header)
        }
        breadcrumb.render(into: &buffer, x: rect.x + 1, y: rect.y, width: max(0, contextX - rect.x - 3))
    }
}
