import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The evaluator on the real applications of `../shared/data/k8s/`, against what their sources
/// say: np-guard's own golden connection list for the np-guard variant of Online Boutique.
@Suite("Reachability on real applications")
struct ReachabilityOracleTests {
    /// The evaluator of manifests in `../shared/data/k8s/` (relative paths).
    static func evaluator(_ paths: [String]) throws -> NetworkPolicyEvaluator {
        let sources = try ManifestFiles.read(paths.map { SharedData.url("k8s/" + $0).path })
        return NetworkPolicyEvaluator(inventory: try ManifestReader().read(sources).inventory)
    }

    static func position(_ evaluator: NetworkPolicyEvaluator, _ name: String, namespace: String = "default") -> ReachabilityEndpoint {
        let found = evaluator.inventory.workloads.firstIndex { $0.name == name && $0.namespace == namespace }
        #expect(found != nil, "no workload \(namespace)/\(name)")
        return .workload(found ?? 0)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func npGuardGoldenConnectionListIsReproducedExactly() throws {
        let evaluator = try Self.evaluator(["online-boutique/np-guard-variant"])
        let golden = try String(contentsOf: SharedData.url("k8s/online-boutique/np-guard-variant/expected-connlist.txt"), encoding: .utf8)
        let lines = evaluator.reachability().connectionList(in: evaluator.inventory)
        #expect(lines.count == 17)
        #expect(lines == golden.split(separator: "\n").map(String.init))
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func cartserviceToRedisIsBlockedOnTheSourcesEgress() throws {
        let evaluator = try Self.evaluator(["online-boutique/np-guard-variant"])
        let cart = Self.position(evaluator, "cartservice")
        let redis = Self.position(evaluator, "redis-cart")
        let explanation = evaluator.explain(from: cart, to: redis)
        #expect(explanation.verdict.kind == .denied)
        #expect(explanation.egress.allowed.isEmpty && explanation.egress.grants.isEmpty)
        let policies = evaluator.inventory.networkPolicies
        guard case .isolated(let by) = explanation.egress.exposure else {
            Issue.record("the egress of cartservice is not isolated")
            return
        }
        #expect(by.map { policies[$0].name } == ["cartservice-netpol"])
        #expect(explanation.ingress.exposure == .notIsolated(namespaceHasPolicies: true), "redis-cart has no policy")
        #expect(explanation.ingress.allowed.isAll)
    }

    static func lines(_ evaluator: NetworkPolicyEvaluator) -> [String] { evaluator.reachability().connectionList(in: evaluator.inventory) }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func onlineBoutiqueWithItsNetworkPolicyComponent() throws {
        let evaluator = try Self.evaluator(["online-boutique/kubernetes-manifests.yaml", "online-boutique/network-policies.yaml"])
        let lines = Self.lines(evaluator)
        // Egress is open for every pod (`egress: [{}]`); ingress only where a policy allows,
        // and `ingress: [{}]` opens the frontend to every pod and the outside.
        #expect(lines.count == 39)
        #expect(lines.filter { $0.contains("=> default/frontend[Deployment] : All Connections") }.count == 12, "11 pods and the outside")
        #expect(lines.filter { $0.hasSuffix("=> 0.0.0.0-255.255.255.255[External] : All Connections") }.count == 12)
        #expect(lines.contains("default/cartservice[Deployment] => default/redis-cart[Deployment] : TCP 6379"))
        #expect(lines.contains("default/checkoutservice[Deployment] => default/emailservice[Deployment] : TCP 8080"))
        #expect(!lines.contains { $0.hasPrefix("0.0.0.0-255.255.255.255[External] => default/redis-cart") })
        #expect(!lines.contains { $0.contains("=> default/loadgenerator") }, "deny-all isolates its ingress; its own policy is Egress only")
        let frontend = Self.position(evaluator, "frontend")
        let cause = ConnectionCause.widest(of: evaluator.explain(from: Self.position(evaluator, "redis-cart"), to: frontend), evaluator: evaluator)
        #expect(cause?.text.contains("ingress rule 1 of NetworkPolicy default/frontend (`ingress: [{}]`) allows every source on every port") == true,
            "\(cause?.text ?? "none")")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func sockShopsPoliciesSelectPodsThatDoNotExist() throws {
        let evaluator = try Self.evaluator(["sock-shop/complete-demo.yaml", "sock-shop/network-policies.yaml"])
        let namespace = "sock-shop"
        func verdict(_ from: String, _ to: String) -> ConnectionVerdict {
            evaluator.verdict(from: Self.position(evaluator, from, namespace: namespace), to: Self.position(evaluator, to, namespace: namespace))
        }
        // cart-access selects `name: cart`, but the pods are `carts`: only cortex-access (every
        // pod, from `name: cortex`, which nothing is) isolates carts, so nothing reaches it.
        #expect(verdict("front-end", "carts").kind == .denied)
        #expect(verdict("orders", "carts").kind == .denied)
        #expect(verdict("carts", "carts-db").kind == .denied, "carts-db-access allows `name: cart`")
        #expect(verdict("front-end", "catalogue").allowed == PortSet(.tcp, port: 80))
        #expect(verdict("user", "user-db").allowed == PortSet(.tcp, port: 27017))
        #expect(verdict("carts", "front-end").allowed == PortSet(.tcp, port: 8079), "front-end-access lets every source in on 8079")
        #expect(Self.lines(evaluator).count == 39)
        let findings = DriftCheck(inventory: evaluator.inventory).run().findings
        #expect(findings.filter { $0.ruleID == "TF209" }.map(\.message) == [
            "NetworkPolicy sock-shop/cart-access is stale: its podSelector {name=cart} matches no pod of namespace sock-shop; did you mean name=carts?",
            "NetworkPolicy sock-shop/carts-db-access is stale: peer podSelector of ingress rule 1 {name=cart} matches no pod of namespace sock-shop; did you mean name=carts?",
            "NetworkPolicy sock-shop/cortex-access is stale: peer podSelector of ingress rule 1 {name=cortex} matches no pod of namespace sock-shop",
        ])
        #expect(findings.filter { $0.ruleID == "TF210" }.count == 1, "the pre-v1 DefaultDeny annotation")
        #expect(findings.filter { $0.ruleID == "TF211" }.count == 12, "containers that drop 'all' in lower case")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func guestbookHasNoPoliciesSoEveryPodReachesEveryPod() throws {
        let evaluator = try Self.evaluator(["guestbook/guestbook-all-in-one.yaml"])
        let lines = Self.lines(evaluator)
        // 3 workloads: 6 ordered pairs, and each to and from the outside.
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.hasSuffix(" : All Connections") })
        #expect(lines.contains("default/redis-master[Deployment] => default/frontend[Deployment] : All Connections"),
            "the redis pods reach the frontend too")
        let findings = DriftCheck(inventory: evaluator.inventory).run().findings.filter { $0.ruleID == "TF213" }
        #expect(findings.count == 3)
        #expect(findings.filter { $0.severity == .high }.count == 2, "the two redis data stores")
    }
}

