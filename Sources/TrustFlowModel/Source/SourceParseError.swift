/// A syntax error that stops a JSON or YAML file from being read at all.
public struct SourceParseError: Error, Hashable, Sendable {
    /// What is wrong, e.g. `expected ',' or '}' after an object member, found ']'`.
    public var message: String
    /// Where the parser stopped.
    public var position: SourcePosition

    /// Creates the error.
    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }
}
