import Testing
import TrustFlowAnalysis

@Suite("TF108–TF111 boundary hardening")
struct KubernetesBoundaryRuleTests {
    @Test func containerWithoutSeccompOrAppArmor() throws {
        let found = try findings("TF108", in: base(replacing: "parent: pod-front, controls: [seccomp]}", with: "parent: pod-front}"))
        #expect(found.map(\.target.id) == ["ctr-front"])
        #expect(found.first?.severity == .medium)
        #expect(try findings("TF108", in: secureBase).isEmpty)
    }

    @Test func appArmorAloneIsEnough() throws {
        let model = base(replacing: "{id: seccomp, kind: seccomp}", with: "{id: seccomp, kind: apparmor}")
        #expect(try findings("TF108", in: model).isEmpty)
    }

    @Test func podWithoutPodSecurity() throws {
        let found = try findings("TF109", in: base(replacing: "{id: pod-db, kind: pod, parent: ns-back, controls: [pss]}",
            with: "{id: pod-db, kind: pod, parent: ns-back}"))
        #expect(found.map(\.target.id) == ["pod-db"])
        #expect(try findings("TF109", in: secureBase).isEmpty)
    }

    @Test func nodeNeedsBothHardeningAndKubeletAuth() throws {
        let found = try findings("TF110", in: base(replacing: "controls: [hardening, kubelet]}", with: "controls: [hardening]}"))
        #expect(found.map(\.target.id) == ["node"])
        #expect(found.first?.message.hasSuffix("has no kubelet-auth control") == true)
        #expect(try findings("TF110", in: secureBase).isEmpty)
    }

    @Test func clusterNeedsDedicationOrSegregation() throws {
        let found = try findings("TF111", in: base(replacing: "{id: cluster, kind: cluster, controls: [dedicated]}",
            with: "{id: cluster, kind: cluster}"))
        #expect(found.map(\.target.id) == ["cluster"])
        #expect(found.first?.severity == .low)
        let segregated = base(replacing: "{id: dedicated, kind: dedicated-cluster}", with: "{id: dedicated, kind: vpc-segregation}")
        #expect(try findings("TF111", in: segregated).isEmpty)
    }
}
