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
}
