/// Whether a selector selects something when not every label is known: a namespace that the
/// manifests use but do not declare has only the `kubernetes.io/metadata.name` label for sure.
public enum SelectorMatch: Hashable, Sendable {
    case yes, no, unknown

    /// Both hold.
    func and(_ other: SelectorMatch) -> SelectorMatch {
        switch (self, other) {
        case (.no, _), (_, .no): .no
        case (.yes, .yes): .yes
        default: .unknown
        }
    }
}

extension LabelSelector {
    /// Whether objects whose labels are `labels` — all of them when `complete`, else only those
    /// listed, the others unknown — are selected.
    public func match(_ labels: [String: String], complete: Bool) -> SelectorMatch {
        if complete { return matches(labels) ? .yes : .no }
        var result = SelectorMatch.yes
        for (key, value) in matchLabels {
            result = result.and(labels[key].map { $0 == value ? .yes : .no } ?? .unknown)
        }
        for requirement in matchExpressions {
            result = result.and(labels[requirement.key] != nil ? (requirement.matches(labels) ? .yes : .no) : .unknown)
        }
        return result
    }
}
