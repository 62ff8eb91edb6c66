import TrustFlowModel

/// The boundaries and elements that record a weakening setting (a control of one of
/// ``ControlKind/weaknesses``), with the controls that record it: what rules TF114–TF120
/// report. Whether it sits on a container, a pod or an element is the model's choice.
struct WeakeningSetting {
    let target: FindingTarget
    /// `container 'server'`, `process 'API'`.
    let item: String
    let controls: [Control]

    /// Every item that carries a control of one of `kinds`, boundaries first, in model order.
    static func all(_ kinds: [ControlKind], in context: AnalysisContext) -> [WeakeningSetting] {
        let boundaries = context.model.boundaries.compactMap { boundary -> WeakeningSetting? in
            let found = context.controls(boundary.controls, ofKinds: kinds)
            return found.isEmpty ? nil : WeakeningSetting(target: context.target(boundary), item: context.describe(boundary), controls: found)
        }
        let elements = context.model.elements.compactMap { element -> WeakeningSetting? in
            let found = context.controls(element.controls, ofKinds: kinds)
            return found.isEmpty ? nil : WeakeningSetting(target: context.target(element), item: context.describe(element), controls: found)
        }
        return boundaries + elements
    }

    /// `'privileged', 'hostPath /var/run'`: the controls' labels.
    var labels: String { controls.map { "'\($0.label)'" }.joined(separator: ", ") }
}
