import FicheDomain
import FicheReplica
import Foundation
import FicheTerminal
import FicheWidgets

/// The application: a stack of screens in a frame, driven by keys.
///
/// Keys go through the keymap to action ids (`list.down`, `app.quit`) in the top screen's
/// context, so the user's keymap decides what every key does. While a field has the focus,
/// printable keys are typed into it first. The same object runs under the real terminal and in
/// headless tests, which press keys or run action ids and read the rendered buffer as text.
public final class App {
    public let environment: ScreenEnvironment
    public var strings: Strings { environment.strings }
    public var keymap: Keymap { environment.keymap }
    public private(set) var size: Size
    /// The screens, the dossier list first; the last one is shown.
    public private(set) var stack: [any Screen]
    /// The message line: an error, a refusal or a confirmation, until the next key.
    public private(set) var message: Toast? {
        didSet {
            guard let message, message != oldValue else { return }
            messageLog.append(LoggedMessage(time: environment.clock.clockTime(environment.clock.now()), toast: message))
            if messageLog.count > Self.loggedMessages { messageLog.removeFirst(messageLog.count - Self.loggedMessages) }
        }
    }
    /// The last messages the message line showed, oldest first (`app.messages` opens them).
    public private(set) var messageLog: [LoggedMessage] = []
    /// How many messages the log keeps.
    static let loggedMessages = 100
    /// The command palette while it is open.
    public private(set) var palette: CommandPalette?
    /// Whether the help overlay is shown.
    public private(set) var showsHelp = false {
        didSet { helpTop = 0 }
    }
    /// The first help entry shown when they do not all fit.
    private var helpTop = 0
    /// The work running off the key path, shown as a progress bar until `finishWork()`.
    public private(set) var work: BackgroundWork?
    public private(set) var quitRequested = false
    /// Quit was asked once while changes wait to be sent: the next quit leaves, any other key stays.
    private var quitArmed = false

    public init(environment: ScreenEnvironment, size: Size) {
        self.environment = environment
        self.size = size
        let list = DossierListScreen(environment, body: App.bodySize(for: size))
        self.stack = [list]
        showReadFailure()
    }

    /// A demo or test app for `userName`'s account (the demo user when it is not in the replica).
    public convenience init(database: AppDatabase, strings: Strings, userName: String, size: Size,
                            keymap: Keymap = DefaultKeys.keymap, userID: String = DemoDataGenerator.demoUserID,
                            today: LocalDate? = nil) throws {
        let user = try database.user(id: userID)
        let rules = try RuleBook.bundled()
        let environment = ScreenEnvironment(
            database: database, strings: strings, keymap: keymap,
            user: user ?? User(id: userID, login: userName, displayName: userName, language: .fr),
            rules: rules, clock: today.map { OfficeClock.fixed(at: $0) })
        self.init(environment: environment, size: size)
    }

    /// The screen on top.
    public var top: any Screen { stack[stack.count - 1] }

    /// The dossier list, at the bottom of the stack.
    public var dossierList: DossierListScreen? { stack.first as? DossierListScreen }

    /// Reads the replica again into the screen on top (after a background sync pulled changes);
    /// the message line stays as it is unless the read fails.
    public func reloadTop() {
        top.reload(environment)
        showReadFailure()
    }

    /// A read the screen on top could not do goes on the message line, over any other message:
    /// the screen still shows what it read before, and the clerk must know it is not fresh.
    private func showReadFailure() {
        if let failure = top.takeReadFailure() { message = failure }
    }

    /// The body's size: the screen less the status line, the message line and the key hints.
    public static func bodySize(for size: Size) -> Size {
        Size(width: size.width, height: max(1, size.height - 3))
    }

    /// Handles one input event from the terminal.
    public func handle(_ event: InputEvent) {
        defer { showReadFailure() }
        if work != nil, case .key = event { return }   // keys wait for the work's outcome
        if work != nil, case .mouse = event { return }
        switch event {
        case .key(let key):
            if key == .control("c") {
                quitRequested = true   // Ctrl+C always leaves at once, whatever the keymap says
                return
            }
            if keymap.action(for: key, in: top.keyContext) != "app.quit" { quitArmed = false }
            // While the terminal is too small nothing of the screen shows, so no key may act on it
            // unseen: only quitting (which still asks about unsent changes) and a resize act.
            if Frame.isTooSmall(size) {
                if keymap.action(for: key, in: top.keyContext) == "app.quit" { perform(action: "app.quit") }
                return
            }
            if palette != nil {
                handlePalette(key)
                return
            }
            if showsHelp, scrollHelp(key) { return }
            if !showsHelp, top.takesText, Self.isTyping(key) {
                message = nil
                let result = top.type(key, environment)
                if case .ignored = result {} else {
                    apply(result)
                    return
                }
            }
            if let action = keymap.action(for: key, in: top.keyContext) {
                perform(action: action)
            } else if !showsHelp {
                // A key the keymap leaves free (Enter in a dialog, ← → on a choice) is the screen's.
                message = nil
                apply(top.type(key, environment))
            }
        case .resize(let newSize):
            size = newSize
            for screen in stack { screen.layout(body: Self.bodySize(for: newSize), environment) }
        case .mouse(let mouse):
            guard palette == nil, !showsHelp, !Frame.isTooSmall(size) else { return }
            switch mouse.kind {
            case .wheelDown: perform(action: "list.down")
            case .wheelUp: perform(action: "list.up")
            case .click, .doubleClick:
                guard mouse.y >= 1, mouse.y < size.height - 2 else { return }
                message = nil
                apply(top.click(row: mouse.y - 1, column: mouse.x, double: mouse.kind == .doubleClick, environment))
            }
        }
    }

    private func helpArea(_ bounds: Rect) -> Rect { bounds.inset(top: 1) }

    /// ↑ ↓ PgUp PgDn Home End move through a help longer than the screen.
    private func scrollHelp(_ key: Key) -> Bool {
        let overlay = HelpOverlay(title: "", entries: entries())
        let last = overlay.lastTop(in: helpArea(Rect(x: 0, y: 0, width: size.width, height: size.height)))
        let page = max(1, size.height - 5)
        switch key {
        case .down: helpTop = min(last, helpTop + 1)
        case .up: helpTop = max(0, helpTop - 1)
        case .pageDown: helpTop = min(last, helpTop + page)
        case .pageUp: helpTop = max(0, helpTop - page)
        case .home: helpTop = 0
        case .end: helpTop = last
        default: return false
        }
        return true
    }

    /// Runs an action of the registry by id.
    public func perform(action id: ActionID) {
        guard work == nil else { return }
        defer { showReadFailure() }
        message = nil
        if showsHelp {
            guard ["app.help", "app.back", "app.quit"].contains(id) else { return }
        }
        switch id.rawValue {
        case "app.quit":
            // Unsent changes stay in the outbox and go at the next sync; the first quit says so.
            // A count that cannot be read asks nothing: the changes are kept either way.
            if !quitArmed, let unsent = try? environment.database.syncCounts().pending, unsent > 0 {
                quitArmed = true
                message = Toast(strings.format(unsent == 1 ? "app.quit.unsent.one" : "app.quit.unsent", [
                    "count": "\(unsent)", "key": environment.keyNames("app.quit", in: top.keyContext),
                ]), kind: .info)
                return
            }
            quitRequested = true
            return
        case "app.help":
            showsHelp.toggle()
            return
        case "app.palette":
            palette = CommandPalette(title: strings["palette.title"], entries: entries())
            return
        case "app.syncStatus":
            message = syncExplanation()
            return
        case "app.messages":
            guard !(top is MessageLogScreen) else { return }
            apply(.open(MessageLogScreen(messages: messageLog)))
            return
        default:
            break
        }
        if showsHelp, id == "app.back" {
            showsHelp = false
            return
        }
        let result = top.perform(id, environment)
        if case .ignored = result {
            fallBack(id)
        } else {
            apply(result)
        }
    }

    /// What an action does when the screen on top has no use for it.
    private func fallBack(_ id: ActionID) {
        switch id.rawValue {
        case "app.back":
            if stack.count > 1 { apply(.close(nil)) }
        case "view.refresh":
            top.reload(environment)
        default:
            if let screen = Navigation.screen(for: id, environment, body: Self.bodySize(for: size)) {
                apply(.switchTo(screen))
            } else {
                message = Toast(strings.format("action.unavailable", ["action": strings["action." + id.rawValue]]), kind: .error)
            }
        }
    }

    private func apply(_ result: ScreenResult) {
        switch result {
        case .handled, .ignored:
            break
        case .notice(let toast):
            message = toast
        case .open(let screen):
            screen.layout(body: Self.bodySize(for: size), environment)
            stack.append(screen)
        case .close(let toast):
            if stack.count > 1 { stack.removeLast() }
            top.reload(environment)
            message = toast
        case .work(let work):
            self.work = work
            work.start()
        case .switchTo(let screen):
            screen.layout(body: Self.bodySize(for: size), environment)
            if screen is DossierListScreen {
                stack = [screen]
            } else {
                stack = [stack[0], screen]
                stack[0].reload(environment)
            }
        }
    }

    /// The screen for the current state. In the plain display its `cursor` is where the terminal's
    /// cursor goes (the focused row or field, nil when nothing has the focus); otherwise nil.
    public func render() -> CellBuffer {
        var buffer = draw()
        if !environment.plain { buffer.cursor = nil }
        return buffer
    }

    private func draw() -> CellBuffer {
        var buffer = CellBuffer(size: size, glyphs: environment.plain ? .plain : .unicode)
        if Frame.isTooSmall(size) {
            Frame.renderTooSmall(strings: strings, into: &buffer)
            // The question a quit asks (unsent changes) must be read even here.
            if let message, buffer.height > 3 {
                message.render(into: &buffer, endingOn: buffer.height - 1, width: buffer.width, maxLines: 3, word: messageWord(message))
            }
            return buffer
        }
        Frame.renderHeader(breadcrumb: [strings["app.name"]] + top.breadcrumb(environment),
                           context: Frame.context(environment), badge: Frame.badge(environment), into: &buffer)
        let body = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 3)
        if top.drawsOver, stack.count > 1 { stack[stack.count - 2].render(into: &buffer, rect: body, environment) }
        top.render(into: &buffer, rect: body, environment)
        if let message {
            // A long message climbs over the bottom of the body rather than being cut.
            message.render(into: &buffer, endingOn: buffer.height - 2, width: buffer.width, maxLines: max(1, body.height / 3),
                           word: messageWord(message))
        }
        Frame.renderKeyHints(top.hintedActions.filter { top.mayUse($0, environment) }, context: top.keyContext, keymap: keymap,
                             strings: strings, label: { top.hintLabel(for: $0, strings) }, into: &buffer)
        if showsHelp {
            HelpOverlay(title: strings["help.title"], entries: entries(), top: helpTop)
                .render(into: &buffer, area: helpArea(buffer.bounds))
        }
        palette?.render(into: &buffer, area: body)
        if let work { renderWork(work, into: &buffer, area: body) }
        return buffer
    }

    /// In the plain display, the word a message starts with for its kind ("Erreur :"), which
    /// says what the glyph and the colour say; nil otherwise.
    private func messageWord(_ toast: Toast) -> String? {
        guard environment.plain else { return nil }
        switch toast.kind {
        case .info: return strings["message.kind.info"]
        case .success: return strings["message.kind.success"]
        case .error: return strings["message.kind.error"]
        }
    }

    /// Takes the sync loop's news for the badge. In the plain display a change between online
    /// and offline is also told on the message line (unless a message is there), since a badge
    /// that changes in a corner is not read.
    public func showSyncStatus(_ status: SyncBadgeState) {
        let before = environment.syncStatus
        environment.syncStatus = status
        guard environment.plain, message == nil, let before, before.isOnline != status.isOnline else { return }
        message = Toast(strings[status.isOnline ? "sync.now.online" : "sync.now.offline"])
    }

    /// Alt+i: why the badge says offline (in the user's language, the cause after it), or that
    /// the last sync went through; with the time of the last one that did.
    private func syncExplanation() -> Toast {
        guard let status = environment.syncStatus else { return Toast(strings["sync.why.local"]) }
        let last = status.lastSync.map { strings.format("sync.why.last", ["time": $0]) } ?? strings["sync.why.never"]
        guard let trouble = status.trouble, !status.isOnline else {
            return Toast(strings["sync.why.online"] + " " + last, kind: .success)
        }
        let (key, values) = trouble.message
        return Toast(strings.format(key, values) + " " + last, kind: .error)
    }

    /// Whether the screen on top computes something off the key path (keys still work).
    public var isScreenBusy: Bool { top.isBusy }

    /// Lets the screen on top take in what its own work finished with; true when it changed.
    @discardableResult
    public func pollScreen() -> Bool {
        let changed = top.poll(environment)
        if changed { showReadFailure() }
        return changed
    }

    /// Shows a finished `work`'s outcome and lets keys through again; false while it runs.
    @discardableResult
    public func finishWork() -> Bool {
        guard let work, let outcome = work.takeOutcome() else { return false }
        self.work = nil
        message = outcome
        top.reload(environment)
        showReadFailure()
        return true
    }

    /// "Export… [██████    ] 60 % · 1 s" in a panel over the screen.
    private func renderWork(_ work: BackgroundWork, into buffer: inout CellBuffer, area: Rect) {
        let panel = Panel(title: strings["work.title"], width: min(area.width - 2, 64), height: 4)
        let inside = panel.render(into: &buffer, in: area)
        buffer.write(work.title, x: inside.x, y: inside.y, role: .dialog, maxWidth: inside.width)
        let percent = Int((work.fraction * 100).rounded(.down))
        let tail = " \(percent) % · " + strings.format("work.seconds", ["seconds": "\(max(0, Int(environment.clock.now().timeIntervalSince(work.started))))"])
        let barWidth = max(4, inside.width - DisplayWidth.of(tail) - 2)
        buffer.write("[", x: inside.x, y: inside.y + 1, role: .dialog)
        buffer.write(BarChart.bar(value: work.fraction, maximum: 1, width: barWidth), x: inside.x + 1, y: inside.y + 1, role: .chartBar)
        buffer.write("]" + tail, x: inside.x + 1 + barWidth, y: inside.y + 1, role: .dialog, maxWidth: inside.width - barWidth - 1)
    }

    /// The actions of the screen on top with their keys and words, for the help and the palette.
    private func entries() -> [HelpEntry] {
        HelpEntry.entries(registry: .standard, keymap: keymap, context: top.keyContext) { strings[$0.descriptionKey] }
    }

    private func handlePalette(_ key: Key) {
        guard var open = palette else { return }
        switch key {
        case .escape, .function(9), .function(10):
            palette = nil
        case .enter:
            palette = nil
            if let action = open.selectedAction { perform(action: action) }
        case .up: open.moveSelection(-1); palette = open
        case .down: open.moveSelection(1); palette = open
        case .backspace: open.deleteBackward(); palette = open
        case .character(let character): open.type(String(character)); palette = open
        default: break
        }
    }

    /// Printable characters, Backspace and Ctrl+U (clear the field): what a focused field takes
    /// before the keymap.
    static func isTyping(_ key: Key) -> Bool {
        switch key {
        case .character, .backspace, .control("u"): return true
        default: return false
        }
    }
}
