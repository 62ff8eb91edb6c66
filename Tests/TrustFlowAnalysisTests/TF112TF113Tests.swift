import Testing
import TrustFlowAnalysis

@Suite("TF112/TF113")
struct ConsistencyRuleTests {
    @Test func httpsWithoutEncryptionContradicts() throws {
        let found = try findings("TF112", in: base(replacing: "protocol: HTTPS, encryption: tls", with: "protocol: https, encryption: none"))
        #expect(found.map(\.path.description) == ["flows[0].encryption"])
        #expect(found.first?.severity == .low)
    }

    @Test func mtlsWithoutAuthenticationContradicts() throws {
        let found = try findings("TF112", in: base(replacing: "encryption: mtls, authentication: mtls", with: "encryption: mtls, authentication: none"))
        #expect(found.map(\.path.description) == ["flows[1].authentication"])
    }

    @Test func consistentFlowsAreFine() throws {
        #expect(try findings("TF112", in: secureBase).isEmpty)
        // Plain HTTP without encryption is honest, not contradictory.
        let http = base(replacing: "protocol: HTTPS, encryption: tls", with: "protocol: HTTP, encryption: none")
        #expect(try findings("TF112", in: http).isEmpty)
    }

    @Test func aTargetWithoutControls() throws {
        let model = base(replacing: "targets: [front]}", with: "targets: [api, pod-api, front]}")
            .replacingOccurrences(of: "{id: pod-api, kind: pod, parent: ns-back, controls: [pss]}", with: "{id: pod-api, kind: pod, parent: ns-back}")
        let found = try findings("TF113", in: model)
        #expect(found.map(\.target.id) == ["pod-api", "api"])
        #expect(found.allSatisfy { $0.severity == .medium })
        #expect(found.first?.message == "pod 'pod-api' is targeted by 'attacker' but has no control")
    }

    @Test func targetsWithControlsAreFine() throws {
        #expect(try findings("TF113", in: secureBase).isEmpty)
    }
}
