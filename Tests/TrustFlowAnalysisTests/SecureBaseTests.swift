import Testing
import TrustFlowAnalysis

@Suite("Secure base")
struct SecureBaseTests {
    /// Every rule's negative case starts here: the base must be clean for the tests to mean anything.
    @Test func theSecureBaseHasNoFinding() throws {
        let result = try analyze(secureBase)
        #expect(result.findings.map { "\($0.ruleID) \($0.message)" } == [])
        #expect(result.diagnostics.isEmpty)
    }
}
