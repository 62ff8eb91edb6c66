/// What a model written in Swift contains, in the order written: its controls, top-level
/// boundaries and elements, flows, threat actors and accepted risks.
///
/// Made by ``ModelContentBuilder``; write a function marked `@ModelContentBuilder` that returns
/// one to reuse a part of a model (it can be placed like any declaration).
public struct ModelContent: Sendable {
    let placements: [Placement]

    init(_ placements: [Placement]) { self.placements = placements }

    /// Nothing.
    public init() { self.placements = [] }
}
