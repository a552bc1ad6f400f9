import Foundation

/// Where Fiche keeps its files: `--data-dir`, else `$XDG_DATA_HOME/fiche`, else
/// `~/.local/share/fiche`, else a folder in the temporary directory.
enum DataDirectory {
    static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/fiche" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/fiche" }
        return NSTemporaryDirectory() + "fiche"
    }

    /// Creates the folder readable by its owner only (it holds personal data).
    static func prepare(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure(.dataFolderCannotCreate, ["path": path, "detail": error.localizedDescription])
        }
    }
}
