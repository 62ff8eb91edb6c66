/// A set of workload positions as bits: the evaluator asks "does this peer select that
/// workload" for every pair, and a bit test is the cheapest answer.
struct WorkloadSet: Sendable {
    private var words: [UInt64]

    init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

    mutating func insert(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }

    func contains(_ position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The positions in the set, ascending.
    var positions: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(index << 6 + bit)
                rest &= rest - 1
            }
        }
        return result
    }
}
