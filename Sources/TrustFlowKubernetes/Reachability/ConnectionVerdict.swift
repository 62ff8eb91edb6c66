/// What NetworkPolicies let through from one end to another: the ports allowed for sure, the
/// ports that may be allowed (what decides them is not in the manifests), and — implicitly —
/// every other port denied.
public struct ConnectionVerdict: Hashable, Sendable {
    /// The verdict on one port, or on a whole connection.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case allowed, unknown, denied
    }

    /// Ports allowed whatever the unknowns turn out to be.
    public var allowed: PortSet
    /// Ports that may be allowed; disjoint from ``allowed``.
    public var unknown: PortSet

    /// Creates a verdict; `unknown` is cut down to what `allowed` does not hold.
    public init(allowed: PortSet, unknown: PortSet = .empty) {
        self.allowed = allowed
        self.unknown = unknown.subtracting(allowed)
    }

    public static let denied = ConnectionVerdict(allowed: .empty)
    public static let allowedAll = ConnectionVerdict(allowed: .all)

    /// Allowed when some port is allowed; unknown when none is but some may be; else denied.
    public var kind: Kind { !allowed.isEmpty ? .allowed : unknown.isEmpty ? .denied : .unknown }

    /// The verdict on one port.
    public func kind(_ protocol: PortProtocol, port: Int) -> Kind {
        allowed.contains(`protocol`, port: port) ? .allowed : unknown.contains(`protocol`, port: port) ? .unknown : .denied
    }
}
