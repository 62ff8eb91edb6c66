/// A handle to a trust boundary declared with ``Boundary/namespace(_:label:controls:description:fileID:line:column:content:)``
/// and its siblings (one per ``BoundaryKind``).
///
/// A boundary contains what its content closure places in it: boundaries, elements and the
/// threat actors standing in it. Call a handle with a closure to give it content where it is
/// placed (`prod { worker }`), so a boundary that threat actors target can be declared first
/// and still be drawn where it belongs.
public struct BoundaryRef: AttackTarget, RiskTarget {
    /// The boundary as declared, at the top level and without its controls.
    let boundary: Boundary
    /// The controls enforced at the boundary.
    let controls: [ControlRef]
    /// What the boundary contains, in the order written.
    let content: [Placement]
    /// The declaration this handle stands for.
    public let reference: ItemReference

    /// The boundary's id.
    public var id: String { boundary.id }

    /// The same boundary with `content` added to what it contains.
    ///
    /// The result is the same declaration, not a new one: a threat actor that targets the
    /// handle targets this boundary.
    public func callAsFunction(@BoundaryContentBuilder _ content: () -> BoundaryContent) -> BoundaryRef {
        BoundaryRef(
            boundary: boundary, controls: controls, content: self.content + content().placements, reference: reference)
    }
}
