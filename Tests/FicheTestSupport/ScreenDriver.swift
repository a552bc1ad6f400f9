import FicheTerminal
import Foundation
import XCTest

/// Drives a screen headless, the way a clerk would: press keys by name or run action ids,
/// type text, resize the terminal, then read the screen.
///
/// ```swift
/// let driver = ScreenDriver(app)
/// driver.press("Down", "Down", "F3")
/// driver.type("bossche")
/// driver.resize(width: 80, height: 24)
/// XCTAssertTrue(driver.screenText.contains("Van den Bossche"))
/// ```
public final class ScreenDriver<Screen: DrivableScreen> {
    public let screen: Screen

    public init(_ screen: Screen) { self.screen = screen }

    /// Presses keys by their keymap names (`F10`, `Ctrl+S`, `Down`, `q`).
    public func press(_ names: String..., file: StaticString = #filePath, line: UInt = #line) {
        for name in names {
            guard let key = Key(name: name) else {
                XCTFail("no key is named \"\(name)\"", file: file, line: line)
                continue
            }
            screen.handle(.key(key))
        }
    }

    /// Runs actions by id (`list.down`, `app.help`), whatever keys the keymap gives them.
    public func run(_ actions: ActionID...) {
        for action in actions { screen.perform(action: action) }
    }

    /// Types text one character at a time, as keystrokes.
    public func type(_ text: String) {
        for character in text { screen.handle(.key(.character(character))) }
    }

    /// Resizes the terminal.
    public func resize(width: Int, height: Int) {
        screen.handle(.resize(Size(width: width, height: height)))
    }

    /// Clicks or turns the wheel at a cell.
    public func mouse(_ kind: MouseEvent.Kind, x: Int, y: Int) {
        screen.handle(.mouse(MouseEvent(kind: kind, x: x, y: y)))
    }

    public var buffer: CellBuffer { screen.render() }

    /// The screen as text, one line per row.
    public var screenText: String { screen.render().text() }

    /// The screen's lines trimmed and joined by one space, so that a message broken over
    /// several lines reads as one sentence.
    public var flowingText: String {
        screenText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
