import FicheReplica
import FicheTerminal
import FicheWidgets

/// What the screen shows, as a value: `render` is a pure function of it.
public struct AppState: Equatable, Sendable {
    public var size: Size
    public var list: ListWindow<DossierListRow>
    /// The signed-in user's name, shown in the header.
    public var userName: String
    /// One line for errors and notices, shown above the key-hint bar.
    public var message: String?
    public var quitRequested = false

    public init(size: Size, userName: String) {
        self.size = size
        self.userName = userName
        self.list = ListWindow(height: DossierListScreen.visibleRows(for: size))
    }
}
