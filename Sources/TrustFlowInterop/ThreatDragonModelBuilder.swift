import TrustFlowModel

/// Builds the model of a Threat Dragon import from its diagrams' cells: ids, boundaries from
/// the boxes' geometry, elements, flows, and the notes on what the model cannot hold.
struct ThreatDragonModelBuilder {
    let context: ImportContext
    let diagrams: [ThreatDragonImport.Diagram]
    /// The model id of each cell that became a boundary or element, by cell id.
    private var modelIDs: [String: String] = [:]

    init(context: ImportContext, diagrams: [ThreatDragonImport.Diagram]) {
        self.context = context
        self.diagrams = diagrams
    }

    mutating func build(title: String?, description: String?, at position: SourcePosition) {
        guard checkUniqueIDs() else { return }
        context.model.title = title.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 } ?? fallbackTitle(at: position)
        context.model.description = description

        // Every original id is claimed before any is derived, flows' included.
        let wrappers = diagrams.count > 1 ? diagrams.enumerated().map { index, diagram in
            ImportContext.Identity(name: diagram.title ?? "diagram \(index + 1)", prefix: "diagram", position: diagram.position)
        } : []
        let placed = diagrams.flatMap { $0.cells.filter { $0.kind == .box || $0.isElement } }
        let flows = diagrams.flatMap { $0.cells.filter { $0.kind == .flow } }
        let claims = context.reserveOriginalIDs((placed + flows).map(identity))
        var claimIndex = 0
        let wrapperIDs = wrappers.map { context.allocateID($0, kept: false) }
        for cell in placed {
            modelIDs[cell.id] = context.allocateID(identity(cell), kept: claims[claimIndex])
            claimIndex += 1
        }
        let flowClaims = Array(claims[claimIndex...])

        var flowIndex = 0
        for (index, diagram) in diagrams.enumerated() {
            let wrapper = wrappers.isEmpty ? nil : wrapperIDs[index]
            if let wrapper {
                context.add(Boundary(id: wrapper, label: diagram.title ?? "Diagram \(index + 1)", kind: .generic,
                    description: diagram.description), at: diagram.position)
            } else if let text = diagram.description {
                context.note(ThreatDragonImport.modelProperty, "diagram description: \(SourceNode.excerpt(text, limit: 60))",
                    at: diagram.position)
            }
            guard let placement = ThreatDragonPlacement(cells: diagram.cells, context: context, at: diagram.position) else {
                continue
            }
            addBoundariesAndElements(of: diagram, placement: placement, wrapper: wrapper)
            let diagramFlows = diagram.cells.filter { $0.kind == .flow }
            let imported = addFlows(diagramFlows, of: diagram, claims: flowClaims[flowIndex..<flowIndex + diagramFlows.count])
            flowIndex += diagramFlows.count
            noteCurves(of: diagram, placement: placement, flows: imported)
            noteOtherCells(of: diagram)
        }
        if context.model.elements.isEmpty, !context.hasErrors {
            context.error("nothing to import: the model has no actor, process or store", path: .root, at: position)
        }
    }

    /// Cell ids are unique across the whole model; a repeat is an error.
    private func checkUniqueIDs() -> Bool {
        var first: [String: SourcePosition] = [:]
        var unique = true
        for cell in diagrams.flatMap(\.cells) {
            if let earlier = first[cell.id] {
                context.error("duplicate cell id '\(SourceNode.excerpt(cell.id))' (first used at \(earlier.line):\(earlier.column))",
                    path: cell.path.appending("id"), at: cell.position)
                unique = false
            } else {
                first[cell.id] = cell.position
            }
        }
        return unique
    }

    private func fallbackTitle(at position: SourcePosition) -> String {
        let title = diagrams.lazy.compactMap(\.title).first ?? context.fileStem
        context.note(ImportContext.changedTitle, "the model has no title; it is now '\(SourceNode.excerpt(title, limit: 60))'",
            at: position)
        return title
    }

    /// The id a cell brings: its cell id, or the model id inside a cell id TrustFlow wrote.
    private func identity(_ cell: ThreatDragonCell) -> ImportContext.Identity {
        var original = cell.id
        if let prefix = cell.kind.exportPrefix, cell.id.hasPrefix(prefix),
            ModelValidator.isValidIdentifier(String(cell.id.dropFirst(prefix.count)))
        {
            original = String(cell.id.dropFirst(prefix.count))
        }
        let prefix = switch cell.kind {
        case .box: "boundary"
        case .flow: "flow"
        default: "element"
        }
        return ImportContext.Identity(original: original, name: cell.name, prefix: prefix, position: cell.position)
    }

    private func addBoundariesAndElements(of diagram: ThreatDragonImport.Diagram, placement: ThreatDragonPlacement, wrapper: String?) {
        for cell in diagram.cells where cell.kind == .box {
            let id = modelIDs[cell.id]!
            let label = cell.name ?? id
            context.add(Boundary(
                id: id, label: label, kind: .generic, parent: placement.parent(of: cell.id).map { modelIDs[$0]! } ?? wrapper,
                description: context.description(cell.description, originalID: identity(cell).original, id: id, label: label)),
                at: cell.position)
            noteData(of: cell, besides: ["type", "name", "description", "isTrustBoundary", "hasOpenThreats", "threats"],
                as: Self.boundaryProperty)
        }
        for cell in diagram.cells {
            guard case .element(let kind) = cell.kind else { continue }
            let id = modelIDs[cell.id]!
            let label = cell.name ?? id
            let box = placement.box(of: cell.id)
            if let box, placement.straddles(cell.id) {
                context.note(Self.straddling, "\(cell.shownName) reaches over the edge of \(box.shownName); it is placed in it by its centre",
                    at: cell.position)
            }
            context.add(Element(
                id: id, label: label, kind: kind, boundary: box.map { modelIDs[$0.id]! } ?? wrapper,
                description: context.description(cell.description, originalID: identity(cell).original, id: id, label: label)),
                at: cell.position)
            noteData(of: cell, besides: Self.mappedElementData, as: Self.elementProperty)
        }
    }

    /// Adds the flows whose two ends are elements; returns them with their cells, for the
    /// curves' crossings.
    private func addFlows(_ cells: [ThreatDragonCell], of diagram: ThreatDragonImport.Diagram, claims: ArraySlice<Bool>)
        -> [(cell: ThreatDragonCell, flow: Flow)]
    {
        let byID = Dictionary(diagram.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var imported: [(ThreatDragonCell, Flow)] = []
        for (cell, kept) in zip(cells, claims) {
            // A flow that is not imported loses its threats and flags too: note them either way.
            noteData(of: cell, besides: Self.mappedFlowData, as: Self.flowProperty)
            guard let from = elementEnd(cell.source, of: cell, side: "starts", in: byID),
                let to = elementEnd(cell.target, of: cell, side: "ends", in: byID)
            else { continue }
            var identity = identity(cell)
            identity.verbatim = FlowIdentifiers.base(from: from, to: to)
            let id = context.allocateID(identity, kept: kept)
            let data = cell.data
            let encrypted = data?.boolean("isEncrypted")
            let flow = Flow(
                id: id, from: from, to: to, label: cell.name,
                protocol: data?.string("protocol").flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 },
                encryption: encrypted.map { $0 ? .tls : Encryption.none },
                bidirectional: data?.boolean("isBidirectional") ?? false,
                description: context.description(cell.description, originalID: identity.original, id: id, label: cell.name ?? id))
            context.add(flow, at: cell.position)
            imported.append((cell, flow))
        }
        return imported
    }

    /// The model id of the element at one end of a flow; `nil` (after a note, or an error for
    /// a cell that does not exist) otherwise.
    private func elementEnd(_ end: ThreatDragonCell.End?, of flow: ThreatDragonCell, side: String,
        in cells: [String: ThreatDragonCell]) -> String?
    {
        switch end {
        case nil:
            context.note(Self.looseFlow, "\(flow.shownName) has no end where it \(side)", at: flow.position)
        case .point(let point):
            context.note(Self.looseFlow,
                "\(flow.shownName) \(side) at a loose point (\(ForeignMapping.shown(point.x)), \(ForeignMapping.shown(point.y))), not at an element",
                at: flow.position)
        case .cell(let id, let position):
            guard let cell = cells[id] else {
                context.error("no cell with id '\(SourceNode.excerpt(id))' in this diagram", path: flow.path, at: position)
                return nil
            }
            guard cell.isElement else {
                context.note(Self.looseFlow, "\(flow.shownName) \(side) at the \(cell.kind.noun) \(cell.shownName), not at an element",
                    at: flow.position)
                return nil
            }
            return modelIDs[id]
        }
        return nil
    }

    /// A curve has no inside: say which imported flows cross it.
    private func noteCurves(of diagram: ThreatDragonImport.Diagram, placement: ThreatDragonPlacement,
        flows: [(cell: ThreatDragonCell, flow: Flow)])
    {
        for curve in diagram.cells where curve.kind == .curve {
            let crossing = flows.filter { placement.crosses(curve, $0.cell) }.map { "'\($0.flow.label ?? $0.flow.id)'" }
            let what = crossing.isEmpty ? "no imported flow crosses it" : "crossed by \(crossing.joined(separator: ", "))"
            let name = curve.name.map { "'\(SourceNode.excerpt($0, limit: 60))'" } ?? "without a name (\(curve.id))"
            context.note(Self.curve, "trust boundary curve \(name) has no inside, so nothing is placed in it; \(what)",
                at: curve.position)
            noteData(of: curve, besides: ["type", "name", "description", "isTrustBoundary", "hasOpenThreats"], as: Self.boundaryProperty)
        }
    }

    private func noteOtherCells(of diagram: ThreatDragonImport.Diagram) {
        for cell in diagram.cells {
            switch cell.kind {
            case .text:
                context.note(Self.textBlock, cell.name.map { "'\(SourceNode.excerpt($0, limit: 60))'" } ?? cell.id, at: cell.position)
            case .unknown:
                context.note(Self.unknownCell, "\(cell.kind.noun) \(cell.shownName)", at: cell.position)
            default:
                break
            }
        }
    }

    /// Notes the threats of a cell and each flag or value of its data that is not mapped.
    private func noteData(of cell: ThreatDragonCell, besides mapped: Set<String>, as category: InteropNote.Category) {
        guard let data = cell.data else { return }
        for threat in data.list("threats") {
            guard let mapping = ForeignMapping(threat.node, path: threat.path, what: "a threat", context: context) else { continue }
            let title = mapping.string("title").map { "'\(SourceNode.excerpt($0, limit: 60))'" } ?? "untitled"
            let details = [mapping.string("status"), mapping.string("severity")].compactMap { $0 }.filter { !$0.isEmpty }
            let shownDetails = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
            context.note(Self.threat, "\(title)\(shownDetails) on \(cell.shownName)", at: threat.node.position)
        }
        context.noteUnused(data, besides: mapped.union(["threats", "threatFrequency"]), owner: cell.name ?? cell.id, as: category)
    }

    static let mappedElementData: Set<String> = ["type", "name", "description", "hasOpenThreats", "isTrustBoundary"]
    static let mappedFlowData: Set<String> = [
        "type", "name", "description", "protocol", "isEncrypted", "isBidirectional", "hasOpenThreats", "isTrustBoundary",
    ]
    static let threat = InteropNote.Category("threat")
    static let textBlock = InteropNote.Category("text block")
    static let unknownCell = InteropNote.Category("cell of unknown type", plural: "cells of unknown type")
    static let elementProperty = InteropNote.Category("element property", plural: "element properties")
    static let flowProperty = InteropNote.Category("flow property", plural: "flow properties")
    static let boundaryProperty = InteropNote.Category("boundary property", plural: "boundary properties")
    static let looseFlow = InteropNote.Category("flow without an element at each end", plural: "flows without an element at each end")
    static let curve = InteropNote.Category("trust boundary curve", treatment: .shown)
    static let straddling = InteropNote.Category("element across a box edge", plural: "elements across a box edge", treatment: .changed)
}
