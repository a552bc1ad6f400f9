import FicheTOML

/// A mistake in a rule file, reported as `file:line: message` like a compiler would: the
/// `FileIssue` of the TOML reader, under the name the rule book's API gives it.
public typealias RuleFileError = FileIssue
