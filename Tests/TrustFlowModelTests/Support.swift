import Testing
import TrustFlowModel
import TrustFlowTestSupport

/// Loads a marked YAML or JSON text and returns its diagnostics (empty when it loads).
func diagnostics(of source: MarkedSource, format: ModelFormat = .yaml, file: String = "model.yaml") -> [Diagnostic] {
    do {
        let loaded = try ModelLoader().load(source.bytes, file: file, format: format)
        return loaded.warnings
    } catch {
        return error.diagnostics
    }
}

/// Expects exactly one diagnostic containing `message` at `marker`.
func expectDiagnostic(
    _ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity, containing message: String,
    at position: (line: Int, column: Int), path: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let matching = diagnostics.filter { $0.message.contains(message) }
    guard let diagnostic = matching.first else {
        Issue.record("no diagnostic contains \"\(message)\"; got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
        return
    }
    #expect(matching.count == 1, "more than one diagnostic contains \"\(message)\"", sourceLocation: sourceLocation)
    #expect(diagnostic.severity == severity, sourceLocation: sourceLocation)
    #expect(diagnostic.location?.line == position.line, "line of: \(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.location?.column == position.column, "column of: \(diagnostic)", sourceLocation: sourceLocation)
    if let path { #expect(diagnostic.path?.description == path, sourceLocation: sourceLocation) }
}

func load(_ text: String, format: ModelFormat = .yaml) throws -> LoadedModel {
    try ModelLoader().load(Array(text.utf8), file: "model.\(format.rawValue)", format: format)
}
