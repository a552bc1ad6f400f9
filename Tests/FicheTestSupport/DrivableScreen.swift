import FicheTerminal

/// Something a `ScreenDriver` can drive without a terminal: the app, or a test screen.
public protocol DrivableScreen: AnyObject {
    /// Handles a key, a mouse event or a resize as the terminal would report it.
    func handle(_ event: InputEvent)
    /// Runs an action by id, as if its key had been pressed.
    func perform(action: ActionID)
    /// The screen for the current state.
    func render() -> CellBuffer
}
