import FicheTerminal

/// The keymap used when none is chosen: the shipped `Keymaps/default.toml` (function keys with
/// letter twins, nothing that needs AltGr on a Belgian AZERTY keyboard).
public enum DefaultKeys {
    /// The shipped default keymap; empty only if the bundled file cannot be read.
    public static let keymap: Keymap = {
        let catalog = KeymapCatalog(locations: ConfigLocations(shipped: ConfigLocations.standard(environment: [:]).shipped, user: nil))
        // try?: the shipped keymap, read from the bundle and checked by the keymap tests; no user file is read here.
        return (try? catalog.keymap(named: "default")) ?? Keymap(name: "default")
    }()

    /// The action `key` runs in the dossier list with the default keymap.
    public static func action(for key: Key) -> ActionID? {
        keymap.action(for: key, in: .list)
    }
}
