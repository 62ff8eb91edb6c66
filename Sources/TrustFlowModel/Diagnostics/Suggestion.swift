/// "Did you mean" suggestions: the closest candidate by edit distance (insertions,
/// deletions, substitutions and swapped neighbours, ignoring case), when it is close enough
/// to be a typo — at most one edit per three characters — rather than a different word.
public enum Suggestion {
    /// The candidate closest to `text`, or `nil` when none is plausibly what was meant.
    /// Ties go to the earliest candidate, so suggestions are deterministic.
    public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(text.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        let threshold = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != text {
            let folded = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(target, folded, limit: threshold)
            if distance <= threshold, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'x'?"`, or the empty string.
    public static func clause(for text: String, among candidates: some Sequence<String>) -> String {
        closest(to: text, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent swaps), giving up early
    /// (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
