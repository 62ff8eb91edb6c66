/// What a trust boundary contains, in the order written: boundaries, elements and the threat
/// actors standing in it.
///
/// Made by ``BoundaryContentBuilder``; write a function marked `@BoundaryContentBuilder` that
/// returns one to reuse a part of a boundary (one namespace per service, say).
public struct BoundaryContent: Sendable {
    let placements: [Placement]

    init(_ placements: [Placement]) { self.placements = placements }

    /// Nothing.
    public init() { self.placements = [] }
}
