import FicheTerminal

/// The theme and keymap the user chose (`--theme`, `--keymap`, else `FICHE_THEME`,
/// `FICHE_KEYMAP`, else "default"), read from the shipped files and `~/.config/fiche/`; and
/// whether the display is plain (`--plain`, else `FICHE_PLAIN=1`: for screen readers and braille).
struct Appearance {
    let theme: ThemeDefinition
    let keymap: Keymap
    var plain = false

    /// Loads both; a name that does not exist is an error naming the ones that do. Mistakes in
    /// other files do not stop Fiche: `fiche --check-config` lists them.
    static func load(theme: String?, keymap: String?, plain: Bool = false, environment: [String: String]) throws -> Appearance {
        let locations = ConfigLocations.standard(environment: environment)
        let themes = ThemeCatalog(locations: locations)
        let keymaps = KeymapCatalog(locations: locations)
        let themeName = theme ?? environment["FICHE_THEME"] ?? "default"
        let keymapName = keymap ?? environment["FICHE_KEYMAP"] ?? "default"
        guard let definition = themes.definition(named: themeName) else {
            throw CommandFailure(.themeUnknown, ["name": themeName, "names": themes.names.joined(separator: ", ")])
        }
        do {
            return Appearance(theme: definition, keymap: try keymaps.keymap(named: keymapName),
                              plain: plain || environment["FICHE_PLAIN"] == "1")
        } catch {
            // The only error `keymap(named:)` throws: a keymap of that name does not exist.
            throw CommandFailure(.keymapUnknown, ["name": keymapName, "names": keymaps.names.joined(separator: ", ")])
        }
    }
}
