import TrustFlowModel

/// The security settings a container runs with: its own where it states them, else its
/// pod's, else Kubernetes' default — what both the importer and the drift check compare.
public struct EffectiveSecurity: Hashable, Sendable {
    /// The seccomp profile (container, then pod); `nil` when neither says (the runtime's
    /// default is then Unconfined unless the kubelet is told otherwise).
    public var seccomp: SecurityProfile?
    /// The AppArmor profile: the container's field, its annotation
    /// (`container.apparmor.security.beta.kubernetes.io/NAME`), then the pod's field.
    public var appArmor: SecurityProfile?
    public var runAsNonRoot: Bool?
    public var runAsUser: Int?
    public var privileged: Bool
    public var allowPrivilegeEscalation: Bool?
    public var readOnlyRootFilesystem: Bool
    /// Whether `capabilities.drop` holds ALL in any case (runtimes read `all` as ALL).
    public var dropsAllCapabilities: Bool
    /// Whether that ALL is written other than in capitals, which Pod Security "restricted" refuses.
    public var dropsAllInLowerCase: Bool

    /// Whether the container cannot run as root: `runAsNonRoot`, or a user id other than 0.
    public var isNonRoot: Bool { (runAsNonRoot == true && runAsUser != 0) || (runAsUser.map { $0 > 0 } ?? false) }
}

extension PodTemplate {
    /// The annotation that set a container's AppArmor profile before Kubernetes 1.30.
    public static func appArmorAnnotation(for container: String) -> String {
        "container.apparmor.security.beta.kubernetes.io/" + container
    }

    /// What `container` of this pod effectively runs with.
    public func effectiveSecurity(of container: Container) -> EffectiveSecurity {
        let own = container.securityContext
        let pod = securityContext
        var appArmor = own?.appArmorProfile
        if appArmor == nil, let annotation = annotations[PodTemplate.appArmorAnnotation(for: container.name)] {
            let kind: SecurityProfile.Kind = switch annotation {
            case "runtime/default": .runtimeDefault
            case "unconfined": .unconfined
            case _ where annotation.hasPrefix("localhost/"): .localhost(String(annotation.dropFirst("localhost/".count)))
            default: .other(annotation)
            }
            appArmor = SecurityProfile(kind: kind, location: container.location)
        }
        let dropped = own?.droppedCapabilities ?? []
        return EffectiveSecurity(
            seccomp: own?.seccompProfile ?? pod?.seccompProfile,
            appArmor: appArmor ?? pod?.appArmorProfile,
            runAsNonRoot: own?.runAsNonRoot ?? pod?.runAsNonRoot,
            runAsUser: own?.runAsUser ?? pod?.runAsUser,
            privileged: own?.privileged ?? false,
            allowPrivilegeEscalation: own?.allowPrivilegeEscalation,
            readOnlyRootFilesystem: own?.readOnlyRootFilesystem ?? false,
            dropsAllCapabilities: dropped.contains { $0.uppercased() == "ALL" },
            dropsAllInLowerCase: dropped.contains { $0.uppercased() == "ALL" } && !dropped.contains("ALL"))
    }
}
