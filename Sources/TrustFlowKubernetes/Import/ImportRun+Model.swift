import TrustFlowModel

extension ImportRun {
    /// The model: every draft given its id, flows in the order of their ends, and the record.
    func result() -> ImportResult {
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
        func record(_ key: String, _ locations: [SourceLocation]) {
            let places = Array(Set(locations.map(shown))).sorted()
            if !places.isEmpty { sources[id(key)] = places }
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
        let orderedFlows = flows.sorted { lhs, rhs in
            (elementPositions[lhs.from] ?? 0, elementPositions[lhs.to] ?? 0, lhs.port ?? 0, lhs.key)
                < (elementPositions[rhs.from] ?? 0, elementPositions[rhs.to] ?? 0, rhs.port ?? 0, rhs.key)
        }
        let modelFlows = orderedFlows.map { draft in
            record(draft.key, draft.locations)
            return Flow(id: id(draft.key), from: id(draft.from), to: id(draft.to), label: draft.label, protocol: draft.protocol,
                port: draft.port, encryption: draft.encryption, authentication: draft.authentication,
                controls: draft.controls.map(id), description: draft.reasons.sorted().joined(separator: "; ") + ".")
        }
        let files = inventory.files.map(\.name)
        let importRecord = ImportRecord(cluster: options.clusterName, namespace: inventory.defaultNamespace, files: files,
            sources: sources,
            unresolved: Diagnostic.sorted(warnings).map { diagnostic in
                diagnostic.location.map { shown($0) + ": " } .map { $0 + diagnostic.message } ?? diagnostic.message
            })
        let model = Model(
            title: options.title ?? ImportOptions.defaultTitle,
            description: "Imported by trustflow import k8s from \(files.count) manifest file\(files.count == 1 ? "" : "s"). "
                + "Where each item was written is in \(ImportRecord.key); re-import with --merge to keep what was added by hand.",
            controls: modelControls, boundaries: modelBoundaries, elements: modelElements, flows: modelFlows,
            extensions: [ExtensionValue.Member(key: ImportRecord.key, value: importRecord.value)])
        var summary = self.summary
        summary.flows = modelFlows.count
        summary.exposures = orderedFlows.filter { $0.from == Self.internetClientKey }.count
        return ImportResult(model: model, warnings: Diagnostic.sorted(warnings), summary: summary)
    }
}
