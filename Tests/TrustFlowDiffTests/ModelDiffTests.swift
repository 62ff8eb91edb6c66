import Testing
import TrustFlow
import TrustFlowTestSupport

/// A base with one of everything, to change one field at a time.
let diffBase = """
    trustflow: 1
    title: Base
    description: before
    controls:
      - {id: rbac, label: RBAC, kind: rbac, description: roles}
      - {id: netpol, kind: network-policy}
    boundaries:
      - {id: c, kind: cluster}
      - {id: ns, label: Namespace, kind: namespace, parent: c, controls: [rbac, netpol], description: ns}
      - {id: other, kind: namespace, parent: c, controls: [rbac, netpol]}
    elements:
      - {id: user, kind: actor}
      - {id: api, label: API, kind: process, boundary: ns, technology: Go, controls: [rbac], description: d, url: "https://a.example"}
      - {id: db, kind: datastore, boundary: ns}
    flows:
      - {id: f, from: api, to: db, label: SQL, protocol: MySQL, port: 3306, encryption: tls, authentication: password, data: [pii], classification: internal, controls: [rbac], description: q}
      - {id: g, from: user, to: api, encryption: tls}
    threatActors:
      - {id: t, label: Attacker, kind: external-attacker, targets: [api], description: x}
    acceptedRisks:
      - {rule: TF105, target: f, reason: later, until: 2030-01-01}

    """

func model(_ yaml: String) throws -> Model { try Models.yaml(yaml) }

func diff(replacing old: String, with new: String) throws -> ModelDiff {
    let parts = diffBase.components(separatedBy: old)
    #expect(parts.count == 2, "'\(old)' must occur once")
    return ModelDiff(old: try model(diffBase), new: try model(parts.joined(separator: new)))
}

@Suite("Model diff")
struct ModelDiffTests {
    @Test func identicalModelsHaveAnEmptyDiff() throws {
        let base = try model(diffBase)
        let diff = ModelDiff(old: base, new: base)
        #expect(diff.isEmpty)
        #expect(diff.counts == (0, 0, 0))
        #expect(diff.elements.unchanged.count == 3)
    }

    @Test(arguments: [
        // Controls.
        ("{id: rbac, label: RBAC, kind: rbac, description: roles}", "{id: rbac, label: Roles, kind: rbac, description: roles}", "controls", "rbac", "label: RBAC → Roles"),
        ("{id: rbac, label: RBAC, kind: rbac, description: roles}", "{id: rbac, label: RBAC, kind: authorization, description: roles}", "controls", "rbac", "kind: rbac → authorization"),
        ("{id: rbac, label: RBAC, kind: rbac, description: roles}", "{id: rbac, label: RBAC, kind: rbac}", "controls", "rbac", "description: roles → —"),
        // Boundaries.
        ("{id: ns, label: Namespace,", "{id: ns, label: Backend,", "boundaries", "ns", "label: Namespace → Backend"),
        ("{id: ns, label: Namespace, kind: namespace,", "{id: ns, label: Namespace, kind: generic,", "boundaries", "ns", "kind: namespace → generic"),
        ("parent: c, controls: [rbac, netpol], description: ns}", "controls: [rbac, netpol], description: ns}", "boundaries", "ns", "parent: c → —"),
        ("parent: c, controls: [rbac, netpol], description: ns}", "parent: c, controls: [rbac], description: ns}", "boundaries", "ns", "controls: −netpol"),
        ("controls: [rbac, netpol], description: ns}", "controls: [rbac, netpol], description: namespace}", "boundaries", "ns", "description: ns → namespace"),
        ("controls: [rbac, netpol], description: ns}", "controls: [rbac, netpol], description: ns, k8s: {kind: Namespace, name: shop}}", "boundaries", "ns", "k8s: — → Namespace shop"),
        // Elements.
        ("{id: api, label: API,", "{id: api, label: Orders API,", "elements", "api", "label: API → Orders API"),
        ("label: API, kind: process,", "label: API, kind: external,", "elements", "api", "kind: process → external"),
        ("kind: process, boundary: ns,", "kind: process, boundary: other,", "elements", "api", "boundary: ns → other"),
        ("technology: Go,", "technology: Rust,", "elements", "api", "technology: Go → Rust"),
        ("technology: Go, controls: [rbac],", "technology: Go, controls: [netpol],", "elements", "api", "controls: −rbac +netpol"),
        ("description: d,", "description: e,", "elements", "api", "description: d → e"),
        ("url: \"https://a.example\"", "url: \"https://b.example\"", "elements", "api", "url: https://a.example → https://b.example"),
        ("url: \"https://a.example\"}", "url: \"https://a.example\", k8s: {kind: Deployment, name: api, namespace: shop, container: api}}", "elements", "api", "k8s: — → Deployment shop/api container api"),
        // Flows.
        ("{id: f, from: api, to: db,", "{id: f, from: user, to: db,", "flows", "f", "from: api → user"),
        ("{id: f, from: api, to: db,", "{id: f, from: api, to: api,", "flows", "f", "to: db → api"),
        ("label: SQL,", "label: Queries,", "flows", "f", "label: SQL → Queries"),
        ("protocol: MySQL,", "protocol: PostgreSQL,", "flows", "f", "protocol: MySQL → PostgreSQL"),
        ("port: 3306,", "port: 3307,", "flows", "f", "port: 3306 → 3307"),
        ("port: 3306, encryption: tls,", "port: 3306, encryption: none,", "flows", "f", "encryption: tls → none"),
        ("port: 3306, encryption: tls,", "port: 3306,", "flows", "f", "encryption: tls → unknown"),
        ("authentication: password,", "authentication: mtls,", "flows", "f", "authentication: password → mtls"),
        ("data: [pii],", "data: [pii, credentials],", "flows", "f", "data: +credentials"),
        ("classification: internal,", "classification: restricted,", "flows", "f", "classification: internal → restricted"),
        ("classification: internal,", "classification: internal, bidirectional: true,", "flows", "f", "bidirectional: false → true"),
        ("classification: internal, controls: [rbac],", "classification: internal,", "flows", "f", "controls: −rbac"),
        ("description: q}", "description: r}", "flows", "f", "description: q → r"),
        // Threat actors.
        ("label: Attacker,", "label: Attackers,", "threatActors", "t", "label: Attacker → Attackers"),
        ("kind: external-attacker,", "kind: malicious-insider,", "threatActors", "t", "kind: external-attacker → malicious-insider"),
        ("kind: external-attacker, targets", "kind: external-attacker, boundary: ns, targets", "threatActors", "t", "boundary: — → ns"),
        ("targets: [api],", "targets: [api, db],", "threatActors", "t", "targets: +db"),
        ("targets: [api], description: x}", "targets: [api], description: y}", "threatActors", "t", "description: x → y"),
        // Accepted risks.
        ("reason: later,", "reason: much later,", "acceptedRisks", "TF105:f", "reason: later → much later"),
        ("until: 2030-01-01}", "until: 2031-01-01}", "acceptedRisks", "TF105:f", "until: 2030-01-01 → 2031-01-01"),
    ])
    func everyFieldOfEveryKindIsCompared(old: String, new: String, kind: String, id: String, change: String) throws {
        let diff = try diff(replacing: old, with: new)
        let fields: [FieldChange]? = switch kind {
        case "controls": diff.controls.diff(id)?.fields
        case "boundaries": diff.boundaries.diff(id)?.fields
        case "elements": diff.elements.diff(id)?.fields
        case "flows": diff.flows.diff(id)?.fields
        case "threatActors": diff.threatActors.diff(id)?.fields
        default: diff.acceptedRisks.diff(id)?.fields
        }
        #expect(fields?.map(\.summary) == [change])
        #expect(diff.counts == (0, 0, 1))
    }

    @Test func modelFieldsAreCompared() throws {
        let diff = try diff(replacing: "title: Base\ndescription: before", with: "title: Renamed\ndescription: after")
        #expect(diff.model.map(\.summary) == ["title: Base → Renamed", "description: before → after"])
        #expect(!diff.isEmpty)
    }

    @Test func additionsAndRemovalsOfEveryKind() throws {
        let added = try diff(replacing: "acceptedRisks:", with: "  - {id: t2, kind: malicious-insider}\nacceptedRisks:\n  - {rule: TF103, target: ns, reason: r}")
        #expect(added.threatActors.added.map(\.id) == ["t2"])
        #expect(added.acceptedRisks.added.map(\.id) == ["TF103:ns"])
        let removed = try diff(replacing: "  - {id: g, from: user, to: api, encryption: tls}\n", with: "")
        #expect(removed.flows.removed.map(\.id) == ["g"])
        #expect(removed.flows.items.last?.kind == .removed)
        let extraControl = try diff(replacing: "  - {id: netpol, kind: network-policy}", with: "  - {id: netpol, kind: network-policy}\n  - {id: waf, kind: waf}")
        #expect(extraControl.controls.added.map(\.id) == ["waf"])
        let reversed = ModelDiff(old: extraControl.new, new: extraControl.old)
        #expect(reversed.controls.removed.map(\.id) == ["waf"])
    }

    @Test func aRenamedIDIsARemovalPlusAnAdditionARenamedLabelIsAChange() throws {
        let renamedID = try ModelDiff(old: model(diffBase), new: model(diffBase
            .replacingOccurrences(of: "  - {id: db, kind: datastore, boundary: ns}", with: "  - {id: database, kind: datastore, boundary: ns}")
            .replacingOccurrences(of: "from: api, to: db,", with: "from: api, to: database,")))
        // The flow to it changes too (its `to`), but the element itself is removed and added.
        #expect(renamedID.elements.removed.map(\.id) == ["db"])
        #expect(renamedID.elements.added.map(\.id) == ["database"])
        #expect(renamedID.elements.changed.isEmpty)
        let renamedLabel = try diff(replacing: "  - {id: db, kind: datastore, boundary: ns}", with: "  - {id: db, label: Database, kind: datastore, boundary: ns}")
        #expect(renamedLabel.elements.changed.map(\.id) == ["db"])
        #expect(renamedLabel.elements.added.isEmpty && renamedLabel.elements.removed.isEmpty)
    }

    @Test func movesBetweenBoundaries() throws {
        let moved = try diff(replacing: "{id: other, kind: namespace, parent: c, controls: [rbac, netpol]}", with: "{id: other, kind: namespace, parent: ns, controls: [rbac, netpol]}")
        #expect(moved.boundaries.changed.first?.fields.map(\.summary) == ["parent: c → ns"])
    }

    @Test func theOrderIsNewOrderThenRemovedInOldOrder() throws {
        let diff = try ModelDiff(old: model(diffBase), new: model(diffBase
            .replacingOccurrences(of: "  - {id: user, kind: actor}\n", with: "  - {id: admin, kind: actor}\n")
            .replacingOccurrences(of: "from: user, to: api", with: "from: admin, to: api")))
        #expect(diff.elements.items.map(\.id) == ["admin", "api", "db", "user"])
    }
}

@Suite("Union model")
struct UnionTests {
    /// The base without the data store `db` and the flow `f` into it.
    func withoutDatabase() throws -> ModelDiff {
        try ModelDiff(old: model(diffBase), new: model(diffBase
            .replacingOccurrences(of: "  - {id: db, kind: datastore, boundary: ns}\n", with: "")
            .replacingOccurrences(of: "  - {id: f, from: api, to: db, label: SQL, protocol: MySQL, port: 3306, encryption: tls, authentication: password, data: [pii], classification: internal, controls: [rbac], description: q}\n", with: "")
            .replacingOccurrences(of: "  - {rule: TF105, target: f, reason: later, until: 2030-01-01}\n", with: "")))
    }

    @Test func removedItemsAreDrawnWhereTheyWere() throws {
        let diff = try withoutDatabase()
        let union = diff.union
        #expect(union.elements.map(\.id) == ["user", "api", "db"])
        #expect(union.elements.last?.boundary == "ns")
        #expect(union.flows.map(\.id) == ["g", "f"])
        #expect(throws: Never.self) {
            _ = try ModelLoader().validate(union)
        }
    }

    @Test func aRemovedIdNowUsedByAnotherKindIsRenamed() throws {
        let diff = try withoutDatabase().reusing("db", asThreatActor: true)
        #expect(diff.union.elements.last?.id == "db~removed")
        #expect(diff.union.flows.first { $0.id == "f" }?.to == "db~removed")
        #expect(diff.unionID(ofRemoved: "db") == "db~removed")
    }
}

extension ModelDiff {
    /// This diff with a threat actor `id` added to the new side.
    func reusing(_ id: String, asThreatActor: Bool) -> ModelDiff {
        var newer = new
        newer.threatActors.append(ThreatActor(id: id, kind: .maliciousInsider))
        newer.flows.removeAll { $0.to == id || $0.from == id }
        return ModelDiff(old: old, new: newer)
    }
}

extension ModelLoader {
    /// Validates a model built in memory, throwing its errors.
    func validate(_ model: Model) throws {
        let errors = ModelValidator().validate(model, sourceMap: SourceMap()).filter { $0.severity == .error }
        if !errors.isEmpty { throw ModelError(diagnostics: errors) }
    }
}

@Suite("Model diff of Kubernetes references and extensions")
struct KubernetesDiffTests {
    static let withReference = diffBase.replacingOccurrences(of: "description: d, url: \"https://a.example\"}",
        with: "description: d, url: \"https://a.example\", k8s: {kind: Deployment, name: api, namespace: shop, container: api}}")

    @Test(arguments: [
        ("name: api, namespace", "name: orders, namespace", "k8s: Deployment shop/api container api → Deployment shop/orders container api"),
        ("kind: Deployment", "kind: StatefulSet", "k8s: Deployment shop/api container api → StatefulSet shop/api container api"),
        ("namespace: shop,", "namespace: store,", "k8s: Deployment shop/api container api → Deployment store/api container api"),
        ("container: api}", "container: server}", "k8s: Deployment shop/api container api → Deployment shop/api container server"),
    ])
    func aChangedReferenceIsAChange(old: String, new: String, change: String) throws {
        let changed = Self.withReference.replacingOccurrences(of: old, with: new)
        let diff = ModelDiff(old: try model(Self.withReference), new: try model(changed))
        #expect(diff.elements.diff("api")?.fields.map(\.summary) == [change])
        #expect(diff.counts == (0, 0, 1))
    }

    @Test func extensionKeysAreNotPartOfTheDiff() throws {
        let diff = ModelDiff(old: try model(diffBase), new: try model(diffBase + "x-tool: {generated: 2026-01-01}\n"))
        #expect(diff.isEmpty)
    }
}
