import Foundation

/// A detached tmux server of its own, to drive the real binary on a real pseudo-terminal.
struct Tmux {
    let socket = "fiche-test-\(UUID().uuidString.prefix(8))"

    static var executable: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        try Spawn.run(Tmux.executable ?? "/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments).output
    }

    /// Starts `command` in a detached session of the given size, with a UTF-8 locale.
    func start(_ command: String, width: Int, height: Int) throws {
        try run(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                 "env LANG=C.UTF-8 TERM=xterm-256color \(command)",
                 ";", "set-option", "-t", "main", "remain-on-exit", "on"])
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "main"]) }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
    @discardableResult
    func waitForScreen(seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var last = ""
        repeat {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        } while ContinuousClock.now < deadline
        return last
    }

    func kill() { _ = try? run(["kill-server"]) }
}
