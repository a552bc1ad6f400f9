extension Strings {
    /// The command's sentence `message` with its `{name}` placeholders filled (`format`).
    public func callAsFunction(_ message: CLIMessage, _ values: [String: String] = [:]) -> String {
        format(message.rawValue, values)
    }

    /// Why a sync did not go through, in a sentence of this language with its technical cause.
    public func sentence(for trouble: SyncTrouble) -> String {
        let (key, values) = trouble.message
        return format(key, values)
    }
}
