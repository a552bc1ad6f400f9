import FicheTerminal
import Foundation

/// `fiche --check-config`: reads every theme and keymap, shipped and the user's, and reports
/// each mistake as `file:line: message`. Exits with status 1 when there is any.
enum ConfigCheck {
    static func run(environment: [String: String]) -> Int32 {
        let locations = ConfigLocations.standard(environment: environment)
        let themes = ThemeCatalog(locations: locations)
        let keymaps = KeymapCatalog(locations: locations)
        let issues = themes.issues + keymaps.issues
        for issue in issues {
            FileHandle.standardError.write(Data("\(issue)\n".utf8))
        }
        let folder = locations.user?.path ?? "(no HOME)"
        if issues.isEmpty {
            print("Themes: \(themes.names.joined(separator: ", ")). Keymaps: \(keymaps.names.joined(separator: ", ")). No problems (user folder: \(folder)).")
            return 0
        }
        FileHandle.standardError.write(Data("fiche: \(issues.count) problem\(issues.count == 1 ? "" : "s") in themes and keymaps\n".utf8))
        return 1
    }
}
