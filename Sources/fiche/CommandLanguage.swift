import ArgumentParser
import FicheApp
import Foundation

/// The language a command speaks: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
/// else French, as the interface (`Language.choose`).
enum CommandLanguage {
    /// The command's words.
    static func words(_ flag: String?) -> Strings {
        Strings(language: Language.choose(flag: flag, environment: ProcessInfo.processInfo.environment))
    }

    /// Refuses a `--lang` that is not fr, nl or en, in the locale's language (the flag has none).
    static func check(_ flag: String?) throws {
        if let flag, Language(code: flag) == nil { throw ValidationError(words(nil)(.langInvalid)) }
    }
}
