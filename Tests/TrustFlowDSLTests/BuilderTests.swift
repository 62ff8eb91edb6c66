import Testing
import TrustFlow
import TrustFlowTestSupport

/// What the builders make: the same `Model` a file with the same content decodes to.
@Suite("DSL builders")
struct BuilderTests {
    /// Everything but top-level `x-` keys, which hold a file's anchors and other tools' data.
    @Test func everythingTheFormatHasIsExpressibleWithTheSameValues() throws {
        let rbac = Control.declare("rbac", label: "RBAC roles", kind: .rbac, description: "Roles per team.")
        let custom = Control.declare("custom", kind: "in-house-scanner")
        let browser = Element.actor("browser", label: "Browser", technology: "Firefox", controls: [custom],
            description: "A person.", url: "https://example.com/people")
        let web = Element.process("web")
            .kubernetes(KubernetesReference(kind: "Deployment", name: "web", namespace: "shop", container: "app"))
        let db = Element.datastore("db", label: "Database")
        let bank = Element.external("bank", url: "docs/bank.md")
        let cluster = Boundary.cluster("prod", label: "Production", controls: [rbac], description: "The cluster.")
            .kubernetes(KubernetesReference(kind: "Cluster", name: "prod-eu"))
        let login = Flow.from(browser, to: web, id: "login", label: "Log in", protocol: "HTTPS", port: 443,
            encryption: .tls, authentication: .twoFactor, data: ["credentials", "pii"], classification: .restricted,
            bidirectional: true, controls: [rbac, custom], description: "The login form.")
        let insider = ThreatActor.maliciousInsider("insider", targets: [db, cluster])

        let built = try Model.build("Everything", description: "All keys.") {
            rbac
            custom
            browser
            cluster {
                Boundary.namespace("ns", label: "Namespace") {
                    web
                    Boundary.network("segment") { db }
                    insider
                }
                Boundary.generic("other")
            }
            bank
            login
            Flow.from(web, to: db)
            Flow.from(web, to: bank, encryption: Encryption.none, classification: .public)
            ThreatActor.externalAttacker("attacker", label: "Attackers", targets: [browser], description: "Outside.")
            ThreatActor.compromisedContainer("container")
            AcceptedRisk.rule("TF103", on: login, reason: "Known.", until: "2031-12-31")
            AcceptedRisk.rule("TF201", on: cluster, reason: "Single cluster.")
            AcceptedRisk.rule("TF301", on: insider, reason: "Vetted staff.")
        }

        let file = try load("""
            trustflow: 1
            title: Everything
            description: All keys.
            controls:
              - { id: rbac, label: RBAC roles, kind: rbac, description: Roles per team. }
              - { id: custom, kind: in-house-scanner }
            boundaries:
              - { id: prod, label: Production, kind: cluster, controls: [rbac], description: The cluster., k8s: { kind: Cluster, name: prod-eu } }
              - { id: ns, label: Namespace, kind: namespace, parent: prod }
              - { id: other, kind: generic, parent: prod }
              - { id: segment, kind: network, parent: ns }
            elements:
              - id: browser
                label: Browser
                kind: actor
                technology: Firefox
                controls: [custom]
                description: A person.
                url: https://example.com/people
              - { id: web, kind: process, boundary: ns, k8s: { kind: Deployment, name: web, namespace: shop, container: app } }
              - { id: db, label: Database, kind: datastore, boundary: segment }
              - { id: bank, kind: external, url: docs/bank.md }
            flows:
              - id: login
                from: browser
                to: web
                label: Log in
                protocol: HTTPS
                port: 443
                encryption: tls
                authentication: two-factor
                data: [credentials, pii]
                classification: restricted
                bidirectional: true
                controls: [rbac, custom]
                description: The login form.
              - { from: web, to: db }
              - { from: web, to: bank, encryption: none, classification: public }
            threatActors:
              - { id: insider, kind: malicious-insider, boundary: ns, targets: [db, prod] }
              - { id: attacker, label: Attackers, kind: external-attacker, targets: [browser], description: Outside. }
              - { id: container, kind: compromised-container }
            acceptedRisks:
              - { rule: TF103, target: login, reason: Known., until: 2031-12-31 }
              - { rule: TF201, target: prod, reason: Single cluster. }
              - { rule: TF301, target: insider, reason: Vetted staff. }
            """)
        #expect(built.model == file.model)
        #expect(built.warnings.isEmpty, "\(built.warnings)")
    }

    @Test func labelsFlowIDsAndEncryptionDefaultAsInAFile() throws {
        let a = Element.actor("a")
        let b = Element.process("b")
        let built = try Model.build("Defaults") {
            a
            b
            Flow.from(a, to: b)
            Flow.from(a, to: b)
            Flow.from(a, to: b, id: "explicit")
            Flow.from(a, to: b)
            Flow.from(b, to: a)
        }.model
        #expect(built.elements.map(\.label) == ["a", "b"])
        #expect(built.flows.map(\.id) == ["a-to-b", "a-to-b-2", "explicit", "a-to-b-3", "b-to-a"])
        #expect(built.flows.allSatisfy { $0.encryption == nil && $0.authentication == nil && !$0.bidirectional })
        let file = try load("""
            trustflow: 1
            title: Defaults
            elements: [{ id: a, kind: actor }, { id: b, kind: process }]
            flows:
              - { from: a, to: b }
              - { from: a, to: b }
              - { id: explicit, from: a, to: b }
              - { from: a, to: b }
              - { from: b, to: a }
            """)
        #expect(built == file.model)
    }

    @Test func loopsConditionalsAndOptionalContentWorkInBothBuilders() throws {
        let services = ["orders", "payments", "search"]
        let withAuditLog = services.contains("payments")
        let withCache = services.contains("sessions")
        let gateway = Element.process("gateway")
        let auditLog: ElementRef? = withAuditLog ? Element.datastore("audit-log") : nil
        let backends = services.map { Element.process("\($0)-svc", technology: "Go") }

        let built = try Model.build("Services") {
            gateway
            Boundary.cluster("prod") {
                for (service, backend) in zip(services, backends) {
                    Boundary.namespace("ns-\(service)", label: service) {
                        backend
                        if service == "search" {
                            Element.datastore("index", technology: "OpenSearch")
                        } else {
                            Element.datastore("\(service)-db", technology: "PostgreSQL")
                        }
                    }
                }
                if let auditLog {
                    auditLog
                }
                if withCache {
                    Element.datastore("cache")
                }
            }
            for backend in backends {
                Flow.from(gateway, to: backend, protocol: "gRPC", encryption: .mtls)
            }
            if let auditLog {
                Flow.from(gateway, to: auditLog)
            }
            switch services.count {
            case 0: ThreatActor.maliciousInsider("nobody")
            default: ThreatActor.externalAttacker("attacker", targets: [gateway])
            }
        }.model

        #expect(built.boundaries.map(\.id) == ["prod", "ns-orders", "ns-payments", "ns-search"])
        #expect(built.boundaries.dropFirst().allSatisfy { $0.parent == "prod" })
        #expect(built.elements.map(\.id) == [
            "gateway", "orders-svc", "orders-db", "payments-svc", "payments-db", "search-svc", "index", "audit-log",
        ])
        #expect(built.elements.map(\.boundary) == [
            nil, "ns-orders", "ns-orders", "ns-payments", "ns-payments", "ns-search", "ns-search", "prod",
        ])
        #expect(built.flows.map(\.id) == [
            "gateway-to-orders-svc", "gateway-to-payments-svc", "gateway-to-search-svc", "gateway-to-audit-log",
        ])
        #expect(built.threatActors.map(\.id) == ["attacker"])
    }

    @Test func reusableContentFunctionsCompose() throws {
        let model = try Model.build("Composed") {
            Boundary.cluster("prod") { namespaces(["a", "b"]) }
            edge()
        }.model
        #expect(model.boundaries.map(\.id) == ["prod", "ns-a", "ns-b"])
        #expect(model.elements.map(\.id) == ["a", "b", "proxy"])
    }

    @BoundaryContentBuilder
    private func namespaces(_ names: [String]) -> BoundaryContent {
        for name in names {
            Boundary.namespace("ns-\(name)") { Element.process(name) }
        }
    }

    @ModelContentBuilder
    private func edge() -> ModelContent {
        Element.external("proxy")
    }

    @Test func thePlacementDecidesTheBoundaryAndContentAddsUp() throws {
        let pod = Boundary.pod("pod") { Element.process("sidecar") }
        let app = Element.process("app")
        let intruder = ThreatActor.compromisedContainer("intruder", targets: [pod])
        let model = try Model.build("Placement") {
            Boundary.namespace("ns") {
                pod {
                    app
                    intruder
                }
            }
        }.model
        #expect(model.elements.map(\.id) == ["sidecar", "app"])
        #expect(model.elements.map(\.boundary) == ["pod", "pod"])
        #expect(model.threatActors.first?.boundary == "pod")
        #expect(model.threatActors.first?.targets == ["pod"])
        #expect(model.boundaries.map(\.parent) == [nil, "ns"])
    }

    /// Boundaries are listed outermost first, as files list them; everything else in reading
    /// order. Either order nests the same, so the picture is the same.
    @Test func boundariesAreListedOutermostFirstAndElementsInReadingOrder() throws {
        let model = try Model.build("Order") {
            Boundary.generic("a") {
                Boundary.generic("b") {
                    Boundary.generic("d") { Element.process("one") }
                }
                Element.process("two")
                Boundary.generic("c") { Element.process("three") }
            }
            Boundary.generic("e")
            Element.process("four")
        }.model
        #expect(model.boundaries.map(\.id) == ["a", "e", "b", "c", "d"])
        #expect(model.boundaries.map(\.parent) == [nil, nil, "a", "a", "b"])
        #expect(model.elements.map(\.id) == ["one", "two", "three", "four"])
    }

    @Test func anAcceptedRiskOnAFlowUsesTheFlowsResolvedID() throws {
        let a = Element.actor("a")
        let b = Element.process("b")
        let first = Flow.from(a, to: b)
        let second = Flow.from(a, to: b)
        let model = try Model.build("Risks") {
            a
            b
            first
            second
            AcceptedRisk.rule("TF103", on: second, reason: "Accepted for the second one.")
            AcceptedRisk.rule("TF103", on: first, reason: "And the first.")
        }.model
        #expect(model.acceptedRisks.map(\.target) == ["a-to-b-2", "a-to-b"])
    }

    private func load(_ yaml: String) throws -> LoadedModel {
        try ModelLoader().load(Array(yaml.utf8), file: "model.yaml", format: .yaml)
    }
}
