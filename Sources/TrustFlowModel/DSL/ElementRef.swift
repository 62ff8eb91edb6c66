/// A handle to an element declared with ``Element/process(_:label:technology:controls:description:url:fileID:line:column:)``
/// and its siblings (``Element/actor(_:label:technology:controls:description:url:fileID:line:column:)``,
/// ``Element/datastore(_:label:technology:controls:description:url:fileID:line:column:)``,
/// ``Element/external(_:label:technology:controls:description:url:fileID:line:column:)``).
///
/// Flows and threat actors take handles rather than ids, so a flow to an element that was
/// never declared does not compile. Place the handle once in the model's content or inside a
/// boundary: where it is placed decides ``Element/boundary``.
public struct ElementRef: AttackTarget, RiskTarget {
    /// The element as declared, outside every boundary and without its controls.
    let element: Element
    /// The controls the element applies.
    let controls: [ControlRef]
    /// The declaration this handle stands for.
    public let reference: ItemReference

    /// The element's id.
    public var id: String { element.id }
}
