import TrustFlowModel

/// What the manifests say about controls, as `trustflow import k8s` derives it: the drift
/// check compares a model's claims with the model the manifests themselves give, so "what the
/// manifests show" has one definition.
struct ManifestFacts: Sendable {
    /// The controls a model may claim that the manifests can show, on a container.
    static let containerKinds: [ControlKind] = [.seccomp, .apparmor, .nonRoot, .readOnlyRoot, .leastPrivilege]
    /// … and on a pod or a namespace.
    static let podKinds: [ControlKind] = [.podSecurity, .networkPolicy]
    static var checkedKinds: [ControlKind] { containerKinds + podKinds }

    let imported: KubernetesImportResult
    private let controls: [KubernetesReference: Set<ControlKind>]

    init(inventory: Inventory) {
        imported = KubernetesImporter().importModel(from: inventory)
        let index = ModelIndex(imported.model)
        var controls: [KubernetesReference: Set<ControlKind>] = [:]
        for boundary in imported.model.boundaries {
            guard let reference = boundary.kubernetes?.normalized else { continue }
            controls[reference, default: []].formUnion(boundary.controls.compactMap { index.control($0)?.kind })
        }
        self.controls = controls
    }

    /// The kinds the manifests show for a container of a workload.
    func controls(of workload: Workload, container: String) -> Set<ControlKind> {
        controls[KubernetesReference(kind: workload.kind.rawValue, name: workload.name, namespace: workload.namespace,
            container: container).normalized] ?? []
    }

    /// The kinds the manifests show for a workload's pods.
    func controls(of workload: Workload) -> Set<ControlKind> {
        controls[KubernetesReference(kind: workload.kind.rawValue, name: workload.name, namespace: workload.namespace).normalized] ?? []
    }

    /// The kinds the manifests show for a namespace as a whole.
    func controls(ofNamespace namespace: String) -> Set<ControlKind> {
        controls[KubernetesReference(kind: "Namespace", name: namespace).normalized] ?? []
    }

    /// What a container lacks for a control to hold, in the manifest's words.
    static func missing(_ kind: ControlKind) -> String {
        switch kind {
        case .seccomp: "no RuntimeDefault or Localhost seccompProfile (container or pod)"
        case .apparmor: "no AppArmor profile (field or annotation)"
        case .nonRoot: "neither runAsNonRoot: true nor a runAsUser other than 0"
        case .readOnlyRoot: "no readOnlyRootFilesystem: true"
        case .leastPrivilege: "not both allowPrivilegeEscalation: false and capabilities drop ALL"
        case .podSecurity: "no pod-security.kubernetes.io/enforce label of baseline or restricted on its namespace"
        case .networkPolicy: "no NetworkPolicy selecting its pods"
        default: "nothing that shows it"
        }
    }
}
