import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF204: a control the model claims that the manifests do not show.
    public static let claimedControlAbsent = DriftRule(
        id: "TF204", name: "ClaimedControlAbsent",
        title: "Control claimed in the model but absent from the manifests",
        defaultSeverity: .high, scope: .withModel,
        rationale: """
            The model counts on a control — seccomp, AppArmor, non-root, a read-only root, no \
            privilege escalation with every capability dropped, Pod Security, a NetworkPolicy — \
            that the workloads as deployed do not have. Every conclusion the model draws from \
            that control is wrong.
            """,
        remediation: """
            Add the setting to the manifests (the securityContext field, the namespace's Pod \
            Security label, a NetworkPolicy selecting the pods), or remove the claim from the model.
            """
    ) { context, rule in
        guard let model = context.model else { return [] }
        let items = model.model.boundaries.map { (DriftItem(kind: .boundary, id: $0.id), $0.controls) }
            + model.model.elements.map { (DriftItem(kind: .element, id: $0.id), $0.controls) }
        return items.flatMap { item, controls -> [Finding] in
            let binding = item.kind == .boundary ? model.binding.boundaries[item.id] : model.binding.elements[item.id]
            guard let object = binding?.object else { return [] }
            var reported: Set<ControlKind> = []
            return controls.compactMap { id -> Finding? in
                guard let control = model.index.control(id), ManifestFacts.checkedKinds.contains(control.kind),
                    reported.insert(control.kind).inserted
                else { return nil }
                let lacking = Self.lacking(control.kind, in: object, context: context)
                guard !lacking.isEmpty else { return nil }
                let shown = lacking.prefix(3).map(\.name).joined(separator: ", ") + (lacking.count > 3 ? " and \(lacking.count - 3) more" : "")
                return rule.finding(
                    "\(model.describe(item)) claims \(control.kind) (control '\(control.label)'), but the manifests show \(ManifestFacts.missing(control.kind)) for \(shown)",
                    about: model.target(item), evidence: lacking.map(\.location))
            }
        }
    }

    /// The containers, pods or namespaces an object covers that lack a kind of control.
    static func lacking(_ kind: ControlKind, in object: ModelBinding.Object, context: DriftContext)
        -> [(name: String, location: SourceLocation)]
    {
        let inventory = context.inventory
        let facts = context.manifests
        let positions: [Int]
        var container: String?
        var namespaces: [String] = []
        switch object {
        case .workload(let position, let named):
            positions = [position]
            container = named
        case .namespace(let name):
            positions = inventory.workloads.indices.filter { inventory.workloads[$0].namespace == name }
            namespaces = [name]
        case .cluster:
            positions = Array(inventory.workloads.indices)
            namespaces = Set(inventory.workloads.map(\.namespace)).sorted()
        case .service, .outside, .host:
            return []
        }
        if ManifestFacts.containerKinds.contains(kind) {
            return positions.flatMap { position -> [(name: String, location: SourceLocation)] in
                let workload = inventory.workloads[position]
                return workload.template.containers.filter { candidate in
                    (container == nil || candidate.name == container) && !facts.controls(of: workload, container: candidate.name).contains(kind)
                }.map { ("container \($0.name) of \(workload.metadata.identity)", $0.securityContext?.location ?? $0.location) }
            }
        }
        if kind == .podSecurity, !namespaces.isEmpty {
            return namespaces.filter { !facts.controls(ofNamespace: $0).contains(kind) }.map { namespace in
                ("namespace \(namespace)", inventory.namespace(namespace)?.metadata.location
                    ?? inventory.workloads.first { $0.namespace == namespace }!.metadata.location)
            }
        }
        return positions.filter { !facts.controls(of: inventory.workloads[$0]).contains(kind) }.map { position in
            (inventory.workloads[position].metadata.identity.description, inventory.workloads[position].metadata.location)
        }
    }
}
