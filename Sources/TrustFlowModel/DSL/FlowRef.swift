/// A handle to a data flow declared with ``Flow/from(_:to:id:label:protocol:port:encryption:authentication:data:classification:bidirectional:controls:description:fileID:line:column:)``.
///
/// Place it in the model's content; its position there is its number in the diagram. Keep the
/// handle when an accepted risk is about the flow.
public struct FlowRef: RiskTarget {
    /// The flow as declared. Its id is the explicit one, or the default base `FROM-to-TO`
    /// until the model's flows are known (a repeat becomes `FROM-to-TO-2`).
    let flow: Flow
    /// The id given in the declaration, if any.
    let explicitID: String?
    /// The element the data leaves.
    let source: ElementRef
    /// The element the data reaches.
    let destination: ElementRef
    /// The controls applied to the flow.
    let controls: [ControlRef]
    /// The declaration this handle stands for.
    public let reference: ItemReference
}
