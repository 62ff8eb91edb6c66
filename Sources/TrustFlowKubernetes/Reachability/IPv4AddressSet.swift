/// A set of IPv4 addresses as sorted, disjoint, non-adjacent ranges: what an `ipBlock` with its
/// `except` holds, and the pieces the outside of the cluster is cut into.
public struct IPv4AddressSet: Hashable, Sendable, CustomStringConvertible {
    /// An inclusive range of addresses.
    public struct Range: Hashable, Comparable, Sendable, CustomStringConvertible {
        public var lower: UInt32
        public var upper: UInt32

        /// Creates a range; `lower <= upper`.
        public init(lower: UInt32, upper: UInt32) {
            self.lower = lower
            self.upper = upper
        }

        /// `10.0.0.0-10.255.255.255`, as np-guard names a piece of the outside.
        public var description: String { IPv4AddressSet.text(lower) + "-" + IPv4AddressSet.text(upper) }

        public static func < (lhs: Range, rhs: Range) -> Bool { (lhs.lower, lhs.upper) < (rhs.lower, rhs.upper) }
    }

    public private(set) var ranges: [Range]

    /// No address.
    public static let empty = IPv4AddressSet(sorted: [])
    /// Every IPv4 address, `0.0.0.0-255.255.255.255`.
    public static let all = IPv4AddressSet(sorted: [Range(lower: 0, upper: UInt32.max)])

    private init(sorted: [Range]) { ranges = sorted }

    /// One range.
    public init(_ range: Range) { ranges = [range] }

    /// The union of any ranges.
    public init(_ ranges: [Range]) {
        var merged: [Range] = []
        for range in ranges.sorted() {
            if let last = merged.last, last.upper == UInt32.max || range.lower <= last.upper + 1 {
                merged[merged.count - 1].upper = max(last.upper, range.upper)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    public var isEmpty: Bool { ranges.isEmpty }

    public func intersection(_ other: IPv4AddressSet) -> IPv4AddressSet {
        var result: [Range] = []
        var left = 0
        var right = 0
        while left < ranges.count, right < other.ranges.count {
            let a = ranges[left]
            let b = other.ranges[right]
            let low = max(a.lower, b.lower)
            let high = min(a.upper, b.upper)
            if low <= high { result.append(Range(lower: low, upper: high)) }
            if a.upper < b.upper { left += 1 } else { right += 1 }
        }
        return IPv4AddressSet(sorted: result)
    }

    public func subtracting(_ other: IPv4AddressSet) -> IPv4AddressSet {
        var result: [Range] = []
        for range in ranges {
            var low = range.lower
            var exhausted = false
            for hole in other.ranges where hole.upper >= low && hole.lower <= range.upper {
                if hole.lower > low { result.append(Range(lower: low, upper: hole.lower - 1)) }
                if hole.upper >= range.upper {
                    exhausted = true
                    break
                }
                low = hole.upper + 1
            }
            if !exhausted { result.append(Range(lower: low, upper: range.upper)) }
        }
        return IPv4AddressSet(sorted: result)
    }

    /// Whether every address of this set is in `other`.
    public func isSubset(of other: IPv4AddressSet) -> Bool { subtracting(other).isEmpty }

    /// Whether no address is in both.
    public func isDisjoint(with other: IPv4AddressSet) -> Bool { intersection(other).isEmpty }

    /// `0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255`.
    public var description: String { ranges.isEmpty ? "no address" : ranges.map(\.description).joined(separator: ", ") }

    /// `10.1.2.3`.
    static func text(_ address: UInt32) -> String {
        "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
    }

    /// The public IPv4 Internet: every address but the private, shared, loopback, link-local,
    /// multicast and reserved ranges (RFC 1918, 6598, 1122, 3927, 5771, 1112). A client "on the
    /// Internet" is somewhere in here; an address the cluster itself uses is not.
    public static let publicInternet: IPv4AddressSet = {
        let reserved = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4"]
        let holes = reserved.compactMap { text -> Range? in
            if case .some(.v4(let range)) = try? CIDRBlock.parse(text) { return range }
            return nil
        }
        return IPv4AddressSet.all.subtracting(IPv4AddressSet(holes))
    }()
}
