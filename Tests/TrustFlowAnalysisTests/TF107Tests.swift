import Testing
import TrustFlowAnalysis

@Suite("TF107 unprotected entry point")
struct TF107Tests {
    @Test func anEntryPointWithoutTLSTermination() throws {
        let found = try findings("TF107", in: base(replacing: "controls: [tls-term, authn]}", with: "controls: [authn]}"))
        #expect(found.map(\.target.id) == ["f1"])
        #expect(found.first?.message.hasSuffix("which has no tls-termination control") == true)
        #expect(found.first?.severity == .high)
    }

    @Test func anEntryPointWithoutEither() throws {
        let found = try findings("TF107", in: base(replacing: "controls: [tls-term, authn]}", with: "}"))
        #expect(found.first?.message.hasSuffix("neither a tls-termination nor an authentication control") == true)
    }

    @Test func internalFlowsAndProtectedEntryPointsAreFine() throws {
        #expect(try findings("TF107", in: secureBase).isEmpty)
    }
}
