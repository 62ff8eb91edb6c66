extension ValidationRun {
    /// Checks parent cycles (naming the cycle), nesting depth and the nesting order
    /// cluster > node > namespace > pod > container.
    mutating func checkBoundaryNesting(_ index: IdentifierIndex) {
        var positions: [String: Int] = [:]
        for (position, boundary) in model.boundaries.enumerated() where positions[boundary.id] == nil {
            positions[boundary.id] = position
        }
        var reportedCycles: Set<String> = []
        for (position, boundary) in model.boundaries.enumerated() {
            let path = ModelPath("boundaries").appending(position)
            guard let parentID = boundary.parent, parentID != boundary.id, let parentPosition = positions[parentID] else {
                continue
            }
            let parent = model.boundaries[parentPosition]
            if let childRank = boundary.kind.nestingRank, let parentRank = parent.kind.nestingRank, parentRank > childRank {
                report(.warning,
                    "\(boundary.kind.rawValue) '\(boundary.id)' is inside \(parent.kind.rawValue) '\(parent.id)'; the nesting order is cluster > node > namespace > pod > container",
                    at: path.appending("parent"))
            }
            // Walk up; a chain that comes back to a visited boundary is a cycle.
            var chain = [boundary.id]
            var visited: Set<String> = [boundary.id]
            var current = parent
            while true {
                if visited.contains(current.id) {
                    let cycleStart = chain.firstIndex(of: current.id)!
                    let cycle = Array(chain[cycleStart...])
                    if cycleStart == 0, reportedCycles.isDisjoint(with: cycle) {
                        reportedCycles.formUnion(cycle)
                        report(.error, "boundary parents form a cycle: \((cycle + [current.id]).joined(separator: " → "))",
                            at: path.appending("parent"))
                    }
                    break
                }
                chain.append(current.id)
                visited.insert(current.id)
                if chain.count > limits.maxBoundaryDepth {
                    report(.error,
                        "boundaries are nested more than \(limits.maxBoundaryDepth) deep (limit of this release)",
                        at: path.appending("parent"))
                    break
                }
                guard let next = current.parent, let nextPosition = positions[next] else { break }
                current = model.boundaries[nextPosition]
            }
        }
    }
}
