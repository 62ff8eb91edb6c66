/// Checks a model's meaning: ids, references, boundary nesting, URLs, control kinds and size
/// limits. Decoded files and DSL-built models go through the same checks.
public struct ModelValidator: Sendable {
    /// The limits checked.
    public var limits: ModelLimits

    /// Creates a validator.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Every problem in `model`, located through `sourceMap`. Problems at or under a path in
    /// `reported` were already reported by the decoder and are skipped.
    public func validate(_ model: Model, sourceMap: SourceMap, reported: Set<ModelPath> = []) -> [Diagnostic] {
        var run = ValidationRun(model: model, sourceMap: sourceMap, reported: reported, limits: limits)
        run.checkSizes()
        let index = run.checkIdentifiers()
        run.checkReferences(index)
        run.checkBoundaryNesting(index)
        run.checkElements()
        run.checkKubernetesReferences()
        run.checkControls()
        run.checkAcceptedRisks()
        return Diagnostic.sorted(run.diagnostics)
    }

    /// Whether `id` matches the format's id pattern `^[A-Za-z][A-Za-z0-9_.-]{0,63}$`; importers
    /// use it to keep another tool's ids that are already valid.
    public static func isValidIdentifier(_ id: String) -> Bool { ValidationRun.isValidIdentifier(id) }
}

/// What an id names, for messages like "'web' is an element, not a boundary".
enum IdentifierKind: String {
    case control, boundary, element, flow, threatActor = "threat actor"

    var article: String { self == .element ? "an" : "a" }
}

struct ValidationRun {
    let model: Model
    let sourceMap: SourceMap
    let reported: Set<ModelPath>
    let limits: ModelLimits
    var diagnostics: [Diagnostic] = []
    /// How many more unknown references get a "did you mean" (each costs a scan of every id).
    var suggestionBudget = 100
    /// Candidate ids for suggestions, by the kinds a reference accepts, sorted by declaration.
    var candidateCache: [Set<IdentifierKind>: [String]] = [:]

    init(model: Model, sourceMap: SourceMap, reported: Set<ModelPath>, limits: ModelLimits) {
        self.model = model
        self.sourceMap = sourceMap
        self.reported = reported
        self.limits = limits
    }

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, at path: ModelPath) {
        var prefix: ModelPath? = path
        while let candidate = prefix {
            if reported.contains(candidate) { return }
            prefix = candidate.parent
        }
        diagnostics.append(Diagnostic(severity, message, path: path, location: sourceMap.location(of: path)))
    }

    func describe(_ path: ModelPath) -> String {
        guard let location = sourceMap.location(of: path) else { return "\(path)" }
        return "\(path) at \(location.line):\(location.column)"
    }
}
