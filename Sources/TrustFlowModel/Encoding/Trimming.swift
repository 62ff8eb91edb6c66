
extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks and other
    /// Unicode white space).
    package func trimmingWhitespace() -> SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
