import FicheWidgets

/// A message the message line showed, with the Brussels time it came: the last ones are kept
/// for the message log (`app.messages`), so a message replaced by the next key is still read.
public struct LoggedMessage: Hashable, Sendable {
    /// "HH:mm", Brussels time.
    public let time: String
    public let toast: Toast

    public init(time: String, toast: Toast) {
        self.time = time
        self.toast = toast
    }
}
