/// A directed data flow between two elements.
public struct Flow: Hashable, Sendable {
    /// Unique id; a file may leave it out, then it is `FROM-to-TO` (`-2`, `-3` for repeats).
    public var id: String
    /// The element the data leaves.
    public var from: String
    /// The element the data reaches.
    public var to: String
    /// What moves, e.g. `HTTPS request`.
    public var label: String?
    /// Application protocol, e.g. `HTTPS`, `gRPC`, `MySQL`.
    public var `protocol`: String?
    /// Port, 1–65535.
    public var port: Int?
    /// Transport encryption; `nil` means unknown, which rules treat as missing.
    public var encryption: Encryption?
    /// How the receiver authenticates the sender; `nil` means unknown.
    public var authentication: Authentication?
    /// Data carried, e.g. `credentials`, `pii`.
    public var data: [String]
    /// Sensitivity of the data.
    public var classification: Classification?
    /// Data moves both ways; drawn with two arrowheads.
    public var bidirectional: Bool
    /// Ids of the controls applied to the flow.
    public var controls: [String]
    /// Free text.
    public var description: String?

    /// Creates a flow. `id` is required here; ``FlowIdentifiers`` computes the default a file
    /// or the DSL gets when it leaves the id out.
    public init(
        id: String, from: String, to: String, label: String? = nil, protocol: String? = nil,
        port: Int? = nil, encryption: Encryption? = nil, authentication: Authentication? = nil,
        data: [String] = [], classification: Classification? = nil, bidirectional: Bool = false,
        controls: [String] = [], description: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.label = label
        self.protocol = `protocol`
        self.port = port
        self.encryption = encryption
        self.authentication = authentication
        self.data = data
        self.classification = classification
        self.bidirectional = bidirectional
        self.controls = controls
        self.description = description
    }
}

/// Transport encryption of a flow.
public enum Encryption: String, CaseIterable, Hashable, Sendable {
    case none, tls, mtls
}

/// How the receiver of a flow authenticates its sender.
public enum Authentication: String, CaseIterable, Hashable, Sendable {
    case none, password
    case apiToken = "api-token"
    case session, oauth, oidc, mtls, certificate
    case serviceAccount = "service-account"
    case twoFactor = "two-factor"
}

/// Sensitivity of the data a flow carries, least sensitive first.
public enum Classification: String, CaseIterable, Hashable, Comparable, Sendable {
    case `public`, `internal`, confidential, restricted

    public static func < (lhs: Classification, rhs: Classification) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
