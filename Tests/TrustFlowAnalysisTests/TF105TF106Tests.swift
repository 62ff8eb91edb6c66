import Testing
import TrustFlowAnalysis

@Suite("TF105/TF106 data stores")
struct DatastoreRuleTests {
    @Test func aFlowIntoAStoreWithoutLeastPrivilege() throws {
        let found = try findings("TF105", in: base(replacing: "{id: db, kind: datastore, boundary: pod-db, controls: [lp]}",
            with: "{id: db, kind: datastore, boundary: pod-db}"))
        #expect(found.map(\.target.id) == ["f3"])
        #expect(found.first?.severity == .medium)
    }

    @Test func leastPrivilegeOnTheFlowIsEnough() throws {
        let model = base(replacing: "{id: db, kind: datastore, boundary: pod-db, controls: [lp]}", with: "{id: db, kind: datastore, boundary: pod-db}")
            .replacingOccurrences(of: "authentication: password}", with: "authentication: password, controls: [lp]}")
        #expect(try findings("TF105", in: model).isEmpty)
        #expect(try findings("TF105", in: secureBase).isEmpty)
    }

    @Test func anActorReachingAStoreIsCritical() throws {
        let model = base(appending: "  - {id: f4, from: user, to: db, encryption: tls, authentication: password}",
            after: "  - {id: f3, from: api, to: db, encryption: tls, authentication: password}")
        let found = try findings("TF106", in: model)
        #expect(found.map(\.target.id) == ["f4"])
        #expect(found.first?.severity == .critical)
    }

    @Test func aProcessReachingAStoreIsFine() throws {
        #expect(try findings("TF106", in: secureBase).isEmpty)
    }
}
