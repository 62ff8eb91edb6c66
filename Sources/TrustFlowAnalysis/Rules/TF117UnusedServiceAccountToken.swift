import TrustFlowModel

extension Rule {
    /// TF117: a service-account token mounted into a pod that talks to no Kubernetes API.
    public static let unusedServiceAccountToken = Rule(
        id: "TF117", name: "UnusedServiceAccountToken",
        title: "API token mounted where no API is called",
        defaultSeverity: .medium,
        rationale: """
            Kubernetes mounts a service-account token into every container unless told not to. \
            A pod that never calls the API gains nothing from it, but whoever compromises the pod \
            gets a credential for the API server with whatever rights the account has or will get.
            """,
        remediation: """
            Set `automountServiceAccountToken: false` on the pod (or its ServiceAccount); a pod \
            that does call the API should show it with a flow to the element that stands for the \
            Kubernetes API (`k8s: {kind: Service, name: kubernetes, namespace: default}`).
            """
    ) { context, rule in
        let api = KubernetesReference(kind: "Service", name: "kubernetes", namespace: "default")
        let apiElements = Set(context.model.elements.filter { $0.kubernetes?.normalized == api }.map(\.id))
        return WeakeningSetting.all([.serviceAccountToken], in: context).compactMap { setting in
            // The elements the token is mounted into: the element itself, or those inside the boundary.
            let holders: Set<String> = setting.target.kind == .element
                ? [setting.target.id]
                : Set(context.model.elements.filter { element in
                    context.index.boundaries(containing: element).contains { $0.id == setting.target.id }
                }.map(\.id))
            let callsAPI = context.model.flows.contains { holders.contains($0.from) && apiElements.contains($0.to) }
            guard !callsAPI else { return nil }
            return rule.finding(
                "\(setting.item) has an API token mounted (\(setting.labels)) but no flow to the Kubernetes API",
                about: setting.target)
        }
    }
}
