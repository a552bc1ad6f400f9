import FicheApp
import FicheCurses
import FicheReplica
import FicheTerminal

/// Runs the full-screen interface until the user quits, then restores the terminal.
enum TerminalSession {
    static func run(database: AppDatabase, strings: Strings, userID: String, exportFolder: String,
                    appearance: Appearance, environment: [String: String]) throws {
        let terminal = try CursesTerminal(theme: .monochrome, environment: environment)
        defer { terminal.end() }
        terminal.use(theme: appearance.theme.theme(for: terminal.colorDepth))
        let app = try App(database: database, strings: strings, userName: userID, size: terminal.size,
                          keymap: appearance.keymap, userID: userID)
        app.environment.exportFolder = exportFolder
        terminal.draw(app.render())
        while !app.quitRequested {
            guard let event = terminal.nextEvent(timeoutMilliseconds: 1_000) else { continue }
            app.handle(event)
            terminal.draw(app.render())
        }
    }
}
