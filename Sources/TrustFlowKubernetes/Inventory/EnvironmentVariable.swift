import TrustFlowModel

/// One entry of a container's `env`.
///
/// A literal value is kept because it may name a Service; no stage prints it. A value from a
/// Secret is never read at all: only the Secret's name and key are kept.
public struct EnvironmentVariable: Hashable, Sendable {
    /// Where the variable's value comes from.
    public enum Source: Hashable, Sendable {
        /// `value`, as written (possibly with `$(VAR)` references to earlier variables).
        case literal(String)
        /// `valueFrom.configMapKeyRef`.
        case configMapKey(name: String, key: String, optional: Bool)
        /// `valueFrom.secretKeyRef`: which Secret and key, never the value.
        case secretKey(name: String, key: String, optional: Bool)
        /// `valueFrom.fieldRef` or `resourceFieldRef`: a fact about the pod itself.
        case podField(String)
    }

    public var name: String
    public var source: Source
    public var location: SourceLocation

    /// Creates a variable.
    public init(name: String, source: Source, location: SourceLocation) {
        self.name = name
        self.source = source
        self.location = location
    }
}

/// One entry of a container's `envFrom`: every key of a ConfigMap or a Secret as a variable.
public struct EnvironmentSource: Hashable, Sendable {
    /// What the variables come from.
    public enum Kind: String, Hashable, Sendable {
        case configMap = "ConfigMap", secret = "Secret"
    }

    public var kind: Kind
    public var name: String
    /// `prefix`, put before every key.
    public var prefix: String
    public var optional: Bool
    public var location: SourceLocation

    /// Creates an `envFrom` entry.
    public init(kind: Kind, name: String, prefix: String = "", optional: Bool = false, location: SourceLocation) {
        self.kind = kind
        self.name = name
        self.prefix = prefix
        self.optional = optional
        self.location = location
    }
}
