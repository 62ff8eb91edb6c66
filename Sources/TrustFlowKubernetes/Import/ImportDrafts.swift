import TrustFlowModel

/// The items of an import before their ids are known: each is named by a key that says what
/// it is (`pod:shop/Deployment/web`), so ids can be given to all of them at once.
struct BoundaryDraft {
    var key: String
    var label: String
    var kind: BoundaryKind
    var parent: String?
    var controls: [String] = []
    var description: String
    var reference: KubernetesReference?
    var location: SourceLocation?
}

struct ElementDraft {
    var key: String
    var label: String
    var kind: ElementKind
    var boundary: String?
    var technology: String?
    var description: String
    var reference: KubernetesReference?
    var location: SourceLocation?
}

struct ControlDraft {
    var key: String
    var candidate: String
    var label: String
    var kind: ControlKind
    var description: String
    var location: SourceLocation?
}

struct FlowDraft {
    var key: String
    var candidate: String
    var from: String
    var to: String
    var label: String
    var `protocol`: String?
    var port: Int?
    var encryption: Encryption?
    var authentication: Authentication?
    var controls: [String] = []
    /// What made the flow, one sentence each (several variables may name the same Service).
    var reasons: [String]
    var locations: [SourceLocation]
}
