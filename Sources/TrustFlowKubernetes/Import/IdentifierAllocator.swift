/// Gives every imported item a valid, unique, readable id that depends only on what the item
/// is, never on the order of the manifests.
///
/// Kubernetes names are up to 253 characters and may hold dots; a TrustFlow id is a letter and
/// at most 63 more letters, digits, `_`, `.` or `-`. Each item proposes an id from its names
/// (`default.frontend.server`); characters an id cannot hold become `-`, and an id that is
/// too long, or that two items propose, is shortened and given a hash of the item's full
/// identity (`default.a-very-long-name-…-k3v9x0qa`), so it stays the same across imports.
struct IdentifierAllocator {
    private var requests: [(key: String, candidate: String)] = []
    private var assigned: [String: String] = [:]

    static let maxLength = 64

    /// Asks for an id for the item identified by `key` (unique among all items).
    mutating func request(_ candidate: String, for key: String) {
        requests.append((key, IdentifierAllocator.sanitized(candidate)))
    }

    /// Assigns every requested id; call once, after every request.
    mutating func resolve(reserved: Set<String> = []) {
        var proposals: [String: String] = [:]
        for (key, candidate) in requests {
            proposals[key] = candidate.count > Self.maxLength ? Self.shortened(candidate, key: key, hashLength: 8) : candidate
        }
        var hashLength = 8
        while true {
            var owners: [String: [String]] = [:]
            for (key, id) in proposals { owners[id, default: []].append(key) }
            let clashes = owners.filter { $0.value.count > 1 || reserved.contains($0.key) }
            if clashes.isEmpty { break }
            for (_, keys) in clashes {
                for key in keys {
                    let candidate = requests.first { $0.key == key }!.candidate
                    proposals[key] = Self.shortened(candidate, key: key, hashLength: hashLength)
                }
            }
            hashLength += 2
        }
        assigned = proposals
    }

    /// The id assigned to `key`.
    func id(_ key: String) -> String {
        guard let id = assigned[key] else { preconditionFailure("no id was requested for \(key)") }
        return id
    }

    /// `candidate` cut to leave room for `-` and a hash of `key`.
    static func shortened(_ candidate: String, key: String, hashLength: Int) -> String {
        var prefix = String(candidate.prefix(maxLength - 1 - hashLength))
        while prefix.hasSuffix("-") || prefix.hasSuffix(".") { prefix.removeLast() }
        return prefix + "-" + StableHash.of(key, length: hashLength)
    }

    /// Only characters an id may hold, starting with a letter.
    static func sanitized(_ candidate: String) -> String {
        var result = String(candidate.unicodeScalars.map { scalar -> Character in
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            return isLetter || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." || scalar == "-" ? Character(scalar) : "-"
        })
        if let first = result.unicodeScalars.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
            result = "k" + result
        }
        return result.isEmpty ? "k" : result
    }
}
