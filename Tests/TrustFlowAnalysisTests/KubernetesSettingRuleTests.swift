import Testing
import TrustFlowAnalysis
import TrustFlowModel

/// `secureBase` with a control `weak` of `kind`, listed where `old` (which names the item's
/// controls) becomes `new`.
func base(recording kind: String, label: String, replacing old: String, with new: String) -> String {
    base(appending: "  - {id: weak, label: \"\(label)\", kind: \(kind)}", after: "  - {id: lp, kind: least-privilege}")
        .replacingOccurrences(of: old, with: new)
}

/// The front container with `weak` among its controls.
func frontContainer(recording kind: String, label: String) -> String {
    base(recording: kind, label: label, replacing: "parent: pod-front, controls: [seccomp]}", with: "parent: pod-front, controls: [weak, seccomp]}")
}

@Suite("TF114–TF120 weakening settings")
struct KubernetesSettingRuleTests {
    @Test func privilegedContainer() throws {
        let found = try findings("TF114", in: frontContainer(recording: "privileged", label: "privileged"))
        #expect(found.map(\.target.id) == ["ctr-front"])
        #expect(found.first?.severity == .critical)
        #expect(found.first?.message == "container 'ctr-front' runs privileged ('privileged'): it has the node's capabilities and devices")
        #expect(try findings("TF114", in: secureBase).isEmpty)
    }

    @Test func hostNamespaces() throws {
        for kind in ["host-network", "host-pid", "host-ipc"] {
            let found = try findings("TF115", in: base(recording: kind, label: kind,
                replacing: "{id: pod-api, kind: pod, parent: ns-back, controls: [pss]}",
                with: "{id: pod-api, kind: pod, parent: ns-back, controls: [pss, weak]}"))
            #expect(found.map(\.target.id) == ["pod-api"], "\(kind)")
        }
        #expect(try findings("TF115", in: secureBase).isEmpty)
    }

    @Test func hostPathVolume() throws {
        let found = try findings("TF116", in: base(recording: "host-path", label: "hostPath /var/run/docker.sock",
            replacing: "{id: pod-front, kind: pod, parent: ns-front, controls: [pss]}",
            with: "{id: pod-front, kind: pod, parent: ns-front, controls: [pss, weak]}"))
        #expect(found.map(\.target.id) == ["pod-front"])
        #expect(found.first?.message.contains("'hostPath /var/run/docker.sock'") == true)
        #expect(try findings("TF116", in: secureBase).isEmpty)
    }

    @Test func aTokenWhereNoAPIIsCalled() throws {
        let mounted = base(recording: "service-account-token", label: "token mounted",
            replacing: "{id: pod-front, kind: pod, parent: ns-front, controls: [pss]}",
            with: "{id: pod-front, kind: pod, parent: ns-front, controls: [pss, weak]}")
        let found = try findings("TF117", in: mounted)
        #expect(found.map(\.target.id) == ["pod-front"])
        #expect(found.first?.severity == .medium)
        #expect(try findings("TF117", in: secureBase).isEmpty)
    }

    @Test func aTokenThatTheAPIFlowNeedsIsFine() throws {
        let mounted = base(recording: "service-account-token", label: "token mounted",
            replacing: "{id: pod-front, kind: pod, parent: ns-front, controls: [pss]}",
            with: "{id: pod-front, kind: pod, parent: ns-front, controls: [pss, weak]}")
        let callsAPI = mounted
            .replacingOccurrences(of: "  - {id: db, kind: datastore",
                with: "  - {id: k8s-api, kind: process, boundary: cluster, k8s: {kind: Service, name: kubernetes, namespace: default}}\n  - {id: db, kind: datastore")
            .replacingOccurrences(of: "threatActors:", with: "  - {id: f4, from: front, to: k8s-api, encryption: tls, authentication: service-account}\nthreatActors:")
        #expect(try findings("TF117", in: callsAPI).isEmpty)
        // A flow to some other process is no API call.
        let callsElse = callsAPI.replacingOccurrences(of: "k8s: {kind: Service, name: kubernetes, namespace: default}", with: "technology: kube")
        #expect(try findings("TF117", in: callsElse).map(\.target.id) == ["pod-front"])
    }

    @Test func imagesByTagAndByLatest() throws {
        let tag = try findings("TF118", in: frontContainer(recording: "unpinned-image", label: "image tag 1.2"))
        #expect(tag.map(\.severity) == [.low])
        let latest = try findings("TF118", in: frontContainer(recording: "latest-image", label: "image tag latest"))
        #expect(latest.map(\.severity) == [.medium])
        #expect(latest.first?.message.contains("by latest or no tag at all") == true)
        #expect(try findings("TF118", in: secureBase).isEmpty)
    }

    @Test func noResourceLimits() throws {
        let found = try findings("TF119", in: frontContainer(recording: "no-resource-limits", label: "no memory limit"))
        #expect(found.map(\.target.id) == ["ctr-front"])
        #expect(try findings("TF119", in: secureBase).isEmpty)
    }

    @Test func plaintextSecretsAreNamedOnePerVariable() throws {
        var model = frontContainer(recording: "plaintext-secret", label: "plain env DB_PASSWORD")
        model = model.replacingOccurrences(of: "controls: [weak, seccomp]", with: "controls: [weak, weak2, seccomp]")
            .replacingOccurrences(of: "  - {id: weak,", with: "  - {id: weak2, label: \"plain env API_TOKEN\", kind: plaintext-secret}\n  - {id: weak,")
        let found = try findings("TF120", in: model)
        #expect(found.map(\.message) == [
            "container 'ctr-front' passes a secret as a plain environment value: 'plain env API_TOKEN'",
            "container 'ctr-front' passes a secret as a plain environment value: 'plain env DB_PASSWORD'",
        ])
        #expect(try findings("TF120", in: secureBase).isEmpty)
    }

    @Test func aSettingOnAnElementCountsToo() throws {
        let found = try findings("TF114", in: base(recording: "privileged", label: "privileged",
            replacing: "{id: api, kind: process, boundary: pod-api}", with: "{id: api, kind: process, boundary: pod-api, controls: [weak]}"))
        #expect(found.map(\.target.id) == ["api"])
    }

    @Test func weakeningSettingsAreNoProtectionForTF113() throws {
        // The targeted element's only control records a weakness: it is still unprotected.
        let model = base(replacing: "{id: front, kind: process, boundary: ctr-front, controls: [tls-term, authn]}",
            with: "{id: front, kind: process, boundary: ctr-front, controls: [weak]}")
            .replacingOccurrences(of: "  - {id: lp, kind: least-privilege}", with: "  - {id: lp, kind: least-privilege}\n  - {id: weak, kind: privileged}")
        #expect(try findings("TF113", in: model).map(\.target.id) == ["front"])
    }
}

@Suite("TF121 exposed without TLS")
struct TF121Tests {
    /// The base's entry flow `f1` (user → front) reaching a Kubernetes workload.
    static let exposed = base(replacing: "{id: front, kind: process, boundary: ctr-front, controls: [tls-term, authn]}",
        with: "{id: front, kind: process, boundary: ctr-front, controls: [authn], k8s: {kind: Deployment, name: front, container: web}}")

    @Test func aWorkloadReachedFromOutsideWithoutTLS() throws {
        let plain = Self.exposed.replacingOccurrences(of: "protocol: HTTPS, encryption: tls", with: "protocol: HTTP")
        let found = try findings("TF121", in: plain)
        #expect(found.map(\.target.id) == ["f1"])
        #expect(found.first?.severity == .high)
        #expect(found.first?.message.contains("(Deployment front container web) from outside the cluster with no TLS termination") == true)
    }

    @Test func tlsOnTheFlowOrATerminationInFrontIsEnough() throws {
        #expect(try findings("TF121", in: Self.exposed).isEmpty)
        let terminated = Self.exposed.replacingOccurrences(of: "protocol: HTTPS, encryption: tls, authentication: session}",
            with: "protocol: HTTP, authentication: session, controls: [tls-term]}")
        #expect(try findings("TF121", in: terminated).isEmpty)
    }

    @Test func onlyKubernetesWorkloadsAreConcerned() throws {
        let plain = secureBase.replacingOccurrences(of: "protocol: HTTPS, encryption: tls", with: "protocol: HTTP")
        #expect(try findings("TF121", in: plain).isEmpty)
    }
}
