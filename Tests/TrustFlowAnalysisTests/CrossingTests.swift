import Testing
import TrustFlowAnalysis
import TrustFlowModel
import TrustFlowTestSupport

@Suite("Boundary crossing")
struct CrossingTests {
    func crossing(_ flow: String, in yaml: String = secureBase) throws -> FlowCrossing? {
        try analyze(yaml).crossings.first { $0.flow == flow }
    }

    @Test func podToPodInAnotherNamespaceCrossesBothPodsAndNamespacesButNotTheCluster() throws {
        let crossing = try #require(try crossing("f2"))
        #expect(crossing.exited.map(\.id) == ["ctr-front", "pod-front", "ns-front"])
        #expect(crossing.entered.map(\.id) == ["ns-back", "pod-api"])
        #expect(!crossing.crossed.contains { $0.id == "cluster" || $0.id == "node" })
    }

    @Test func sameNamespaceDifferentPods() throws {
        let crossing = try #require(try crossing("f3"))
        #expect(crossing.crossed.map(\.id) == ["pod-api", "pod-db"])
    }

    @Test func fromOutsideEverything() throws {
        let crossing = try #require(try crossing("f1"))
        #expect(crossing.exited.isEmpty)
        #expect(crossing.entered.map(\.id) == ["cluster", "node", "ns-front", "pod-front", "ctr-front"])
    }

    @Test func theSamplesCrossingsAreTheDomainsPicture() throws {
        let result = Analyzer(today: CalendarDate("2026-01-01")!).analyze(try Models.sample("k8s-three-tier.yaml"))
        #expect(result.crossings.map { $0.crossed.map(\.id) } == [
            ["prod", "worker-1", "ns-frontend", "pod-nginx", "ctr-nginx"],
            ["ctr-nginx", "pod-nginx", "ns-frontend", "ns-backend", "pod-api", "ctr-api"],
            ["ctr-api", "pod-api", "ns-backend", "ns-database", "pod-mysql", "ctr-mysql"],
        ])
    }
}
