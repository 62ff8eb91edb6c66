/// Every connection between an inventory's workloads and the pieces of the outside: the
/// result of ``NetworkPolicyEvaluator/reachability()``.
public struct Reachability: Sendable {
    /// One pair of ends with what passes between them.
    public struct Connection: Hashable, Sendable {
        /// Positions in ``Reachability/endpoints``.
        public var source: Int
        public var destination: Int
        public var verdict: ConnectionVerdict
    }

    /// The workloads (in inventory order), then the pieces of the outside (in address order).
    public let endpoints: [ReachabilityEndpoint]
    /// Every pair that is not denied, by source then destination position. Pairs of two
    /// pieces of the outside, and of an end with itself, are not NetworkPolicy's business and
    /// are left out.
    public let connections: [Connection]
    private let positions: [Int: Int]

    /// Creates a result.
    public init(endpoints: [ReachabilityEndpoint], connections: [Connection]) {
        self.endpoints = endpoints
        self.connections = connections
        var positions: [Int: Int] = [:]
        positions.reserveCapacity(connections.count)
        for (position, connection) in connections.enumerated() {
            positions[connection.source * endpoints.count + connection.destination] = position
        }
        self.positions = positions
    }

    /// What passes from the end at `source` to the end at `destination` (positions in ``endpoints``).
    public func verdict(from source: Int, to destination: Int) -> ConnectionVerdict {
        positions[source * endpoints.count + destination].map { connections[$0].verdict } ?? .denied
    }

    /// The allowed connections in np-guard's `list` format, one line each, sorted by source
    /// then destination name as np-guard sorts them (byte order):
    /// `default/frontend[Deployment] => default/cartservice[Deployment] : TCP 7070`.
    public func connectionList(in inventory: Inventory) -> [String] {
        let names = endpoints.map { $0.name(in: inventory) }
        return connections.filter { !$0.verdict.allowed.isEmpty }.map { connection in
            (names[connection.source], names[connection.destination], connection.verdict.allowed.description)
        }.sorted { lhs, rhs in
            lhs.0 != rhs.0 ? lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8) : lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8)
        }.map { "\($0.0) => \($0.1) : \($0.2)" }
    }
}
