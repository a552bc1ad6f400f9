import FicheDomain

/// An art. 60 worker's contract, placement and follow-up log as `DemoWorld` made them, and the
/// long sickness of the worker the 2026 reform example is about.
struct DemoArt60File {
    let contract: Art60Contract
    let placement: Placement
    let events: [Art60Event]
    let reformSickness: TimeRecord?
}
