/// Turns a ``SourceNode`` tree into a ``Model``, reporting every structural problem (unknown
/// keys, wrong types, bad enum values, missing keys) with its location and model path.
///
/// A bad item is kept with neutral placeholder values rather than dropped, so that list
/// indices stay those of the file and later messages point at the right item; the paths it
/// reported are handed to validation so nothing is reported twice.
struct ModelDecoder {
    struct Result {
        var model: Model
        var sourceMap: SourceMap
        var diagnostics: [Diagnostic]
        var reportedPaths: Set<ModelPath>
    }

    let file: String

    init(file: String) { self.file = file }

    func decode(_ root: SourceNode) -> Result {
        let context = DecodingContext(file: file, root: root)
        return Reading(context: context).decode(root)
    }
}

extension ModelDecoder {
    /// One decoding of one tree.
    private struct Reading {
        let context: DecodingContext

        func decode(_ root: SourceNode) -> Result {
            var model = Model(title: "")
            if let (version, position) = otherVersion(of: root) {
                // Another version's file is not read as this one: its keys and rules may differ,
                // so the version is the only error (not its unknown keys or missing title).
                context.error("unsupported format version \(version) (supported: \(Model.currentVersion))", path: "trustflow",
                    at: position)
                context.markReported(.root)
            } else if let reader = MappingReader(root, path: .root, what: "a TrustFlow model", keys: ModelKeys.model,
                extensionPrefix: ExtensionValue.keyPrefix, context: context)
            {
                model = decodeModel(reader)
            }
            return Result(model: model, sourceMap: context.sourceMap, diagnostics: context.diagnostics,
                reportedPaths: context.reportedPaths)
        }

        /// The version a model file declares, and where, when it is an integer other than this
        /// release's.
        private func otherVersion(of root: SourceNode) -> (Int, SourcePosition)? {
            guard case .mapping(let entries) = root.value, let node = entries.first(where: { $0.key.text == "trustflow" })?.value,
                case .scalar(let scalar) = node.value, scalar.kind == .integer,
                let version = MappingReader.parseInteger(scalar.text), version != Model.currentVersion
            else { return nil }
            return (version, node.position)
        }

        private func decodeModel(_ reader: MappingReader) -> Model {
            let supported = "supported: \(Model.currentVersion)"
            var model = Model(title: "")
            if reader.contains("trustflow") {
                // Only its type is checked here: another version was handled before (otherVersion).
                _ = reader.integer("trustflow", in: Int.min...Int.max, what: "the format version (\(supported))")
            } else {
                reader.missing("trustflow", hint: " (the format version; write 'trustflow: \(Model.currentVersion)')")
            }
            model.title = reader.string("title", required: true) ?? ""
            model.description = reader.string("description")
            model.controls = reader.list("controls", decode: decodeControl)
            model.boundaries = reader.list("boundaries", decode: decodeBoundary)
            model.elements = reader.list("elements", required: true, decode: decodeElement)
            if reader.contains("elements"), model.elements.isEmpty, let node = reader.node("elements"),
                case .sequence = node.value
            {
                context.error("a model needs at least one element", path: "elements", at: node.position)
            }
            let flows = reader.list("flows", decode: decodeFlow)
            let ids = FlowIdentifiers.resolve(flows.map { ($0.id, $0.from, $0.to) })
            model.flows = zip(flows, ids).map { draft, id in
                Flow(id: id, from: draft.from, to: draft.to, label: draft.label, protocol: draft.protocol,
                    port: draft.port, encryption: draft.encryption, authentication: draft.authentication, data: draft.data,
                    classification: draft.classification, bidirectional: draft.bidirectional, controls: draft.controls,
                    description: draft.description)
            }
            model.threatActors = reader.list("threatActors", decode: decodeThreatActor)
            model.acceptedRisks = reader.list("acceptedRisks", decode: decodeAcceptedRisk)
            model.extensions = reader.extensions.map { ExtensionValue.Member(key: $0.key.text, value: extensionValue($0.node)) }
            return model
        }

        private func decodeControl(_ node: SourceNode, _ path: ModelPath) -> Control? {
            guard let reader = MappingReader(node, path: path, what: "a control", keys: ModelKeys.control, context: context)
            else { return Control(id: "", kind: "") }
            let id = reader.string("id", required: true) ?? ""
            return Control(
                id: id, label: reader.string("label"),
                kind: ControlKind(rawValue: reader.string("kind", required: true) ?? ""),
                description: reader.string("description"))
        }

        private func decodeBoundary(_ node: SourceNode, _ path: ModelPath) -> Boundary? {
            guard let reader = MappingReader(node, path: path, what: "a boundary", keys: ModelKeys.boundary, context: context)
            else { return Boundary(id: "", kind: .generic) }
            return Boundary(
                id: reader.string("id", required: true) ?? "", label: reader.string("label"),
                kind: reader.enumeration("kind", as: BoundaryKind.self, required: true) ?? .generic,
                parent: reader.string("parent"), controls: reader.stringList("controls"),
                description: reader.string("description"), kubernetes: decodeReference(reader))
        }

        private func decodeElement(_ node: SourceNode, _ path: ModelPath) -> Element? {
            guard let reader = MappingReader(node, path: path, what: "an element", keys: ModelKeys.element, context: context)
            else { return Element(id: "", kind: .process) }
            return Element(
                id: reader.string("id", required: true) ?? "", label: reader.string("label"),
                kind: reader.enumeration("kind", as: ElementKind.self, required: true) ?? .process,
                boundary: reader.string("boundary"), technology: reader.string("technology"),
                controls: reader.stringList("controls"), description: reader.string("description"),
                url: reader.string("url"), kubernetes: decodeReference(reader))
        }

        /// The `k8s` reference of a boundary or an element; an invalid one is reported and
        /// left out (its path is then marked reported, so validation adds nothing to it).
        private func decodeReference(_ item: MappingReader) -> KubernetesReference? {
            guard let node = item.node("k8s") else { return nil }
            if case .scalar(let scalar) = node.value, scalar.kind == .null { return nil }
            let path = item.path.appending("k8s")
            guard let reader = MappingReader(node, path: path, what: "a Kubernetes reference",
                keys: ModelKeys.kubernetesReference, context: context)
            else { return nil }
            let kind = reader.string("kind", required: true, hint: " (the object kind, e.g. 'Deployment')")
            let name = reader.string("name", required: true)
            let namespace = reader.string("namespace")
            let container = reader.string("container")
            guard let kind, let name else { return nil }
            return KubernetesReference(kind: kind, name: name, namespace: namespace, container: container)
        }

        /// Any value, as written, for an `x-` key.
        private func extensionValue(_ node: SourceNode) -> ExtensionValue {
            switch node.value {
            case .mapping(let entries):
                return .mapping(entries.map { ExtensionValue.Member(key: $0.key.text, value: extensionValue($0.value)) })
            case .sequence(let items):
                return .list(items.map(extensionValue))
            case .scalar(let scalar):
                switch scalar.kind {
                case .null: return .null
                case .boolean: return .boolean(scalar.text.lowercased() == "true")
                case .string: return .string(scalar.text)
                case .integer:
                    if let value = MappingReader.parseInteger(scalar.text) { return .integer(value) }
                    return .number(ExtensionValue.canonicalNumber(scalar.text))
                case .float: return .number(ExtensionValue.canonicalNumber(scalar.text))
                }
            }
        }

        /// A flow before its default id is known.
        private struct FlowDraft {
            var id: String?
            var from: String
            var to: String
            var label: String?
            var `protocol`: String?
            var port: Int?
            var encryption: Encryption?
            var authentication: Authentication?
            var data: [String]
            var classification: Classification?
            var bidirectional: Bool
            var controls: [String]
            var description: String?
        }

        private func decodeFlow(_ node: SourceNode, _ path: ModelPath) -> FlowDraft? {
            guard let reader = MappingReader(node, path: path, what: "a flow", keys: ModelKeys.flow, context: context) else {
                return FlowDraft(id: nil, from: "", to: "", data: [], bidirectional: false, controls: [])
            }
            return FlowDraft(
                id: reader.string("id"),
                from: reader.string("from", required: true) ?? "",
                to: reader.string("to", required: true) ?? "",
                label: reader.string("label"),
                protocol: reader.string("protocol"),
                port: reader.integer("port", in: 1...65535, what: "a port number from 1 to 65535"),
                encryption: reader.enumeration("encryption", as: Encryption.self),
                authentication: reader.enumeration("authentication", as: Authentication.self),
                data: reader.stringList("data"),
                classification: reader.enumeration("classification", as: Classification.self),
                bidirectional: reader.boolean("bidirectional") ?? false,
                controls: reader.stringList("controls"),
                description: reader.string("description"))
        }

        private func decodeThreatActor(_ node: SourceNode, _ path: ModelPath) -> ThreatActor? {
            guard let reader = MappingReader(node, path: path, what: "a threat actor", keys: ModelKeys.threatActor, context: context)
            else { return ThreatActor(id: "", kind: .externalAttacker) }
            return ThreatActor(
                id: reader.string("id", required: true) ?? "", label: reader.string("label"),
                kind: reader.enumeration("kind", as: ThreatActorKind.self, required: true) ?? .externalAttacker,
                boundary: reader.string("boundary"), targets: reader.stringList("targets"),
                description: reader.string("description"))
        }

        private func decodeAcceptedRisk(_ node: SourceNode, _ path: ModelPath) -> AcceptedRisk? {
            guard let reader = MappingReader(node, path: path, what: "an accepted risk", keys: ModelKeys.acceptedRisk, context: context)
            else { return AcceptedRisk(rule: "", target: "", reason: "") }
            return AcceptedRisk(
                rule: reader.string("rule", required: true) ?? "",
                target: reader.string("target", required: true) ?? "",
                reason: reader.string("reason", required: true) ?? "",
                until: reader.string("until"))
        }
    }
}
