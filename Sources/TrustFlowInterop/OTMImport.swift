import TrustFlowModel

/// One OTM import: reads trust zones, components and dataflows, notes the rest, then builds
/// the model.
struct OTMImport {
    /// A trust zone, component or dataflow as read: its mapping, id, name and where it is.
    struct Item {
        var mapping: ForeignMapping
        var id: String
        var name: String?
        /// Free-form `attributes`, where TrustFlow's export keeps what OTM has no key for.
        var attributes: ForeignMapping?
        /// The parent's kind (`trustZone` or `component`), id and where it is written.
        var parent: (key: String, id: String, position: SourcePosition)?
    }

    let context: ImportContext

    func read(_ root: SourceNode) {
        guard let file = ForeignMapping(root, path: .root, what: "an OTM model", context: context) else { return }
        _ = file.string("otmVersion", required: true)
        let project = file.mapping("project", what: "the project")
        if project == nil, file.node("project") == nil {
            context.error("missing required key 'project'", path: "project", at: file.position)
        }
        let title = project?.string("name", required: true)
        let description = project?.string("description").flatMap { $0.isEmpty ? nil : $0 }
        if let project { context.noteUnused(project, besides: ["name", "description"], owner: nil, as: Self.projectProperty) }
        noteList(file, "representations", as: Self.representation)
        let assetNames = readAssets(file)
        let zones = readItems(file, "trustZones", what: "a trust zone")
        let components = readItems(file, "components", what: "a component")
        let dataflows = readItems(file, "dataflows", what: "a dataflow")
        let threatNames = Dictionary(file.list("threats").compactMap { item -> (String, String)? in
            guard case .mapping(let entries) = item.node.value,
                let id = entries.first(where: { $0.key.text == "id" }), case .scalar(let idText) = id.value.value
            else { return nil }
            let name = entries.first(where: { $0.key.text == "name" }).flatMap { entry -> String? in
                if case .scalar(let scalar) = entry.value.value { return scalar.text }
                return nil
            }
            return (idText.text, name ?? idText.text)
        }, uniquingKeysWith: { first, _ in first })
        noteList(file, "threats", as: Self.threat)
        noteList(file, "mitigations", as: Self.mitigation)
        context.noteUnused(file, besides: Self.mappedTopLevel, owner: nil, as: Self.projectProperty)
        guard !context.hasErrors else { return }
        guard !components.isEmpty else {
            context.error("nothing to import: the model has no components", path: "components", at: file.position(of: "components"))
            return
        }
        context.model.title = title ?? ""
        context.model.description = description
        var builder = OTMModelBuilder(context: context, zones: zones, components: components, dataflows: dataflows,
            assetNames: assetNames, threatNames: threatNames)
        builder.build()
    }

    /// Asset id → the name flows carry it by: the id when it reads as a name (a valid id),
    /// else the asset's name. Each asset is noted: its ratings are not kept.
    private func readAssets(_ file: ForeignMapping) -> [String: String] {
        var names: [String: String] = [:]
        for item in file.list("assets") {
            guard let asset = ForeignMapping(item.node, path: item.path, what: "an asset", context: context),
                let id = asset.string("id", required: true)
            else { continue }
            let name = asset.string("name")
            names[id] = ModelValidator.isValidIdentifier(id) ? id : (name.flatMap { $0.isEmpty ? nil : $0 } ?? id)
            context.note(Self.asset, "'\(SourceNode.excerpt(name ?? id, limit: 60))' (\(SourceNode.excerpt(id, limit: 60)))",
                at: item.node.position)
        }
        return names
    }

    /// The items of one list, each with a unique id (a repeated id is an error).
    private func readItems(_ file: ForeignMapping, _ key: String, what: String) -> [Item] {
        var items: [Item] = []
        var first: [String: SourcePosition] = [:]
        for entry in file.list(key) {
            guard let mapping = ForeignMapping(entry.node, path: entry.path, what: what, context: context),
                let id = mapping.string("id", required: true)
            else { continue }
            if let earlier = first[id] {
                context.error("duplicate \(key.dropLast()) id '\(SourceNode.excerpt(id))' (first used at \(earlier.line):\(earlier.column))",
                    path: mapping.path.appending("id"), at: mapping.position(of: "id"))
                continue
            }
            first[id] = mapping.position(of: "id")
            var parent: (String, String, SourcePosition)?
            if let parentMapping = mapping.mapping("parent", what: "a parent (trustZone or component)") {
                for parentKey in ["trustZone", "component"] {
                    if let parentID = parentMapping.string(parentKey) {
                        parent = (parentKey, parentID, parentMapping.position(of: parentKey))
                        break
                    }
                }
            }
            items.append(Item(mapping: mapping, id: id, name: mapping.string("name").flatMap { $0.isEmpty ? nil : $0 },
                attributes: mapping.mapping("attributes", what: "attributes"), parent: parent))
        }
        return items
    }

    private func noteList(_ file: ForeignMapping, _ key: String, as category: InteropNote.Category) {
        for item in file.list(key) {
            var shown = ForeignMapping.summary(item.node)
            if case .mapping(let entries) = item.node.value,
                let name = entries.first(where: { $0.key.text == "name" }), case .scalar(let scalar) = name.value.value
            {
                shown = "'\(SourceNode.excerpt(scalar.text, limit: 80))'"
            }
            context.note(category, shown, at: item.node.position)
        }
    }

    static let mappedTopLevel: Set<String> = [
        "otmVersion", "project", "representations", "assets", "trustZones", "components", "dataflows", "threats", "mitigations",
    ]
    static let projectProperty = InteropNote.Category("project property", plural: "project properties")
    static let representation = InteropNote.Category("representation")
    static let asset = InteropNote.Category(
        "asset (only its name, in flow data, is kept)", plural: "assets (only their names, in flow data, are kept)")
    static let threat = InteropNote.Category("threat")
    static let mitigation = InteropNote.Category("mitigation")
}
