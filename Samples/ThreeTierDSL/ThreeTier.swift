import TrustFlow

/// The three-tier application of the Kubernetes threat-model material, written in Swift: the
/// same model as `Samples/k8s-three-tier.yaml`, and the same picture.
///
/// Declarations come first and return handles; the model then places them, nested like the
/// diagram. A flow takes handles, so a flow to an element that was never declared does not
/// compile, and every other mistake is reported at its line here.
func threeTierModel() throws(ModelError) -> LoadedModel {
    // Controls, grouped by the boundary they protect.
    let dedicatedCluster = Control.declare("dedicated-cluster", label: "Dedicated production cluster",
        kind: .dedicatedCluster)
    let vpc = Control.declare("vpc", label: "VPC segregation", kind: .vpcSegregation)
    let nodeHardening = Control.declare("node-hardening", label: "Node hardening (CIS benchmark)", kind: .nodeHardening)
    let kubeletAuth = Control.declare("kubelet-auth", label: "Kubelet authn/authz", kind: .kubeletAuth)
    let osPatching = Control.declare("os-patching", label: "Host OS patches", kind: .osPatching)
    let sshRestriction = Control.declare("ssh-restriction", label: "Restricted SSH", kind: .sshRestriction)
    let rbac = Control.declare("rbac", label: "RBAC roles", kind: .rbac)
    let netpol = Control.declare("netpol", label: "NetworkPolicy default-deny", kind: .networkPolicy)
    let podSecurity = Control.declare("pod-security", label: "Pod Security restricted", kind: .podSecurity)
    let podIngressEgress = Control.declare("pod-ingress-egress", label: "Ingress/egress policy", kind: .networkPolicy)
    let apparmor = Control.declare("apparmor", label: "AppArmor profile", kind: .apparmor)
    let seccomp = Control.declare("seccomp", label: "seccomp RuntimeDefault", kind: .seccomp)
    let minimalImage = Control.declare("minimal-image", label: "Minimal base image", kind: .minimalImage)
    // Controls on flows and elements.
    let tlsTermination = Control.declare("tls-termination", label: "TLS termination", kind: .tlsTermination)
    let certValidation = Control.declare("cert-validation", label: "Certificate validation",
        kind: .certificateValidation)
    let userAuth = Control.declare("user-auth", label: "User authentication", kind: .authentication)
    let mtls = Control.declare("mtls", label: "Mutual TLS", kind: .mtls)
    let oauthToken = Control.declare("oauth-token", label: "OAuth access token", kind: .oauth)
    let requestValidation = Control.declare("request-validation", label: "Request validation", kind: .requestValidation)
    let leastPrivilege = Control.declare("least-privilege", label: "Least-privilege SQL account", kind: .leastPrivilege)
    let encryptionAtRest = Control.declare("encryption-at-rest", label: "Encryption at rest", kind: .encryptionAtRest)

    let namespaceControls = [rbac, netpol]
    let podControls = [podSecurity, podIngressEgress]
    let containerControls = [apparmor, seccomp, minimalImage]

    // The parts of the application.
    let user = Element.actor("user", label: "User", description: "A customer using a web browser on the Internet.")
    let nginx = Element.process("nginx", label: "Nginx front end", technology: "nginx",
        controls: [tlsTermination, userAuth],
        description: "Serves HTML/CSS/JS, terminates TLS and authenticates users before proxying.")
    let api = Element.process("api", label: "REST API", technology: "Node.js", controls: [requestValidation],
        description: "Node.js services with REST endpoints.")
    let mysql = Element.datastore("mysql", label: "MySQL", technology: "MySQL 8",
        controls: [leastPrivilege, encryptionAtRest])

    // The boundaries that threat actors target or stand in.
    let prod = Boundary.cluster("prod", label: "Production cluster", controls: [dedicatedCluster, vpc])
    let podAPI = Boundary.pod("pod-api", label: "api pod", controls: podControls)
    let nsDatabase = Boundary.namespace("ns-database", label: "database", controls: namespaceControls)

    return try Model.build(
        "Three-tier web application on Kubernetes",
        description: """
            Users reach an Nginx front end over HTTPS. Nginx terminates TLS, authenticates the user \
            and proxies to a Node.js REST API over mTLS with an OAuth token; the API stores data in \
            MySQL over an encrypted connection with a least-privilege account.
            """
    ) {
        [dedicatedCluster, vpc, nodeHardening, kubeletAuth, osPatching, sshRestriction]
        namespaceControls + podControls + containerControls
        [tlsTermination, certValidation, userAuth, mtls, oauthToken]
        [requestValidation, leastPrivilege, encryptionAtRest]

        // On the Internet.
        user
        ThreatActor.externalAttacker("external-attacker", label: "External attackers", targets: [nginx],
            description: "Scan for exposed endpoints and try to break in from the Internet.")

        prod {
            Boundary.node("worker-1", label: "Worker node 1",
                controls: [nodeHardening, kubeletAuth, osPatching, sshRestriction]
            ) {
                Boundary.namespace("ns-frontend", label: "frontend", controls: namespaceControls) {
                    Boundary.pod("pod-nginx", label: "nginx pod", controls: podControls) {
                        Boundary.container("ctr-nginx", label: "nginx container", controls: containerControls) { nginx }
                    }
                }
                Boundary.namespace("ns-backend", label: "backend", controls: namespaceControls) {
                    podAPI {
                        Boundary.container("ctr-api", label: "api container", controls: containerControls) { api }
                        ThreatActor.compromisedContainer("compromised-container", label: "Compromised container",
                            targets: [mysql, nsDatabase], description: """
                                Exploited through a vulnerability or misconfiguration; tries to move laterally.
                                """)
                    }
                }
                nsDatabase {
                    Boundary.pod("pod-mysql", label: "mysql-0 pod", controls: podControls) {
                        Boundary.container("ctr-mysql", label: "mysql container", controls: containerControls) { mysql }
                    }
                }
            }
        }

        ThreatActor.maliciousInsider("malicious-insider", label: "Malicious insider", targets: [prod],
            description: "Abuses legitimate privileges on the cluster.")

        Flow.from(user, to: nginx, label: "HTTPS request", protocol: "HTTPS", port: 443, encryption: .tls,
            authentication: .session, data: ["credentials", "pii"], classification: .confidential,
            bidirectional: true, controls: [tlsTermination, certValidation, userAuth])
        Flow.from(nginx, to: api, label: "REST call", protocol: "HTTPS", port: 8443, encryption: .mtls,
            authentication: .oauth, data: ["pii"], classification: .confidential, controls: [mtls, oauthToken])
        Flow.from(api, to: mysql, label: "SQL queries", protocol: "MySQL", port: 3306, encryption: .tls,
            authentication: .password, data: ["pii"], classification: .confidential, controls: [leastPrivilege])
    }
}
