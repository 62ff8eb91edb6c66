import TrustFlowModel

/// The state of one ``ModelMerger/merge(into:)``.
struct MergeRun {
    let existing: Model
    let imported: Model
    /// Ids of the earlier model's imported items and of the new import's items.
    let importedIDs: Set<String>
    var notes: [Diagnostic] = []
    /// Ids of every boundary and element the merged model keeps.
    private var keptBoundaries: Set<String> = []
    private var keptElements: Set<String> = []

    init(existing: Model, imported: Model) {
        self.existing = existing
        self.imported = imported
        var ids = ImportRecord(of: existing)?.importedIDs ?? []
        ids.formUnion(existing.boundaries.filter { $0.kubernetes != nil }.map(\.id))
        ids.formUnion(existing.elements.filter { $0.kubernetes != nil }.map(\.id))
        ids.formUnion(imported.controls.map(\.id) + imported.boundaries.map(\.id) + imported.elements.map(\.id) + imported.flows.map(\.id))
        importedIDs = ids
        keptBoundaries = Set(imported.boundaries.map(\.id) + existing.boundaries.map(\.id).filter { !ids.contains($0) })
        keptElements = Set(imported.elements.map(\.id) + existing.elements.map(\.id).filter { !ids.contains($0) })
    }

    func isHandAdded(_ id: String) -> Bool { !importedIDs.contains(id) }

    /// Controls written by hand on an imported item.
    private func handControls(_ controls: [String]) -> [String] { controls.filter(isHandAdded) }

    mutating func note(_ message: String) { notes.append(Diagnostic(.note, message)) }

    mutating func mergedBoundaries() -> [Boundary] {
        let earlier = Dictionary(existing.boundaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result = imported.boundaries.map { boundary in
            guard let old = earlier[boundary.id] else { return boundary }
            var merged = boundary
            merged.label = old.label
            merged.controls += handControls(old.controls).filter { !merged.controls.contains($0) }
            if let parent = old.parent, isHandAdded(parent), keptBoundaries.contains(parent) { merged.parent = parent }
            return merged
        }
        for boundary in existing.boundaries where isHandAdded(boundary.id) {
            var kept = boundary
            if let parent = boundary.parent, !keptBoundaries.contains(parent) {
                note("boundary '\(boundary.id)' was added by hand inside '\(parent)', which is no longer in the manifests; it is now at the top level")
                kept.parent = nil
            }
            result.append(kept)
        }
        return result
    }

    mutating func mergedElements() -> [Element] {
        let earlier = Dictionary(existing.elements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result = imported.elements.map { element in
            guard let old = earlier[element.id] else { return element }
            var merged = element
            merged.label = old.label
            merged.kind = old.kind
            merged.url = old.url
            merged.controls += handControls(old.controls).filter { !merged.controls.contains($0) }
            if let boundary = old.boundary, isHandAdded(boundary), keptBoundaries.contains(boundary) { merged.boundary = boundary }
            return merged
        }
        for element in existing.elements where isHandAdded(element.id) {
            var kept = element
            if let boundary = element.boundary, !keptBoundaries.contains(boundary) {
                note("element '\(element.id)' was added by hand inside '\(boundary)', which is no longer in the manifests; it is now outside every boundary")
                kept.boundary = nil
            }
            result.append(kept)
        }
        return result
    }

    mutating func mergedFlows() -> [Flow] {
        let earlier = Dictionary(existing.flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result = imported.flows.map { flow in
            guard let old = earlier[flow.id] else { return flow }
            var merged = flow
            merged.label = old.label
            merged.encryption = old.encryption
            merged.authentication = old.authentication
            merged.data = old.data
            merged.classification = old.classification
            merged.bidirectional = old.bidirectional
            merged.controls += handControls(old.controls).filter { !merged.controls.contains($0) }
            return merged
        }
        for flow in existing.flows where isHandAdded(flow.id) {
            let gone = [flow.from, flow.to].filter { !keptElements.contains($0) }
            guard gone.isEmpty else {
                note("flow '\(flow.id)' was added by hand from '\(flow.from)' to '\(flow.to)'; '\(gone[0])' is no longer in the manifests, so the flow was dropped")
                continue
            }
            result.append(flow)
        }
        return result
    }

    mutating func keptThreatActors() -> [ThreatActor] {
        existing.threatActors.map { actor in
            var kept = actor
            let gone = actor.targets.filter { !keptElements.contains($0) && !keptBoundaries.contains($0) }
            if !gone.isEmpty {
                note("threat actor '\(actor.id)' targeted \(gone.map { "'\($0)'" }.joined(separator: ", ")), no longer in the manifests; the targets were dropped")
                kept.targets.removeAll { gone.contains($0) }
            }
            if let boundary = actor.boundary, !keptBoundaries.contains(boundary) {
                note("threat actor '\(actor.id)' stood in '\(boundary)', which is no longer in the manifests; it now stands outside every boundary")
                kept.boundary = nil
            }
            return kept
        }
    }
}
