import FicheTerminal
import FicheWidgets

/// One screen of Fiche: the dossier list, a dossier's tabs, a form, a queue.
///
/// The app keeps a stack of screens: Enter on a row opens one on top, Esc (`app.back`) closes
/// it and the one below comes back as it was left. A screen answers the actions of its key
/// context, takes typed text while one of its fields has the focus, and draws its body; the
/// app draws the status line, the message line and the key-hint bar around it.
///
/// To add a screen: a class conforming to `Screen` in `Screens/`, its words in a
/// `Strings/<topic>.{fr,nl,en}.json` table, its actions in `ActionRegistry` and the keymaps,
/// and a headless test driving it through `App` (see docs/CODEBASE.md).
public protocol Screen: AnyObject {
    /// Where the screen's keys are looked up (falling back to `global`).
    var keyContext: KeyContext { get }
    /// The actions the key-hint bar offers, most used first.
    var hintedActions: [ActionID] { get }
    /// The key-hint bar's word for `action` on this screen, when it is not the action's own
    /// (`action.<id>`): Enter corrects an entry but edits a note. Nil for the action's own word.
    func hintLabel(for action: ActionID, _ strings: Strings) -> String?
    /// Whether the user's roles let them run `action` here; the key-hint bar leaves out the
    /// actions they may not use. By default, a right at any employer (`ActionRight`).
    func mayUse(_ action: ActionID, _ environment: ScreenEnvironment) -> Bool
    /// Whether printable keys and Backspace go to the screen before the keymap (a search or
    /// form field has the focus).
    var takesText: Bool { get }
    /// A dialog drawn over the screen below it (which stays in sight), rather than over an empty body.
    var drawsOver: Bool { get }
    /// The breadcrumb after "Fiche".
    func breadcrumb(_ environment: ScreenEnvironment) -> [String]
    /// Runs an action of the registry; `.ignored` when the screen has no use for it.
    func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult
    /// A printable key or Backspace while `takesText`; `.ignored` to let the keymap have it.
    func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult
    /// A click on the body; `row` counts from the body's first line.
    func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult
    /// The body has a new size (the terminal was resized).
    func layout(body: Size, _ environment: ScreenEnvironment)
    /// Reads the replica again: after a save on a screen above, a sync, or F5. A read that fails
    /// leaves the screen as it was and is told by `takeReadFailure()`.
    func reload(_ environment: ScreenEnvironment)
    /// Why the last read of the replica failed, once: the app puts it on the message line, while
    /// the screen still shows what it showed before. Nil when every read since the last call worked.
    func takeReadFailure() -> Toast?
    /// Work of the screen's own runs off the key path (keys still work): the terminal loop then
    /// polls ten times a second and redraws.
    var isBusy: Bool { get }
    /// Takes in what the screen's own work finished with; true when there is something new to draw.
    func poll(_ environment: ScreenEnvironment) -> Bool
    /// Draws the body in `rect`.
    func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment)
}

extension Screen {
    public var takesText: Bool { false }
    public var drawsOver: Bool { false }
    public func hintLabel(for action: ActionID, _ strings: Strings) -> String? { nil }
    public func mayUse(_ action: ActionID, _ environment: ScreenEnvironment) -> Bool {
        ActionRight.allows(action, environment.rights)
    }
    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult { .ignored }
    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult { .ignored }
    public func layout(body: Size, _ environment: ScreenEnvironment) {}
    public func reload(_ environment: ScreenEnvironment) {}
    public func takeReadFailure() -> Toast? { nil }
    public var isBusy: Bool { false }
    public func poll(_ environment: ScreenEnvironment) -> Bool { false }
}
