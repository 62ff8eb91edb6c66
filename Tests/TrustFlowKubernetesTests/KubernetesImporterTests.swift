import Testing
import TrustFlow
@testable import TrustFlowKubernetes
import TrustFlowTestSupport

/// A Deployment `name` with one container, its pod labelled `app: name`, written for a test.
func deployment(_ name: String, namespace: String? = nil, container: String = "app", image: String = "example/app:1",
    ports: String = "[{name: http, containerPort: 8080}]", env: String = "[]", pod: String = "", containerExtra: String = "")
    -> String
{
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: \(name)\(namespace.map { ", namespace: \($0)" } ?? "")}
    spec:
      selector: {matchLabels: {app: \(name)}}
      template:
        metadata: {labels: {app: \(name)}}
        spec:
    \(pod.isEmpty ? "" : pod.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n")      containers:
            - name: \(container)
              image: \(image)
              ports: \(ports)
              env: \(env)
    \(containerExtra.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
    """
}

/// A Service `name` selecting `app: selects` (default: itself).
func service(_ name: String, namespace: String? = nil, selects: String? = nil, type: String = "ClusterIP",
    ports: String = "[{port: 80, targetPort: http}]") -> String
{
    """
    apiVersion: v1
    kind: Service
    metadata: {name: \(name)\(namespace.map { ", namespace: \($0)" } ?? "")}
    spec: {type: \(type), selector: {app: \(selects ?? name)}, ports: \(ports)}
    """
}

func documents(_ parts: String...) -> String { documents(parts) }

func documents(_ parts: [String]) -> String { parts.joined(separator: "\n---\n") }

@Suite("Kubernetes importer: structure")
struct ImporterStructureTests {
    @Test func clusterNamespacesPodsContainersAndElements() throws {
        let result = try importing(documents(deployment("web", namespace: "shop"), deployment("db", namespace: "data", image: "postgres:16")))
        let model = result.model
        #expect(model.boundaries.map(\.id) == ["cluster", "ns-data", "ns-shop", "pod-data.db", "ctr-data.db.app", "pod-shop.web", "ctr-shop.web.app"])
        #expect(model.boundary("ns-shop")?.parent == "cluster")
        #expect(model.boundary("pod-shop.web")?.kubernetes == KubernetesReference(kind: "Deployment", name: "web", namespace: "shop"))
        #expect(model.boundary("ctr-shop.web.app")?.kubernetes?.container == "app")
        let web = try #require(model.element("shop.web.app"))
        #expect(web.kind == .process && web.label == "web" && web.technology == "app:1" && web.boundary == "ctr-shop.web.app")
        #expect(web.kubernetes == KubernetesReference(kind: "Deployment", name: "web", namespace: "shop", container: "app"))
        #expect(model.element("data.db.app")?.kind == .datastore)
        #expect(model.boundary("cluster")?.kubernetes == KubernetesReference(kind: "Cluster", name: "cluster"))
        #expect(result.summary.description == "2 namespaces, 2 workloads, 2 containers, 0 flows (0 from the Internet)")
    }

    @Test func theClusterTitleAndDefaultNamespaceAreOptions() throws {
        let result = try importing([("m.yaml", deployment("web"))], namespace: "staging",
            options: KubernetesImportOptions(clusterName: "prod.eu-1", title: "Shop"))
        #expect(result.model.title == "Shop")
        #expect(result.model.boundaries.prefix(2).map(\.id) == ["prod.eu-1", "ns-staging"])
        #expect(result.model.boundary("prod.eu-1")?.label == "prod.eu-1")
        #expect(KubernetesImportRecord(of: result.model)?.namespace == "staging")
    }

    @Test(arguments: [
        ("redis:7", "datastore"), ("docker.io/bitnami/postgresql:16", "datastore"), ("mongo", "datastore"),
        ("registry:5000/team/mysql@sha256:abc", "datastore"), ("kbudde/rabbitmq-exporter", "process"),
        ("nginx:1.27", "process"), ("example/redis-operator:1", "process"),
    ])
    func elementKindByImage(image: String, kind: String) throws {
        let model = try importing(deployment("x", image: image)).model
        #expect(model.element("default.x.app")?.kind.rawValue == kind)
    }

    @Test func aPortNamedAfterAStoreMakesADatastore() throws {
        let model = try importing(deployment("catalogue-db", image: "weaveworksdemos/catalogue-db:0.3.0",
            ports: "[{name: mysql, containerPort: 3306}]")).model
        #expect(model.element("default.catalogue-db.app")?.kind == .datastore)
    }

    @Test func initAndSidecarContainersAreElementsToo() throws {
        let model = try importing(deployment("web", pod: """
            initContainers:
              - {name: setup, image: busybox:1}
              - {name: proxy, image: envoy:1, restartPolicy: Always}
            """)).model
        #expect(model.elements.map(\.label) == ["web/setup (init)", "web/proxy (sidecar)", "web/app"])
        #expect(model.boundaries.filter { $0.kind == .container }.map(\.label) == ["setup", "proxy", "app"])
    }

    @Test func imagesGiveTechnologyAndPinning() {
        #expect(ImageReference("registry:5000/a/b:1.2@sha256:ff").technology == "b:1.2")
        #expect(ImageReference("registry:5000/a/b:1.2@sha256:ff").pinning == .digest)
        #expect(ImageReference("registry:5000/a/b").pinning == .latest)
        #expect(ImageReference("registry:5000/a/b").tag == nil)
        #expect(ImageReference("b:latest").pinning == .latest)
        #expect(ImageReference("b:v2").pinning == .tag("v2"))
    }
}

@Suite("Kubernetes importer: ids")
struct ImporterIdentifierTests {
    @Test func longAndOddNamesGiveValidStableIds() throws {
        let long = String(repeating: "very-long-name.", count: 16) + "end"
        let model = try importing(documents(deployment(long, namespace: "9lives"), deployment("web", namespace: "9lives"))).model
        for id in model.boundaries.map(\.id) + model.elements.map(\.id) + model.controls.map(\.id) {
            #expect(id.count <= 64 && id.first!.isLetter, "\(id)")
        }
        let element = try #require(model.elements.first { $0.kubernetes?.name == long })
        #expect(element.id.hasPrefix("k9lives.very-long-name."))
        #expect(element.label == long)
        // The same manifests in another order give the same items (only the lines in the record move).
        let reordered = try importing(documents(deployment("web", namespace: "9lives"), deployment(long, namespace: "9lives"))).model
        #expect(reordered.withoutRecord == model.withoutRecord)
    }

    @Test func workloadsOfTwoKindsWithOneNameGetDistinctIds() throws {
        let cron = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: web}
            spec: {schedule: "@daily", jobTemplate: {spec: {template: {spec: {containers: [{name: app, image: x:1}]}}}}}
            """
        let model = try importing(documents(deployment("web"), cron)).model
        let pods = model.boundaries.filter { $0.kind == .pod }
        #expect(pods.count == 2 && Set(pods.map(\.id)).count == 2)
        #expect(pods.allSatisfy { $0.id.hasPrefix("pod-default.web-") })
    }

    @Test func theAllocatorKeepsReadableIdsAndHashesOnlyClashes() {
        var allocator = IdentifierAllocator()
        allocator.request("ns-shop", for: "a")
        allocator.request("same", for: "b")
        allocator.request("same", for: "c")
        allocator.request("ünïcode name", for: "d")
        allocator.resolve()
        #expect(allocator.id("a") == "ns-shop")
        #expect(allocator.id("b") != allocator.id("c"))
        #expect(allocator.id("b").hasPrefix("same-") && allocator.id("b").count == 13)
        #expect(allocator.id("d") == "k-n-code-name")
    }
}
