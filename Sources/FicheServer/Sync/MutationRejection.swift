/// A permanent refusal of a mutation that is not a domain `RuleViolation` (unknown dossier,
/// value too long, unknown field value…). Acknowledged as `rejected` with `code`.
struct MutationRejection: Error {
    var code: String
}
