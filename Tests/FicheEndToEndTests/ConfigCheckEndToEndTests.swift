import Foundation
import XCTest

/// `fiche --check-config` and the theme and keymap options, run as a user would.
final class ConfigCheckEndToEndTests: XCTestCase {
    func testTheShippedConfigurationHasNoProblem() throws {
        let folder = try FicheBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try FicheBinary.run(["--check-config"], environment: ["HOME": folder.path])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertTrue(outcome.standardOutput.contains("colour-blind-safe"), outcome.standardOutput)
        XCTAssertTrue(outcome.standardOutput.contains("vim"), outcome.standardOutput)
    }

    func testMistakesInUserFilesAreReportedWithFileAndLine() throws {
        let folder = try FicheBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keymaps = folder.appendingPathComponent(".config/fiche/keymaps")
        let themes = folder.appendingPathComponent(".config/fiche/themes")
        try FileManager.default.createDirectory(at: keymaps, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "[list]\n\"list.open\" = [\"o\"]\n\"record.new\" = [\"o\"]\n\"list.explode\" = [\"x\"]\n"
            .write(to: keymaps.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "base = \"default\"\n[roles]\nheder = { fg = \"red\" }\n"
            .write(to: themes.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let outcome = try FicheBinary.run(["--check-config"], environment: ["HOME": folder.path])
        XCTAssertEqual(outcome.status, 1)
        let keymap = keymaps.appendingPathComponent("mine.toml").path
        let theme = themes.appendingPathComponent("mine.toml").path
        XCTAssertTrue(outcome.standardError.contains("\(keymap):3: o is bound to both list.open and record.new in [list]"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("\(keymap):4: unknown action \"list.explode\" in [list]"), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("\(theme):3: unknown role \"heder\" in [roles]"), outcome.standardError)
    }

    func testAnUnknownThemeIsRefusedWithTheNamesThatExist() throws {
        let folder = try FicheBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try FicheBinary.run(["demo", "--no-tui", "--data-dir", folder.path, "--theme", "solarized"],
                                          environment: ["HOME": folder.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.standardError.contains("aucun thème nommé « solarized » (disponibles : colour-blind-safe, default, high-contrast, light, mono)"),
                      outcome.standardError)
    }
}
