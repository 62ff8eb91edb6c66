import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Manifest reader")
struct ManifestReaderTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: web:1, ports: [{name: http, containerPort: 8080}]}]
        """

    @Test func multiDocumentStreamsListsAndEmptyDocumentsAreRead() throws {
        let read = try inventory("""
            # Source: chart/templates/web.yaml
            ---
            \(Self.deployment)
            ---
            ---
            apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}}
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: conf, namespace: other}, data: {a: "1", b: x}}
            """)
        #expect(read.workloads.map(\.metadata.identity.description) == ["Deployment default/web"])
        #expect(read.services.map(\.name) == ["web"])
        #expect(read.services[0].ports[0].targetPort == .name("http"))
        #expect(read.configMaps.map { "\($0.metadata.namespace!)/\($0.metadata.name)" } == ["other/conf"])
        #expect(read.configMaps[0].entries.map(\.key) == ["a", "b"])
    }

    @Test func jsonFilesAndKubectlDumpsAreRead() throws {
        let dump = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop",
                "managedFields": [{"manager": "kubectl"}], "resourceVersion": "7"},
               "spec": {"selector": {"matchLabels": {"app": "web"}},
                        "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "app", "image": "web:1"}]}}},
               "status": {"replicas": 1}},
              {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "web-6d4", "namespace": "shop",
                "ownerReferences": [{"kind": "Deployment", "name": "web", "controller": true}]},
               "spec": {"template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "app", "image": "web:1"}]}}}},
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web-6d4-x7", "namespace": "shop",
                "ownerReferences": [{"kind": "ReplicaSet", "name": "web-6d4", "controller": true}]},
               "spec": {"containers": [{"name": "app", "image": "web:1"}]}},
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "orphan", "namespace": "shop",
                "ownerReferences": [{"kind": "ReplicaSet", "name": "gone", "controller": true}]},
               "spec": {"containers": [{"name": "app", "image": "web:1"}]}}
            ]}
            """
        let read = try reading([("dump.json", dump)]).inventory
        // The Deployment stands for its ReplicaSet and Pods; a Pod whose owner is not in the dump stays.
        #expect(read.workloads.map(\.metadata.identity.description) == ["Pod shop/orphan", "Deployment shop/web"])
        #expect(read.skipped.map { "\($0.kind) \($0.name!): \($0.reason.rawValue)" } == [
            "ReplicaSet web-6d4: managed by a workload in the input", "Pod web-6d4-x7: managed by a workload in the input",
        ])
    }

    @Test func unknownKindsAndCustomResourcesAreSkippedAndCounted() throws {
        let read = try reading([("m.yaml", """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            ---
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: hello}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l7}
            ---
            note: not a Kubernetes object at all
            """)])
        #expect(read.inventory.services.isEmpty, "a Knative Service is no Kubernetes Service")
        #expect(read.inventory.skipped.map { "\($0.kind):\($0.reason.rawValue)" } == [
            "PodDisruptionBudget:kind not modelled", "CustomResourceDefinition:custom resource", "Service:custom resource",
            "CiliumNetworkPolicy:custom resource",
        ])
        #expect(read.inventory.skipped[3].apiVersion == "cilium.io/v2")
        #expect(read.warnings.map(\.description) == ["m.yaml:17:1: warning: not a Kubernetes object (no 'kind' or 'apiVersion'); skipped"])
    }

    @Test func everyWorkloadKindAndItsPodTemplateIsRead() throws {
        let read = try inventory("""
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: rc}
            spec:
              selector: {app: rc}
              template: {metadata: {labels: {app: rc}}, spec: {containers: [{name: c, image: i}]}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: cron}
            spec:
              schedule: "* * * * *"
              jobTemplate: {spec: {template: {metadata: {labels: {app: cron}}, spec: {containers: [{name: c, image: i}]}}}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: job}
            spec: {template: {spec: {containers: [{name: c, image: i}]}}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: ds}
            spec: {selector: {matchLabels: {app: ds}}, template: {metadata: {labels: {app: ds}}, spec: {containers: [{name: c, image: i}]}}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: sts}
            spec:
              selector: {matchLabels: {app: sts}}
              template:
                metadata: {labels: {app: sts}}
                spec:
                  initContainers:
                    - {name: setup, image: i}
                    - {name: proxy, image: i, restartPolicy: Always}
                  containers: [{name: c, image: i}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: bare, labels: {app: bare}}
            spec: {containers: [{name: c, image: i}]}
            """)
        #expect(read.workloads.map { "\($0.kind.rawValue) \($0.name)" } == [
            "Pod bare", "CronJob cron", "DaemonSet ds", "Job job", "ReplicationController rc", "StatefulSet sts",
        ])
        let rc = try #require(read.workloads.first { $0.kind == .replicationController })
        #expect(rc.selector?.matchLabels == ["app": "rc"])
        #expect(read.workloads.first { $0.kind == .cronJob }?.template.labels == ["app": "cron"])
        #expect(read.workloads.first { $0.kind == .pod }?.template.labels == ["app": "bare"])
        #expect(read.workloads.last?.template.containers.map { "\($0.name):\($0.role.rawValue)" } == ["setup:init", "proxy:sidecar", "c:app"])
    }

    @Test func securityFactsAreTypedWithYAML11Booleans() throws {
        let read = try inventory("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations: {container.apparmor.security.beta.kubernetes.io/c: localhost/strict}
            spec:
              hostNetwork: yes
              hostPID: on
              automountServiceAccountToken: no
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
                - name: c
                  image: i
                  securityContext:
                    privileged: Yes
                    capabilities: {add: [NET_ADMIN], drop: [all]}
                    seccompProfile: {type: Localhost, localhostProfile: audit.json}
                  env:
                    - {name: PORT, value: 8080}
                    - name: TOKEN
                      valueFrom: {secretKeyRef: {name: creds, key: token}}
                    - name: MODE
                      valueFrom: {configMapKeyRef: {name: conf, key: mode, optional: true}}
                  envFrom: [{configMapRef: {name: all}, prefix: APP_}]
              volumes:
                - {name: root, hostPath: {path: /}}
                - {name: tok, projected: {sources: [{serviceAccountToken: {path: t}}, {secret: {name: s}}]}}
            """)
        let pod = try #require(read.workloads.first).template
        #expect(pod.hostNetwork && pod.hostPID && !pod.hostIPC)
        #expect(pod.automountServiceAccountToken == false)
        let container = pod.containers[0]
        let security = pod.effectiveSecurity(of: container)
        #expect(security.privileged)
        #expect(security.seccomp?.kind == .localhost("audit.json"))
        #expect(security.appArmor?.kind == .localhost("strict"))
        #expect(security.dropsAllCapabilities && security.dropsAllInLowerCase)
        #expect(container.env.map(\.source) == [
            .literal("8080"), .secretKey(name: "creds", key: "token", optional: false), .configMapKey(name: "conf", key: "mode", optional: true),
        ])
        #expect(container.envFrom.map { "\($0.kind.rawValue) \($0.name) \($0.prefix)" } == ["ConfigMap all APP_"])
        #expect(pod.volumes.map(\.source) == [.hostPath("/"), .projected(configMaps: [], secrets: ["s"], serviceAccountToken: true)])
    }

    @Test func secretValuesAreNeverRead() throws {
        let read = try inventory("""
            apiVersion: v1
            kind: Secret
            metadata: {name: creds}
            type: Opaque
            data: {password: aHVudGVyMg==, "api-key": [not, even, text]}
            stringData: {token: plain-value}
            """)
        #expect(read.secrets.map(\.keys) == [["api-key", "password", "token"]])
        #expect(!"\(read.secrets)".contains("aHVudGVyMg"))
        #expect(!"\(read.secrets)".contains("plain-value"))
    }

    @Test func networkPoliciesAreTypedFully() throws {
        let read = try inventory("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector:
                matchLabels: {app: api}
                matchExpressions: [{key: tier, operator: NotIn, values: [debug]}]
              egress:
                - to:
                    - namespaceSelector: {matchLabels: {team: data}}
                      podSelector: {matchExpressions: [{key: role, operator: Exists}]}
                    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                  ports:
                    - {protocol: TCP, port: 5432}
                    - {protocol: UDP, port: 30000, endPort: 30100}
                    - {port: metrics}
              ingress:
                - {}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: all, namespace: shop}
            spec:
              podSelector:
              policyTypes: [Ingress]
            """)
        let api = try #require(read.networkPolicies.first { $0.name == "api" })
        #expect(api.declaredPolicyTypes == nil)
        #expect(api.policyTypes == [.ingress, .egress], "egress rules make it an Egress policy by default")
        #expect(api.ingress.count == 1 && api.ingress[0].peers.isEmpty && api.ingress[0].ports.isEmpty)
        let peers = api.egress[0].peers
        #expect(peers[0].namespaceSelector?.matchLabels == ["team": "data"])
        #expect(peers[0].podSelector?.matchExpressions == [LabelRequirement(key: "role", operator: .exists)])
        #expect(peers[1].ipBlock == IPBlock(cidr: "10.0.0.0/8", except: ["10.1.0.0/16"]))
        #expect(api.egress[0].ports.map { "\($0.protocol.rawValue) \($0.port?.description ?? "*") \($0.endPort.map(String.init) ?? "")" } == [
            "TCP 5432 ", "UDP 30000 30100", "TCP metrics ",
        ])
        #expect(api.podSelector.matches(["app": "api"]))
        #expect(!api.podSelector.matches(["app": "api", "tier": "debug"]))
        #expect(api.metadata.location == SourceLocation(file: "m.yaml", line: 1, column: 1))
        let all = try #require(read.networkPolicies.first { $0.name == "all" })
        #expect(all.podSelector.isEmpty && all.policyTypes == [.ingress])
    }

    @Test func labelRequirementsFollowKubernetes() {
        let labels = ["app": "web", "tier": "front"]
        let location = SourceLocation(file: "m")
        #expect(LabelRequirement(key: "app", operator: .in, values: ["web", "api"]).matches(labels))
        #expect(!LabelRequirement(key: "app", operator: .notIn, values: ["web"]).matches(labels))
        #expect(LabelRequirement(key: "zone", operator: .notIn, values: ["a"]).matches(labels), "NotIn holds for an absent label")
        #expect(LabelRequirement(key: "tier", operator: .exists).matches(labels))
        #expect(LabelRequirement(key: "zone", operator: .doesNotExist).matches(labels))
        #expect(LabelSelector(location: location).matches([:]), "an empty selector selects everything")
        #expect(!LabelSelector(matchLabels: ["app": "api"], location: location).matches(labels))
    }

    @Test func objectsWithoutANamespaceGoToTheOneGiven() throws {
        let read = try inventory(Self.deployment, namespace: "staging")
        #expect(read.workloads[0].namespace == "staging")
        #expect(read.namespaceNames == ["staging"])
    }
}
