import Testing
import TrustFlowAnalysis

@Suite("TF103/TF104 namespace controls")
struct NamespaceRuleTests {
    @Test func aNamespaceWithoutNetworkPolicyIsHigh() throws {
        let found = try findings("TF103", in: base(replacing: "{id: ns-back, kind: namespace, parent: node, controls: [rbac, netpol]}",
            with: "{id: ns-back, kind: namespace, parent: node, controls: [rbac]}"))
        #expect(found.map(\.target.id) == ["ns-back"])
        #expect(found.first?.severity == .high)
        #expect(found.first?.path.description == "boundaries[3]")
        #expect(found.first?.message.contains("every pod can reach every pod") == true)
    }

    @Test func aNamespaceWithoutRBACIsMedium() throws {
        let found = try findings("TF104", in: base(replacing: "{id: ns-front, kind: namespace, parent: node, controls: [rbac, netpol]}",
            with: "{id: ns-front, kind: namespace, parent: node, controls: [netpol]}"))
        #expect(found.map(\.target.id) == ["ns-front"])
        #expect(found.first?.severity == .medium)
    }

    @Test func onlyNamespacesAreChecked() throws {
        #expect(try findings("TF103", in: secureBase).isEmpty)
        #expect(try findings("TF104", in: secureBase).isEmpty)
        // A network-policy on a pod does not count for its namespace, and pods need none.
        let model = base(replacing: "{id: ns-back, kind: namespace, parent: node, controls: [rbac, netpol]}",
            with: "{id: ns-back, kind: generic, parent: node}")
        #expect(try findings("TF103", in: model).isEmpty)
    }
}
