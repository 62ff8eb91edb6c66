import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The network-policy recipes linked from the Kubernetes documentation
/// (`../shared/data/k8s/netpol-recipes/`): each recipe's policy, read in place, with the pods
/// its README runs, and the connections its README says work or time out. Recipe 14's README
/// says app=foo still reaches web, but its policy (since 2022) allows only DNS: the policy is
/// what runs, so the test trusts it; the policy of the README's older version does allow web.
@Suite("NetworkPolicy recipes")
struct NetworkPolicyRecipeTests {
    /// A pod as `kubectl run NAME --labels=… [--port]` makes it.
    static func pod(_ name: String, _ labels: String, namespace: String = "default", ports: String = "[{containerPort: 80}]") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: \(namespace), labels: {\(labels)}}
        spec: {containers: [{name: main, image: nginx, ports: \(ports)}]}
        """
    }

    static func namespace(_ name: String, _ labels: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: \(name), labels: {\(labels)}}"
    }

    /// The text of a recipe file, read where it is.
    static func recipe(_ file: String) throws -> String {
        try String(contentsOf: SharedData.url("k8s/netpol-recipes/" + file), encoding: .utf8)
    }

    /// The evaluator of the pods and the recipe files given.
    static func evaluator(pods: [String], recipes: [String], extra: [(String, String)] = []) throws -> NetworkPolicyEvaluator {
        var manifests: Manifests = [("pods.yaml", pods.joined(separator: "\n---\n"))]
        for file in recipes { manifests.append((file, try recipe(file))) }
        return NetworkPolicyEvaluator(inventory: try reading(manifests + extra).inventory)
    }

    static func end(_ evaluator: NetworkPolicyEvaluator, _ name: String) -> ReachabilityEndpoint {
        .workload(evaluator.inventory.workloads.firstIndex { $0.name == name }!)
    }

    static func kind(_ evaluator: NetworkPolicyEvaluator, _ from: String, _ to: String, _ port: Int = 80,
        _ portProtocol: PortProtocol = .tcp) -> ConnectionVerdict.Kind
    {
        let source = from == "outside" ? ReachabilityEndpoint.addresses(.publicInternet) : end(evaluator, from)
        let destination = to == "outside" ? ReachabilityEndpoint.addresses(.publicInternet) : end(evaluator, to)
        return evaluator.verdict(from: source, to: destination).kind(portProtocol, port: port)
    }

    static let web = pod("web", "app: web")
    static let test = pod("test", "run: test")

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe01DeniesAllTrafficToAnApplication() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test], recipes: ["01-deny-all-traffic-to-an-application.yaml"])
        #expect(Self.kind(evaluator, "test", "web") == .denied)
        #expect(Self.kind(evaluator, "outside", "web") == .denied)
        #expect(Self.kind(evaluator, "web", "test") == .allowed, "only ingress is isolated")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe02LimitsTrafficToAnApplication() throws {
        let evaluator = try Self.evaluator(pods: [Self.pod("apiserver", "app: bookstore, role: api"), Self.test,
            Self.pod("frontend", "app: bookstore, role: frontend")], recipes: ["02-limit-traffic-to-an-application.yaml"])
        #expect(Self.kind(evaluator, "test", "apiserver") == .denied)
        #expect(Self.kind(evaluator, "frontend", "apiserver") == .allowed)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe02aAllowsAllTrafficAndVoidsTheDenyAll() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test, Self.pod("other", "run: other", namespace: "elsewhere")],
            recipes: ["02a-allow-all-traffic-to-an-application.yaml", "01-deny-all-traffic-to-an-application.yaml"])
        #expect(Self.kind(evaluator, "test", "web") == .allowed)
        #expect(Self.kind(evaluator, "other", "web") == .allowed, "other namespaces too")
        #expect(Self.kind(evaluator, "outside", "web") == .allowed, "an empty rule admits the outside as well")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe03DeniesAllNonWhitelistedTrafficInTheNamespace() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test, Self.pod("other", "run: other", namespace: "elsewhere")],
            recipes: ["03-deny-all-non-whitelisted-traffic-in-the-namespace.yaml"])
        #expect(Self.kind(evaluator, "test", "web") == .denied)
        #expect(Self.kind(evaluator, "web", "test") == .denied)
        #expect(Self.kind(evaluator, "other", "web") == .denied)
        #expect(Self.kind(evaluator, "web", "other") == .allowed, "egress is not isolated")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe04DeniesTrafficFromOtherNamespaces() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test, Self.pod("foo", "run: foo", namespace: "foo")],
            recipes: ["04-deny-traffic-from-other-namespaces.yaml"])
        #expect(Self.kind(evaluator, "foo", "web") == .denied)
        #expect(Self.kind(evaluator, "test", "web") == .allowed)
        #expect(Self.kind(evaluator, "outside", "web") == .denied)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe05AllowsTrafficFromAllNamespaces() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.pod("secondary", "run: s", namespace: "secondary")],
            recipes: ["05-allow-traffic-from-all-namespaces.yaml", "01-deny-all-traffic-to-an-application.yaml"])
        #expect(Self.kind(evaluator, "secondary", "web") == .allowed)
        #expect(Self.kind(evaluator, "outside", "web") == .denied, "a namespace selector selects pods, not the outside")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe06AllowsTrafficFromANamespaceByItsLabels() throws {
        let pods = [Self.web, Self.pod("prodpod", "run: p", namespace: "prod"), Self.pod("devpod", "run: d", namespace: "dev")]
        let labelled = try Self.evaluator(pods: pods + [Self.namespace("prod", "purpose: production"), Self.namespace("dev", "purpose: testing")],
            recipes: ["06-allow-traffic-from-a-namespace.yaml"])
        #expect(Self.kind(labelled, "prodpod", "web") == .allowed)
        #expect(Self.kind(labelled, "devpod", "web") == .denied)
        // Without the Namespace objects their labels are not in the manifests.
        let unlabelled = try Self.evaluator(pods: pods, recipes: ["06-allow-traffic-from-a-namespace.yaml"])
        #expect(Self.kind(unlabelled, "prodpod", "web") == .unknown)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe07AllowsSomePodsOfAnotherNamespace() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test, Self.pod("monhere", "type: monitoring"),
            Self.pod("plain", "run: plain", namespace: "other"), Self.pod("mon", "type: monitoring", namespace: "other"),
            Self.namespace("other", "team: operations"), Self.namespace("default", "")],
            recipes: ["07-allow-traffic-from-some-pods-in-another-namespace.yaml"])
        #expect(Self.kind(evaluator, "test", "web") == .denied)
        #expect(Self.kind(evaluator, "monhere", "web") == .denied, "the namespace must match too")
        #expect(Self.kind(evaluator, "plain", "web") == .denied)
        #expect(Self.kind(evaluator, "mon", "web") == .allowed)
        // Without a Namespace object for default, whether it is labelled team=operations is not known.
        let undeclared = try Self.evaluator(pods: [Self.web, Self.pod("monhere", "type: monitoring")],
            recipes: ["07-allow-traffic-from-some-pods-in-another-namespace.yaml"])
        #expect(Self.kind(undeclared, "monhere", "web") == .unknown)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe08AllowsExternalTrafficAndItsFragmentOnlyPort80() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test], recipes: ["08-allow-external-traffic.1.yaml"])
        #expect(Self.kind(evaluator, "outside", "web") == .allowed)
        #expect(Self.kind(evaluator, "outside", "web", 443) == .allowed)
        // The README's fragment, put into the policy it belongs to.
        let fragment = try Self.recipe("08-allow-external-traffic.2.fragment.yaml")
        let policy = "kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: web-allow-external-80}\nspec:\n"
            + "  podSelector: {matchLabels: {app: web}}\n" + fragment
        let port80 = try Self.evaluator(pods: [Self.web], recipes: [], extra: [("fragment.yaml", policy)])
        #expect(Self.kind(port80, "outside", "web") == .allowed)
        #expect(Self.kind(port80, "outside", "web", 443) == .denied)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe09AllowsTrafficOnlyToAPortByNumberAndByName() throws {
        let apiserver = Self.pod("apiserver", "app: apiserver", ports: "[{containerPort: 8000}, {containerPort: 5000}]")
        let evaluator = try Self.evaluator(pods: [apiserver, Self.test, Self.pod("monitor", "role: monitoring")],
            recipes: ["09-allow-traffic-only-to-a-port.1.yaml"])
        #expect(Self.kind(evaluator, "test", "apiserver", 8000) == .denied)
        #expect(Self.kind(evaluator, "test", "apiserver", 5000) == .denied)
        #expect(Self.kind(evaluator, "monitor", "apiserver", 5000) == .allowed)
        #expect(Self.kind(evaluator, "monitor", "apiserver", 8000) == .denied)
        // The named-port fragments: the policy's `port: api-port` and the container declaring it.
        let ports = try Self.recipe("09-allow-traffic-only-to-a-port.2.fragment.yaml")
        let containers = try Self.recipe("09-allow-traffic-only-to-a-port.3.fragment.yaml")
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: api, labels: {app: apiserver}}\nspec:\n"
            + containers.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        let policy = "kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: api-allow-named}\nspec:\n"
            + "  podSelector: {matchLabels: {app: apiserver}}\n" + ports.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        let named = try Self.evaluator(pods: [Self.test], recipes: [], extra: [("api.yaml", pod), ("policy.yaml", policy)])
        #expect(Self.kind(named, "test", "api", 5000) == .allowed)
        #expect(Self.kind(named, "test", "api", 8000) == .denied)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe10AllowsTrafficFromSeveralSelectors() throws {
        let evaluator = try Self.evaluator(pods: [Self.pod("db", "app: bookstore, role: db", ports: "[{containerPort: 6379}]"),
            Self.pod("search", "app: bookstore, role: search"), Self.pod("api", "app: bookstore, role: api"),
            Self.pod("catalog", "app: inventory, role: web"), Self.pod("other", "app: other")],
            recipes: ["10-allowing-traffic-with-multiple-selectors.yaml"])
        for allowed in ["search", "api", "catalog"] { #expect(Self.kind(evaluator, allowed, "db", 6379) == .allowed, "\(allowed)") }
        #expect(Self.kind(evaluator, "other", "db", 6379) == .denied)
    }

    static let dns = pod("coredns", "k8s-app: kube-dns", namespace: "kube-system",
        ports: "[{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]")
    static let foo = pod("foo", "app: foo")

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe11DeniesEgressFromAnApplicationThenAllowsDNS() throws {
        let denied = try Self.evaluator(pods: [Self.web, Self.foo, Self.dns], recipes: ["11-deny-egress-traffic-from-an-application.1.yaml"])
        #expect(Self.kind(denied, "foo", "web") == .denied)
        #expect(Self.kind(denied, "foo", "coredns", 53, .udp) == .denied)
        #expect(Self.kind(denied, "foo", "outside") == .denied)
        #expect(Self.kind(denied, "web", "foo") == .allowed, "its ingress is not isolated")
        let dns = try Self.evaluator(pods: [Self.web, Self.foo, Self.dns], recipes: ["11-deny-egress-traffic-from-an-application.2.yaml"])
        #expect(Self.kind(dns, "foo", "coredns", 53, .udp) == .allowed, "kubernetes.io/metadata.name needs no Namespace object")
        #expect(Self.kind(dns, "foo", "coredns", 53, .tcp) == .allowed)
        #expect(Self.kind(dns, "foo", "web") == .denied)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe12DeniesAllNonWhitelistedEgressFromTheNamespace() throws {
        let evaluator = try Self.evaluator(pods: [Self.web, Self.test, Self.dns], recipes: ["12-deny-all-non-whitelisted-traffic-from-the-namespace.yaml"])
        #expect(Self.kind(evaluator, "web", "test") == .denied)
        #expect(Self.kind(evaluator, "web", "coredns", 53, .udp) == .denied, "DNS too")
        #expect(Self.kind(evaluator, "coredns", "web") == .allowed, "ingress is not isolated")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func recipe14DeniesExternalEgressAndTheReadmeIsWrongAboutWeb() throws {
        // At HEAD the policy allows only DNS to kube-dns: foo → web is denied, whatever the README says.
        let head = try Self.evaluator(pods: [Self.web, Self.foo, Self.dns], recipes: ["14-deny-external-egress-traffic.yaml"])
        #expect(Self.kind(head, "foo", "web") == .denied)
        #expect(Self.kind(head, "foo", "coredns", 53, .udp) == .allowed)
        #expect(Self.kind(head, "foo", "outside") == .denied)
        // The policy of PR #63 (the older README) does what the README describes.
        let older = try Self.evaluator(pods: [Self.web, Self.foo, Self.dns], recipes: ["14-deny-external-egress-traffic.at-6b8d542.yaml"])
        #expect(Self.kind(older, "foo", "web") == .allowed)
        #expect(Self.kind(older, "foo", "outside", 53, .udp) == .allowed, "the port rule has no `to`: DNS anywhere")
        #expect(Self.kind(older, "foo", "outside") == .denied)
    }
}
