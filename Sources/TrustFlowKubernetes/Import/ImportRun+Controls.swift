import TrustFlowModel

extension ImportRun {
    /// Pod Security levels that restrict what a pod may do (`privileged` allows everything).
    static let restrictingPodSecurityLevels: Set<String> = ["baseline", "restricted"]

    /// Controls of each namespace boundary: Pod Security enforced by its labels, a
    /// NetworkPolicy that isolates every pod in it, RoleBindings scoped to it.
    mutating func addNamespaceControls() {
        for namespace in Set(inventory.workloads.map(\.namespace)).sorted() {
            let owner = Self.namespaceKey(namespace)
            if let control = podSecurityControl(namespace) { attach(control, to: owner) }
            let policies = inventory.networkPolicies(in: namespace)
            let everyPod = policies.filter(\.podSelector.isEmpty)
            let workloads = inventory.workloads(in: namespace)
            let allSelected = !workloads.isEmpty && workloads.allSatisfy { workload in
                policies.contains { $0.podSelector.matches(workload.template.labels) }
            }
            if !everyPod.isEmpty || allSelected {
                let label = everyPod.isEmpty ? "every pod selected by a NetworkPolicy" : "NetworkPolicy " + Self.names(everyPod.map(\.name))
                let description = everyPod.isEmpty
                    ? "Every pod of namespace \(namespace) is selected by a NetworkPolicy of it (\(Self.names(policies.map(\.name)))), so none accepts all traffic by default."
                    : "NetworkPolicy " + everyPod.map { "\($0.name) (\(fileName($0.metadata.location)))" }.joined(separator: ", ")
                        + " selects every pod of namespace \(namespace) and isolates it for " + Self.directions(everyPod) + "."
                attach(ControlDraft(key: "control:\(owner):network-policy", candidate: "ns-\(namespace).network-policy", label: label,
                    kind: .networkPolicy, description: description, location: (everyPod.first ?? policies.first)?.metadata.location),
                    to: owner)
            }
            let bindings = inventory.roleBindings.filter { $0.metadata.kind == "RoleBinding" && $0.metadata.namespace == namespace }
            if !bindings.isEmpty {
                attach(ControlDraft(key: "control:\(owner):rbac", candidate: "ns-\(namespace).rbac",
                    label: "RoleBinding " + Self.names(bindings.map(\.metadata.name)), kind: .rbac,
                    description: "RoleBindings scoped to namespace \(namespace): "
                        + bindings.map { "\($0.metadata.name) grants \($0.roleKind) \($0.roleName)" }.joined(separator: "; ") + ".",
                    location: bindings[0].metadata.location), to: owner)
            }
        }
    }

    /// The namespace's enforced Pod Security level, as a control its pods share.
    func podSecurityControl(_ namespace: String) -> ControlDraft? {
        guard let object = inventory.namespace(namespace), let level = object.enforcedPodSecurityLevel,
            Self.restrictingPodSecurityLevels.contains(level)
        else { return nil }
        let version = object.metadata.labels["pod-security.kubernetes.io/enforce-version"].map { " (version \($0))" } ?? ""
        return ControlDraft(key: "control:\(Self.namespaceKey(namespace)):pod-security", candidate: "ns-\(namespace).pod-security",
            label: "Pod Security \(level)", kind: .podSecurity,
            description: "Namespace \(namespace) enforces the Pod Security Standard '\(level)'\(version) (label pod-security.kubernetes.io/enforce).",
            location: object.metadata.location)
    }

    /// Controls of each pod boundary and of each of its containers.
    mutating func addWorkloadControls() {
        for workload in inventory.workloads {
            addPodControls(workload)
            for container in workload.template.containers { addContainerControls(container, of: workload) }
        }
    }

    private mutating func addPodControls(_ workload: Workload) {
        let owner = Self.podKey(workload)
        let base = "pod-\(workload.namespace).\(workload.name)"
        let template = workload.template
        func control(_ fact: String, _ label: String, _ kind: ControlKind, _ description: String, _ location: SourceLocation)
            -> ControlDraft
        {
            ControlDraft(key: "control:\(owner):\(fact)", candidate: "\(base).\(fact)", label: label, kind: kind,
                description: description, location: location)
        }
        if let podSecurity = podSecurityControl(workload.namespace) { attach(podSecurity, to: owner) }
        let policies = inventory.policies(selecting: workload)
        if !policies.isEmpty {
            attach(control("network-policy", "NetworkPolicy " + Self.directions(policies), .networkPolicy,
                "Selected by NetworkPolicy " + policies.map { "\($0.name) (\($0.policyTypes.map(\.rawValue).joined(separator: ", ")))" }
                    .joined(separator: ", ") + ": only what their rules allow reaches or leaves the pod in those directions.",
                policies[0].metadata.location), to: owner)
        }
        let account = template.effectiveServiceAccount
        if account != "default" {
            attach(control("service-account", "ServiceAccount \(account)", .rbac,
                "Runs as its own ServiceAccount \(account) (serviceAccountName), not the namespace's default one.",
                template.location), to: owner)
        }
        let accountObject = inventory.serviceAccount(account, in: workload.namespace)
        if template.automountServiceAccountToken ?? accountObject?.automountServiceAccountToken ?? true {
            let why = template.automountServiceAccountToken == true
                ? "the pod sets automountServiceAccountToken: true"
                : "neither the pod nor ServiceAccount \(account) sets automountServiceAccountToken: false"
            attach(control("service-account-token", "token of ServiceAccount \(account) mounted", .serviceAccountToken,
                "Kubernetes mounts an API token of ServiceAccount \(account) into every container: \(why).", template.location),
                to: owner)
        }
        for (setting, on, kind) in [("hostNetwork", template.hostNetwork, ControlKind.hostNetwork),
            ("hostPID", template.hostPID, .hostPID), ("hostIPC", template.hostIPC, .hostIPC)] where on
        {
            attach(control(kind.rawValue, setting, kind, "\(setting): true — the pod shares the node's namespace.", template.location),
                to: owner)
        }
        for volume in template.volumes {
            guard case .hostPath(let path) = volume.source else { continue }
            let shownPath = SourceNode.excerpt(path, limit: 200)
            attach(control("host-path.\(volume.name)", "hostPath \(shownPath)", .hostPath,
                "Volume \(volume.name) mounts the node's \(shownPath) into the pod.", volume.location), to: owner)
        }
    }

    /// `a, b, c` (at most three names, then how many more).
    static func names(_ names: [String]) -> String {
        let sorted = names.sorted()
        return sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? " and \(sorted.count - 3) more" : "")
    }

    /// `Ingress and Egress`: the directions some of `policies` isolate.
    static func directions(_ policies: [NetworkPolicy]) -> String {
        let types = NetworkPolicy.PolicyType.allCases.filter { type in policies.contains { $0.policyTypes.contains(type) } }
        return types.map(\.rawValue).joined(separator: " and ")
    }
}
