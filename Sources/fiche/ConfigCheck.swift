import FicheApp
import FicheTerminal
import Foundation

/// `fiche --check-config`: reads every theme and keymap, shipped and the user's, and reports
/// each mistake as `file:line: message`. Exits with status 1 when there is any.
enum ConfigCheck {
    static func run(environment: [String: String], words: Strings) -> Int32 {
        let locations = ConfigLocations.standard(environment: environment)
        let themes = ThemeCatalog(locations: locations)
        let keymaps = KeymapCatalog(locations: locations)
        let issues = themes.issues + keymaps.issues
        for issue in issues {
            FileHandle.standardError.write(Data("\(issue)\n".utf8))
        }
        let folder = locations.user?.path ?? words(.configNoHome)
        if issues.isEmpty {
            print(words(.configOK, ["themes": themes.names.joined(separator: ", "), "keymaps": keymaps.names.joined(separator: ", "),
                                    "folder": folder]))
            return 0
        }
        let summary = words(.configProblems, ["count": "\(issues.count)"])
        FileHandle.standardError.write(Data((words(.failure, ["message": summary]) + "\n").utf8))
        return 1
    }
}
