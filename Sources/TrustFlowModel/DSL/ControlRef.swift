/// A handle to a security control declared with ``Control/declare(_:label:kind:description:fileID:line:column:)``.
///
/// Boundaries, elements and flows take handles rather than ids, so a control that was never
/// declared cannot be named. List every control in the model's content (its position there is
/// its position in ``Model/controls``).
public struct ControlRef: Sendable {
    /// The control as declared.
    let control: Control
    /// The declaration this handle stands for.
    let reference: ItemReference

    /// The control's id.
    public var id: String { control.id }
}
