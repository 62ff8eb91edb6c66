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
        // One pass over the flows and one over the elements, not one per setting: an imported
        // cluster has a token setting on nearly every pod.
        let callers = Set(context.model.flows.filter { apiElements.contains($0.to) }.map(\.from))
        var callerBoundaries: Set<String> = []
        for element in context.model.elements where callers.contains(element.id) {
            for boundary in context.index.boundaries(containing: element) { callerBoundaries.insert(boundary.id) }
        }
        return WeakeningSetting.all([.serviceAccountToken], in: context).compactMap { setting in
            // The token is used when the element it is mounted into, or one inside the boundary
            // it is set on, calls the API.
            let callsAPI = setting.target.kind == .element
                ? callers.contains(setting.target.id) : callerBoundaries.contains(setting.target.id)
            guard !callsAPI else { return nil }
            return rule.finding(
                "\(setting.item) has an API token mounted (\(setting.labels)) but no flow to the Kubernetes API",
                about: setting.target)
        }
    }
}
