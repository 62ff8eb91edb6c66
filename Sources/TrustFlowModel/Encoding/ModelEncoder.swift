/// Writes a model as canonical JSON or YAML: keys in the order FORMAT.md lists them (the
/// ``ModelKeys`` lists), two-space indentation, a final newline, and every value left out that
/// decoding would give back anyway (a label equal to the id, empty lists, `bidirectional:
/// false`, absent values, a flow id equal to the default it would get).
///
/// Decoding the result gives a model equal to the one encoded, and encoding that again gives
/// the same bytes, so a converted or exported file can be committed and stays quiet in review.
/// Text that could hide in a review — control, format and bidirectional characters, line
/// separators — is written as an escape, never raw.
public struct ModelEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The canonical file of `model` in `format`, as UTF-8 bytes.
    public func encode(_ model: Model, as format: ModelFormat) -> [UInt8] {
        let tree = ModelEncoder.tree(of: model)
        let text = switch format {
        case .json: JSONWriter.write(tree)
        case .yaml: YAMLWriter.write(tree)
        }
        return Array(text.utf8)
    }

    static func tree(of model: Model) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.model)
        mapping["trustflow"] = .integer(model.version)
        mapping["title"] = .string(model.title)
        mapping.set("description", model.description)
        mapping.set("controls", nonEmpty: model.controls.map(tree(of:)))
        mapping.set("boundaries", nonEmpty: model.boundaries.map(tree(of:)))
        // Required, so written even when empty: the file then says what is wrong with it.
        mapping["elements"] = .list(model.elements.map(tree(of:)))
        let writtenIDs = flowIDsToWrite(model.flows)
        mapping.set("flows", nonEmpty: zip(model.flows, writtenIDs).map { tree(of: $0, writtenID: $1) })
        mapping.set("threatActors", nonEmpty: model.threatActors.map(tree(of:)))
        mapping.set("acceptedRisks", nonEmpty: model.acceptedRisks.map(tree(of:)))
        // `x-` keys come last, in the order written: they are other tools' data, not the model's.
        guard case .mapping(var entries) = mapping.value else { return mapping.value }
        entries += model.extensions.map { EncodedValue.Entry(key: $0.key, value: tree(of: $0.value)) }
        return .mapping(entries)
    }

    private static func tree(of value: ExtensionValue) -> EncodedValue {
        switch value {
        case .null: .null
        case .boolean(let flag): .boolean(flag)
        case .integer(let number): .integer(number)
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        case .list(let items): .list(items.map(tree(of:)))
        case .mapping(let members): .mapping(members.map { EncodedValue.Entry(key: $0.key, value: tree(of: $0.value)) })
        }
    }

    private static func tree(of reference: KubernetesReference?) -> EncodedValue? {
        guard let reference else { return nil }
        var mapping = EncodedMapping(keys: ModelKeys.kubernetesReference)
        mapping["kind"] = .string(reference.kind)
        mapping["name"] = .string(reference.name)
        mapping.set("namespace", reference.namespace)
        mapping.set("container", reference.container)
        return mapping.value
    }

    /// Each flow's id, or `nil` where leaving it out decodes to the same id. Walks the flows
    /// as the decoder's ``FlowIdentifiers/resolve(_:)`` does: only flows without an id count
    /// towards the `-2`, `-3` repeats, so an id is left out exactly when it is the one the
    /// decoder would give at that point.
    static func flowIDsToWrite(_ flows: [Flow]) -> [String?] {
        var repeats: [String: Int] = [:]
        return flows.map { flow in
            let base = FlowIdentifiers.base(from: flow.from, to: flow.to)
            let count = (repeats[base] ?? 0) + 1
            guard flow.id == (count == 1 ? base : "\(base)-\(count)") else { return flow.id }
            repeats[base] = count
            return nil
        }
    }

    private static func tree(of control: Control) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.control)
        mapping["id"] = .string(control.id)
        mapping.set("label", label(control.label, id: control.id))
        mapping["kind"] = .string(control.kind.rawValue)
        mapping.set("description", control.description)
        return mapping.value
    }

    private static func tree(of boundary: Boundary) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.boundary)
        mapping["id"] = .string(boundary.id)
        mapping.set("label", label(boundary.label, id: boundary.id))
        mapping["kind"] = .string(boundary.kind.rawValue)
        mapping.set("parent", boundary.parent)
        mapping.set("controls", nonEmpty: boundary.controls)
        mapping.set("description", boundary.description)
        mapping["k8s"] = tree(of: boundary.kubernetes)
        return mapping.value
    }

    private static func tree(of element: Element) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.element)
        mapping["id"] = .string(element.id)
        mapping.set("label", label(element.label, id: element.id))
        mapping["kind"] = .string(element.kind.rawValue)
        mapping.set("boundary", element.boundary)
        mapping.set("technology", element.technology)
        mapping.set("controls", nonEmpty: element.controls)
        mapping.set("description", element.description)
        mapping.set("url", element.url)
        mapping["k8s"] = tree(of: element.kubernetes)
        return mapping.value
    }

    private static func tree(of flow: Flow, writtenID: String?) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.flow)
        mapping.set("id", writtenID)
        mapping["from"] = .string(flow.from)
        mapping["to"] = .string(flow.to)
        mapping.set("label", flow.label)
        mapping.set("protocol", flow.protocol)
        mapping["port"] = flow.port.map(EncodedValue.integer)
        mapping.set("encryption", flow.encryption?.rawValue)
        mapping.set("authentication", flow.authentication?.rawValue)
        mapping.set("data", nonEmpty: flow.data)
        mapping.set("classification", flow.classification?.rawValue)
        mapping["bidirectional"] = flow.bidirectional ? .boolean(true) : nil
        mapping.set("controls", nonEmpty: flow.controls)
        mapping.set("description", flow.description)
        return mapping.value
    }

    private static func tree(of actor: ThreatActor) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.threatActor)
        mapping["id"] = .string(actor.id)
        mapping.set("label", label(actor.label, id: actor.id))
        mapping["kind"] = .string(actor.kind.rawValue)
        mapping.set("boundary", actor.boundary)
        mapping.set("targets", nonEmpty: actor.targets)
        mapping.set("description", actor.description)
        return mapping.value
    }

    private static func tree(of risk: AcceptedRisk) -> EncodedValue {
        var mapping = EncodedMapping(keys: ModelKeys.acceptedRisk)
        mapping["rule"] = .string(risk.rule)
        mapping["target"] = .string(risk.target)
        mapping["reason"] = .string(risk.reason)
        mapping.set("until", risk.until)
        return mapping.value
    }

    /// A label equal to the id is left out: decoding gives the id back as the label.
    private static func label(_ label: String, id: String) -> String? { label == id ? nil : label }
}
