/// The keybinding reference (docs/keybindings.md), generated from the action registry and
/// the shipped keymaps so it can never drift from what the keys really do.
///
/// A test compares the checked-in file with `markdown(…)`; `RECORD_SNAPSHOTS=1` rewrites it.
public enum KeybindingReference {
    /// The reference as Markdown: per context, each action with its keys in every keymap.
    public static func markdown(registry: ActionRegistry, keymaps: [Keymap]) -> String {
        var lines = [
            "# Keybindings",
            "",
            "Generated from the action registry (`Sources/FicheTerminal/ActionRegistry.swift`) and the",
            "shipped keymaps (`Keymaps/*.toml`); do not edit by hand. A test fails when this file is out of",
            "date: `RECORD_SNAPSHOTS=1 swift test --filter KeybindingReferenceTests` rewrites it.",
            "",
            "Keys are looked up in the current context first, then in `global`. Esc then a digit gives",
            "F1–F10 (Esc 0 is F10) on terminals that keep function keys for themselves. Your own",
            "`~/.config/fiche/keymaps/NAME.toml` overlays the shipped keymap of the same name; an action",
            "set to `\"none\"` is unbound. `fiche --check-config` reports mistakes with file and line.",
            "",
        ]
        for context in KeyContext.all {
            let actions = registry.actions.filter { descriptor in
                descriptor.context == context
                    || keymaps.contains { !($0.bindings[context]?[descriptor.id] ?? []).isEmpty }
            }
            guard !actions.isEmpty else { continue }
            lines.append("## \(context.rawValue)")
            lines.append("")
            lines.append("| action | what it does | " + keymaps.map(\.name).joined(separator: " | ") + " |")
            lines.append("| --- | --- | " + keymaps.map { _ in "---" }.joined(separator: " | ") + " |")
            for descriptor in actions {
                let cells = keymaps.map { keymap -> String in
                    let keys = keymap.keys(for: descriptor.id, in: context)
                    return keys.isEmpty ? "—" : keys.map { "`\(escape($0.name))`" }.joined(separator: " ")
                }
                lines.append("| `\(descriptor.id)` | \(descriptor.summary) | " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func escape(_ name: String) -> String { name == "|" ? "\\|" : name }
}
