import FicheWidgets

/// What a screen asks of the app after an action or a key.
public enum ScreenResult {
    /// Done; draw again.
    case handled
    /// The screen has no use for it: the app tries the next reading (or says it is not available).
    case ignored
    /// Done, with a line for the message bar.
    case notice(Toast)
    /// Put a screen on top (a dossier, a form, a dialog).
    case open(any Screen)
    /// Close this screen; the one below rereads the replica and shows `notice` if any.
    case close(Toast?)
    /// Replace the whole stack by this screen (the `go.*` actions).
    case switchTo(any Screen)
    /// Run this off the key path with a progress bar; its outcome goes to the message bar.
    case work(BackgroundWork)
}

extension ScreenResult {
    /// The replica could not be read: the message line says so, in the user's language, and the
    /// screen stays as it was.
    static func readFailed(_ error: any Error, _ strings: Strings) -> ScreenResult {
        .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
    }
}
