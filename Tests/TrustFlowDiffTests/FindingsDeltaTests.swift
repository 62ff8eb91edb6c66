import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Findings delta")
struct FindingsDeltaTests {
    func result(_ old: String, _ new: String) throws -> DiffResult {
        DiffResult(old: try model(old), new: try model(new), today: CalendarDate("2026-01-01")!)
    }

    @Test func droppingANetworkPolicyShowsANewTF103() throws {
        let after = diffBase.replacingOccurrences(of: "{id: ns, label: Namespace, kind: namespace, parent: c, controls: [rbac, netpol]",
            with: "{id: ns, label: Namespace, kind: namespace, parent: c, controls: [rbac]")
        let result = try result(diffBase, after)
        #expect(result.findings.new.map { "\($0.ruleID) \($0.target.id)" } == ["TF103 ns"])
        #expect(result.findings.resolved.isEmpty)
        #expect(result.introducesFinding(atLeast: .high))
        #expect(!result.introducesFinding(atLeast: .critical))
        // The reverse change resolves it.
        let reverse = try self.result(after, diffBase)
        #expect(reverse.findings.resolved.map { "\($0.ruleID) \($0.target.id)" } == ["TF103 ns"])
        #expect(reverse.findings.new.isEmpty)
    }

    @Test func findingsAreMatchedByWhatTheyAreAboutNotByPosition() throws {
        // Moving an item in the file changes every path index but no finding.
        let reordered = diffBase.replacingOccurrences(of: "  - {id: user, kind: actor}\n", with: "")
            .replacingOccurrences(of: "  - {id: db, kind: datastore, boundary: ns}", with: "  - {id: db, kind: datastore, boundary: ns}\n  - {id: user, kind: actor}")
        let result = try result(diffBase, reordered)
        #expect(result.findings.isEmpty)
        #expect(result.findings.unchanged.count == result.newAnalysis.findings.count)
    }

    @Test func twoFindingsOfOneRuleOnOneFlowStayApart() throws {
        let contradictory = diffBase.replacingOccurrences(of: "{id: g, from: user, to: api, encryption: tls}",
            with: "{id: g, from: user, to: api, protocol: HTTPS, encryption: none}")
        let both = contradictory.replacingOccurrences(of: "protocol: HTTPS, encryption: none}", with: "protocol: HTTPS, encryption: none}\n  - {id: h, from: api, to: db, encryption: mtls, authentication: none}")
        let result = try result(contradictory, both)
        #expect(result.findings.new.filter { $0.ruleID == "TF112" }.map(\.target.id) == ["h"])
    }

    @Test func acceptedNewFindingsDoNotFailTheGate() throws {
        let after = diffBase.replacingOccurrences(of: "{id: ns, label: Namespace, kind: namespace, parent: c, controls: [rbac, netpol]",
            with: "{id: ns, label: Namespace, kind: namespace, parent: c, controls: [rbac]")
            + "  - {rule: TF103, target: ns, reason: policies elsewhere}\n"
        let result = try result(diffBase, after)
        #expect(result.findings.new.count == 1)
        #expect(result.findings.newActive.isEmpty)
        #expect(!result.introducesFinding(atLeast: .low))
    }
}
