import Testing
import TrustFlowAnalysis

@Suite("TF102 unauthenticated boundary crossing")
struct TF102Tests {
    @Test func crossingIntoAProcessWithoutAuthentication() throws {
        let found = try findings("TF102", in: base(replacing: "authentication: mtls}", with: "authentication: none}"))
        #expect(found.map(\.target.id) == ["f2"])
        #expect(found.first?.severity == .high)
        #expect(found.first?.path.description == "flows[1].authentication")
    }

    @Test func unknownAuthenticationIntoADatastore() throws {
        let found = try findings("TF102", in: base(replacing: "encryption: tls, authentication: password", with: "encryption: tls"))
        #expect(found.map(\.target.id) == ["f3"])
    }

    @Test func authenticatedOrNotIntoAServiceIsFine() throws {
        #expect(try findings("TF102", in: secureBase).isEmpty)
        // Into an actor: nothing to authenticate against.
        let reply = base(appending: "  - {id: f4, from: front, to: user, encryption: tls}",
            after: "  - {id: f3, from: api, to: db, encryption: tls, authentication: password}")
        #expect(try findings("TF102", in: reply).isEmpty)
    }
}
