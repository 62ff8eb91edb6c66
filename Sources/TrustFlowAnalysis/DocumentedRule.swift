/// What every TrustFlow rule tells about itself, whatever it checks — a model (``Rule``) or a
/// model against Kubernetes manifests (the drift check's rules): what reports, SARIF's rule
/// list and the documentation show.
public protocol DocumentedRule: Sendable {
    /// Stable id, e.g. `TF103`; never reused for a different check.
    var id: String { get }
    /// A short PascalCase name (SARIF's `name`).
    var name: String { get }
    /// A one-line summary.
    var title: String { get }
    /// The severity of a typical finding; some findings are raised above it.
    var defaultSeverity: Severity { get }
    /// Why it matters.
    var rationale: String { get }
    /// What to do about it.
    var remediation: String { get }
}

extension Rule: DocumentedRule {}
