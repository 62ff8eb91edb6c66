import TrustFlowModel

/// Reads Kubernetes manifests — multi-document YAML, JSON, `kind: List`, the output of
/// `helm template`, `kustomize build` and `kubectl get -o yaml` — into an ``Inventory``.
///
/// Stages: each file is parsed (bounded by ``ManifestLimits``), its documents are unfolded
/// into objects (`List` items one by one), the objects are put in the order of their location
/// (so the order of the files given never shows), each is classified by kind and API group
/// and decoded, an object given twice is merged or refused, and objects that a workload in
/// the input manages are left to that workload. Every problem of every file is reported at
/// once, located; any error means no inventory.
public struct ManifestReader: Sendable {
    public var limits: ManifestLimits
    /// The namespace of objects whose manifests name none (`kubectl apply -n`).
    public var defaultNamespace: String

    /// Creates a reader.
    public init(defaultNamespace: String = KubernetesReference.defaultNamespace, limits: ManifestLimits = .standard) {
        self.defaultNamespace = defaultNamespace
        self.limits = limits
    }

    /// Reads manifests; touches no file (the caller reads the bytes).
    /// - Throws: ``ManifestError`` with every error (and warning) of every file.
    public func read(_ sources: [ManifestSource]) throws(ManifestError) -> ManifestReading {
        let diagnostics = ManifestDiagnostics()
        var run = ReadingRun(reader: self, diagnostics: diagnostics)
        let total = sources.reduce(0) { $0 + $1.bytes.count }
        if total > limits.maxTotalBytes, let first = sources.first {
            diagnostics.error("the manifests are \(total) bytes in all, more than the limit of \(limits.maxTotalBytes)",
                at: SourceLocation(file: first.file.path))
        } else {
            for source in sources where !run.objectLimitReached { run.collect(source) }
        }
        let inventory = run.decode(files: sources.map(\.file))
        if diagnostics.hasErrors { throw ManifestError(diagnostics: diagnostics.diagnostics) }
        return ManifestReading(inventory: inventory, warnings: Diagnostic.sorted(diagnostics.diagnostics))
    }
}

/// One object found in a document, before it is decoded.
struct RawObject {
    let mapping: ManifestMapping
    let node: SourceNode
    var location: SourceLocation { mapping.location }
}

/// The state of one ``ManifestReader/read(_:)``.
struct ReadingRun {
    let reader: ManifestReader
    let diagnostics: ManifestDiagnostics
    var objects: [RawObject] = []
    var objectLimitReached = false

    init(reader: ManifestReader, diagnostics: ManifestDiagnostics) {
        self.reader = reader
        self.diagnostics = diagnostics
    }

    /// Parses a file and collects its objects.
    mutating func collect(_ source: ManifestSource) {
        let path = source.file.path
        let limits = reader.limits.parser
        if source.bytes.count > limits.maxFileBytes {
            diagnostics.error("the file is \(source.bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
                at: SourceLocation(file: path, line: 1, column: 1))
            return
        }
        let roots: [SourceNode]
        do {
            roots = source.isJSON
                ? [try JSONSourceParser(limits: limits).parse(source.bytes)]
                : try YAMLSourceParser(limits: limits).parseDocuments(source.bytes)
        } catch {
            diagnostics.error(error.message, at: SourceLocation(file: path, line: error.position.line, column: error.position.column))
            return
        }
        let scope = ObjectScope(file: path, owner: "a manifest", diagnostics: diagnostics)
        for root in roots where !objectLimitReached { unfold(root, path: .root, scope: scope, depth: 0) }
    }

    /// Adds the object a document holds, or each item of a `List`.
    private mutating func unfold(_ node: SourceNode, path: ModelPath, scope: ObjectScope, depth: Int) {
        guard let mapping = ManifestMapping(node, path: path, what: "a Kubernetes object", scope: scope) else { return }
        if let kind = mapping.node("kind"), case .scalar(let scalar) = kind.value, scalar.text == "List" || scalar.text.hasSuffix("List"),
            mapping.contains("items"), depth < 4
        {
            for item in mapping.items("items") where !objectLimitReached {
                unfold(item.node, path: item.path, scope: scope, depth: depth + 1)
            }
            return
        }
        guard objects.count < reader.limits.maxObjects else {
            diagnostics.error("more than \(reader.limits.maxObjects) Kubernetes objects in the input (the limit of this release)",
                at: mapping.location)
            objectLimitReached = true
            return
        }
        objects.append(RawObject(mapping: mapping, node: node))
    }

    /// Decodes the collected objects, in the order of their location.
    func decode(files: [ManifestFile]) -> Inventory {
        var builder = InventoryBuilder(defaultNamespace: reader.defaultNamespace, diagnostics: diagnostics)
        for object in objects.sorted(by: { $0.location < $1.location }) { builder.add(object) }
        return builder.inventory(files: files)
    }
}
