import TrustFlowModel

/// Collects what reading manifests finds wrong, in any file, to report all of it at once.
final class ManifestDiagnostics {
    private(set) var diagnostics: [Diagnostic] = []

    /// Whether an error was reported.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation, path: ModelPath? = nil) {
        diagnostics.append(Diagnostic(.error, message, path: path, location: location))
    }

    func warning(_ message: String, at location: SourceLocation, path: ModelPath? = nil) {
        diagnostics.append(Diagnostic(.warning, message, path: path, location: location))
    }
}

/// Where a value being read belongs: its file, the object it is part of (named in messages)
/// and the collector.
struct ObjectScope {
    let file: String
    /// `Deployment shop/web`, or `a manifest` before the object's identity is known.
    let owner: String
    let diagnostics: ManifestDiagnostics

    func location(_ node: SourceNode) -> SourceLocation { location(node.position) }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// Reports an error about `node` at `path`, naming the object.
    func error(_ message: String, at node: SourceNode, path: ModelPath) {
        diagnostics.error("\(message) (in \(owner))", at: location(node), path: path)
    }

    func error(_ message: String, at position: SourcePosition, path: ModelPath) {
        diagnostics.error("\(message) (in \(owner))", at: location(position), path: path)
    }
}
