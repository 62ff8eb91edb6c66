/// A CIDR block as an `ipBlock` writes it: `10.0.0.0/8`, `2001:db8::/32`.
///
/// IPv4 blocks are evaluated as address ranges; IPv6 blocks are checked for form only, since
/// the outside of the cluster is evaluated as the IPv4 space, as np-guard does.
public enum CIDRBlock: Hashable, Sendable {
    case v4(IPv4AddressSet.Range)
    case v6(String)

    /// Why a text is not a CIDR block.
    public struct ParseError: Error, Hashable, Sendable {
        public var message: String
    }

    /// Parses `address/prefix`; host bits may be set (Kubernetes accepts them) and are ignored.
    /// - Throws: ``ParseError`` saying what is wrong with the text.
    public static func parse(_ text: String) throws(ParseError) -> CIDRBlock {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw ParseError(message: "expected an address and a prefix length, such as 10.0.0.0/8") }
        let isV6 = parts[0].contains(":")
        let maximum = isV6 ? 128 : 32
        guard let prefix = Int(parts[1]), parts[1].allSatisfy(\.isASCII), (0...maximum).contains(prefix) else {
            throw ParseError(message: "the prefix length must be a number from 0 to \(maximum)")
        }
        if isV6 {
            guard isIPv6Address(parts[0]) else { throw ParseError(message: "'\(parts[0])' is not an IPv6 address") }
            return .v6(text)
        }
        guard let address = ipv4Address(parts[0]) else { throw ParseError(message: "'\(parts[0])' is not an IPv4 address") }
        let hostBits = UInt32(32 - prefix)
        let mask: UInt32 = hostBits == 32 ? 0 : ~UInt32(0) << hostBits
        return .v4(IPv4AddressSet.Range(lower: address & mask, upper: (address & mask) | ~mask))
    }

    /// The IPv4 addresses of the block (none for an IPv6 block).
    public var ipv4: IPv4AddressSet {
        if case .v4(let range) = self { return IPv4AddressSet(range) }
        return .empty
    }

    static func ipv4Address(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var address: UInt32 = 0
        for octet in octets {
            // Leading zeros are refused, as Go's parser (and so Kubernetes) refuses them.
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                octet == "0" || !octet.hasPrefix("0"), let value = UInt32(octet), value <= 255
            else { return nil }
            address = address << 8 | value
        }
        return address
    }

    static func isIPv6Address(_ text: Substring) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (position, half) in halves.enumerated() where !half.isEmpty {
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                let isLast = position == halves.count - 1 && index == pieces.count - 1
                if isLast, piece.contains(".") {
                    guard ipv4Address(piece) != nil else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        var result: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            result.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        result.append(rest)
        return result
    }
}
