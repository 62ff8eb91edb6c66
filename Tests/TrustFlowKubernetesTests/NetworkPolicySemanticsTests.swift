import Testing
import TrustFlow
import TrustFlowTestSupport

/// The evaluator against NetworkPolicy v1 as https://kubernetes.io/docs/concepts/services-networking/network-policies/
/// states it, one rule of the semantics per test, on small hand-written manifests.
@Suite("NetworkPolicy semantics")
struct NetworkPolicySemanticsTests {
    /// A bare Pod `name` with `labels` in `namespace`, with an HTTP port named `http` on 8080
    /// (and a DNS port 53/UDP named `dns`).
    static func pod(_ name: String, _ labels: String, namespace: String = "default") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: \(namespace), labels: {\(labels)}}
        spec:
          containers:
            - name: main
              image: app:1
              ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]
        """
    }

    static func namespace(_ name: String, _ labels: String = "") -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: \(name), labels: {\(labels)}}"
    }

    static func policy(_ name: String, namespace: String = "default", _ spec: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: \(namespace)}\nspec:\n"
            + spec.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    static func evaluator(_ documents: [String]) throws -> NetworkPolicyEvaluator {
        NetworkPolicyEvaluator(inventory: try inventory(documents.joined(separator: "\n---\n")))
    }

    static func end(_ evaluator: NetworkPolicyEvaluator, _ name: String) -> ReachabilityEndpoint {
        .workload(evaluator.inventory.workloads.firstIndex { $0.name == name }!)
    }

    static func verdict(_ evaluator: NetworkPolicyEvaluator, _ from: String, _ to: String) -> ConnectionVerdict {
        evaluator.verdict(from: end(evaluator, from), to: end(evaluator, to))
    }

    static let ab = [pod("a", "app: a"), pod("b", "app: b")]

    @Test func withoutPoliciesEverythingIsAllowed() throws {
        let evaluator = try Self.evaluator(Self.ab)
        #expect(Self.verdict(evaluator, "a", "b").allowed.isAll)
        #expect(evaluator.verdict(from: .addresses(.all), to: Self.end(evaluator, "b")).allowed.isAll)
        #expect(evaluator.verdict(from: Self.end(evaluator, "b"), to: .addresses(.all)).allowed.isAll)
    }

    @Test func policyTypesDefaultToIngressAndToEgressOnlyWithEgressRules() throws {
        // No policyTypes, no egress rules: Ingress only, so b's egress stays open.
        let ingressOnly = try Self.evaluator(Self.ab + [Self.policy("p", "podSelector: {matchLabels: {app: b}}\negress: []")])
        #expect(Self.verdict(ingressOnly, "a", "b").kind == .denied)
        #expect(Self.verdict(ingressOnly, "b", "a").allowed.isAll)
        // Egress rules make it Egress too: b may only send to a on TCP 80.
        let both = try Self.evaluator(Self.ab + [Self.policy("p",
            "podSelector: {matchLabels: {app: b}}\negress: [{to: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]")])
        #expect(Self.verdict(both, "b", "a").allowed == PortSet(.tcp, port: 80))
        #expect(Self.verdict(both, "a", "b").kind == .denied)
        // Declared policyTypes win: Egress alone leaves ingress open even with ingress rules.
        let declared = try Self.evaluator(Self.ab + [Self.policy("p",
            "podSelector: {matchLabels: {app: b}}\npolicyTypes: [Egress]\ningress: [{from: [{podSelector: {matchLabels: {app: nobody}}}]}]")])
        #expect(Self.verdict(declared, "a", "b").allowed.isAll, "ingress rules of a policy without Ingress have no effect")
        #expect(Self.verdict(declared, "b", "a").kind == .denied)
    }

    @Test func aConnectionNeedsTheSourcesEgressAndTheDestinationsIngress() throws {
        let evaluator = try Self.evaluator(Self.ab + [
            Self.policy("a-out", "podSelector: {matchLabels: {app: a}}\npolicyTypes: [Egress]\negress: [{ports: [{port: 80}, {port: 81}]}]"),
            Self.policy("b-in", "podSelector: {matchLabels: {app: b}}\ningress: [{ports: [{port: 81}, {port: 82}]}]"),
        ])
        #expect(Self.verdict(evaluator, "a", "b").allowed == PortSet(.tcp, port: 81))
        let explanation = evaluator.explain(from: Self.end(evaluator, "a"), to: Self.end(evaluator, "b"))
        #expect(explanation.egress.allowed == PortSet(.tcp, 80, 81))
        #expect(explanation.ingress.allowed == PortSet(.tcp, 81, 82))
    }

    @Test func selectorsAreAndWithinAPeerAndOrAcrossPeers() throws {
        let documents = [Self.namespace("ops", "team: ops"), Self.namespace("dev", "team: dev"), Self.pod("web", "app: web"),
            Self.pod("mon", "type: monitoring", namespace: "ops"), Self.pod("other", "type: other", namespace: "ops"),
            Self.pod("devmon", "type: monitoring", namespace: "dev")]
        let and = try Self.evaluator(documents + [Self.policy("p",
            "podSelector: {matchLabels: {app: web}}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {type: monitoring}}}]}]")])
        #expect(Self.verdict(and, "mon", "web").allowed.isAll)
        #expect(Self.verdict(and, "other", "web").kind == .denied)
        #expect(Self.verdict(and, "devmon", "web").kind == .denied)
        let or = try Self.evaluator(documents + [Self.policy("p",
            "podSelector: {matchLabels: {app: web}}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}, {podSelector: {matchLabels: {type: monitoring}}}]}]")])
        #expect(Self.verdict(or, "other", "web").allowed.isAll, "the namespace peer alone")
        #expect(Self.verdict(or, "devmon", "web").kind == .denied, "a podSelector alone means the policy's namespace")
    }

    @Test func matchExpressionsAndEmptySelectors() throws {
        let pods = [Self.pod("t", "app: t"), Self.pod("a", "tier: front"), Self.pod("b", "tier: back"), Self.pod("c", "env: x")]
        let expressions = try Self.evaluator(pods + [Self.policy("p", """
            podSelector: {matchLabels: {app: t}}
            ingress: [{from: [{podSelector: {matchExpressions: [{key: tier, operator: In, values: [front]}]}},
                              {podSelector: {matchExpressions: [{key: env, operator: Exists}, {key: tier, operator: DoesNotExist}]}}]}]
            """)])
        #expect(Self.verdict(expressions, "a", "t").allowed.isAll)
        #expect(Self.verdict(expressions, "b", "t").kind == .denied)
        #expect(Self.verdict(expressions, "c", "t").allowed.isAll)
        let notIn = try Self.evaluator(pods + [Self.policy("p",
            "podSelector: {matchLabels: {app: t}}\ningress: [{from: [{podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [back]}]}}]}]")])
        #expect(Self.verdict(notIn, "c", "t").allowed.isAll, "NotIn holds when the label is absent")
        #expect(Self.verdict(notIn, "b", "t").kind == .denied)
        let everyPod = try Self.evaluator(pods + [Self.policy("p", "podSelector: {}\ningress: [{from: [{podSelector: {}}]}]")])
        #expect(Self.verdict(everyPod, "a", "b").allowed.isAll)
        #expect(everyPod.verdict(from: .addresses(.all), to: Self.end(everyPod, "b")).kind == .denied, "pods only, not the outside")
    }

    @Test func namespaceLabelsIncludeTheNameLabelAndAreUnknownWithoutANamespaceObject() throws {
        let documents = [Self.pod("web", "app: web"), Self.pod("x", "app: x", namespace: "prod")]
        let byName = try Self.evaluator(documents + [Self.policy("p",
            "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: prod}}}]}]")])
        #expect(Self.verdict(byName, "x", "web").allowed.isAll, "every namespace has its name label, object or not")
        let byLabel = [Self.policy("p", "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {purpose: production}}}]}]")]
        let unknown = try Self.evaluator(documents + byLabel)
        let verdict = Self.verdict(unknown, "x", "web")
        #expect(verdict.kind == .unknown && verdict.unknown.isAll)
        let reasons = unknown.explain(from: Self.end(unknown, "x"), to: Self.end(unknown, "web")).ingress.doubts.map(\.reason)
        #expect(reasons == ["namespace prod has no Namespace object in the manifests, so whether namespaceSelector {purpose=production} selects it is unknown"])
        let labelled = try Self.evaluator(documents + byLabel + [Self.namespace("prod", "purpose: production")])
        #expect(Self.verdict(labelled, "x", "web").allowed.isAll)
        let other = try Self.evaluator(documents + byLabel + [Self.namespace("prod", "purpose: testing")])
        #expect(Self.verdict(other, "x", "web").kind == .denied)
    }

    @Test func portsByNumberRangeNameAndProtocol() throws {
        let evaluator = try Self.evaluator(Self.ab + [Self.policy("p", """
            podSelector: {matchLabels: {app: b}}
            ingress:
              - ports: [{port: 1000, endPort: 1010}, {port: http}, {protocol: UDP, port: dns}, {protocol: SCTP}]
            """)])
        let expected = PortSet(.tcp, 1000, 1010).union(PortSet(.tcp, port: 8080)).union(PortSet(.udp, port: 53)).union(PortSet(allOf: .sctp))
        #expect(Self.verdict(evaluator, "a", "b").allowed == expected)
        #expect(Self.verdict(evaluator, "a", "b").allowed.description == "SCTP 1-65535,TCP 1000-1010,8080,UDP 53")
    }

    @Test func aPortNameNoContainerDeclaresIsUnknownAndAMismatchedProtocolIsNot() throws {
        let unresolved = try Self.evaluator(Self.ab + [Self.policy("p", "podSelector: {matchLabels: {app: b}}\ningress: [{ports: [{port: metrics}]}]")])
        let verdict = Self.verdict(unresolved, "a", "b")
        #expect(verdict.allowed.isEmpty && verdict.unknown == PortSet(allOf: .tcp))
        let mismatch = try Self.evaluator(Self.ab + [Self.policy("p", "podSelector: {matchLabels: {app: b}}\ningress: [{ports: [{port: dns}]}]")])
        #expect(Self.verdict(mismatch, "a", "b").kind == .denied, "dns is a UDP port; a TCP rule naming it matches nothing")
    }

    @Test func ipBlocksCutTheOutsideAndAreUnknownAgainstPods() throws {
        let evaluator = try Self.evaluator(Self.ab + [Self.policy("p", """
            podSelector: {matchLabels: {app: b}}
            ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]
            """)])
        #expect(evaluator.externalPieces.map(\.description) == [
            "0.0.0.0-9.255.255.255", "10.0.0.0-10.0.255.255", "10.1.0.0-10.1.255.255", "10.2.0.0-10.255.255.255", "11.0.0.0-255.255.255.255",
        ])
        let b = Self.end(evaluator, "b")
        let allowed = evaluator.externalPieces.filter { evaluator.verdict(from: .addresses($0), to: b).allowed.isAll }
        #expect(allowed.map(\.description) == ["10.0.0.0-10.0.255.255", "10.2.0.0-10.255.255.255"])
        #expect(evaluator.verdict(from: .addresses(.publicInternet), to: b).kind == .denied, "private addresses only")
        let partly = IPv4AddressSet(IPv4AddressSet.Range(lower: 0x0A00_0000, upper: 0x0AFF_FFFF))
        #expect(evaluator.verdict(from: .addresses(partly), to: b).kind == .unknown, "10/8 holds the except, so only part is allowed")
        let fromPod = Self.verdict(evaluator, "a", "b")
        #expect(fromPod.kind == .unknown && fromPod.unknown.isAll, "whether pod IPs count is the network plugin's choice")
    }

    @Test func policiesOfKindsNotEvaluatedMakeVerdictsTouchingTheirPodsUnknown() throws {
        let cilium = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l7, namespace: shop}
            spec: {endpointSelector: {}}
            """
        let evaluator = try Self.evaluator(Self.ab + [Self.pod("s", "app: s", namespace: "shop"), cilium])
        #expect(evaluator.unevaluatedPolicies.map(\.description) == ["CiliumNetworkPolicy shop/l7"])
        #expect(Self.verdict(evaluator, "a", "s").kind == .unknown)
        #expect(Self.verdict(evaluator, "s", "b").kind == .unknown)
        #expect(Self.verdict(evaluator, "a", "b").allowed.isAll, "other namespaces are not touched")
        let admin = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: baseline}\nspec: {priority: 1}"
        let clusterWide = try Self.evaluator(Self.ab + [admin])
        #expect(clusterWide.unevaluatedPolicies.first?.namespace == nil)
        #expect(Self.verdict(clusterWide, "a", "b").kind == .unknown)
    }

    @Test func malformedIPBlocksAreLocatedErrors() {
        let errors = readingErrors([("p.yaml", Self.policy("p", """
            podSelector: {}
            ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}, {ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}]}]
            """))])
        #expect(errors.map(\.message) == [
            "'10.0.0.0/33' is not a CIDR block: the prefix length must be a number from 0 to 32 (in NetworkPolicy default/p)",
            "except '11.0.0.0/16' is not inside cidr '10.0.0.0/8' (in NetworkPolicy default/p)",
        ])
        #expect(errors.allSatisfy { $0.location?.file == "p.yaml" && ($0.location?.line ?? 0) == 6 })
    }
}
