import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// `--merge`: what was added by hand to an earlier import survives a new one.
@Suite("Merging an import into an earlier one")
struct ModelMergerTests {
    static let manifests = documents(
        deployment("web", env: "[{name: API_ADDR, value: \"api:80\"}]"), deployment("api"), service("api"),
        deployment("redis", image: "redis:7", ports: "[{containerPort: 6379}]"))

    /// The first import, then what a person adds and changes by hand.
    static func edited() throws -> Model {
        var model = try importing(manifests).model
        model.title = "Our shop"
        model.controls.append(Control(id: "oauth", label: "OAuth tokens", kind: .oauth))
        model.boundaries.append(Boundary(id: "node-a", kind: .node, parent: "cluster"))
        if let namespace = model.boundaries.firstIndex(where: { $0.id == "ns-default" }) { model.boundaries[namespace].parent = "node-a" }
        if let api = model.elements.firstIndex(where: { $0.id == "default.api.app" }) {
            model.elements[api].label = "Orders API"
            model.elements[api].controls.append("oauth")
            model.elements[api].url = "https://wiki.example/api"
        }
        if let redis = model.elements.firstIndex(where: { $0.id == "default.redis.app" }) { model.elements[redis].kind = .process }
        // A hand-added item may list an imported control, and an accepted risk name an imported item.
        let redisControl = try #require(model.controls.first { $0.id.hasPrefix("ctr-default.redis.") }).id
        model.elements.append(Element(id: "payments", kind: .external, controls: [redisControl]))
        if let flow = model.flows.firstIndex(where: { $0.id == "default.web.app-to-api.app" }) {
            model.flows[flow].label = "orders"
            model.flows[flow].encryption = .mtls
            model.flows[flow].authentication = .mtls
            model.flows[flow].data = ["pii"]
        }
        model.flows.append(Flow(id: "api-to-payments", from: "default.api.app", to: "payments", encryption: .tls))
        model.flows.append(Flow(id: "web-to-redis", from: "default.web.app", to: "default.redis.app", label: "sessions (in code)"))
        model.threatActors.append(ThreatActor(id: "attacker", kind: .externalAttacker, targets: ["default.web.app", "default.redis.app"]))
        model.acceptedRisks.append(AcceptedRisk(rule: "TF118", target: "ctr-default.web.app", reason: "Pinned by our registry."))
        model.acceptedRisks.append(AcceptedRisk(rule: "TF118", target: "ctr-default.redis.app", reason: "Vendor image."))
        model.extensions.append(ExtensionValue.Member(key: "x-team", value: .string("payments")))
        return model
    }

    @Test func whatWasAddedByHandIsKeptAndTheRestFollowsTheManifests() throws {
        // The manifests change: web's image moves, redis goes, a worker comes.
        let changed = documents(
            deployment("web", image: "example/app:2", env: "[{name: API_ADDR, value: \"api:80\"}]"), deployment("api"), service("api"),
            deployment("worker"))
        let fresh = try importing(changed).model
        let merged = ModelMerger(existing: try Self.edited()).merge(into: fresh)
        let model = merged.model
        #expect(ModelValidator().validate(model, sourceMap: SourceMap()).filter { $0.severity == .error } == [])
        #expect(model.title == "Our shop")
        // Hand-written items and fields stay.
        #expect(model.control("oauth") != nil && model.boundary("node-a")?.parent == "cluster")
        #expect(model.boundary("ns-default")?.parent == "node-a", "a hand-drawn node boundary keeps its namespaces")
        let api = try #require(model.element("default.api.app"))
        #expect(api.label == "Orders API" && api.controls == ["oauth"] && api.url == "https://wiki.example/api")
        let flow = try #require(model.flows.first { $0.id == "default.web.app-to-api.app" })
        #expect(flow.label == "orders" && flow.encryption == .mtls && flow.authentication == .mtls && flow.data == ["pii"])
        #expect(flow.port == 8080 && flow.description?.contains("env API_ADDR") == true, "what manifests say is renewed")
        #expect(model.flows.contains { $0.id == "api-to-payments" })
        #expect(model.acceptedRisks.map(\.rule) == ["TF118"])
        #expect(model.extensions.map(\.key) == ["x-team", KubernetesImportRecord.key])
        // Manifest facts follow the manifests: a new image, a new workload, a removed one.
        #expect(model.element("default.web.app")?.technology == "app:2")
        #expect(model.element("default.worker.app") != nil)
        #expect(model.element("default.redis.app") == nil)
        // Hand-added references to what is gone are dropped, and said so.
        #expect(!model.flows.contains { $0.id == "web-to-redis" })
        #expect(model.threatActors.first?.targets == ["default.web.app"])
        #expect(model.element("payments")?.controls == [])
        #expect(merged.notes.map(\.message) == [
            "element 'payments' was added by hand with '\(try #require(Self.edited().element("payments")?.controls.first))', no longer in the manifests; the controls were dropped",
            "flow 'web-to-redis' was added by hand from 'default.web.app' to 'default.redis.app'; 'default.redis.app' is no longer in the manifests, so the flow was dropped",
            "threat actor 'attacker' targeted 'default.redis.app', no longer in the manifests; the targets were dropped",
            "the accepted risk of TF118 on 'ctr-default.redis.app' was dropped: 'ctr-default.redis.app' is no longer in the manifests",
        ])
    }

    @Test func mergingAgainChangesNothing() throws {
        let fresh = try importing(Self.manifests).model
        let once = ModelMerger(existing: try Self.edited()).merge(into: fresh).model
        let twice = ModelMerger(existing: once).merge(into: fresh).model
        #expect(ModelEncoder().encode(twice, as: .yaml) == ModelEncoder().encode(once, as: .yaml))
        // The element kind a person corrected stays corrected.
        #expect(once.element("default.redis.app")?.kind == .process)
    }

    @Test func withoutARecordItemsAreToldApartByTheirReferences() throws {
        var earlier = try Self.edited()
        earlier.extensions.removeAll { $0.key == KubernetesImportRecord.key }
        let merged = ModelMerger(existing: earlier).merge(into: try importing(Self.manifests).model).model
        #expect(ModelValidator().validate(merged, sourceMap: SourceMap()).filter { $0.severity == .error } == [])
        #expect(merged.element("payments") != nil && merged.control("oauth") != nil)
        #expect(Set(merged.controls.map(\.id)).count == merged.controls.count, "imported controls are not kept twice")
    }

    @Test func theCommandMergesIntoTheFileItReads() throws {
        let directory = try Paths.temporaryDirectory()
        try Data(Self.manifests.utf8).write(to: directory.appendingPathComponent("app.yaml"))
        #expect(try TrustFlowProcess.run(["import", "k8s", "app.yaml", "-o", "model.yaml"], in: directory).status == 0)
        var model = try ModelFile.load(directory.appendingPathComponent("model.yaml").path).model
        model.threatActors.append(ThreatActor(id: "insider", kind: .maliciousInsider, targets: ["default.api.app"]))
        try Data(ModelEncoder().encode(model, as: .yaml)).write(to: directory.appendingPathComponent("model.yaml"))
        let run = try TrustFlowProcess.run(["import", "k8s", "app.yaml", "--merge", "model.yaml", "-o", "model.yaml"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.hasSuffix("model.yaml is up to date\n"), "nothing changed in the manifests")
        let bad = try TrustFlowProcess.run(["import", "k8s", "app.yaml", "--merge", "missing.yaml"], in: directory)
        #expect(bad.status == 2 && bad.standardError.contains("missing.yaml: error: no such file"))
    }
}
