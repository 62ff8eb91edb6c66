import TrustFlowModel

extension ImportRun {
    /// The model: every draft given its id, flows in the order of their ends, and the record.
    func result() -> KubernetesImportResult {
        var allocator = IdentifierAllocator()
        var candidates = self.candidates
        var flowsPerPair: [String: Int] = [:]
        for flow in flows { flowsPerPair[flow.from + ">" + flow.to, default: 0] += 1 }
        for flow in flows where flowsPerPair[flow.from + ">" + flow.to]! > 1 {
            candidates[flow.key]! += flow.port.map { "-\($0)" } ?? ""
        }
        for key in candidates.keys.sorted() { allocator.request(candidates[key]!, for: key) }
        allocator.resolve()
        let id = allocator.id
        var sources: [String: [String]] = [:]
        // Every imported item is listed, with no place when no manifest holds it (the cluster,
        // the Internet): --merge tells imported items from hand-written ones by this list.
        func record(_ key: String, _ locations: [SourceLocation]) {
            sources[id(key)] = Array(Set(locations.map(shown))).sorted()
        }
        let modelControls = controls.map { draft in
            record(draft.key, draft.location.map { [$0] } ?? [])
            return Control(id: id(draft.key), label: draft.label, kind: draft.kind, description: draft.description)
        }
        let modelBoundaries = boundaries.map { draft in
            record(draft.key, draft.location.map { [$0] } ?? [])
            return Boundary(id: id(draft.key), label: draft.label, kind: draft.kind, parent: draft.parent.map(id),
                controls: draft.controls.map(id), description: draft.description, kubernetes: draft.reference)
        }
        let modelElements = elements.map { draft in
            record(draft.key, draft.location.map { [$0] } ?? [])
            return Element(id: id(draft.key), label: draft.label, kind: draft.kind, boundary: draft.boundary.map(id),
                technology: draft.technology, description: draft.description, kubernetes: draft.reference)
        }
        // Flows in the order of their ends, then port; the key only breaks ties (several exposures).
        let orderedFlows = flows.map { flow in
            (order: (elementPositions[flow.from] ?? 0, elementPositions[flow.to] ?? 0, flow.port ?? 0), flow: flow)
        }.sorted { lhs, rhs in lhs.order != rhs.order ? lhs.order < rhs.order : lhs.flow.key < rhs.flow.key }.map(\.flow)
        let modelFlows = orderedFlows.map { draft in
            record(draft.key, draft.locations)
            return Flow(id: id(draft.key), from: id(draft.from), to: id(draft.to), label: draft.label, protocol: draft.protocol,
                port: draft.port, encryption: draft.encryption, authentication: draft.authentication,
                controls: draft.controls.map(id), description: draft.reasons.sorted().joined(separator: "; ") + ".")
        }
        // Sorted: the order the files were given in must not show.
        let files = Array(Set(inventory.files.map(\.name))).sorted()
        let importRecord = KubernetesImportRecord(cluster: options.clusterName, namespace: inventory.defaultNamespace, files: files,
            sources: sources,
            unresolved: Diagnostic.sorted(warnings).map { diagnostic in
                diagnostic.location.map { shown($0) + ": " } .map { $0 + diagnostic.message } ?? diagnostic.message
            })
        let model = Model(
            title: options.title ?? KubernetesImportOptions.defaultTitle,
            description: "Imported by trustflow import k8s from \(files.count) manifest file\(files.count == 1 ? "" : "s"). "
                + "Where each item was written is in \(KubernetesImportRecord.key); re-import with --merge to keep what was added by hand.",
            controls: modelControls, boundaries: modelBoundaries, elements: modelElements, flows: modelFlows,
            extensions: [ExtensionValue.Member(key: KubernetesImportRecord.key, value: importRecord.value)])
        var summary = self.summary
        summary.flows = modelFlows.count
        summary.exposures = orderedFlows.filter { $0.from == Self.internetClientKey }.count
        return KubernetesImportResult(model: model, warnings: Diagnostic.sorted(warnings), summary: summary,
            // A total order: one ConfigMap entry can be read by several workloads.
            missingServices: missingServices.sorted {
                ($0.location, $0.service, $0.workload, $0.container, $0.origin) < ($1.location, $1.service, $1.workload, $1.container, $1.origin)
            })
    }
}
