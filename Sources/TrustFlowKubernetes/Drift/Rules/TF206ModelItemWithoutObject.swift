import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF206: a model item that stands for no object of the manifests.
    public static let modelItemWithoutObject = DriftRule(
        id: "TF206", name: "ModelItemWithoutObject",
        title: "Model item with no object in the manifests",
        defaultSeverity: .medium, scope: .withModel,
        rationale: """
            A namespace, pod, container or service of the model that the manifests do not \
            deploy: the model describes something that is not there (renamed, removed, or never \
            deployed), and its flows and controls cannot be checked.
            """,
        remediation: """
            Give the item a `k8s` reference to the object it stands for, rename it after the \
            object, or remove it from the model.
            """
    ) { context, rule in
        guard let model = context.model else { return [] }
        let boundaries = model.model.boundaries.compactMap { boundary -> Finding? in
            guard case .unbound(let reason) = model.binding.boundaries[boundary.id] else { return nil }
            let item = DriftItem(kind: .boundary, id: boundary.id)
            return rule.finding("\(model.describe(item)) stands for no object of the manifests: \(reason)", about: model.target(item),
                evidence: [])
        }
        let elements = model.model.elements.compactMap { element -> Finding? in
            guard case .unbound(let reason) = model.binding.elements[element.id],
                element.kind == .process || element.kind == .datastore || element.kubernetes != nil
            else { return nil }
            let item = DriftItem(kind: .element, id: element.id)
            return rule.finding("\(model.describe(item)) stands for no object of the manifests: \(reason)", about: model.target(item),
                evidence: [])
        }
        return boundaries + elements
    }
}
