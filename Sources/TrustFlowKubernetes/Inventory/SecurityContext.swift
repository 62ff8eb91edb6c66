import TrustFlowModel

/// A pod's or a container's `securityContext`: only what isolation depends on. At pod level
/// `privileged`, `allowPrivilegeEscalation`, `readOnlyRootFilesystem` and `capabilities` do
/// not exist and stay `nil`; a container's value wins over its pod's.
public struct SecurityContext: Hashable, Sendable {
    public var privileged: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var runAsNonRoot: Bool?
    public var runAsUser: Int?
    /// `capabilities.add`, as written.
    public var addedCapabilities: [String]
    /// `capabilities.drop`, as written (`all` in lower case is kept as it is: runtimes read it
    /// as ALL, Pod Security "restricted" does not).
    public var droppedCapabilities: [String]
    public var seccompProfile: SecurityProfile?
    public var appArmorProfile: SecurityProfile?
    public var location: SourceLocation

    /// Creates a security context.
    public init(
        privileged: Bool? = nil, allowPrivilegeEscalation: Bool? = nil, readOnlyRootFilesystem: Bool? = nil,
        runAsNonRoot: Bool? = nil, runAsUser: Int? = nil, addedCapabilities: [String] = [],
        droppedCapabilities: [String] = [], seccompProfile: SecurityProfile? = nil,
        appArmorProfile: SecurityProfile? = nil, location: SourceLocation
    ) {
        self.privileged = privileged
        self.allowPrivilegeEscalation = allowPrivilegeEscalation
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.runAsNonRoot = runAsNonRoot
        self.runAsUser = runAsUser
        self.addedCapabilities = addedCapabilities
        self.droppedCapabilities = droppedCapabilities
        self.seccompProfile = seccompProfile
        self.appArmorProfile = appArmorProfile
        self.location = location
    }
}

/// A seccomp or AppArmor profile: from `seccompProfile`/`appArmorProfile`, or an AppArmor
/// annotation (`runtime/default`, `localhost/NAME`, `unconfined`).
public struct SecurityProfile: Hashable, Sendable {
    /// The profile's type.
    public enum Kind: Hashable, Sendable {
        case runtimeDefault
        case localhost(String?)
        case unconfined
        /// A type Kubernetes does not define, as written.
        case other(String)
    }

    public var kind: Kind
    public var location: SourceLocation

    /// Creates a profile.
    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Whether the profile confines the container (RuntimeDefault or a localhost profile).
    public var confines: Bool {
        switch kind {
        case .runtimeDefault, .localhost: true
        case .unconfined, .other: false
        }
    }

    /// `RuntimeDefault`, `Localhost audit.json`, `Unconfined`.
    public var summary: String {
        switch kind {
        case .runtimeDefault: "RuntimeDefault"
        case .localhost(let profile): "Localhost" + (profile.map { " " + $0 } ?? "")
        case .unconfined: "Unconfined"
        case .other(let text): text
        }
    }
}
