/// A key the user pressed, decoded from the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// F1…F12.
    case function(Int)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    /// Ctrl with a letter, lowercase: `.control("s")` is Ctrl+S.
    case control(Character)
    /// Alt (or Esc then the key quickly) with a character.
    case alt(Character)
}
