import Testing
import TrustFlowAnalysis

@Suite("TF101 unencrypted boundary crossing")
struct TF101Tests {
    @Test func unencryptedCrossingIsHigh() throws {
        let found = try findings("TF101", in: base(replacing: "encryption: mtls, authentication: mtls", with: "encryption: none, authentication: mtls"))
        #expect(found.count == 1)
        #expect(found.first?.severity == .high)
        #expect(found.first?.target.id == "f2")
        #expect(found.first?.path.description == "flows[1].encryption")
        #expect(found.first?.message == "flow 2 (front → api) crosses container 'ctr-front', pod 'pod-front', namespace 'ns-front', namespace 'ns-back', pod 'pod-api' unencrypted")
        #expect(found.first?.location?.line == baseLine(containing: "id: f2"))
    }

    @Test func unknownEncryptionCountsAsNone() throws {
        let found = try findings("TF101", in: base(replacing: "encryption: tls, authentication: password", with: "authentication: password"))
        #expect(found.map(\.target.id) == ["f3"])
        #expect(found.first?.message.hasSuffix("with no stated encryption") == true)
        #expect(found.first?.path.description == "flows[2]")
    }

    @Test func credentialsOrConfidentialDataMakeItCritical() throws {
        let credentials = try findings("TF101", in: base(replacing: "encryption: tls, authentication: session",
            with: "encryption: none, authentication: session, data: [credentials]"))
        #expect(credentials.first?.severity == .critical)
        let restricted = try findings("TF101", in: base(replacing: "encryption: tls, authentication: session",
            with: "authentication: session, classification: restricted"))
        #expect(restricted.first?.severity == .critical)
    }

    @Test func flowsInsideOneBoundaryDoNotCross() throws {
        let model = base(appending: "  - {id: local, from: api, to: api2}", after: "  - {id: f3, from: api, to: db, encryption: tls, authentication: password}")
            .replacingOccurrences(of: "  - {id: db, kind: datastore", with: "  - {id: api2, kind: process, boundary: pod-api}\n  - {id: db, kind: datastore")
        #expect(try findings("TF101", in: model).isEmpty)
        #expect(try findings("TF101", in: secureBase).isEmpty)
    }
}
