import Testing
import TrustFlowAnalysis
import TrustFlowModel

@Suite("Accepted risks")
struct AcceptedRiskTests {
    let insecure = base(replacing: "{id: ns-back, kind: namespace, parent: node, controls: [rbac, netpol]}",
        with: "{id: ns-back, kind: namespace, parent: node, controls: [rbac]}")

    @Test func anAcceptanceMarksTheFindingAcceptedWithoutDroppingIt() throws {
        let result = try analyze(insecure + "acceptedRisks:\n  - {rule: TF103, target: ns-back, reason: Calico policy outside the model, until: 2026-12-31}\n")
        #expect(result.accepted.map(\.ruleID) == ["TF103"])
        #expect(result.active.isEmpty)
        #expect(result.findings.count == 1)
        #expect(result.accepted.first?.acceptance?.reason == "Calico policy outside the model")
        #expect(!result.hasActiveFinding(atLeast: .low))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func anExpiredAcceptanceLapses() throws {
        let result = try analyze(insecure + "acceptedRisks:\n  - {rule: TF103, target: ns-back, reason: later, until: 2026-05-31}\n",
            today: "2026-06-01")
        #expect(result.active.map(\.ruleID) == ["TF103"])
        #expect(result.diagnostics.map(\.message) == ["the acceptance of TF103 on 'ns-back' expired on 2026-05-31; the finding counts again"])
        #expect(result.diagnostics.first?.severity == .warning)
        // The last day itself still counts.
        let lastDay = try analyze(insecure + "acceptedRisks:\n  - {rule: TF103, target: ns-back, reason: later, until: 2026-06-01}\n",
            today: "2026-06-01")
        #expect(lastDay.active.isEmpty)
    }

    @Test func aStaleAcceptanceIsAWarning() throws {
        let result = try analyze(secureBase + "acceptedRisks:\n  - {rule: TF103, target: ns-front, reason: old}\n")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "accepts TF103 on 'ns-front', but there is no such finding; remove the stale acceptance")
        #expect(result.diagnostics.first?.location?.line == baseLine(containing: "attacker") + 2)
    }

    @Test func anUnknownRuleIsAWarningWithASuggestion() throws {
        let result = try analyze(secureBase + "acceptedRisks:\n  - {rule: TF13, target: ns-front, reason: typo}\n")
        #expect(result.diagnostics.first?.message == "accepts unknown rule 'TF13'; did you mean 'TF103'?")
    }
}
