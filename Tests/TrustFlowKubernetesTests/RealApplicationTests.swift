import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The real applications in `../shared/data/k8s/`: each import validates, renders with the
/// default engine through the built binary, and holds what its SOURCE.txt and manifests say.
@Suite("Real applications")
struct RealApplicationTests {
    static let today = CalendarDate("2026-01-01")!

    /// Imports files of `../shared/data/k8s/` (relative paths) with the library.
    func importing(_ paths: [String]) throws -> KubernetesImportResult {
        let sources = try ManifestFiles.read(paths.map { SharedData.url("k8s/" + $0).path })
        let result = KubernetesImporter().importModel(from: try ManifestReader().read(sources).inventory)
        #expect(ModelValidator().validate(result.model, sourceMap: SourceMap()).filter { $0.severity == .error } == [])
        return result
    }

    /// Imports with the built binary, then renders the model with the default engine.
    func importsAndRenders(_ paths: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("model.yaml").path
        let imported = try TrustFlowProcess.run(["import", "k8s"] + paths.map { SharedData.url("k8s/" + $0).path } + ["-o", model])
        #expect(imported.status == 0, "\(imported.standardError)", sourceLocation: sourceLocation)
        let rendered = try TrustFlowProcess.run(["render", model, "-o", directory.appendingPathComponent("model.svg").path])
        #expect(rendered.status == 0, "\(rendered.standardError)", sourceLocation: sourceLocation)
        let svg = try SVGDocument(Paths.bytes(directory.appendingPathComponent("model.svg")))
        #expect(!svg.groups(class: "cluster", idPrefix: "boundary-").isEmpty, sourceLocation: sourceLocation)
    }

    func findings(_ model: Model) -> [Finding] { Analyzer(today: Self.today).analyze(model).findings }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence), arguments: [
        ["online-boutique/kubernetes-manifests.yaml"],
        ["online-boutique/kubernetes-manifests.yaml", "online-boutique/network-policies.yaml"],
        ["online-boutique/np-guard-variant"],
        ["sock-shop/complete-demo.yaml", "sock-shop/network-policies.yaml"],
        ["guestbook/guestbook-all-in-one.yaml"],
        ["guestbook/frontend-deployment.yaml", "guestbook/frontend-service.yaml", "guestbook/redis-master-deployment.yaml",
         "guestbook/redis-master-service.yaml", "guestbook/redis-replica-deployment.yaml", "guestbook/redis-replica-service.yaml"],
        ["guestbook-go/guestbook-go-all.yaml"],
    ])
    func everyApplicationImportsAndRenders(paths: [String]) throws {
        try importsAndRenders(paths)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func onlineBoutique() throws {
        let result = try importing(["online-boutique/kubernetes-manifests.yaml"])
        let model = result.model
        #expect(result.summary.description == "1 namespace, 12 workloads, 13 containers, 18 flows (1 from the Internet)")
        #expect(model.elements.filter { $0.kind == .datastore }.map(\.id) == ["default.redis-cart.redis"])
        #expect(model.flowSummaries.contains("default.checkoutservice.server → default.emailservice.server:8080"),
            "the email Service's port 5000 forwards to the pod's 8080")
        #expect(model.flowSummaries.contains("default.cartservice.server → default.redis-cart.redis:6379"))
        #expect(model.flowSummaries.contains("default.loadgenerator.frontend-check → default.frontend.server:8080"), "init containers too")
        #expect(model.flowSummaries.filter { $0.hasPrefix("default.frontend.server") }.count == 7)
        #expect(model.flowSummaries.contains("internet-client → default.frontend.server:8080"))
        #expect(model.flows.last?.label == "LoadBalancer Service frontend-external")
        // shoppingassistantservice is named but not deployed: reported, not invented.
        #expect(result.warnings.map(\.message) == [
            "env SHOPPING_ASSISTANT_SERVICE_ADDR of default/frontend (container server) names Service default/shoppingassistantservice, which is not in the manifests; no flow is drawn",
        ])
        #expect(result.warnings.first?.location?.line == 89)
        for container in model.boundaries.filter({ $0.kind == .container }) {
            let kinds = model.controlKinds(of: container.id)
            #expect(["non-root", "read-only-root", "least-privilege"].allSatisfy(kinds.contains), "\(container.id)")
            #expect(!kinds.contains("seccomp"), "Online Boutique sets no seccomp profile")
        }
        #expect(model.controlKinds(of: "ctr-default.loadgenerator.frontend-check").contains("unpinned-image") == false, "pinned by digest")
        #expect(model.controlKinds(of: "ns-default").isEmpty)
        #expect(model.controlKinds(of: "pod-default.redis-cart") == ["service-account-token"], "redis-cart has no ServiceAccount of its own")
        let rules = Set(findings(model).map(\.ruleID))
        #expect(rules.isSuperset(of: ["TF103", "TF108", "TF109", "TF117", "TF118", "TF121"]))
        #expect(rules.isDisjoint(with: ["TF114", "TF115", "TF116", "TF120"]))
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func onlineBoutiqueWithItsNetworkPolicies() throws {
        let model = try importing(["online-boutique/kubernetes-manifests.yaml", "online-boutique/network-policies.yaml"]).model
        #expect(model.control("ns-default.network-policy")?.label == "NetworkPolicy deny-all")
        for pod in model.boundaries where pod.kind == .pod {
            #expect(model.controlKinds(of: pod.id).contains("network-policy"), "\(pod.id)")
        }
        #expect(model.control("pod-default.frontend.network-policy")?.description?.contains("deny-all (Ingress, Egress), frontend (Ingress, Egress)") == true)
        #expect(!findings(model).contains { $0.ruleID == "TF103" })
        let record = try #require(KubernetesImportRecord(of: model))
        #expect(record.files == ["kubernetes-manifests.yaml", "network-policies.yaml"])
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func onlineBoutiqueNpGuardVariant() throws {
        let result = try importing(["online-boutique/np-guard-variant"])
        let model = result.model
        #expect(result.summary.description == "1 namespace, 12 workloads, 12 containers, 17 flows (1 from the Internet)")
        // Declared by configuration although cartservice-netpol blocks it: the drift check's job.
        #expect(model.flowSummaries.contains("default.cartservice.server → default.redis-cart.redis:6379"))
        #expect(model.flowSummaries.contains("default.checkoutservice.server → default.emailservice.server:8080"))
        #expect(model.controlKinds(of: "pod-default.redis-cart").contains("network-policy") == false, "redis-cart has no policy")
        #expect(model.controlKinds(of: "pod-default.cartservice").contains("network-policy"))
        #expect(model.control("ns-default.network-policy") == nil, "one pod is selected by no policy")
        #expect(model.boundaries.filter { $0.kind == .namespace }.map(\.id) == ["ns-default"], "namespaces without workloads are not drawn")
        #expect(model.controls.allSatisfy { !["non-root", "read-only-root", "least-privilege"].contains($0.kind.rawValue) },
            "no securityContext anywhere")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func sockShop() throws {
        let result = try importing(["sock-shop/complete-demo.yaml", "sock-shop/network-policies.yaml"])
        let model = result.model
        #expect(result.summary.description == "1 namespace, 14 workloads, 15 containers, 2 flows (1 from the Internet)")
        #expect(Set(model.elements.filter { $0.kind == .datastore }.map(\.label)) == [
            "carts-db", "catalogue-db", "orders-db", "rabbitmq", "session-db", "user-db",
        ])
        #expect(model.element("sock-shop.rabbitmq.rabbitmq-exporter")?.kind == .process)
        #expect(model.flowSummaries == ["sock-shop.user.user → sock-shop.user-db.user-db:27017", "internet-client → sock-shop.front-end.front-end:8079"])
        #expect(model.flows.last?.description == "NodePort Service sock-shop/front-end node port 30001 (complete-demo.yaml), to container port 8079.")
        #expect(result.warnings.map(\.message) == [
            "env ZIPKIN of sock-shop/shipping (container shipping) names Service jaeger/zipkin, which is not in the manifests; no flow is drawn",
        ])
        // The root password is flagged by name; its value never reaches the model.
        let secrets = model.controls.filter { $0.kind == .plaintextSecret }
        #expect(secrets.map(\.label) == ["plain env MYSQL_ROOT_PASSWORD"])
        #expect(model.boundary("ctr-sock-shop.catalogue-db.catalogue-db")?.controls.contains(secrets[0].id) == true)
        #expect(!yaml(model).contains("fake_password"))
        // cortex-access's `matchLabels:` with nothing after it selects every pod; the pre-v1
        // DefaultDeny annotation does nothing; cart-access selects `name: cart`, which no pod has.
        #expect(model.control("ns-sock-shop.network-policy")?.label == "NetworkPolicy cortex-access")
        #expect(model.control("pod-sock-shop.carts.network-policy")?.description?.contains("cart-access") == false)
        #expect(model.control("pod-sock-shop.carts-db.network-policy")?.description?.contains("carts-db-access") == true)
        // `drop: [all]` without allowPrivilegeEscalation: false is not least privilege.
        #expect(!model.controls.contains { $0.kind == .leastPrivilege })
        #expect(model.controlKinds(of: "ctr-sock-shop.carts.carts").contains("non-root"))
        #expect(findings(model).contains { $0.ruleID == "TF120" && $0.message.contains("MYSQL_ROOT_PASSWORD") })
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func guestbook() throws {
        let result = try importing(["guestbook/guestbook-all-in-one.yaml"])
        let model = result.model
        #expect(result.summary.description == "1 namespace, 3 workloads, 3 containers, 1 flow (1 from the Internet)")
        // The real flows (frontend → redis-master, frontend → redis-replica, replica → master) are
        // in the PHP code, not in the manifests: none is invented.
        #expect(model.flowSummaries == ["internet-client → default.frontend.php-redis:80"])
        #expect(model.flows.first?.label == "NodePort Service frontend")
        #expect(model.elements.map(\.kind) == [.process, .datastore, .datastore, .actor])
        // Three-label selectors pick one workload each (a selector of app=redis alone would pick two).
        #expect(model.elements.map(\.id) == ["default.frontend.php-redis", "default.redis-master.master", "default.redis-replica.replica",
            "internet-client"])
        for container in model.boundaries.filter({ $0.kind == .container }) {
            let kinds = model.controlKinds(of: container.id)
            #expect(kinds.contains("no-resource-limits") && kinds.contains("unpinned-image"), "\(container.id)")
            #expect(!kinds.contains("non-root") && !kinds.contains("seccomp") && !kinds.contains("read-only-root"))
        }
        #expect(findings(model).contains { $0.ruleID == "TF103" && $0.target.id == "ns-default" })
        // The separate files name the replica's container "slave": ids follow.
        let separate = try importing(["guestbook/frontend-deployment.yaml", "guestbook/frontend-service.yaml",
            "guestbook/redis-master-deployment.yaml", "guestbook/redis-master-service.yaml",
            "guestbook/redis-replica-deployment.yaml", "guestbook/redis-replica-service.yaml"]).model
        #expect(separate.element("default.redis-replica.slave") != nil)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func guestbookGo() throws {
        let result = try importing(["guestbook-go/guestbook-go-all.yaml"])
        let model = result.model
        #expect(model.boundaries.filter { $0.kind == .pod }.compactMap(\.kubernetes?.kind) == ["ReplicationController", "Deployment", "ReplicationController"])
        // The LoadBalancer's named target port http-server resolves to the container's 3000.
        #expect(model.flowSummaries == ["internet-client → default.guestbook.guestbook:3000"])
        #expect(model.elements.filter { $0.kind == .datastore }.map(\.label) == ["redis-master", "redis-replica"])
        #expect(result.warnings.isEmpty)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func twoCopiesOfOneApplicationAreRefusedNamingBoth() throws {
        let directory = SharedData.url("k8s/guestbook").path
        let result = try TrustFlowProcess.run(["import", "k8s", directory])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("redis-replica-deployment.yaml:1:1: error: Deployment default/redis-replica is given again, differently (first at \(directory)/guestbook-all-in-one.yaml:62:1)"))
    }
}
