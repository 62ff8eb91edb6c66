/// Collects what decoding one file finds: diagnostics, source locations, and the paths whose
/// problems are already reported (so validation does not report them a second time).
///
/// Public so that other located JSON formats (themes) decode with the same messages.
public final class DecodingContext {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var sourceMap: SourceMap
    private(set) var reportedPaths: Set<ModelPath> = []

    /// Starts decoding the file named `file` (as the user wrote it), parsed into `root`.
    public init(file: String, root: SourceNode? = nil) {
        self.file = file
        self.sourceMap = root.map { SourceMap(tree: $0, file: file) } ?? SourceMap(fallback: SourceLocation(file: file, line: 1, column: 1))
    }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }


    /// Marks `path` and everything below it as reported: validation says nothing more there.
    func markReported(_ path: ModelPath) { reportedPaths.insert(path) }

    /// Reports an error at a position.
    public func error(_ message: String, path: ModelPath, at position: SourcePosition) {
        diagnostics.append(Diagnostic(.error, message, path: path, location: location(position)))
        reportedPaths.insert(path)
    }
}
