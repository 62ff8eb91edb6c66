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
    private var keptControls: Set<String> = []

    init(existing: Model, imported: Model) {
        self.existing = existing
        self.imported = imported
        var ids = KubernetesImportRecord(of: existing)?.importedIDs ?? []
        ids.formUnion(existing.boundaries.filter { $0.kubernetes != nil }.map(\.id))
        ids.formUnion(existing.elements.filter { $0.kubernetes != nil }.map(\.id))
        ids.formUnion(imported.controls.map(\.id) + imported.boundaries.map(\.id) + imported.elements.map(\.id) + imported.flows.map(\.id))
        importedIDs = ids
        keptBoundaries = Set(imported.boundaries.map(\.id) + existing.boundaries.map(\.id).filter { !ids.contains($0) })
        keptElements = Set(imported.elements.map(\.id) + existing.elements.map(\.id).filter { !ids.contains($0) })
        keptControls = Set(imported.controls.map(\.id) + existing.controls.map(\.id).filter { !ids.contains($0) })
    }

    func isHandAdded(_ id: String) -> Bool { !importedIDs.contains(id) }

    /// Controls written by hand on an imported item.
    private func handControls(_ controls: [String]) -> [String] { controls.filter(isHandAdded) }

    mutating func note(_ message: String) { notes.append(Diagnostic(.note, message)) }

    /// Items of one kind: the new import's, each keeping from its earlier version what `keep`
    /// copies, then the earlier model's hand-added ones as `handAdded` leaves them (`nil`
    /// drops one).
    private mutating func merged<Item>(
        imported: [Item], existing: [Item], id: (Item) -> String, keep: (inout Item, Item, MergeRun) -> Void,
        handAdded: (inout MergeRun, Item) -> Item?
    ) -> [Item] {
        let earlier = Dictionary(existing.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        var result = imported.map { item in
            guard let old = earlier[id(item)] else { return item }
            var merged = item
            keep(&merged, old, self)
            return merged
        }
        for item in existing where isHandAdded(id(item)) {
            if let kept = handAdded(&self, item) { result.append(kept) }
        }
        return result
    }

    /// The imported item's controls and those added to its earlier version by hand.
    private func controls(_ imported: [String], keeping earlier: [String]) -> [String] {
        imported + handControls(earlier).filter { !imported.contains($0) }
    }

    /// The earlier parent or boundary when it is a hand-added boundary the merge keeps.
    private func handBoundary(_ id: String?) -> String? {
        guard let id, isHandAdded(id), keptBoundaries.contains(id) else { return nil }
        return id
    }

    /// A hand-added item's controls without those that are gone, with a note.
    private mutating func keptControls(_ controls: [String], of what: String, _ item: String) -> [String] {
        let gone = controls.filter { !keptControls.contains($0) }
        if !gone.isEmpty {
            note("\(what) '\(item)' was added by hand with \(gone.map { "'\($0)'" }.joined(separator: ", ")), no longer in the manifests; the controls were dropped")
        }
        return controls.filter { keptControls.contains($0) }
    }

    /// A hand-added item's boundary, or `nil` with a note when that boundary is gone.
    private mutating func container(_ id: String?, of item: String, what: String, now: String) -> String? {
        guard let id, !keptBoundaries.contains(id) else { return id }
        note("\(what) '\(item)' was added by hand inside '\(id)', which is no longer in the manifests; it is now \(now)")
        return nil
    }

    mutating func mergedBoundaries() -> [Boundary] {
        merged(imported: imported.boundaries, existing: existing.boundaries, id: \.id, keep: { merged, old, run in
            merged.label = old.label
            merged.controls = run.controls(merged.controls, keeping: old.controls)
            merged.parent = run.handBoundary(old.parent) ?? merged.parent
        }, handAdded: { run, boundary in
            var kept = boundary
            kept.parent = run.container(boundary.parent, of: boundary.id, what: "boundary", now: "at the top level")
            kept.controls = run.keptControls(boundary.controls, of: "boundary", boundary.id)
            return kept
        })
    }

    mutating func mergedElements() -> [Element] {
        merged(imported: imported.elements, existing: existing.elements, id: \.id, keep: { merged, old, run in
            merged.label = old.label
            merged.kind = old.kind
            merged.url = old.url
            merged.controls = run.controls(merged.controls, keeping: old.controls)
            merged.boundary = run.handBoundary(old.boundary) ?? merged.boundary
        }, handAdded: { run, element in
            var kept = element
            kept.boundary = run.container(element.boundary, of: element.id, what: "element", now: "outside every boundary")
            kept.controls = run.keptControls(element.controls, of: "element", element.id)
            return kept
        })
    }

    mutating func mergedFlows() -> [Flow] {
        merged(imported: imported.flows, existing: existing.flows, id: \.id, keep: { merged, old, run in
            merged.label = old.label
            merged.encryption = old.encryption
            merged.authentication = old.authentication
            merged.data = old.data
            merged.classification = old.classification
            merged.bidirectional = old.bidirectional
            merged.controls = run.controls(merged.controls, keeping: old.controls)
        }, handAdded: { run, flow in
            let gone = [flow.from, flow.to].filter { !run.keptElements.contains($0) }
            guard gone.isEmpty else {
                run.note("flow '\(flow.id)' was added by hand from '\(flow.from)' to '\(flow.to)'; '\(gone[0])' is no longer in the manifests, so the flow was dropped")
                return nil
            }
            var kept = flow
            kept.controls = run.keptControls(flow.controls, of: "flow", flow.id)
            return kept
        })
    }

    /// The earlier model's accepted risks, without those whose target is gone (with a note).
    mutating func keptAcceptedRisks(in merged: Model) -> [AcceptedRisk] {
        let targets = Set(merged.boundaries.map(\.id) + merged.elements.map(\.id) + merged.flows.map(\.id) + merged.threatActors.map(\.id))
        return existing.acceptedRisks.filter { risk in
            guard !targets.contains(risk.target) else { return true }
            note("the accepted risk of \(risk.rule) on '\(risk.target)' was dropped: '\(risk.target)' is no longer in the manifests")
            return false
        }
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
