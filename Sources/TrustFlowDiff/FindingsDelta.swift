import TrustFlowAnalysis
import TrustFlowModel

/// Which findings a change introduced and which it resolved.
///
/// A finding's identity is its rule, the kind and id of what it is about, and the field it
/// points at (so TF112's two findings on one flow stay apart) — not its position in the file.
public struct FindingsDelta: Hashable, Sendable {
    /// In the new version only.
    public var new: [Finding]
    /// In the old version only.
    public var resolved: [Finding]
    /// In both (the new version's finding).
    public var unchanged: [Finding]

    public init(old: [Finding], new: [Finding]) {
        let oldKeys = Set(old.map(FindingsDelta.key))
        let newKeys = Set(new.map(FindingsDelta.key))
        self.new = new.filter { !oldKeys.contains(FindingsDelta.key($0)) }
        resolved = old.filter { !newKeys.contains(FindingsDelta.key($0)) }
        unchanged = new.filter { oldKeys.contains(FindingsDelta.key($0)) }
    }

    /// New findings no acceptance covers.
    public var newActive: [Finding] { new.filter { !$0.isAccepted } }

    /// Whether nothing was introduced or resolved.
    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty }

    static func key(_ finding: Finding) -> String {
        let field = finding.path.components.dropFirst(2).map { component -> String in
            switch component {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }.joined(separator: ".")
        return "\(finding.ruleID)|\(finding.target.kind.rawValue)|\(finding.target.id)|\(field)"
    }
}
