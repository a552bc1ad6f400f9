import FicheWidgets

/// A read of the replica that failed on a screen, kept until the app puts it on the message line.
///
/// A screen that cannot read keeps what it showed; it notes the failure here and hands it over
/// from `Screen.takeReadFailure()`, so the clerk never mistakes an old or empty screen for the
/// replica's answer.
struct FailedRead {
    private var toast: Toast?

    /// Notes `error` as "Cannot read the local database: …" in the user's language.
    mutating func note(_ error: any Error, _ strings: Strings) {
        note(strings.format("error.replica", ["detail": "\(error)"]))
    }

    /// Notes a failure told in `text` (already in the user's language).
    mutating func note(_ text: String) {
        toast = Toast(text, kind: .error)
    }

    /// The failure noted since the last call, if any.
    mutating func take() -> Toast? {
        defer { toast = nil }
        return toast
    }
}
