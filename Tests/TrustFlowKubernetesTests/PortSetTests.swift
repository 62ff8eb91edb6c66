import Testing
import TrustFlow
import TrustFlowTestSupport

/// Port sets against sets of single ports: every operation on ranges must agree with the same
/// operation done port by port.
@Suite("Port sets")
struct PortSetTests {
    /// A small world of ports, so that brute force is exhaustive: ports 1–12 of each protocol,
    /// and the top of the range.
    static let ports = Array(1...12) + [65534, 65535]

    static func members(_ set: PortSet) -> Set<String> {
        var result: Set<String> = []
        for portProtocol in PortProtocol.allCases {
            for port in ports where set.contains(portProtocol, port: port) { result.insert("\(portProtocol.rawValue) \(port)") }
        }
        return result
    }

    static func random(_ generator: inout SplitMix64) -> PortSet {
        var set = PortSet.empty
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            let portProtocol = PortProtocol.allCases.randomElement(using: &generator)!
            let lower = [1, 2, 3, 5, 8, 11, 65534].randomElement(using: &generator)!
            let upper = lower + [0, 0, 1, 3, 65535].randomElement(using: &generator)!
            set = set.union(PortSet(portProtocol, lower, upper))
        }
        return set
    }

    @Test func operationsAgreeWithSetsOfPorts() {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<2_000 {
            let a = Self.random(&generator)
            let b = Self.random(&generator)
            #expect(Self.members(a.union(b)) == Self.members(a).union(Self.members(b)), "\(a) ∪ \(b)")
            #expect(Self.members(a.intersection(b)) == Self.members(a).intersection(Self.members(b)), "\(a) ∩ \(b)")
            #expect(Self.members(a.subtracting(b)) == Self.members(a).subtracting(Self.members(b)), "\(a) − \(b)")
            #expect(a.union(b) == b.union(a), "the representation is canonical")
            if a.isSubset(of: b) { #expect(Self.members(a).isSubset(of: Self.members(b)), "\(a) ⊆ \(b)") }
            #expect(a.intersection(b).isSubset(of: a) && a.isSubset(of: a.union(b)))
        }
    }

    @Test func textIsNpGuards() {
        #expect(PortSet.all.description == "All Connections")
        #expect(PortSet.empty.description == "No Connections")
        #expect(PortSet(.tcp, port: 7070).description == "TCP 7070")
        let allButTCP80 = PortSet.all.subtracting(PortSet(.tcp, port: 80))
        #expect(allButTCP80.description == "SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535")
        #expect(PortSet(.udp, port: 53).union(PortSet(.tcp, port: 53)).description == "TCP 53,UDP 53")
        #expect(PortSet(.tcp, 80, 81).union(PortSet(.udp, 80, 81)).description == "TCP 80-81,UDP 80-81")
        #expect(PortSet(.tcp, 1, 10).union(PortSet(.tcp, 11, 20)).ranges.count == 1, "adjacent ranges merge")
    }
}
