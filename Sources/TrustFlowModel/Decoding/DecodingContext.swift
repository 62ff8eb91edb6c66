/// Collects what decoding one file finds: diagnostics, source locations, and the paths whose
/// problems are already reported (so validation does not report them a second time).
final class DecodingContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sourceMap: SourceMap
    private(set) var reportedPaths: Set<ModelPath> = []

    init(file: String) {
        self.file = file
        self.sourceMap = SourceMap(fallback: SourceLocation(file: file, line: 1, column: 1))
    }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    func record(_ path: ModelPath, at position: SourcePosition) {
        sourceMap.record(location(position), for: path)
    }

    func error(_ message: String, path: ModelPath, at position: SourcePosition) {
        diagnostics.append(Diagnostic(.error, message, path: path, location: location(position)))
        reportedPaths.insert(path)
    }
}
