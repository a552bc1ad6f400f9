import FicheApp
import FicheCurses
import FicheReplica
import FicheTerminal
import Foundation

/// Runs the full-screen interface until the user quits, then restores the terminal.
enum TerminalSession {
    /// - Parameter background: the sync with the server (a signed-in or demo account); nil keeps
    ///   the replica local. Its results reach the screens between two keys, never during one.
    static func run(database: AppDatabase, strings: Strings, userID: String, userName: String? = nil, exportFolder: String,
                    appearance: Appearance, environment: [String: String], background: BackgroundSync? = nil) throws {
        let terminal = try CursesTerminal(theme: .monochrome, environment: environment)
        defer { terminal.end() }
        terminal.use(theme: appearance.theme.theme(for: terminal.colorDepth))
        let app = try App(database: database, strings: strings, userName: userName ?? userID, size: terminal.size,
                          keymap: appearance.keymap, userID: userID)
        app.environment.exportFolder = exportFolder
        app.environment.plain = appearance.plain
        // The queues worked out by rules are read off the key path, with a spinner on their tab.
        app.environment.readsInBackground = true
        // The art. 60 projections of the day worked out while the first screen is read, so the
        // watch opens from those kept (`Art60ProjectionStore`). A replica without contracts
        // (no art. 60 right) has none to work out.
        let (today, rules) = (app.environment.today, app.environment.rules)
        Thread.detachNewThread {
            do {
                _ = try database.art60Watch(asOf: today, rules: rules)
            } catch {
                // Nothing is lost: the watch works them out when it opens, and says what fails then.
            }
        }
        if let background {
            app.environment.syncStatus = SyncBadgeState(isOnline: false)
            // try?: only hurries the next sync; the badge shows the counts, or that they cannot be read.
            background.noteLocalChanges(pending: (try? database.syncCounts().pending) ?? 0)
            background.start()
        }
        defer { background?.stop() }
        terminal.draw(app.render())
        while !app.quitRequested {
            // The timeout lets a finished sync show within a second even when no key comes, and
            // a progress bar move ten times a second while work runs off the key path.
            let working = app.work != nil || app.isScreenBusy
            let event = terminal.nextEvent(timeoutMilliseconds: working ? 100 : 1_000)
            if let event { app.handle(event) }
            let finished = app.finishWork() || app.pollScreen()
            var synced = false
            if let background {
                // try?: only hurries the next sync; the badge shows the counts, or that they cannot be read.
                background.noteLocalChanges(pending: (try? database.syncCounts().pending) ?? 0)
                if let report = background.take() {
                    background.apply(report, to: app)
                    synced = true
                }
            }
            if event != nil || synced || working || finished || app.work != nil { terminal.draw(app.render()) }
        }
    }
}
