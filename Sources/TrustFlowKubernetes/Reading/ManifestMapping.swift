import TrustFlowModel

/// One mapping of a manifest, read leniently: Kubernetes objects have hundreds of fields, so
/// unknown keys are ignored, but every value TrustFlow reads is checked, and a value of the
/// wrong type is a located error naming the object.
///
/// `null` counts as absent, as Kubernetes reads it. Booleans follow YAML 1.1 (`yes`, `off`),
/// as `kubectl` does, so `privileged: yes` is not mistaken for text.
struct ManifestMapping {
    let entries: [(key: SourceNode.Key, value: SourceNode)]
    let position: SourcePosition
    let path: ModelPath
    let scope: ObjectScope

    /// Returns `nil` for `null`, and (after reporting) for anything but a mapping.
    init?(_ node: SourceNode, path: ModelPath, what: String, scope: ObjectScope) {
        switch node.value {
        case .mapping(let entries):
            self.entries = entries
        case .scalar(let scalar) where scalar.kind == .null:
            return nil
        default:
            scope.error("expected \(what) (a mapping), found \(ManifestMapping.shape(of: node))", at: node, path: path)
            return nil
        }
        self.position = node.position
        self.path = path
        self.scope = scope
        reportDuplicateKeys()
    }

    private init(entries: [(key: SourceNode.Key, value: SourceNode)], position: SourcePosition, path: ModelPath, scope: ObjectScope) {
        self.entries = entries
        self.position = position
        self.path = path
        self.scope = scope
    }

    /// The same mapping, its messages naming another owner (once the object's identity is
    /// known); its keys are not checked again.
    func rescoped(_ scope: ObjectScope) -> ManifestMapping {
        ManifestMapping(entries: entries, position: position, path: path, scope: scope)
    }

    /// Kubernetes rejects a mapping that gives a key twice; which one it would take is not
    /// something a threat model should guess.
    private func reportDuplicateKeys() {
        guard entries.count > 1 else { return }
        var seen: [String: SourcePosition] = [:]
        for (key, _) in entries {
            if let first = seen[key.text] {
                let shown = SourceNode.excerpt(key.text)
                scope.error("duplicate key '\(shown)' (first written at \(first.line):\(first.column))", at: key.position,
                    path: path.appending(shown))
            } else {
                seen[key.text] = key.position
            }
        }
    }

    /// What a node is, for messages, without its text: a value in a manifest can be a secret.
    static func shape(of node: SourceNode) -> String {
        switch node.value {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: "text"
            case .integer: "an integer"
            case .float: "a number"
            case .boolean: "a boolean"
            case .null: "null"
            }
        }
    }

    /// The value of `key`; `nil` when absent or `null`.
    func node(_ key: String) -> SourceNode? {
        guard let node = entries.first(where: { $0.key.text == key })?.value else { return nil }
        if case .scalar(let scalar) = node.value, scalar.kind == .null { return nil }
        return node
    }

    /// Whether `key` is written, even as `null`.
    func contains(_ key: String) -> Bool { entries.contains { $0.key.text == key } }

    func location(_ node: SourceNode) -> SourceLocation { scope.location(node) }

    /// Where the mapping starts.
    var location: SourceLocation { scope.location(position) }

    /// The mapping under `key`.
    func mapping(_ key: String, what: String) -> ManifestMapping? {
        guard let node = node(key) else { return nil }
        return ManifestMapping(node, path: path.appending(key), what: what, scope: scope)
    }

    /// The items of the list under `key` with their paths; a non-list is reported.
    func items(_ key: String) -> [(node: SourceNode, path: ModelPath)] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let items) = node.value else {
            scope.error("expected a list, found \(ManifestMapping.shape(of: node))", at: node, path: path.appending(key))
            return []
        }
        let listPath = path.appending(key)
        return items.enumerated().map { ($1, listPath.appending($0)) }
    }

    /// The mappings of the list under `key`.
    func mappings(_ key: String, what: String) -> [ManifestMapping] {
        items(key).compactMap { ManifestMapping($0.node, path: $0.path, what: what, scope: scope) }
    }

    /// Text: a string, or with `lenient` any scalar as written (Kubernetes fields that are
    /// text but often written as numbers, such as label values).
    func string(_ key: String, required: Bool = false, lenient: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { scope.error("missing required key '\(key)'", at: position, path: path.appending(key)) }
            return nil
        }
        return ManifestMapping.text(node, path: path.appending(key), lenient: lenient, scope: scope)
    }

    /// The longest name Kubernetes accepts (a DNS subdomain), and so the longest TrustFlow reads.
    static let maxNameLength = 253

    /// A name (of an object, a container, a port, a variable): text of at most 253 characters.
    func name(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard text.unicodeScalars.count <= Self.maxNameLength else {
            scope.error("a name of \(text.unicodeScalars.count) characters is longer than \(Self.maxNameLength), the longest Kubernetes accepts",
                at: node(key)!, path: path.appending(key))
            return nil
        }
        return text
    }

    static func text(_ node: SourceNode, path: ModelPath, lenient: Bool, scope: ObjectScope) -> String? {
        guard case .scalar(let scalar) = node.value, scalar.kind == .string || (lenient && scalar.kind != .null) else {
            scope.error("expected text, found \(shape(of: node))", at: node, path: path)
            return nil
        }
        return scalar.text
    }

    /// An integer in `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, what: String = "an integer") -> Int? {
        guard let node = node(key) else { return nil }
        return ManifestMapping.integer(node, in: range, what: what, path: path.appending(key), scope: scope)
    }

    static func integer(_ node: SourceNode, in range: ClosedRange<Int>, what: String, path: ModelPath, scope: ObjectScope) -> Int? {
        guard case .scalar(let scalar) = node.value, scalar.kind == .integer, let value = Int(scalar.text), range.contains(value)
        else {
            let found = if case .scalar(let scalar) = node.value, scalar.kind == .integer { SourceNode.excerptText(scalar.text) } else { shape(of: node) }
            scope.error("expected \(what), found \(found)", at: node, path: path)
            return nil
        }
        return value
    }

    /// A boolean, YAML 1.1 spellings included.
    func boolean(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if case .scalar(let scalar) = node.value {
            switch scalar.text {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON": return true
            case "false", "False", "FALSE", "no", "No", "NO", "n", "N", "off", "Off", "OFF": return false
            default: break
            }
        }
        scope.error("expected true or false, found \(ManifestMapping.shape(of: node))", at: node, path: path.appending(key))
        return nil
    }

    /// A port by number (1–65535) or by name.
    func portReference(_ key: String) -> PortReference? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node.value, scalar.kind == .integer || scalar.kind == .string else {
            scope.error("expected a port number or name, found \(ManifestMapping.shape(of: node))", at: node, path: path.appending(key))
            return nil
        }
        if scalar.kind == .string { return .name(scalar.text) }
        guard let number = Int(scalar.text), (1...65535).contains(number) else {
            scope.error("expected a port number from 1 to 65535, found \(SourceNode.excerptText(scalar.text))", at: node,
                path: path.appending(key))
            return nil
        }
        return .number(number)
    }

    /// A mapping of text to text (labels, annotations, a selector); values as written.
    func stringMap(_ key: String) -> [String: String] {
        guard let map = mapping(key, what: "a mapping of text") else { return [:] }
        var result: [String: String] = [:]
        for (entryKey, value) in map.entries {
            if case .scalar(let scalar) = value.value, scalar.kind == .null {
                result[entryKey.text] = ""
                continue
            }
            if let text = ManifestMapping.text(value, path: map.path.appending(entryKey.text), lenient: true, scope: scope) {
                result[entryKey.text] = text
            }
        }
        return result
    }

    /// A list of text.
    func stringList(_ key: String) -> [String] {
        items(key).compactMap { ManifestMapping.text($0.node, path: $0.path, lenient: true, scope: scope) }
    }

    /// A label selector (`matchLabels`, `matchExpressions`).
    func selector(_ key: String) -> LabelSelector? {
        guard contains(key) else { return nil }
        let selectorNode = entries.first { $0.key.text == key }!.value
        guard let map = mapping(key, what: "a label selector") else {
            // `podSelector:` written with nothing after it is `null`, which Kubernetes reads as {}.
            if case .scalar(let scalar) = selectorNode.value, scalar.kind == .null {
                return LabelSelector(location: location(selectorNode))
            }
            return nil
        }
        var requirements: [LabelRequirement] = []
        for expression in map.mappings("matchExpressions", what: "a label requirement") {
            guard let key = expression.string("key", required: true), let operatorText = expression.string("operator", required: true)
            else { continue }
            guard let op = LabelRequirement.Operator(rawValue: operatorText) else {
                let allowed = LabelRequirement.Operator.allCases.map(\.rawValue)
                let suggestion = Suggestion.clause(for: operatorText, among: allowed)
                expression.scope.error(
                    "\(SourceNode.excerptText(operatorText)) is not a selector operator\(suggestion.isEmpty ? "; expected one of: \(allowed.joined(separator: ", "))" : suggestion)",
                    at: expression.node("operator")!, path: expression.path.appending("operator"))
                continue
            }
            requirements.append(LabelRequirement(key: key, operator: op, values: expression.stringList("values")))
        }
        return LabelSelector(matchLabels: map.stringMap("matchLabels"), matchExpressions: requirements, location: map.location)
    }
}

extension SourceNode {
    /// Text shortened and made printable for a message.
    static func excerptText(_ text: String) -> String { "'" + excerpt(text) + "'" }
}
