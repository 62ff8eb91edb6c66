import TrustFlowModel

/// A Kubernetes label selector: `matchLabels` and `matchExpressions`, all of which must hold.
/// An empty selector selects everything.
public struct LabelSelector: Hashable, Sendable {
    /// Labels that must be present with these values.
    public var matchLabels: [String: String]
    /// Further requirements on labels.
    public var matchExpressions: [LabelRequirement]
    /// Where the selector was written.
    public var location: SourceLocation

    /// Creates a selector.
    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelRequirement] = [], location: SourceLocation) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
        self.location = location
    }

    /// Whether it selects everything (`{}`).
    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Whether objects with `labels` are selected.
    public func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value } && matchExpressions.allSatisfy { $0.matches(labels) }
    }

    /// `app=web, tier in (a, b)`, for messages; `{}` selects everything.
    public var summary: String {
        let parts = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + matchExpressions.map(\.summary)
        return parts.isEmpty ? "{}" : parts.joined(separator: ", ")
    }
}

/// One `matchExpressions` entry.
public struct LabelRequirement: Hashable, Sendable {
    /// The operators Kubernetes defines.
    public enum Operator: String, CaseIterable, Hashable, Sendable {
        case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
    }

    public var key: String
    public var `operator`: Operator
    /// The values for `In` and `NotIn`.
    public var values: [String]

    /// Creates a requirement.
    public init(key: String, operator: Operator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    /// Whether `labels` satisfy it (`NotIn` holds when the label is absent, as in Kubernetes).
    public func matches(_ labels: [String: String]) -> Bool {
        switch self.operator {
        case .in: labels[key].map(values.contains) ?? false
        case .notIn: labels[key].map { !values.contains($0) } ?? true
        case .exists: labels[key] != nil
        case .doesNotExist: labels[key] == nil
        }
    }

    var summary: String {
        switch self.operator {
        case .in: "\(key) in (\(values.joined(separator: ", ")))"
        case .notIn: "\(key) notin (\(values.joined(separator: ", ")))"
        case .exists: key
        case .doesNotExist: "!\(key)"
        }
    }
}
