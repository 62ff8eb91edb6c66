import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Kubernetes importer: flows")
struct ImporterFlowTests {
    /// `web` with one environment value, `api` serving on its named port `http` (8080) behind Service `api:80`.
    func flows(value: String, variable: String = "API_ADDR", extra: [String] = []) throws -> (Model, [Diagnostic]) {
        let result = try importing(documents(
            [deployment("web", env: "[{name: \(variable), value: \"\(value)\"}]"), deployment("api"), service("api")] + extra))
        return (result.model, result.warnings)
    }

    @Test(arguments: [
        "api:80", "http://api", "http://api:80/v1?x=1", "api.default:80", "api.default.svc:80",
        "api.default.svc.cluster.local:80", "api.default.svc.cluster.local", "https://user@api:80", "tcp://api:80,localhost:1",
        "-Dapi.url=http://api:80", "(api:80)",
    ])
    func everyFormOfAddressResolvesToTheTargetPort(value: String) throws {
        let (model, warnings) = try flows(value: value)
        #expect(model.flowSummaries == ["default.web.app → default.api.app:8080"], "\(value)")
        #expect(warnings.isEmpty, "\(warnings)")
        let flow = try #require(model.flows.first)
        #expect(flow.id == "default.web.app-to-api.app")
        #expect(flow.label == "Service api:80")
        #expect(flow.description == "env API_ADDR of default/web (container app) names Service default/api port 80, which forwards to port 8080 (m.yaml).")
    }

    @Test(arguments: ["api", "8080", "true", "-Xmx64m", "localhost:80", "127.0.0.1:80", "api.unknown-namespace:80", "file:/dev/urandom"])
    func valuesThatProveNothingDrawNothing(value: String) throws {
        let (model, warnings) = try flows(value: value, variable: "SETTING")
        #expect(model.flows.isEmpty, "\(value)")
        #expect(warnings.isEmpty, "\(value)")
    }

    @Test func missingServicesAreReportedNeverInvented() throws {
        let (model, warnings) = try flows(value: "payments:443")
        #expect(model.flows.isEmpty)
        #expect(warnings.map(\.description) == [
            "m.yaml:13:17: warning: env API_ADDR of default/web (container app) names Service default/payments, which is not in the manifests; no flow is drawn",
        ])
        // A bare name:port in a variable that is not named like an address says nothing.
        #expect(try flows(value: "payments:443", variable: "RATIO").1.isEmpty)
        // The cluster-DNS form always names a Service.
        #expect(try flows(value: "zipkin.tracing.svc.cluster.local:9411", variable: "RATIO").1.count == 1)
        let record = try #require(KubernetesImportRecord(of: model))
        #expect(record.unresolved == ["m.yaml:13:17: env API_ADDR of default/web (container app) names Service default/payments, which is not in the manifests; no flow is drawn"])
    }

    @Test func brokenChainsSayWhereTheyBreak() throws {
        let noPort = try flows(value: "api:81")
        #expect(noPort.0.flows.isEmpty)
        #expect(noPort.1.first?.message.contains("names Service default/api with port 81, which the Service does not resolve (its ports: 80)") == true)
        let unnamed = try flows(value: "api:80", extra: []).0
        #expect(unnamed.flows.count == 1)
        let badTarget = try importing(documents(deployment("web", env: "[{name: API_ADDR, value: \"api:80\"}]"),
            deployment("api", ports: "[{containerPort: 8080}]"), service("api")))
        #expect(badTarget.model.flows.isEmpty)
        #expect(badTarget.warnings.first?.message.contains("no container of Deployment default/api has a port named 'http'") == true)
        let nobody = try importing(documents(deployment("web", env: "[{name: API_ADDR, value: \"api:80\"}]"), service("api", selects: "nothing")))
        #expect(nobody.warnings.first?.message.contains("whose selector matches no workload in the manifests") == true)
    }

    @Test func aSelectorThatMatchesSeveralWorkloadsReachesEach() throws {
        let redis = { (role: String) in
            deployment("redis-\(role)", image: "redis:7", ports: "[{containerPort: 6379}]")
                .replacingOccurrences(of: "{app: redis-\(role)}", with: "{app: redis, role: \(role)}")
        }
        let model = try importing(documents(deployment("web", env: "[{name: REDIS, value: \"redis:6379\"}]"), redis("master"), redis("replica"),
            service("redis", ports: "[{port: 6379}]"))).model
        #expect(model.flowSummaries == ["default.web.app → default.redis-master.app:6379", "default.web.app → default.redis-replica.app:6379"])
    }

    @Test func variablesConfigMapsAndMountedFilesAreRead() throws {
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata: {UPSTREAM: \"api:80\", nginx.conf: \"location / { proxy_pass http://db:5432; }\"}"
        let model = try importing(documents(
            deployment("web", env: """
                [{name: HOST, value: api}, {name: ADDR, value: "$(HOST):80"}, {name: ESCAPED, value: "$$(HOST):80"},
                 {name: FROM_MAP, valueFrom: {configMapKeyRef: {name: conf, key: UPSTREAM}}}]
                """),
            deployment("proxy", pod: "volumes: [{name: c, configMap: {name: conf}}]", containerExtra: "volumeMounts: [{name: c, mountPath: /etc/nginx}]"),
            deployment("bulk", containerExtra: "envFrom: [{configMapRef: {name: conf}}]"),
            deployment("api"), service("api"), deployment("db", image: "postgres:16", ports: "[{containerPort: 5432}]"),
            service("db", ports: "[{port: 5432}]"), configMap)).model
        #expect(model.flowSummaries == [
            "default.bulk.app → default.api.app:8080", "default.bulk.app → default.db.app:5432",
            "default.proxy.app → default.api.app:8080", "default.proxy.app → default.db.app:5432",
            "default.web.app → default.api.app:8080",
        ])
        let web = try #require(model.flows.last)
        #expect(web.description == "env ADDR of default/web (container app) names Service default/api port 80, which forwards to port 8080 (m.yaml); env FROM_MAP (ConfigMap conf key UPSTREAM) of default/web (container app) names Service default/api port 80, which forwards to port 8080 (m.yaml).")
    }

    @Test func crossNamespaceExternalNameAndSeveralPortsPerPair() throws {
        let db = deployment("db", namespace: "data", image: "postgres:16", ports: "[{name: sql, containerPort: 5432}, {name: admin, containerPort: 8008}]")
        let model = try importing(documents(
            deployment("web", namespace: "shop", env: "[{name: DB, value: \"db.data:5432\"}, {name: DB_ADMIN, value: \"http://db.data.svc:8008\"}, {name: BANK_URL, value: \"https://bank:443\"}]"),
            db, service("db", namespace: "data", ports: "[{port: 5432, targetPort: sql}, {port: 8008, targetPort: admin}]"),
            "apiVersion: v1\nkind: Service\nmetadata: {name: bank, namespace: shop}\nspec: {type: ExternalName, externalName: api.bank.example, ports: [{port: 443}]}"
        )).model
        #expect(model.flowSummaries == ["shop.web.app → data.db.app:5432", "shop.web.app → data.db.app:8008", "shop.web.app → ext-shop.bank:443"])
        #expect(model.flows.map(\.id) == ["shop.web.app-to-data.db.app-5432", "shop.web.app-to-data.db.app-8008", "shop.web.app-to-ext-shop.bank"])
        #expect(model.flows.map(\.protocol) == ["TCP", "HTTP", "HTTPS"])
        let bank = try #require(model.element("ext-shop.bank"))
        #expect(bank.kind == .external && bank.boundary == nil && bank.label == "api.bank.example")
    }

    @Test func roleBindingsAndAPIAddressesGiveFlowsToTheAPI() throws {
        let binding = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {kind: ClusterRole, name: view}\nsubjects: [{kind: ServiceAccount, name: ops, namespace: tools}]"
        let model = try importing(documents(deployment("operator", namespace: "tools", pod: "serviceAccountName: ops"), binding,
            deployment("lister", env: "[{name: KUBE, value: \"https://kubernetes.default.svc\"}]"))).model
        #expect(model.flowSummaries == ["default.lister.app → kubernetes-api:443", "tools.operator.app → kubernetes-api:443"])
        let api = try #require(model.element("kubernetes-api"))
        #expect(api.kubernetes == KubernetesReference(kind: "Service", name: "kubernetes", namespace: "default"))
        #expect(model.flows.allSatisfy { $0.encryption == .tls && $0.authentication == .serviceAccount })
        // TF117 sees the call: the operator's mounted token is used.
        let findings = Analyzer(today: CalendarDate("2026-01-01")!).analyze(model).findings.filter { $0.ruleID == "TF117" }
        #expect(findings.isEmpty)
    }

    @Test func exposureThroughLoadBalancersNodePortsAndIngresses() throws {
        let ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop}
            spec:
              tls: [{hosts: [shop.example.com], secretName: shop-tls}]
              rules:
                - host: shop.example.com
                  http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
                - host: plain.example.com
                  http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}]}
            """
        let legacy = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: old}
            spec: {backend: {serviceName: admin, servicePort: 80}}
            """
        let result = try importing(documents(deployment("web"), service("web", ports: "[{name: http, port: 80, targetPort: http}]"),
            deployment("admin"), service("admin", type: "NodePort", ports: "[{port: 80, targetPort: 8080, nodePort: 30080}]"),
            deployment("shop"), service("shop-lb", selects: "shop", type: "LoadBalancer"), ingress, legacy))
        let model = result.model
        #expect(model.flowSummaries == [
            "internet-client → default.admin.app:8080", "internet-client → default.admin.app:8080",
            "internet-client → default.shop.app:8080", "internet-client → default.web.app:8080",
        ])
        #expect(model.flows.map(\.label) == ["Ingress old", "NodePort Service admin", "LoadBalancer Service shop-lb", "Ingress shop"])
        #expect(model.boundary("internet")?.kind == .network)
        #expect(model.element("internet-client")?.kind == .actor)
        // The Ingress's TLS covers shop.example.com only, so its flow carries the termination control.
        let tls = try #require(model.flows.last?.controls.first)
        #expect(model.control(tls)?.kind == .tlsTermination)
        #expect(model.flows.last?.description?.contains("route shop.example.com/ to Service web port 80") == true)
        #expect(model.flows.last?.description?.contains("route plain.example.com/ to Service web port 80") == true)
        #expect(result.summary.exposures == 4)
    }

    @Test func loadBalancersWithACertificateTerminateTLS() throws {
        var lb = service("web", type: "LoadBalancer", ports: "[{name: https, port: 443, targetPort: http}]")
        lb = lb.replacingOccurrences(of: "metadata: {name: web}",
            with: "metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-ssl-cert: \"arn:aws:acm:x\", service.beta.kubernetes.io/aws-load-balancer-ssl-ports: https}}")
        let model = try importing(documents(deployment("web"), lb)).model
        #expect(model.flows.first.map { $0.controls.compactMap { model.control($0)?.kind } } == [.tlsTermination])
        let findings = Analyzer(today: CalendarDate("2026-01-01")!).analyze(model).findings
        #expect(!findings.contains { $0.ruleID == "TF121" })
    }
}
