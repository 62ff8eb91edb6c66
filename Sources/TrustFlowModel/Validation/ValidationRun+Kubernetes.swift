extension ValidationRun {
    /// Checks the `k8s` references: a known kind, a name, a namespace only on namespaced
    /// kinds, a container only on workloads, and no two boundaries (or two elements) claiming
    /// the same object. A container boundary and the element running in it name the same
    /// container, so a boundary and an element may share a reference.
    mutating func checkKubernetesReferences() {
        var claimed: [KubernetesReference: (id: String, path: ModelPath)] = [:]
        for (position, boundary) in model.boundaries.enumerated() {
            guard let reference = boundary.kubernetes else { continue }
            let path = ModelPath("boundaries").appending(position)
            check(reference, at: path.appending("k8s"))
            if reference.kind == "Cluster", boundary.kind != .cluster {
                report(.warning, "a Cluster reference belongs on a cluster boundary, not on a \(boundary.kind.rawValue)",
                    at: path.appending("k8s").appending("kind"))
            }
            claim(reference, by: boundary.id, at: path, in: &claimed, what: "boundary")
        }
        claimed = [:]
        for (position, element) in model.elements.enumerated() {
            guard let reference = element.kubernetes else { continue }
            let path = ModelPath("elements").appending(position)
            check(reference, at: path.appending("k8s"))
            claim(reference, by: element.id, at: path, in: &claimed, what: "element")
        }
    }

    private mutating func check(_ reference: KubernetesReference, at path: ModelPath) {
        for (key, text) in [("kind", reference.kind), ("name", reference.name), ("namespace", reference.namespace),
            ("container", reference.container)] as [(String, String?)]
        {
            guard let text else { continue }
            checkLength(text, at: path.appending(key))
            if text.trimmingWhitespace.isEmpty { report(.error, "the \(key) must not be empty", at: path.appending(key)) }
        }
        guard KubernetesReference.knownKinds.contains(reference.kind) else {
            let suggestion = Suggestion.clause(for: reference.kind, among: KubernetesReference.knownKinds)
            let expected = suggestion.isEmpty ? "; expected one of: \(KubernetesReference.knownKinds.joined(separator: ", "))" : suggestion
            report(.error, "unknown Kubernetes kind '\(SourceNode.excerpt(reference.kind))'\(expected)", at: path.appending("kind"))
            return
        }
        if reference.namespace != nil, KubernetesReference.clusterScopedKinds.contains(reference.kind) {
            report(.error, "a \(reference.kind) belongs to no namespace; remove 'namespace'", at: path.appending("namespace"))
        }
        if reference.container != nil, !reference.isWorkload {
            report(.error,
                "only a workload (\(KubernetesReference.workloadKinds.joined(separator: ", "))) has containers, not a \(reference.kind)",
                at: path.appending("container"))
        }
    }

    private mutating func claim(
        _ reference: KubernetesReference, by id: String, at path: ModelPath,
        in claimed: inout [KubernetesReference: (id: String, path: ModelPath)], what: String
    ) {
        let key = reference.normalized
        if let first = claimed[key] {
            report(.error,
                "\(what) '\(id)' claims \(reference), which \(what) '\(first.id)' (\(describe(first.path))) already stands for; two \(what == "boundary" ? "boundaries" : "elements") may not claim the same object",
                at: path.appending("k8s"))
        } else {
            claimed[key] = (id, path)
        }
    }
}
