import Testing
import TrustFlow
@testable import TrustFlowKubernetes
import TrustFlowTestSupport

@Suite("Kubernetes importer: controls")
struct ImporterControlTests {
    static let hardened = deployment("web", image: "web:1@sha256:aa", pod: """
        serviceAccountName: web
        automountServiceAccountToken: false
        securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, appArmorProfile: {type: RuntimeDefault}}
        """, containerExtra: """
        securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
        resources: {limits: {cpu: 100m, memory: 64Mi}}
        """)

    @Test func aHardenedContainerGetsEveryProtectionAndNoWeakness() throws {
        let model = try importing(Self.hardened).model
        #expect(model.controlKinds(of: "ctr-default.web.app") == ["seccomp", "apparmor", "non-root", "read-only-root", "least-privilege"])
        #expect(model.controlKinds(of: "pod-default.web") == ["rbac"])
        #expect(model.control("pod-default.web.service-account")?.label == "ServiceAccount web")
    }

    @Test func aBareContainerRecordsWhatItIsAllowed() throws {
        let model = try importing(deployment("web", image: "web")).model
        #expect(model.controlKinds(of: "ctr-default.web.app") == ["no-resource-limits", "latest-image"])
        #expect(model.controlKinds(of: "pod-default.web") == ["service-account-token"])
        #expect(model.control("pod-default.web.service-account-token")?.label == "token of ServiceAccount default mounted")
    }

    @Test func aContainerOverridesItsPodAndUnconfinedIsOff() throws {
        let model = try importing(deployment("web", image: "web:1@sha256:aa", pod: """
            securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
            """, containerExtra: """
            securityContext: {runAsNonRoot: false, seccompProfile: {type: Unconfined}}
            resources: {limits: {cpu: 1, memory: 1Gi}}
            """)).model
        #expect(model.controlKinds(of: "ctr-default.web.app") == [])
    }

    @Test func appArmorFromTheAnnotationAndLowerCaseAll() throws {
        var manifest = deployment("web", image: "web:1@sha256:aa", containerExtra: """
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [all]}}
            resources: {limits: {cpu: 1, memory: 1Gi}}
            """)
        manifest = manifest.replacingOccurrences(of: "metadata: {labels: {app: web}}",
            with: "metadata: {labels: {app: web}, annotations: {container.apparmor.security.beta.kubernetes.io/app: localhost/strict}}")
        let model = try importing(manifest).model
        #expect(model.controlKinds(of: "ctr-default.web.app") == ["apparmor", "least-privilege"])
        #expect(model.control("ctr-default.web.app.apparmor")?.label == "AppArmor Localhost strict")
        #expect(model.control("ctr-default.web.app.least-privilege")?.description?.contains("'all' in lower case") == true)
    }

    @Test func weakeningSettingsAreRecorded() throws {
        let model = try importing(deployment("agent", image: "agent:2", pod: """
            hostNetwork: true
            hostPID: true
            hostIPC: true
            volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}, {name: tmp, emptyDir: {}}]
            """, containerExtra: """
            securityContext: {privileged: true}
            resources: {limits: {memory: 64Mi}}
            """)).model
        #expect(model.controlKinds(of: "pod-default.agent") == ["service-account-token", "host-network", "host-pid", "host-ipc", "host-path"])
        #expect(model.control("pod-default.agent.host-path.sock")?.label == "hostPath /var/run/docker.sock")
        #expect(model.controlKinds(of: "ctr-default.agent.app") == ["privileged", "no-resource-limits", "unpinned-image"])
        #expect(model.control("ctr-default.agent.app.no-resource-limits")?.label == "no CPU limit")
    }

    @Test func aServiceAccountThatSaysNoToTokensIsHonoured() throws {
        let account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: quiet}\nautomountServiceAccountToken: false"
        let model = try importing(documents(deployment("web", pod: "serviceAccountName: quiet"), account)).model
        #expect(!model.controlKinds(of: "pod-default.web").contains("service-account-token"))
        let loud = try importing(documents(deployment("web", pod: "serviceAccountName: quiet\nautomountServiceAccountToken: true"), account)).model
        #expect(loud.controlKinds(of: "pod-default.web").contains("service-account-token"))
    }

    @Test(arguments: [
        ("DB_PASSWORD", "s3cret", true), ("API_KEY", "abc-unique-17", true), ("GITHUB_TOKEN", "ghp_unique18", true), ("client-secret", "zq9-unique", true),
        ("PASSWORD_FILE", "/run/secrets/db", false), ("TOKEN_TTL", "3600", false), ("AUTH_TOKEN", "$(FROM_SECRET)", false),
        ("SECRET_ENABLED", "true", false), ("CACHE_KEY_PREFIX", "web", false), ("DB_PASSWORD", "", false),
        ("DATABASE_URL", "postgres://app:letmein@db:5432/app", true), ("DATABASE_URL", "postgres://app:$(DB_PASSWORD)@db:5432/app", false),
    ])
    func plaintextSecretsByNameAndURL(name: String, value: String, flagged: Bool) throws {
        let model = try importing(deployment("web", env: "[{name: \(name), value: \"\(value)\"}]")).model
        let control = model.controls.first { $0.kind == .plaintextSecret }
        #expect((control != nil) == flagged)
        if flagged {
            #expect(control?.label == "plain env \(name)")
            #expect(!yaml(model).contains(value), "the value is never copied")
        }
    }

    @Test func namespaceControlsComeFromLabelsPoliciesAndBindings() throws {
        let model = try importing(documents(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: baseline}}",
            deployment("web", namespace: "shop"), deployment("api", namespace: "shop"),
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: readers, namespace: shop}\nroleRef: {kind: Role, name: reader}\nsubjects: [{kind: User, name: alice}]"
        )).model
        #expect(model.controlKinds(of: "ns-shop") == ["pod-security", "network-policy", "rbac"])
        #expect(model.control("ns-shop.network-policy")?.label == "NetworkPolicy deny")
        // Every pod shares the namespace's Pod Security control and has its own policy control.
        #expect(model.boundary("pod-shop.web")?.controls.contains("ns-shop.pod-security") == true)
        #expect(model.control("pod-shop.web.network-policy")?.label == "NetworkPolicy Ingress and Egress")
        // `privileged` and an unselected namespace give nothing.
        let open = try importing(documents(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: privileged}}",
            deployment("web", namespace: "shop"))).model
        #expect(open.controlKinds(of: "ns-shop") == [])
    }

    @Test func aNamespaceWhosePodsAreAllSelectedIsIsolatedToo() throws {
        let policy = { (app: String) in
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(app)}\nspec: {podSelector: {matchLabels: {app: \(app)}}}"
        }
        let all = try importing(documents(deployment("web"), deployment("api"), policy("web"), policy("api"))).model
        #expect(all.control("ns-default.network-policy")?.label == "every pod selected by a NetworkPolicy")
        let some = try importing(documents(deployment("web"), deployment("api"), policy("web"))).model
        #expect(some.control("ns-default.network-policy") == nil)
        #expect(some.controlKinds(of: "pod-default.api") == ["service-account-token"])
    }

    @Test func secretsInUseAreAControl() throws {
        let model = try importing(deployment("web", env: "[{name: T, valueFrom: {secretKeyRef: {name: creds, key: t}}}]", pod: """
            volumes: [{name: tls, secret: {secretName: web-tls}}]
            """, containerExtra: "volumeMounts: [{name: tls, mountPath: /tls}]")).model
        #expect(model.control("ctr-default.web.app.secrets")?.label == "Secret creds, web-tls")
    }
}
