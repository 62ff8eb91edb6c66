/// A rule of a NetworkPolicy: the policy's position in ``Inventory/networkPolicies``, the
/// direction, and the rule's position in that direction's list.
public struct PolicyRuleReference: Hashable, Comparable, Sendable {
    public var policy: Int
    public var direction: NetworkPolicy.PolicyType
    public var rule: Int

    public init(policy: Int, direction: NetworkPolicy.PolicyType, rule: Int) {
        self.policy = policy
        self.direction = direction
        self.rule = rule
    }

    public static func < (lhs: PolicyRuleReference, rhs: PolicyRuleReference) -> Bool {
        (lhs.policy, lhs.direction.rawValue, lhs.rule) < (rhs.policy, rhs.direction.rawValue, rhs.rule)
    }
}

/// Why one side of a connection — the egress of its source or the ingress of its destination —
/// lets through what it lets through.
public struct SideExplanation: Hashable, Sendable {
    /// Whether NetworkPolicies govern this side at all.
    public enum Exposure: Hashable, Sendable {
        /// The end is not a pod (the outside, a host): no NetworkPolicy applies to its side.
        case outsidePodNetwork
        /// No policy selects the pod for this direction, so everything passes; whether its
        /// namespace has any NetworkPolicy says how wide open that is.
        case notIsolated(namespaceHasPolicies: Bool)
        /// These policies (positions in ``Inventory/networkPolicies``) select the pod for this
        /// direction: only what one of their rules allows passes.
        case isolated(by: [Int])
    }

    /// A rule that lets the other end through, on these ports.
    public struct Grant: Hashable, Sendable {
        public var rule: PolicyRuleReference
        public var ports: PortSet
    }

    /// A rule that may let the other end through, on these ports, and why that is not known.
    public struct Doubt: Hashable, Sendable {
        public var rule: PolicyRuleReference
        public var ports: PortSet
        public var reason: String
    }

    public var direction: NetworkPolicy.PolicyType
    public var exposure: Exposure
    /// What this side allows for sure.
    public var allowed: PortSet
    /// What this side may allow besides.
    public var unknown: PortSet
    /// The rules that allow, in policy order.
    public var grants: [Grant]
    /// The rules that may allow, in policy order.
    public var doubts: [Doubt]
}

/// Everything the evaluator knows about one connection: both sides, the verdict, and the
/// policies it could not evaluate that touch either end.
public struct ConnectionExplanation: Hashable, Sendable {
    public var source: ReachabilityEndpoint
    public var destination: ReachabilityEndpoint
    /// The egress side of the source.
    public var egress: SideExplanation
    /// The ingress side of the destination.
    public var ingress: SideExplanation
    /// Positions in ``NetworkPolicyEvaluator/unevaluatedPolicies`` of the policies that touch
    /// either end; with any, nothing is allowed for sure.
    public var unevaluated: [Int]
    public var verdict: ConnectionVerdict
}

extension Inventory {
    /// The rule a reference names.
    public func rule(_ reference: PolicyRuleReference) -> NetworkPolicyRule {
        let policy = networkPolicies[reference.policy]
        return (reference.direction == .ingress ? policy.ingress : policy.egress)[reference.rule]
    }
}
