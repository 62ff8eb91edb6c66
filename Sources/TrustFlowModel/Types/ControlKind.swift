/// The kind of a security control: one of the known kinds, or any other string.
///
/// Rules only rely on the known kinds. An unknown kind is accepted; the validator warns when
/// it is close to a known one (`netpol` → `network-policy`).
public struct ControlKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The kind as written in the model.
    public var rawValue: String

    /// Wraps any string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: ControlKind, rhs: ControlKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether this is one of ``known``.
    public var isKnown: Bool { ControlKind.known.contains(self) }

    // Cluster.
    public static let dedicatedCluster: ControlKind = "dedicated-cluster"
    public static let vpcSegregation: ControlKind = "vpc-segregation"
    // Node.
    public static let nodeHardening: ControlKind = "node-hardening"
    public static let kubeletAuth: ControlKind = "kubelet-auth"
    public static let osPatching: ControlKind = "os-patching"
    public static let hostFirewall: ControlKind = "host-firewall"
    public static let sshRestriction: ControlKind = "ssh-restriction"
    // Namespace and pod.
    public static let rbac: ControlKind = "rbac"
    public static let networkPolicy: ControlKind = "network-policy"
    public static let podSecurity: ControlKind = "pod-security"
    // Container.
    public static let apparmor: ControlKind = "apparmor"
    public static let seccomp: ControlKind = "seccomp"
    public static let minimalImage: ControlKind = "minimal-image"
    public static let readOnlyRoot: ControlKind = "read-only-root"
    public static let nonRoot: ControlKind = "non-root"
    // Flows and elements.
    public static let tlsTermination: ControlKind = "tls-termination"
    public static let certificateValidation: ControlKind = "certificate-validation"
    public static let authentication: ControlKind = "authentication"
    public static let authorization: ControlKind = "authorization"
    public static let apiToken: ControlKind = "api-token"
    public static let oauth: ControlKind = "oauth"
    public static let mtls: ControlKind = "mtls"
    public static let requestValidation: ControlKind = "request-validation"
    public static let leastPrivilege: ControlKind = "least-privilege"
    public static let encryptionAtRest: ControlKind = "encryption-at-rest"
    public static let rateLimiting: ControlKind = "rate-limiting"
    public static let auditLogging: ControlKind = "audit-logging"
    public static let secretsManagement: ControlKind = "secrets-management"
    public static let waf: ControlKind = "waf"
    // Settings that weaken isolation. They are not protections: they record what a workload
    // is allowed (by `trustflow import k8s`, or by hand) so the diagram shows it and rules flag it.
    public static let privileged: ControlKind = "privileged"
    public static let hostNetwork: ControlKind = "host-network"
    public static let hostPID: ControlKind = "host-pid"
    public static let hostIPC: ControlKind = "host-ipc"
    public static let hostPath: ControlKind = "host-path"
    public static let serviceAccountToken: ControlKind = "service-account-token"
    public static let unpinnedImage: ControlKind = "unpinned-image"
    public static let latestImage: ControlKind = "latest-image"
    public static let noResourceLimits: ControlKind = "no-resource-limits"
    public static let plaintextSecret: ControlKind = "plaintext-secret"

    /// The kinds that record a weakening setting rather than a protection, in the order
    /// FORMAT.md lists them. Rules flag them; nothing counts them as protection.
    public static let weaknesses: [ControlKind] = [
        .privileged, .hostNetwork, .hostPID, .hostIPC, .hostPath, .serviceAccountToken, .unpinnedImage, .latestImage,
        .noResourceLimits, .plaintextSecret,
    ]

    /// Whether this kind records a weakening setting (one of ``weaknesses``).
    public var isWeakness: Bool { ControlKind.weaknesses.contains(self) }

    /// Every kind the format defines, in the order FORMAT.md lists them.
    public static let known: [ControlKind] = [
        .dedicatedCluster, .vpcSegregation,
        .nodeHardening, .kubeletAuth, .osPatching, .hostFirewall, .sshRestriction,
        .rbac, .networkPolicy, .podSecurity,
        .apparmor, .seccomp, .minimalImage, .readOnlyRoot, .nonRoot,
        .tlsTermination, .certificateValidation, .authentication, .authorization, .apiToken, .oauth,
        .mtls, .requestValidation, .leastPrivilege, .encryptionAtRest, .rateLimiting, .auditLogging,
        .secretsManagement, .waf,
    ] + weaknesses

    /// Common other names people write for a known kind, used for "did you mean" warnings.
    static let synonyms: [String: ControlKind] = [
        "netpol": .networkPolicy, "networkpolicy": .networkPolicy, "networkpolicies": .networkPolicy,
        "psp": .podSecurity, "pss": .podSecurity, "psa": .podSecurity,
        "podsecuritypolicy": .podSecurity, "podsecurityadmission": .podSecurity,
        "podsecuritystandards": .podSecurity,
        "apparmour": .apparmor, "seccompprofile": .seccomp, "distroless": .minimalImage,
        "vpc": .vpcSegregation, "kubeletauthn": .kubeletAuth, "kubeletauthentication": .kubeletAuth,
        "hardening": .nodeHardening, "patching": .osPatching, "firewall": .hostFirewall,
        "readonlyrootfilesystem": .readOnlyRoot, "runasnonroot": .nonRoot,
        "tls": .tlsTermination, "https": .tlsTermination, "tlstermination": .tlsTermination, "certvalidation": .certificateValidation,
        "authn": .authentication, "authz": .authorization, "apikey": .apiToken, "oauth2": .oauth,
        "mutualtls": .mtls, "inputvalidation": .requestValidation, "leastprivileges": .leastPrivilege,
        "ratelimit": .rateLimiting, "auditlog": .auditLogging, "auditlogs": .auditLogging,
        "secrets": .secretsManagement, "webapplicationfirewall": .waf,
        "privilegedcontainer": .privileged, "hostnet": .hostNetwork, "hostnamespace": .hostNetwork,
        "automountserviceaccounttoken": .serviceAccountToken, "satoken": .serviceAccountToken,
        "untaggedimage": .latestImage, "nolimits": .noResourceLimits, "plaintextpassword": .plaintextSecret,
    ]
}
