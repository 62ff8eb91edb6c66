import Testing
import TrustFlowAnalysis
import TrustFlowModel
import TrustFlowTestSupport

@Suite("STRIDE per interaction")
struct StrideTests {
    @Test func onlyCrossingFlowsAreListedWithTheirCategories() throws {
        let result = try analyze(secureBase)
        #expect(result.stride.map(\.flow) == ["f1", "f2", "f3"])
        #expect(result.stride[0].entries.map(\.category) == StrideCategory.allCases)
        // Into a data store: no elevation of privilege.
        #expect(!result.stride[2].entries.contains { $0.category == .elevationOfPrivilege })
    }

    @Test func mitigationsAndGapsAreNamed() throws {
        let result = try analyze(secureBase)
        let toFront = result.stride[0].entries
        let spoofing = try #require(toFront.first { $0.category == .spoofing })
        #expect(spoofing.mitigations.contains("authentication: session"))
        #expect(spoofing.mitigations.contains("authn (authentication)"))
        #expect(spoofing.status == .mitigated)
        let repudiation = try #require(toFront.first { $0.category == .repudiation })
        #expect(repudiation.status == .unmitigated)
        #expect(repudiation.missing == ["audit logging (audit-logging)"])
        let disclosure = try #require(result.stride[2].entries.first { $0.category == .informationDisclosure })
        #expect(disclosure.mitigations == ["encryption: tls", "lp (least-privilege)"])
        #expect(disclosure.missing == ["encryption at rest (encryption-at-rest)"])
        #expect(disclosure.status == .partial)
    }

    @Test func unknownEncryptionLeavesTamperingUnmitigated() throws {
        let result = try analyze(base(replacing: "encryption: mtls, authentication: mtls", with: "authentication: mtls"))
        let tampering = try #require(result.stride[1].entries.first { $0.category == .tampering })
        #expect(tampering.mitigations.isEmpty)
        #expect(tampering.status == .unmitigated)
    }
}
