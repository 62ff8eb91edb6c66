import TrustFlowModel

extension ImportRun {
    /// The Service through which pods reach the API server.
    static let apiReference = KubernetesReference(kind: "Service", name: "kubernetes", namespace: "default")

    /// Flows to the Kubernetes API from the pods whose service account a RoleBinding or
    /// ClusterRoleBinding in the input grants a role: the grant says the pod is meant to call
    /// the API. Which of its containers does is not written anywhere, so each running one gets
    /// the flow.
    mutating func addAPIFlows() {
        for workload in inventory.workloads {
            let account = workload.template.effectiveServiceAccount
            let bindings = inventory.roleBindings.filter { $0.binds(serviceAccount: account, in: workload.namespace) }
            guard let binding = bindings.first else { continue }
            let grants = bindings.map { "\($0.metadata.kind) \($0.metadata.name) grants \($0.roleKind) \($0.roleName)" }
            for container in workload.template.containers where container.role != .initialization {
                addAPIFlow(from: container, of: workload, port: 443,
                    reason: grants.joined(separator: "; ") + " to ServiceAccount \(account) (\(fileName(binding.metadata.location)))",
                    location: binding.metadata.location)
            }
        }
    }

    /// A flow to the API server, which serves only TLS and authenticates callers by their
    /// service-account token: Kubernetes' own facts, not guesses.
    mutating func addAPIFlow(from container: Container, of workload: Workload, port: Int, reason: String, location: SourceLocation) {
        add(ElementDraft(key: Self.apiKey, label: "Kubernetes API", kind: .process, boundary: Self.clusterKey,
            technology: "kube-apiserver", description: "The API server, reached through Service default/kubernetes.",
            reference: Self.apiReference), candidate: "kubernetes-api")
        let from = Self.elementKey(workload, container)
        add(FlowDraft(key: Self.flowKey(from: from, to: Self.apiKey, port: port),
            candidate: Self.flowCandidate(from: Self.elementCandidate(workload, container), to: "kubernetes-api", sameNamespace: nil),
            from: from, to: Self.apiKey, label: "Kubernetes API", protocol: "HTTPS", port: port,
            encryption: .tls, authentication: .serviceAccount, reasons: [reason], locations: [location]))
    }

    /// A flow to the host an ExternalName Service points at, drawn outside the cluster.
    mutating func addExternalFlow(to service: Service, port: ServicePort, scheme: String?, from container: Container,
        of workload: Workload, reason: String, location: SourceLocation)
    {
        let key = "ext:\(service.namespace)/\(service.name)"
        add(ElementDraft(key: key, label: service.externalName.map { SourceNode.excerpt($0, limit: 253) } ?? service.name, kind: .external,
            description: "ExternalName Service \(service.namespace)/\(service.name) points at \(service.externalName.map { SourceNode.excerpt($0, limit: 253) } ?? "no host") (\(fileName(service.metadata.location))).",
            reference: KubernetesReference(kind: "Service", name: service.name, namespace: service.namespace),
            location: service.metadata.location), candidate: "ext-\(service.namespace).\(service.name)")
        let from = Self.elementKey(workload, container)
        add(FlowDraft(key: Self.flowKey(from: from, to: key, port: port.port),
            candidate: Self.flowCandidate(from: Self.elementCandidate(workload, container), to: "ext-\(service.namespace).\(service.name)",
                sameNamespace: nil),
            from: from, to: key, label: "Service \(service.name):\(port.port)", protocol: Self.protocolName(scheme: scheme, port: port),
            port: port.port,
            reasons: ["\(reason) names ExternalName Service \(service.namespace)/\(service.name) (\(fileName(location)))"],
            locations: [location]))
    }
}
