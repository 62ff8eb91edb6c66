import TrustFlowAnalysis
import TrustFlowModel

/// Findings grouped by the id of what they are about, keeping the analysis's order: a view
/// marks those on what it shows, and sums up those on what it hides, without going through
/// every finding of the model for each page of an atlas.
struct FindingsByTarget {
    /// Every finding, in the analysis's order.
    let all: [Finding]
    private let groups: [String: [Int]]

    init(_ findings: [Finding] = []) {
        all = findings
        var groups: [String: [Int]] = [:]
        for (position, finding) in findings.enumerated() { groups[finding.target.id, default: []].append(position) }
        self.groups = groups
    }

    /// The findings about `id`, in the analysis's order.
    subscript(_ id: String) -> [Finding] { (groups[id] ?? []).map { all[$0] } }

    /// The findings about any of `ids`, in the analysis's order.
    func about(_ ids: Set<String>) -> [Finding] {
        ids.flatMap { groups[$0] ?? [] }.sorted().map { all[$0] }
    }
}

extension DiagramScene {
    /// A scene with `findings` marked on what its view shows (and so only those in the legend).
    init(index: ModelIndex, findings: FindingsByTarget, view: DiagramView, theme: DiagramTheme, atlas: AtlasPlan? = nil) {
        self.init(index: index, decorations: DiagramDecorations(), view: view, findings: findings, atlas: atlas)
        let shown = view == .full ? findings.all : findings.about(projection.itemsShowingFindings)
        decorations = .findings(shown, theme: theme)
    }
}
