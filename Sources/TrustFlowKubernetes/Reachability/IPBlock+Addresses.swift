extension IPBlock {
    /// The IPv4 addresses the block holds: its `cidr` less every `except`. Empty for an IPv6
    /// block, and for text the reader would have refused.
    public var ipv4Addresses: IPv4AddressSet {
        guard let outer = try? CIDRBlock.parse(cidr) else { return .empty }
        let holes = except.compactMap { try? CIDRBlock.parse($0) }.map(\.ipv4)
        return holes.reduce(outer.ipv4) { $0.subtracting($1) }
    }

    /// `10.0.0.0/8 except 10.1.0.0/16`, for messages.
    public var summary: String { cidr + (except.isEmpty ? "" : " except " + except.joined(separator: ", ")) }
}
