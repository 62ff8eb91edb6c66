import Testing
import TrustFlow
import TrustFlowTestSupport

/// How model items are matched to the manifests' objects: by `k8s` reference first, by name
/// otherwise, never by guess.
@Suite("Model binding")
struct ModelBindingTests {
    static let manifests = [Shop.namespace, Shop.web, Shop.api, Shop.db, Shop.service("api", port: 80, target: 9000),
        Shop.deployment("web", image: "other/web:1", port: 80, portName: "http").replacingOccurrences(of: "namespace: shop", with: "namespace: staging"),
        """
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, namespace: shop}
        spec: {type: ExternalName, externalName: db.example.com}
        """]

    static func binding(_ model: String) throws -> (ModelBinding, Inventory) {
        let inventory = try inventory(manifests.joined(separator: "\n---\n"))
        let evaluator = NetworkPolicyEvaluator(inventory: inventory)
        return (ModelBinding(model: try Models.yaml(model), inventory: inventory, evaluator: evaluator), inventory)
    }

    static func position(_ inventory: Inventory, _ namespace: String, _ name: String) -> Int {
        inventory.workloads.firstIndex { $0.namespace == namespace && $0.name == name }!
    }

    @Test func referencesWinAndNamesBindWithinTheEnclosingNamespace() throws {
        let (binding, inventory) = try Self.binding("""
            trustflow: 1
            title: T
            boundaries:
              - {id: cluster, kind: cluster}
              - {id: shop, kind: namespace, parent: cluster}
              - {id: staging-ns, label: staging, kind: namespace, parent: cluster}
              - {id: web, kind: pod, parent: shop}
              - {id: web-main, label: main, kind: container, parent: web}
              - {id: the-api, kind: pod, parent: shop, k8s: {kind: Deployment, name: api, namespace: shop}}
              - {id: web-2, label: web, kind: pod, parent: staging-ns}
            elements:
              - {id: server, kind: process, boundary: web-main}
              - {id: api-process, kind: process, boundary: the-api}
              - {id: db, kind: datastore, boundary: shop}
              - {id: staged, kind: process, boundary: web-2}
              - {id: client, kind: actor}
              - {id: api-service, kind: process, boundary: cluster, k8s: {kind: Service, name: api, namespace: shop}}
              - {id: legacy, kind: external, boundary: cluster, k8s: {kind: Service, name: legacy, namespace: shop}}
              - {id: kube-api, kind: process, boundary: cluster, k8s: {kind: Service, name: kubernetes}}
            """)
        let web = Self.position(inventory, "shop", "web")
        #expect(binding.boundaries["shop"]?.object == .namespace("shop"))
        #expect(binding.boundaries["staging-ns"]?.object == .namespace("staging"), "by label")
        #expect(binding.boundaries["web"]?.object == .workload(web, container: nil))
        #expect(binding.boundaries["web-main"]?.object == .workload(web, container: "main"))
        #expect(binding.boundaries["the-api"] == .bound(.workload(Self.position(inventory, "shop", "api"), container: nil), byReference: true))
        #expect(binding.boundaries["web-2"]?.object == .workload(Self.position(inventory, "staging", "web"), container: nil),
            "the same name in another namespace")
        #expect(binding.elements["server"]?.object == .workload(web, container: "main"), "inherits its container boundary")
        #expect(binding.elements["db"]?.object == .workload(Self.position(inventory, "shop", "db"), container: nil), "by its id, in its namespace")
        #expect(binding.elements["client"]?.object == .outside)
        #expect(binding.elements["api-service"]?.object == .service(ObjectIdentity(kind: "Service", namespace: "shop", name: "api")))
        #expect(binding.elements["legacy"]?.object == .host("db.example.com of ExternalName Service shop/legacy"))
        #expect(binding.elements["kube-api"]?.object == .host("the Kubernetes API server"))
    }

    @Test func whatMatchesNothingOrTwoThingsStaysUnbound() throws {
        let (binding, _) = try Self.binding("""
            trustflow: 1
            title: T
            boundaries:
              - {id: cluster, kind: cluster}
              - {id: prod, kind: namespace, parent: cluster}
              - {id: web, kind: pod, parent: cluster}
              - {id: ghost, kind: pod, parent: cluster, k8s: {kind: Deployment, name: ghost, namespace: shop}}
              - {id: web-sidecar, label: sidecar, kind: container, parent: web}
            elements:
              - {id: cache, kind: datastore, boundary: cluster}
            """)
        #expect(binding.boundaries["prod"] == .unbound("no namespace of the manifests is named 'prod'"))
        #expect(binding.boundaries["web"] == .unbound(
            "2 workloads are named 'web' (Deployment shop/web, Deployment staging/web); give it a k8s reference"))
        #expect(binding.boundaries["ghost"] == .unbound("it names Deployment shop/ghost, which is not in the manifests"))
        #expect(binding.boundaries["web-sidecar"] == .unbound("it is in no pod boundary that stands for a workload"))
        #expect(binding.elements["cache"] == .unbound("no workload is named 'cache'"))
    }
}
