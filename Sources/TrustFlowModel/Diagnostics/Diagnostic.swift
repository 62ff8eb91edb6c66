/// A problem found while reading or checking a model.
///
/// Printed as `file:line:col: error: flows[2].to: message` (see ``description``).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Hashable, Comparable, Sendable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// How bad the problem is; any error means the model is not usable.
    public var severity: Severity
    /// What is wrong: what was expected and what was found, and a suggestion when there is one.
    public var message: String
    /// Where in the model (`flows[2].to`); `nil` for file-level problems.
    public var path: ModelPath?
    /// Where in the source; `nil` only when no location is known at all.
    public var location: SourceLocation?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, path: ModelPath? = nil, location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
    }

    /// `file:line:col: severity: path: message`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): "
        if let path, !path.components.isEmpty { text += "\(path): " }
        return text + message
    }

    /// Orders diagnostics by file, line and column, then by message; unlocated ones first.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (.some(let a), .some(let b)) where a != b: return a < b
            default: return (lhs.path?.description ?? "", lhs.message) < (rhs.path?.description ?? "", rhs.message)
            }
        }
    }
}

/// The errors (and any warnings) that made a model unusable.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic, sorted by location; at least one is an error.
    public var diagnostics: [Diagnostic]

    /// Creates the error from its diagnostics.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = Diagnostic.sorted(diagnostics) }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
