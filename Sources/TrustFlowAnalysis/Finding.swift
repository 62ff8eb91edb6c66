import TrustFlowModel

/// What a finding is about.
public struct FindingTarget: Hashable, Sendable {
    /// The kind of model item.
    public enum Kind: String, Hashable, Sendable, Codable {
        case boundary, element, flow, threatActor = "threat-actor"
        /// A Kubernetes object that no model item stands for (the drift check's findings
        /// about manifests alone); its id is the object's identity, `NetworkPolicy shop/web`.
        case kubernetesObject = "kubernetes-object"
    }

    public var kind: Kind
    /// The item's id (what `acceptedRisks[].target` names).
    public var id: String
    /// Where the item is in the model, e.g. `flows[2]` (the root for a Kubernetes object).
    public var path: ModelPath

    public init(kind: Kind, id: String, path: ModelPath) {
        self.kind = kind
        self.id = id
        self.path = path
    }
}

/// One problem a rule found in a model.
public struct Finding: Hashable, Sendable {
    /// The rule's stable id, e.g. `TF103`.
    public var ruleID: String
    /// How serious this instance is (a rule may raise its default, e.g. for credentials).
    public var severity: Severity
    /// What is wrong with this item, in a sentence.
    public var message: String
    /// The item the finding is about.
    public var target: FindingTarget
    /// The most precise place to point at, e.g. `flows[2].encryption` (falls back to the item).
    public var path: ModelPath
    /// Where `path` was written, when known.
    public var location: SourceLocation?
    /// The acceptance covering this finding, when one does (and has not expired).
    public var acceptance: Acceptance?
    /// Other places that show the cause, beside ``location``: for the drift check, the
    /// Kubernetes manifest lines (the policy that blocks a flow, the container that lacks a
    /// control), in the order they matter.
    public var evidence: [SourceLocation] = []

    /// An accepted risk that covers a finding.
    public struct Acceptance: Hashable, Sendable {
        public var reason: String
        public var until: CalendarDate?
        /// Where the acceptance is in the model, e.g. `acceptedRisks[0]`.
        public var path: ModelPath
    }

    /// Whether an acceptance covers the finding.
    public var isAccepted: Bool { acceptance != nil }

    public init(ruleID: String, severity: Severity, message: String, target: FindingTarget, path: ModelPath? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.target = target
        self.path = path ?? target.path
    }

    /// Orders findings by location (file, line, column; unlocated first), then rule, then
    /// target, so output is stable.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            let left = (lhs.location?.file ?? "", lhs.location?.line ?? 0, lhs.location?.column ?? 0, lhs.ruleID)
            let right = (rhs.location?.file ?? "", rhs.location?.line ?? 0, rhs.location?.column ?? 0, rhs.ruleID)
            return left != right ? left < right : (lhs.target.id, lhs.message) < (rhs.target.id, rhs.message)
        }
    }
}
