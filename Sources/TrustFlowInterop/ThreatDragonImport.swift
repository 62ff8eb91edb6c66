import TrustFlowModel

/// One Threat Dragon import: reads the file's diagrams into cells, then builds the model.
struct ThreatDragonImport {
    /// A diagram's title, description and cells.
    struct Diagram {
        var title: String?
        var description: String?
        var position: SourcePosition
        var cells: [ThreatDragonCell]
    }

    let context: ImportContext

    func read(_ root: SourceNode) {
        guard let file = ForeignMapping(root, path: .root, what: "a Threat Dragon model", context: context) else { return }
        guard let version = file.string("version", required: true) else { return }
        guard version.hasPrefix("2.") || version == "2" else {
            context.error("""
                Threat Dragon model version '\(SourceNode.excerpt(version))' is not supported: TrustFlow reads version 2 \
                models (open the model in Threat Dragon 2 and save it)
                """, path: "version", at: file.position(of: "version"))
            return
        }
        context.noteUnused(file, besides: ["version", "summary", "detail"], owner: nil, as: Self.modelProperty)
        guard let summary = file.mapping("summary", what: "the model summary") else {
            if file.node("summary") == nil { context.error("missing required key 'summary'", path: "summary", at: file.position) }
            return
        }
        let title = summary.string("title", required: true)
        let description = summary.string("description").flatMap { $0.isEmpty ? nil : $0 }
        // The summary's id is Threat Dragon's own number for the model.
        context.noteUnused(summary, besides: ["title", "description", "id"], owner: nil, as: Self.modelProperty)
        guard let detail = file.mapping("detail", what: "the model detail") else {
            if file.node("detail") == nil { context.error("missing required key 'detail'", path: "detail", at: file.position) }
            return
        }
        // The next free diagram and threat numbers are Threat Dragon's bookkeeping, not the model's.
        context.noteUnused(detail, besides: ["diagrams", "diagramTop", "threatTop"], owner: nil, as: Self.modelProperty)
        let diagrams = detail.list("diagrams").compactMap { readDiagram($0.node, path: $0.path) }
        guard !context.hasErrors else { return }
        var builder = ThreatDragonModelBuilder(context: context, diagrams: diagrams)
        builder.build(title: title, description: description, at: root.position)
    }

    private func readDiagram(_ node: SourceNode, path: ModelPath) -> Diagram? {
        guard let diagram = ForeignMapping(node, path: path, what: "a diagram", context: context) else { return nil }
        if diagram.node("cells") == nil, diagram.node("diagramJson") != nil {
            context.error("""
                this diagram is in Threat Dragon's version 1 form ('diagramJson'): TrustFlow reads version 2 models \
                (open the model in Threat Dragon 2 and save it)
                """, path: path.appending("diagramJson"), at: diagram.position(of: "diagramJson"))
            return nil
        }
        let cells = diagram.list("cells").compactMap { readCell($0.node, path: $0.path) }
        return Diagram(
            title: diagram.string("title").flatMap { $0.isEmpty ? nil : $0 },
            description: diagram.string("description").flatMap { $0.isEmpty ? nil : $0 },
            position: diagram.position, cells: cells)
    }

    private func readCell(_ node: SourceNode, path: ModelPath) -> ThreatDragonCell? {
        guard let cell = ForeignMapping(node, path: path, what: "a diagram cell", context: context) else { return nil }
        let data = cell.mapping("data", what: "the cell's data")
        let kind = ThreatDragonCell.Kind(type: data?.string("type"), shape: cell.string("shape"))
        guard let id = cell.string("id", required: true) else { return nil }
        let drawnName = Self.text(in: node, at: ["attrs", "label", "text"]) ?? Self.text(in: node, at: ["attrs", "text", "text"])
            ?? Self.firstLabelText(of: node)
        var result = ThreatDragonCell(
            kind: kind, id: id, path: path, position: node.position,
            name: data?.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? drawnName,
            description: data?.string("description").flatMap { $0.isEmpty ? nil : $0 },
            data: data)
        if let origin = cell.mapping("position", what: "the cell's position").flatMap(point),
            let size = cell.mapping("size", what: "the cell's size"),
            let width = size.number("width"), let height = size.number("height")
        {
            // A negative size is a box drawn the other way round.
            result.frame = Rectangle(x: min(origin.x, origin.x + width), y: min(origin.y, origin.y + height),
                width: abs(width), height: abs(height))
        }
        result.source = cell.mapping("source", what: "the cell's source").flatMap(end)
        result.target = cell.mapping("target", what: "the cell's target").flatMap(end)
        result.vertices = cell.list("vertices").compactMap { item in
            ForeignMapping(item.node, path: item.path, what: "a point", context: context).flatMap(point)
        }
        return result
    }

    private func point(_ mapping: ForeignMapping) -> Point? {
        guard let x = mapping.number("x"), let y = mapping.number("y") else { return nil }
        return Point(x: x, y: y)
    }

    private func end(_ mapping: ForeignMapping) -> ThreatDragonCell.End? {
        if let cell = mapping.string("cell") { return .cell(cell, mapping.position(of: "cell")) }
        return point(mapping).map(ThreatDragonCell.End.point)
    }

    /// The text at a chain of keys, without reporting anything: labels are styling, and a
    /// strange one must not stop an import.
    static func text(in node: SourceNode, at keys: [String]) -> String? {
        var current = node
        for key in keys {
            guard case .mapping(let entries) = current.value, let next = entries.first(where: { $0.key.text == key }) else {
                return nil
            }
            current = next.value
        }
        guard case .scalar(let scalar) = current.value, scalar.kind == .string, !scalar.text.isEmpty,
            !scalar.text.unicodeScalars.contains(where: MappingReader.isForbiddenControl)
        else { return nil }
        return scalar.text
    }

    /// The text of an edge's first label (`labels[0].attrs.labelText.text`).
    static func firstLabelText(of node: SourceNode) -> String? {
        guard case .mapping(let entries) = node.value, let labels = entries.first(where: { $0.key.text == "labels" }),
            case .sequence(let items) = labels.value.value, let first = items.first
        else { return nil }
        return text(in: first, at: ["attrs", "labelText", "text"]) ?? text(in: first, at: ["attrs", "text", "text"])
    }

    static let modelProperty = InteropNote.Category("model property", plural: "model properties")
}
