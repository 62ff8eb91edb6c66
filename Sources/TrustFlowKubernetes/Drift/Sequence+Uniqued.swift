extension Sequence where Element: Hashable {
    /// The elements without repeats, in first-seen order: reasons and places gathered from
    /// several policies often repeat.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
