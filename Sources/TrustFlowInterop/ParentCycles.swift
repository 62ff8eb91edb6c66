import TrustFlowModel

/// Cycles in a "parent" relation — trust zones, trust boundaries, components nested in each
/// other — found in linear time, each once.
enum ParentCycles {
    /// Each cycle as the chain of ids from its first member in `order` back to that member
    /// (`a › b › a`), in the order of those first members. Every node is walked once: a hostile
    /// file's chain of fifty thousand parents must not be walked from each of its nodes.
    static func find(in order: [String], parent: (String) -> String?) -> [[String]] {
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var finished: Set<String> = []
        var cycles: [[String]] = []
        for start in order where !finished.contains(start) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current: String? = start
            while let node = current, !finished.contains(node) {
                if let index = onPath[node] {
                    let members = Array(path[index...])
                    let first = members.indices.min { position[members[$0]] ?? .max < position[members[$1]] ?? .max }!
                    let rotated = Array(members[first...] + members[..<first])
                    cycles.append(rotated + [rotated[0]])
                    break
                }
                onPath[node] = path.count
                path.append(node)
                current = parent(node)
            }
            finished.formUnion(path)
        }
        return cycles.sorted { position[$0[0]] ?? .max < position[$1[0]] ?? .max }
    }

    /// `a › b › a`, each id shortened for a message.
    static func describe(_ cycle: [String]) -> String {
        cycle.map { SourceNode.excerpt($0) }.joined(separator: " › ")
    }
}
