/// An accepted risk declared with ``AcceptedRisk/rule(_:on:reason:until:fileID:line:column:)``,
/// to place in the model's content.
public struct RiskAcceptance: Sendable {
    /// The rule id, reason and date; the target is filled in once the model's ids are known.
    let acceptedRisk: AcceptedRisk
    /// What the finding is about.
    let target: ItemReference
    /// Where the acceptance was declared.
    let location: SourceLocation
}
