import FicheTOML
import Foundation

/// Where theme and keymap files are found: the ones shipped inside Fiche, then the user's
/// own in `$XDG_CONFIG_HOME/fiche` (else `~/.config/fiche`), in `themes/` and `keymaps/`.
///
/// A user file named like a shipped one overlays it (only what it names changes); a user
/// file with a new name adds a theme or keymap.
public struct ConfigLocations: Hashable, Sendable {
    /// The folder holding the shipped `Themes/` and `Keymaps/`.
    public var shipped: URL?
    /// The user's folder, holding `themes/` and `keymaps/`.
    public var user: URL?

    public init(shipped: URL?, user: URL?) {
        self.shipped = shipped
        self.user = user
    }

    /// The shipped files, and the user's folder from the environment.
    public static func standard(environment: [String: String]) -> ConfigLocations {
        var user: URL?
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            user = URL(fileURLWithPath: xdg).appendingPathComponent("fiche")
        } else if let home = environment["HOME"], !home.isEmpty {
            user = URL(fileURLWithPath: home).appendingPathComponent(".config/fiche")
        }
        return ConfigLocations(shipped: Bundle.module.resourceURL, user: user)
    }

    /// One file to read: where it is, how messages name it, and whether the user wrote it.
    public struct File: Hashable, Sendable {
        public var url: URL
        public var label: String
        public var isUser: Bool
    }

    /// The `.toml` files of a kind, by name (file name without extension): shipped first, then user.
    /// A folder that does not exist holds no files; one that exists but cannot be listed is
    /// added to `issues`.
    /// - Parameters:
    ///   - shippedFolder: `Themes` or `Keymaps`.
    ///   - userFolder: `themes` or `keymaps`.
    public func files(shippedFolder: String, userFolder: String, issues: inout [FileIssue]) -> [String: [File]] {
        var found: [String: [File]] = [:]
        func scan(_ folder: URL, label: (String) -> String, isUser: Bool) {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                guard FileManager.default.fileExists(atPath: folder.path) else { return }
                issues.append(FileIssue(file: label(""), line: 0, message: "cannot be read (\(error.localizedDescription))"))
                return
            }
            for name in names.sorted() where name.hasSuffix(".toml") {
                let url = folder.appendingPathComponent(name)
                found[String(name.dropLast(5)), default: []].append(File(url: url, label: label(name), isUser: isUser))
            }
        }
        if let shipped {
            scan(shipped.appendingPathComponent(shippedFolder), label: { "\(shippedFolder)/\($0)" }, isUser: false)
        }
        if let user {
            let folder = user.appendingPathComponent(userFolder)
            scan(folder, label: { folder.appendingPathComponent($0).path }, isUser: true)
        }
        return found
    }
}
