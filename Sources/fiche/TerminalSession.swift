import FicheApp
import FicheCurses
import FicheReplica
import FicheTerminal

/// Runs the full-screen interface until the user quits, then restores the terminal.
enum TerminalSession {
    static func run(database: AppDatabase, strings: Strings, userName: String, appearance: Appearance,
                    environment: [String: String]) throws {
        let terminal = try CursesTerminal(theme: .monochrome, environment: environment)
        defer { terminal.end() }
        terminal.use(theme: appearance.theme.theme(for: terminal.colorDepth))
        let app = App(database: database, strings: strings, userName: userName, size: terminal.size, keymap: appearance.keymap)
        terminal.draw(app.render())
        while !app.state.quitRequested {
            guard let event = terminal.nextEvent(timeoutMilliseconds: 1_000) else { continue }
            app.handle(event)
            terminal.draw(app.render())
        }
    }
}
