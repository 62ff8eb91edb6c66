import TrustFlowModel

/// Brings an earlier import up to date with a new one, keeping what was added by hand.
///
/// The rule: an item is *imported* when the earlier model's `x-trustflow-import` block names
/// it, when it carries a `k8s` reference, or when the new import has an item with its id;
/// every other item was added by hand.
/// - Hand-added items are all kept, after the imported ones, in their order: controls,
///   boundaries, elements, flows, threat actors, accepted risks, and `x-` keys.
/// - Imported items come from the new import (so an item whose object is gone is removed),
///   except the fields people write and manifests cannot say, which keep their value:
///   labels; an element's kind and url; a flow's label, encryption, authentication, data,
///   classification and bidirectional; controls added by hand to an imported item; and a
///   parent or boundary that is a hand-added boundary (so a hand-drawn node boundary stays).
/// - A hand-added reference to an imported item that is gone is dropped with a note: a
///   flow to it, a threat actor's target or standing place, a parent.
/// - The title and description are the earlier model's, unless `--title` is given.
public struct ModelMerger: Sendable {
    /// The earlier model, as the user keeps it.
    public var existing: Model
    /// A title that replaces the earlier one (`--title`).
    public var title: String?

    /// Creates a merger.
    public init(existing: Model, title: String? = nil) {
        self.existing = existing
        self.title = title
    }

    /// The merged model and notes about hand-added references that had to go.
    public struct Result: Sendable {
        public var model: Model
        public var notes: [Diagnostic]
    }

    /// Merges `imported` (a fresh import) with the earlier model.
    public func merge(into imported: Model) -> Result {
        var run = MergeRun(existing: existing, imported: imported)
        var model = imported
        model.title = title ?? existing.title
        model.description = existing.description
        model.controls = imported.controls + existing.controls.filter { run.isHandAdded($0.id) }
        model.boundaries = run.mergedBoundaries()
        model.elements = run.mergedElements()
        model.flows = run.mergedFlows()
        model.threatActors = run.keptThreatActors()
        model.acceptedRisks = run.keptAcceptedRisks(in: model)
        model.extensions = existing.extensions.filter { $0.key != KubernetesImportRecord.key } + imported.extensions
        return Result(model: model, notes: run.notes)
    }
}
