import TrustFlowModel

/// Which part of a model a diagram draws, and how: the whole model, or a view that keeps a
/// big system readable.
///
/// A view is a transformation of what the ``DiagramBuilder`` draws, not of the model: the same
/// nodes, styles, decorations and legend are used, so a view reads like the full diagram.
public enum DiagramView: Hashable, Sendable {
    /// Everything, where the model puts it.
    case full
    /// Every boundary of this kind drawn as one box (the outermost one where such boundaries
    /// nest): what is inside it disappears and is counted in its label, and the flows between
    /// two boxes, or a box and an element, are merged into one edge per pair and direction.
    case collapse(BoundaryKind)
    /// The boundary matrix: the boxes of ``collapse(_:)`` (and the elements outside them) as
    /// the rows and, in the same order, the columns of a table whose cell for a pair counts
    /// the flows from the row to the column, with their weakest protection and worst finding.
    /// It stays readable however many boxes talk to each other, where edges between boxes
    /// do not (see ``legibleEdgeLimit``).
    case matrix(BoundaryKind)
    /// Only the elements within `radius` flows of `element` (either direction), the boundaries
    /// around them and the threat actors that target what is kept.
    case focus(element: String, radius: Int)
    /// The overview page of an atlas: ``collapse(_:)`` at `level`, each box linking to the
    /// page of its boundary.
    case atlasIndex(level: BoundaryKind)
    /// The page of one boundary of an atlas: everything inside it, the boundaries around it,
    /// and its neighbours outside as small stubs linking to their own page or to the index.
    case atlasPage(boundary: String, level: BoundaryKind)

    /// The radius of ``focus(element:radius:)`` when none is given.
    public static let defaultRadius = 1

    /// Checks that the view fits the model: the focused element and the atlas page's boundary
    /// exist, the radius is not negative.
    /// - Throws: ``DiagramViewError`` naming the problem, with a "did you mean" when an id is
    ///   close to one of the model's.
    public func check(against model: Model) throws(DiagramViewError) {
        switch self {
        case .full, .collapse, .matrix, .atlasIndex:
            return
        case .focus(let element, let radius):
            guard radius >= 0 else { throw DiagramViewError("the focus radius must be 0 or more, not \(radius)") }
            guard !model.elements.contains(where: { $0.id == element }) else { return }
            if let kind = Self.kindOfItem(element, in: model) {
                throw DiagramViewError("'\(element)' is a \(kind), not an element; focus on an element id")
            }
            throw DiagramViewError("unknown element '\(element)'"
                + Suggestion.clause(for: element, among: model.elements.map(\.id)))
        case .atlasPage(let boundary, _):
            guard !model.boundaries.contains(where: { $0.id == boundary }) else { return }
            throw DiagramViewError("unknown boundary '\(boundary)'"
                + Suggestion.clause(for: boundary, among: model.boundaries.map(\.id)))
        }
    }

    /// Things worth saying about the view that do not stop it, e.g. that the model has no
    /// boundary of the kind to collapse (the diagram is then the full one).
    public func warnings(for model: Model) -> [String] {
        switch self {
        case .collapse(let kind), .matrix(let kind), .atlasIndex(let kind), .atlasPage(_, let kind):
            guard !model.boundaries.contains(where: { $0.kind == kind }) else { return [] }
            let present = BoundaryKind.allCases.filter { kind in model.boundaries.contains { $0.kind == kind } }
            let kinds = present.isEmpty ? "it has no boundaries" : "its kinds are " + present.map(\.rawValue).joined(separator: ", ")
            if case .matrix = self {
                return ["the model has no \(kind.rawValue) boundary (\(kinds)); the matrix has a row per element"]
            }
            return ["the model has no \(kind.rawValue) boundary to collapse (\(kinds)); nothing is collapsed"]
        case .full, .focus:
            return []
        }
    }

    /// The boundary kind named `text`, for options such as `--collapse namespace`.
    /// - Throws: ``DiagramViewError`` listing the kinds, with a "did you mean".
    public static func boundaryKind(named text: String) throws(DiagramViewError) -> BoundaryKind {
        if let kind = BoundaryKind(rawValue: text.lowercased()) { return kind }
        let kinds = BoundaryKind.allCases.map(\.rawValue)
        throw DiagramViewError("unknown boundary kind '\(text)'" + Suggestion.clause(for: text, among: kinds)
            + " (one of " + kinds.joined(separator: ", ") + ")")
    }

    private static func kindOfItem(_ id: String, in model: Model) -> String? {
        if model.boundaries.contains(where: { $0.id == id }) { return "boundary" }
        if model.flows.contains(where: { $0.id == id }) { return "flow" }
        if model.threatActors.contains(where: { $0.id == id }) { return "threat actor" }
        if model.controls.contains(where: { $0.id == id }) { return "control" }
        return nil
    }
}

/// A view that does not fit its model: an unknown element or boundary, a negative radius.
public struct DiagramViewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, with a suggestion when there is one.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension DiagramView {
    /// Above this many edges a view is drawn for `osage` rather than `dot`: each cluster's
    /// boxes and nodes packed in rows in file order, edges drawn straight over them.
    ///
    /// Measured on collapsed views of `Benchmarks/generate_model.py` models, `dot` took 1.5 s
    /// for 148 edges between 30 boxes, 2.4 s for 191, 16 s for 261 and 396 s for 546 between
    /// 100 boxes (calls between boxes in every direction stack them dozens of ranks deep);
    /// `osage` took under 0.3 s for all. `fdp` was as fast but not deterministic: with edge
    /// labels, Graphviz 2.42 lays the same graph out differently from run to run.
    public static let packedLayoutEdgeThreshold = 150

    /// How many edges — flows, and merged flows between boxes — the view draws of `model`:
    /// what the layout time of a view grows with.
    public func edgeCount(in model: Model) -> Int {
        ViewProjection(ModelIndex(model), view: self).edges.count
    }

    /// Whether a view drawing `edgeCount` edges is drawn packed, for `osage` (see
    /// ``packedLayoutEdgeThreshold``); the full diagram and the matrix never are.
    public func isPacked(edgeCount: Int) -> Bool {
        if case .matrix = self { return false }
        return self != .full && edgeCount > Self.packedLayoutEdgeThreshold
    }
}
