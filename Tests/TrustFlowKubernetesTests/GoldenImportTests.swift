import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The shop fixture, imported: the canonical model is compared byte for byte with
/// `Golden/shop.yaml` (re-record with `TRUSTFLOW_RECORD=1`), and the facts below keep a golden
/// that is stable but wrong from passing.
@Suite("Import goldens")
struct GoldenImportTests {
    static let golden = KubernetesFixtures.golden.appendingPathComponent("shop.yaml")

    func importShop() throws -> KubernetesImportResult {
        let sources = try ManifestFiles.read([KubernetesFixtures.shop.path])
        return KubernetesImporter().importModel(from: try ManifestReader().read(sources).inventory)
    }

    @Test func theShopMatchesItsGolden() throws {
        let result = try importShop()
        try Golden.assertMatches(ModelEncoder().encode(result.model, as: .yaml), file: Self.golden)
    }

    @Test func theBinaryWritesTheSameBytesWhereverItRuns() throws {
        let printed = try TrustFlowProcess.run(["import", "k8s", KubernetesFixtures.shop.path])
        #expect(printed.status == 0)
        #expect(printed.standardOutput == (try Paths.bytes(Self.golden)))
        // From the fixture's directory, with a relative path: file names in the model are the same.
        let here = try TrustFlowProcess.run(["import", "k8s", "."], in: KubernetesFixtures.shop)
        #expect(here.standardOutput == printed.standardOutput)
    }

    @Test func theGoldenLoadsChecksAndSaysWhatTheShopIs() throws {
        let loaded = try ModelLoader().load(try Paths.bytes(Self.golden), file: "shop.yaml", format: .yaml)
        let model = loaded.model
        #expect(loaded.warnings.isEmpty)
        #expect(model.flowSummaries == [
            "shop.api.migrate → shop.db.postgres:5432", "shop.api.log-shipper → kubernetes-api:443",
            "shop.api.api → shop.cache.redis:6379", "shop.api.api → shop.db.postgres:5432", "shop.api.api → ext-shop.legacy:80",
            "shop.api.api → kubernetes-api:443", "shop.web.nginx → shop.api.api:8080",
            "internet-client → monitoring.node-agent.agent:9100", "internet-client → shop.web.nginx:8080",
        ])
        #expect(model.flows.first { $0.to == "shop.db.postgres" && $0.from == "shop.api.api" }?.protocol == "PostgreSQL")
        #expect(model.controlKinds(of: "ns-shop") == ["pod-security", "network-policy", "rbac"])
        #expect(model.controlKinds(of: "ctr-shop.web.nginx") == ["seccomp", "non-root", "read-only-root", "least-privilege"])
        #expect(model.controlKinds(of: "ctr-shop.db.postgres") == ["unpinned-image"], "Unconfined seccomp is no control")
        #expect(model.controlKinds(of: "pod-monitoring.node-agent") == ["service-account-token", "host-network", "host-pid", "host-path"])
        #expect(model.elements.filter { $0.kind == .datastore }.map(\.id) == ["shop.cache.redis", "shop.db.postgres", "shop.backup.dump"].sorted())
        #expect(!String(decoding: try Paths.bytes(Self.golden), as: UTF8.self).contains("hunter2"))
        let record = try #require(KubernetesImportRecord(of: model))
        #expect(record.files == ["api.yaml", "data.yaml", "namespace.yaml", "ops.yaml", "web.yaml"])
        #expect(record.sources["shop.web.nginx"] == ["web.yaml:19:11"])
        #expect(Set(record.sources.keys) == Set(model.controls.map(\.id) + model.boundaries.map(\.id)
            + model.elements.map(\.id) + model.flows.map(\.id)))
        #expect(record.sources["cluster"] == [] && record.sources["internet-client"] == [])
        let rules = Set(Analyzer(today: CalendarDate("2026-01-01")!).analyze(model).findings.map(\.ruleID))
        #expect(rules.isSuperset(of: ["TF114", "TF115", "TF116", "TF117", "TF118", "TF119", "TF120", "TF121"]))
    }
}
