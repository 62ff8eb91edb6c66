import Foundation
import Testing
import TrustFlowModel

/// Where the DSL records a declaration or a placement written in a test file, read from the
/// test's own source so the expectations say "here" the way `1️⃣` markers do in model text.
enum SwiftSource {
    /// The location `#fileID`/`#line`/`#column` give a declaration call such as
    /// `Element.process(` on `line`: Swift puts the column at the call's opening parenthesis.
    static func declaration(
        _ call: String, line: Int, fileID: String = #fileID, filePath: String = #filePath
    ) throws -> TrustFlowModel.SourceLocation {
        let column = try column(of: call, line: line, filePath: filePath) + call.unicodeScalars.count - 1
        return TrustFlowModel.SourceLocation(file: fileID, line: line, column: column)
    }

    /// The location a builder records for a placement: where the expression starts.
    static func placement(
        _ expression: String, line: Int, fileID: String = #fileID, filePath: String = #filePath
    ) throws -> TrustFlowModel.SourceLocation {
        TrustFlowModel.SourceLocation(file: fileID, line: line, column: try column(of: expression, line: line, filePath: filePath))
    }

    private static func column(of text: String, line: Int, filePath: String) throws -> Int {
        let source = try String(contentsOf: URL(fileURLWithPath: filePath), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let written = try #require(lines.indices.contains(line - 1) ? lines[line - 1] : nil)
        let range = try #require(written.range(of: text), "'\(text)' is not on line \(line)")
        return written.unicodeScalars.distance(from: written.startIndex, to: range.lowerBound) + 1
    }
}

/// The diagnostics of a model built in Swift: the warnings when it builds, else every
/// diagnostic of the error.
func diagnostics(_ build: () throws(ModelError) -> LoadedModel) -> [Diagnostic] {
    do {
        return try build().warnings
    } catch {
        return error.diagnostics
    }
}
