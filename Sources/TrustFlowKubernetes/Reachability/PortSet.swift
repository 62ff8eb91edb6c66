/// A set of transport ports — TCP, UDP and SCTP, 1 to 65535 each — kept as sorted, disjoint,
/// non-adjacent ranges, so that "every port", "TCP 7070" and "TCP 1-79,81-65535" all cost a
/// few ranges and the evaluator's unions and intersections are merges, not per-port work.
public struct PortSet: Hashable, Sendable, CustomStringConvertible {
    /// One range of ports of one protocol.
    public struct Range: Hashable, Sendable {
        public var `protocol`: PortProtocol
        public var lower: Int
        public var upper: Int

        /// Creates a range; `lower...upper` within 1...65535.
        public init(protocol: PortProtocol, lower: Int, upper: Int) {
            self.protocol = `protocol`
            self.lower = lower
            self.upper = upper
        }
    }

    /// The ranges, by protocol (in ``PortSet/protocolOrder``) then by port.
    public private(set) var ranges: [Range]

    /// The lowest and highest port.
    public static let portRange = 1...65535
    /// The order protocols are kept and printed in: alphabetical, as np-guard prints them.
    public static let protocolOrder: [PortProtocol] = PortProtocol.allCases.sorted { $0.rawValue < $1.rawValue }

    private static func rank(_ value: PortProtocol) -> Int {
        switch value {
        case .sctp: 0
        case .tcp: 1
        case .udp: 2
        }
    }

    /// No port.
    public static let empty = PortSet(sortedRanges: [])
    /// Every port of every protocol.
    public static let all = PortSet(sortedRanges: protocolOrder.map { Range(protocol: $0, lower: portRange.lowerBound, upper: portRange.upperBound) })

    private init(sortedRanges: [Range]) { ranges = sortedRanges }

    /// The ports `lower...upper` of one protocol (clamped to 1...65535).
    public init(_ protocol: PortProtocol, _ lower: Int, _ upper: Int) {
        let low = max(lower, PortSet.portRange.lowerBound)
        let high = min(upper, PortSet.portRange.upperBound)
        ranges = low <= high ? [Range(protocol: `protocol`, lower: low, upper: high)] : []
    }

    /// One port of one protocol.
    public init(_ protocol: PortProtocol, port: Int) { self.init(`protocol`, port, port) }

    /// Every port of one protocol.
    public init(allOf protocol: PortProtocol) { self.init(`protocol`, PortSet.portRange.lowerBound, PortSet.portRange.upperBound) }

    public var isEmpty: Bool { ranges.isEmpty }
    public var isAll: Bool { self == PortSet.all }

    /// Whether `port` of `protocol` is in the set.
    public func contains(_ protocol: PortProtocol, port: Int) -> Bool {
        ranges.contains { $0.protocol == `protocol` && $0.lower <= port && port <= $0.upper }
    }

    /// How many ports the set holds, over all protocols.
    public var count: Int { ranges.reduce(0) { $0 + $1.upper - $1.lower + 1 } }

    /// The ports of one protocol.
    public func ranges(of protocol: PortProtocol) -> [Range] { ranges.filter { $0.protocol == `protocol` } }

    // MARK: Set algebra, as merges of sorted ranges

    private static func precedes(_ a: Range, _ b: Range) -> Bool {
        (rank(a.protocol), a.lower) < (rank(b.protocol), b.lower)
    }

    /// Both sets' ports.
    public func union(_ other: PortSet) -> PortSet {
        if other.ranges.isEmpty || self == other { return self }
        if ranges.isEmpty { return other }
        var merged: [Range] = []
        merged.reserveCapacity(ranges.count + other.ranges.count)
        var left = 0
        var right = 0
        while left < ranges.count || right < other.ranges.count {
            let next: Range
            if right == other.ranges.count || (left < ranges.count && PortSet.precedes(ranges[left], other.ranges[right])) {
                next = ranges[left]
                left += 1
            } else {
                next = other.ranges[right]
                right += 1
            }
            if let last = merged.last, last.protocol == next.protocol, next.lower <= last.upper + 1 {
                merged[merged.count - 1].upper = max(last.upper, next.upper)
            } else {
                merged.append(next)
            }
        }
        return PortSet(sortedRanges: merged)
    }

    /// The ports in both sets.
    public func intersection(_ other: PortSet) -> PortSet {
        if ranges.isEmpty || other.ranges.isEmpty { return .empty }
        if isAll { return other }
        if other.isAll || self == other { return self }
        var result: [Range] = []
        var left = 0
        var right = 0
        while left < ranges.count, right < other.ranges.count {
            let a = ranges[left]
            let b = other.ranges[right]
            if a.protocol == b.protocol {
                let low = max(a.lower, b.lower)
                let high = min(a.upper, b.upper)
                if low <= high { result.append(Range(protocol: a.protocol, lower: low, upper: high)) }
                if a.upper < b.upper { left += 1 } else { right += 1 }
            } else if PortSet.rank(a.protocol) < PortSet.rank(b.protocol) {
                left += 1
            } else {
                right += 1
            }
        }
        return PortSet(sortedRanges: result)
    }

    /// The ports of this set that `other` does not hold.
    public func subtracting(_ other: PortSet) -> PortSet {
        if ranges.isEmpty || other.ranges.isEmpty { return self }
        if other.isAll { return .empty }
        var result: [Range] = []
        var right = 0
        for range in ranges {
            var low = range.lower
            while right < other.ranges.count,
                PortSet.rank(other.ranges[right].protocol) < PortSet.rank(range.protocol)
                    || (other.ranges[right].protocol == range.protocol && other.ranges[right].upper < low)
            {
                right += 1
            }
            var cursor = right
            while low <= range.upper, cursor < other.ranges.count, other.ranges[cursor].protocol == range.protocol,
                other.ranges[cursor].lower <= range.upper
            {
                let hole = other.ranges[cursor]
                if hole.lower > low { result.append(Range(protocol: range.protocol, lower: low, upper: hole.lower - 1)) }
                low = max(low, hole.upper + 1)
                if hole.upper <= range.upper { cursor += 1 } else { break }
            }
            if low <= range.upper { result.append(Range(protocol: range.protocol, lower: low, upper: range.upper)) }
        }
        return PortSet(sortedRanges: result)
    }

    /// Whether every port of this set is in `other`.
    public func isSubset(of other: PortSet) -> Bool { subtracting(other).isEmpty }

    // MARK: Text

    /// np-guard's connection text: `All Connections`, `No Connections`, or each protocol with its
    /// ports, protocols in alphabetical order: `TCP 8080`, `SCTP 1-65535,TCP 1-79,81-65535,UDP 53`.
    public var description: String {
        if isAll { return "All Connections" }
        if isEmpty { return "No Connections" }
        return PortSet.protocolOrder.compactMap { value -> String? in
            let own = ranges(of: value)
            guard !own.isEmpty else { return nil }
            return value.rawValue + " " + own.map { $0.lower == $0.upper ? String($0.lower) : "\($0.lower)-\($0.upper)" }
                .joined(separator: ",")
        }.joined(separator: ",")
    }
}
