import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// A shop whose policies enforce exactly its model: the Internet reaches web on 8080, web calls
/// api (Service port 80, pod port 9000), api calls the database on 5432. Tests change a copy.
enum Shop {
    static func deployment(_ name: String, image: String, port: Int, portName: String, extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: shop}
        spec:
          selector: {matchLabels: {app: \(name)}}
          template:
            metadata: {labels: {app: \(name)}}
            spec:
              containers:
                - name: main
                  image: \(image)
                  ports: [{name: \(portName), containerPort: \(port)}]\(extra)
        """
    }

    static func service(_ name: String, port: Int, target: Int) -> String {
        "apiVersion: v1\nkind: Service\nmetadata: {name: \(name), namespace: shop}\nspec: {selector: {app: \(name)}, ports: [{port: \(port), targetPort: \(target)}]}"
    }

    static func policy(_ name: String, _ spec: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: shop}\nspec: \(spec)"
    }

    static let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}"
    static let web = deployment("web", image: "shop/web:1", port: 8080, portName: "http")
    static let api = deployment("api", image: "shop/api:1", port: 9000, portName: "grpc")
    static let db = deployment("db", image: "postgres:16", port: 5432, portName: "postgres")
    static let policies = [
        policy("default-deny", "{podSelector: {}, policyTypes: [Ingress, Egress]}"),
        policy("web", "{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: 8080}]}], egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 9000}]}]}"),
        policy("api", "{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 9000}]}], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]}"),
        policy("db", "{podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress, Egress], ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]}"),
    ]
    static let objects = [namespace, web, api, db, service("web", port: 80, target: 8080), service("api", port: 80, target: 9000),
        service("db", port: 5432, target: 5432)] + policies

    static let model = """
        trustflow: 1
        title: Shop
        controls:
          - {id: np, kind: network-policy}
        boundaries:
          - {id: cluster, kind: cluster}
          - {id: shop, kind: namespace, parent: cluster, controls: [np]}
          - {id: web, kind: pod, parent: shop}
          - {id: api, kind: pod, parent: shop}
          - {id: db, kind: pod, parent: shop}
        elements:
          - {id: user, kind: actor}
          - {id: web-server, label: web, kind: process, boundary: web}
          - {id: api-server, kind: process, boundary: api}
          - {id: database, kind: datastore, boundary: db}
        flows:
          - {from: user, to: web-server, port: 8080}
          - {from: web-server, to: api-server, port: 9000}
          - {from: api-server, to: database, port: 5432}
        """

    /// The drift findings of `objects` (and `model`, when given) from one rule.
    static func findings(_ rule: String, objects: [String] = objects, model: String? = model) throws -> [Finding] {
        let check = DriftCheck(inventory: try inventory(objects.joined(separator: "\n---\n")))
        let loaded = try model.map { try ModelLoader().load(Array($0.utf8), file: "shop.yaml", format: .yaml) }
        return check.run(model: loaded?.model, sourceMap: loaded?.sourceMap ?? SourceMap(), rules: [DriftRuleRegistry.rule(rule)!]).findings
    }

    /// The model with `text` added to the end of its `flows`.
    static func model(addingFlow text: String) -> String { model + "\n  - " + text }
}

@Suite("Drift rules")
struct DriftRuleTests {
    @Test func everyRuleIsRegisteredOnceAndKnownToEveryStage() {
        let ids = DriftRuleRegistry.all.map(\.id)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        #expect(Set(ids) == RuleRegistry.driftRuleIDs)
        #expect(RuleCatalog.all.map(\.id) == RuleRegistry.all.map(\.id) + ids)
        #expect(DriftRuleRegistry.all.allSatisfy { !$0.rationale.isEmpty && !$0.remediation.isEmpty && !$0.title.isEmpty })
    }

    @Test func theShopIsEnforcedExactlySoNoRuleFires() throws {
        for rule in DriftRuleRegistry.all.map(\.id) where rule != "TF213" {
            #expect(try Shop.findings(rule).isEmpty, "\(rule)")
        }
    }

    @Test func tf201ABlockedFlowNamesTheSideAndThePolicy() throws {
        let findings = try Shop.findings("TF201", model: Shop.model(addingFlow: "{from: web-server, to: database, port: 5432}"))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.message == "flow 4 (web → database) is blocked: Deployment shop/web → Deployment shop/db on TCP 5432: "
            + "the egress of Deployment shop/web is isolated by NetworkPolicy shop/default-deny, shop/web, and no rule of it allows Deployment shop/db, "
            + "and the ingress of Deployment shop/db is isolated by NetworkPolicy shop/db, shop/default-deny, and no rule of it allows Deployment shop/web")
        #expect(finding.target == FindingTarget(kind: .flow, id: "web-server-to-database", path: "flows[3]"))
        #expect(finding.location?.file == "shop.yaml" && finding.location?.line == 20, "the model's line of the flow")
        #expect(finding.evidence.allSatisfy { $0.file == "m.yaml" } && finding.evidence.count >= 2, "the policies' lines")
    }

    @Test func tf201APortMismatchSaysWhichPortsPass() throws {
        let findings = try Shop.findings("TF201", model: Shop.model.replacingOccurrences(
            of: "{from: web-server, to: api-server, port: 9000}", with: "{from: web-server, to: api-server, port: 9001}"))
        #expect(findings.map(\.message) == [
            "flow 2 (web → api-server) is blocked: Deployment shop/web → Deployment shop/api on TCP 9001: the egress of Deployment shop/web allows Deployment shop/api only on TCP 9000 (egress rule 1 of web), not on TCP 9001 — a port mismatch, and the ingress of Deployment shop/api allows Deployment shop/web only on TCP 9000 (ingress rule 1 of api), not on TCP 9001 — a port mismatch",
        ])
    }

    @Test func tf201APolicyOnTheServicePortIsNamedAsTheMistakeItIs() throws {
        var objects = Shop.objects
        objects[objects.count - 2] = Shop.policy("api", "{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 80}]}], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]}")
        let findings = try Shop.findings("TF201", objects: objects)
        #expect(findings.map(\.message) == [
            "flow 2 (web → api-server) is blocked: Deployment shop/web → Deployment shop/api on TCP 9000: the ingress of Deployment shop/api allows Deployment shop/web only on TCP 80 (ingress rule 1 of api), not on TCP 9000 — a port mismatch (TCP 80 is the port of Service shop/api, which forwards to the pod's 9000: NetworkPolicies see the pod's port)",
        ])
    }

    @Test func tf201AServicePortIsCheckedAsThePodPortItForwardsTo() throws {
        let model = Shop.model.replacingOccurrences(of: "{from: web-server, to: api-server, port: 9000}", with: "{from: web-server, to: api-server, port: 80}")
        #expect(try Shop.findings("TF201", model: model).isEmpty, "Service api's port 80 forwards to the pod's 9000, which is allowed")
    }

    @Test func tf202AnUndeclaredConnectionIsHighWhenItReachesADataStore() throws {
        let model = Shop.model.replacingOccurrences(of: "\n  - {from: api-server, to: database, port: 5432}", with: "")
        let findings = try Shop.findings("TF202", model: model)
        #expect(findings.map(\.message) == [
            "Deployment shop/api can reach Deployment shop/db on TCP 5432 (it reaches a data store), but the model declares no flow between them; widest cause: egress rule 1 of NetworkPolicy shop/api allows podSelector {app=db} on TCP 5432",
        ])
        #expect(findings.first?.severity == .high)
        #expect(findings.first?.target.id == "database")
        #expect(findings.first?.evidence.first?.file == "m.yaml")
    }

    @Test func tf202PortsBeyondTheDeclaredOnesCountAndTheWidestCauseIsNamed() throws {
        var objects = Shop.objects
        objects[objects.count - 3] = Shop.policy("web", "{podSelector: {matchLabels: {app: web}}, ingress: [{}], egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 9000}]}]}")
        let findings = try Shop.findings("TF202", objects: objects)
        #expect(findings.map(\.message) == [
            "the outside of the cluster can reach Deployment shop/web on SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535 (it crosses into the cluster from outside), but the model declares only TCP 8080; widest cause: ingress rule 1 of NetworkPolicy shop/web (`ingress: [{}]`) allows every source on every port",
        ])
    }

    @Test func tf203AFlowThePoliciesMayOrMayNotAllow() throws {
        var objects = Shop.objects
        objects[objects.count - 2] = Shop.policy("api", "{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: metrics}]}], egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]}")
        let findings = try Shop.findings("TF203", objects: objects)
        #expect(findings.map(\.message) == [
            "whether flow 2 (web → api-server) passes is unknown: Deployment shop/web → Deployment shop/api on TCP 9000: no container declares a TCP port named 'metrics' (one added at admission, such as an injected sidecar's, would be allowed)",
        ])
        #expect(try Shop.findings("TF203").isEmpty)
    }

    @Test func tf204AClaimedControlTheManifestsLack() throws {
        let model = Shop.model.replacingOccurrences(of: "  - {id: np, kind: network-policy}", with: "  - {id: np, kind: network-policy}\n  - {id: sc, kind: seccomp}")
            .replacingOccurrences(of: "{id: api, kind: pod, parent: shop}", with: "{id: api, kind: pod, parent: shop, controls: [sc]}")
        let findings = try Shop.findings("TF204", model: model)
        #expect(findings.map(\.message) == [
            "pod 'api' claims seccomp (control 'sc'), but the manifests show no RuntimeDefault or Localhost seccompProfile (container or pod) for container main of Deployment shop/api",
        ])
        #expect(findings.first?.evidence.first?.file == "m.yaml")
        var objects = Shop.objects
        objects[2] = Shop.deployment("api", image: "shop/api:1", port: 9000, portName: "grpc",
            extra: "\n          securityContext: {seccompProfile: {type: RuntimeDefault}}")
        #expect(try Shop.findings("TF204", objects: objects, model: model).isEmpty)
    }

    @Test func tf204ANetworkPolicyClaimOnANamespaceNotEveryPodOfWhichIsSelected() throws {
        let objects = Array(Shop.objects.prefix(7))
        let findings = try Shop.findings("TF204", objects: objects)
        #expect(findings.map(\.message) == [
            "namespace 'shop' claims network-policy (control 'np'), but the manifests show no NetworkPolicy selecting its pods for Deployment shop/api, Deployment shop/db, Deployment shop/web",
        ])
    }

    @Test func tf205AControlTheModelDoesNotClaim() throws {
        var objects = Shop.objects
        objects[2] = Shop.deployment("api", image: "shop/api:1", port: 9000, portName: "grpc",
            extra: "\n          securityContext: {readOnlyRootFilesystem: true}")
        let findings = try Shop.findings("TF205", objects: objects)
        #expect(findings.map(\.message) == ["the manifests show read-only-root (container main) for Deployment shop/api, which the model does not claim"])
        #expect(findings.first?.severity == .low)
        let claimed = Shop.model.replacingOccurrences(of: "  - {id: np, kind: network-policy}", with: "  - {id: np, kind: network-policy}\n  - {id: ro, kind: read-only-root}")
            .replacingOccurrences(of: "{id: api-server, kind: process, boundary: api}", with: "{id: api-server, kind: process, boundary: api, controls: [ro]}")
        #expect(try Shop.findings("TF205", objects: objects, model: claimed).isEmpty)
    }

    @Test func tf206ModelItemsWithoutObjects() throws {
        let model = Shop.model.replacingOccurrences(of: "  - {id: db, kind: pod, parent: shop}",
            with: "  - {id: db, kind: pod, parent: shop}\n  - {id: cache, kind: pod, parent: shop}")
            + "\n  - {from: api-server, to: redis, port: 6379}"
        let withElement = model.replacingOccurrences(of: "  - {id: database, kind: datastore, boundary: db}",
            with: "  - {id: database, kind: datastore, boundary: db}\n  - {id: redis, kind: datastore, boundary: cache, k8s: {kind: StatefulSet, name: redis, namespace: shop}}")
        let findings = try Shop.findings("TF206", model: withElement)
        #expect(findings.map(\.message) == [
            "pod 'cache' stands for no object of the manifests: no workload in namespace shop is named 'cache'",
            "datastore 'redis' stands for no object of the manifests: it names StatefulSet shop/redis, which is not in the manifests",
        ])
    }

    @Test func tf207WorkloadsWithoutModelItems() throws {
        let findings = try Shop.findings("TF207", objects: Shop.objects + [Shop.deployment("worker", image: "shop/worker:1", port: 7000, portName: "jobs")])
        #expect(findings.map(\.message) == ["Deployment shop/worker runs in the manifests, but no model item stands for it"])
        #expect(findings.first?.target.id == "shop", "the namespace boundary it belongs in")
        #expect(findings.first?.evidence.first?.file == "m.yaml")
    }

    @Test func tf208AReferenceToAServiceThatIsNotThere() throws {
        var objects = Shop.objects
        objects[1] = Shop.deployment("web", image: "shop/web:1", port: 8080, portName: "http",
            extra: "\n          env: [{name: PAYMENTS_URL, value: 'http://payments:8080'}, {name: API_ADDR, value: 'api:80'}]")
        let findings = try Shop.findings("TF208", objects: objects, model: nil)
        #expect(findings.map(\.message) == [
            "env PAYMENTS_URL of Deployment shop/web (container main) names Service shop/payments, which is not in the manifests",
        ])
    }

    @Test func tf209AStaleSelectorWithTheClosestLabel() throws {
        let findings = try Shop.findings("TF209", objects: Shop.objects + [Shop.policy("typo", "{podSelector: {matchLabels: {app: wbe}}}")])
        #expect(findings.map(\.message) == [
            "NetworkPolicy shop/typo is stale: its podSelector {app=wbe} matches no pod of namespace shop; did you mean app=web?",
        ])
        #expect(try Shop.findings("TF209", objects: [Shop.policy("alone", "{podSelector: {matchLabels: {app: x}}}")], model: nil).isEmpty,
            "a namespace without workloads in the input: the manifests are partial")
    }

    @Test func tf210ThePreV1DefaultDenyAnnotation() throws {
        let annotated = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              annotations: {net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'}
            """
        let isolated = try Shop.findings("TF210", objects: [annotated] + Shop.objects.dropFirst())
        #expect(isolated.count == 1 && isolated.first?.severity == .medium)
        let open = try Shop.findings("TF210", objects: [annotated, Shop.web], model: nil)
        #expect(open.map(\.message) == [
            "namespace shop has the pre-v1 annotation net.beta.kubernetes.io/network-policy with DefaultDeny, which nothing reads since NetworkPolicy v1: 1 workload of it (web) accepts all ingress",
        ])
        #expect(open.first?.severity == .high)
    }

    @Test func tf211CapabilitiesDroppedInLowerCase() throws {
        func objects(_ drop: String) -> [String] {
            var objects = Shop.objects
            objects[3] = Shop.deployment("db", image: "postgres:16", port: 5432, portName: "postgres",
                extra: "\n          securityContext: {capabilities: {drop: [\(drop)]}}")
            return objects
        }
        #expect(try Shop.findings("TF211", objects: objects("all")).count == 1)
        #expect(try Shop.findings("TF211", objects: objects("ALL")).isEmpty)
    }

    @Test func tf212PolicyKindsNotEvaluated() throws {
        let calico = "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: allow-dns, namespace: shop}\nspec: {selector: all()}"
        let findings = try Shop.findings("TF212", objects: Shop.objects + [calico])
        #expect(findings.map(\.message) == [
            "NetworkPolicy shop/allow-dns (projectcalico.org/v3) is not evaluated: verdicts touching the pods of namespace shop are unknown",
        ])
        #expect(try Shop.findings("TF203", objects: Shop.objects + [calico]).count == 3, "every declared flow touches the namespace")
    }

    @Test func tf213OnlyWithoutAModel() throws {
        let open = [Shop.namespace, Shop.web, Shop.db]
        let findings = try Shop.findings("TF213", objects: open, model: nil)
        #expect(findings.map(\.message) == [
            "Deployment shop/web is not isolated for Ingress or Egress: namespace shop has no NetworkPolicy, so every pod and the outside can reach it",
            "Deployment shop/db (a data store) is not isolated for Ingress or Egress: namespace shop has no NetworkPolicy, so every pod and the outside can reach it",
        ])
        #expect(findings.map(\.severity) == [.medium, .high])
        #expect(try Shop.findings("TF213", objects: Shop.objects, model: nil).isEmpty, "every workload is isolated both ways")
        #expect(try Shop.findings("TF213", objects: open).isEmpty, "with a model TF202 says it pair by pair")
    }
}
