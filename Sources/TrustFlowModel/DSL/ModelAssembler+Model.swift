extension ModelAssembler {
    /// The model, its source map and the problems found while assembling it.
    ///
    /// In the source map an item's path points where its handle was placed, and the keys
    /// written in its declaration point at the declaration; `parent` and `boundary`, which the
    /// placement decides, point at the placement.
    func assemble(title: String, description: String?, at location: SourceLocation) -> Result {
        var run = AssemblyRun(placements: placements, fallback: location)
        run.sourceMap.record(location, for: "title")
        run.sourceMap.record(location, for: "description")
        var model = Model(title: title, description: description)

        for (position, placed) in controls.enumerated() {
            let path = ModelPath("controls").appending(position)
            run.record(path, placed.location, declared: placed.item.reference.location, keys: ModelKeys.control)
            model.controls.append(placed.item.control)
        }

        let outermostFirst = boundaries.enumerated()
            .sorted { ($0.element.depth, $0.offset) < ($1.element.depth, $1.offset) }.map(\.element.placed)
        for (position, placed) in outermostFirst.enumerated() {
            let path = ModelPath("boundaries").appending(position)
            run.record(path, placed.location, declared: placed.item.reference.location, keys: ModelKeys.boundary,
                placedKeys: ["parent"])
            var boundary = placed.item.boundary
            boundary.parent = placed.container
            boundary.controls = run.ids(of: placed.item.controls.map(\.reference), at: path.appending("controls"))
            model.boundaries.append(boundary)
        }

        for (position, placed) in elements.enumerated() {
            let path = ModelPath("elements").appending(position)
            run.record(path, placed.location, declared: placed.item.reference.location, keys: ModelKeys.element,
                placedKeys: ["boundary"])
            var element = placed.item.element
            element.boundary = placed.container
            element.controls = run.ids(of: placed.item.controls.map(\.reference), at: path.appending("controls"))
            model.elements.append(element)
        }

        let flowIDs = FlowIdentifiers.resolve(
            flows.map { ($0.item.explicitID, $0.item.source.id, $0.item.destination.id) })
        var flowIDsByDeclaration: [ObjectIdentifier: String] = [:]
        for (position, (placed, id)) in zip(flows, flowIDs).enumerated() {
            let path = ModelPath("flows").appending(position)
            run.record(path, placed.location, declared: placed.item.reference.location, keys: ModelKeys.flow)
            var flow = placed.item.flow
            flow.id = id
            run.checkPlaced(placed.item.source.reference, at: path.appending("from"))
            run.checkPlaced(placed.item.destination.reference, at: path.appending("to"))
            flow.controls = run.ids(of: placed.item.controls.map(\.reference), at: path.appending("controls"))
            flowIDsByDeclaration[placed.item.reference.token.identifier] = id
            model.flows.append(flow)
        }

        for (position, placed) in threatActors.enumerated() {
            let path = ModelPath("threatActors").appending(position)
            run.record(path, placed.location, declared: placed.item.reference.location, keys: ModelKeys.threatActor,
                placedKeys: ["boundary"])
            var actor = placed.item.threatActor
            actor.boundary = placed.container
            actor.targets = run.ids(of: placed.item.targets, at: path.appending("targets"))
            model.threatActors.append(actor)
        }

        for (position, placed) in acceptedRisks.enumerated() {
            let path = ModelPath("acceptedRisks").appending(position)
            run.record(path, placed.location, declared: placed.item.location, keys: ModelKeys.acceptedRisk)
            var risk = placed.item.acceptedRisk
            let target = placed.item.target
            run.checkPlaced(target, at: path.appending("target"))
            risk.target = flowIDsByDeclaration[target.token.identifier] ?? target.id
            model.acceptedRisks.append(risk)
        }

        return Result(model: model, sourceMap: run.sourceMap, diagnostics: diagnostics + run.diagnostics,
            reported: run.reported)
    }
}

/// The state of one ``ModelAssembler/assemble(title:description:at:)``.
private struct AssemblyRun {
    let placements: [ObjectIdentifier: SourceLocation]
    var sourceMap: SourceMap
    var diagnostics: [Diagnostic] = []
    var reported: Set<ModelPath> = []

    init(placements: [ObjectIdentifier: SourceLocation], fallback: SourceLocation) {
        self.placements = placements
        self.sourceMap = SourceMap(fallback: fallback)
    }

    mutating func record(
        _ path: ModelPath, _ placed: SourceLocation, declared: SourceLocation, keys: [String],
        placedKeys: Set<String> = []
    ) {
        sourceMap.record(placed, for: path)
        for key in keys { sourceMap.record(placedKeys.contains(key) ? placed : declared, for: path.appending(key)) }
    }

    /// The ids of `references`, each checked to be placed in the model.
    mutating func ids(of references: [ItemReference], at path: ModelPath) -> [String] {
        references.enumerated().map { position, reference in
            checkPlaced(reference, at: path.appending(position))
            return reference.id
        }
    }

    /// Reports a handle whose declaration is not in the model. Without this, a different
    /// declaration that happens to use the same id would silently take its place.
    mutating func checkPlaced(_ reference: ItemReference, at path: ModelPath) {
        guard placements[reference.token.identifier] == nil else { return }
        let advice = switch reference.kind {
        case .control: "list it in the model's content"
        case .flow: "place it in the model's content"
        case .boundary, .element, .threatActor: "place it in the model's content or inside a boundary"
        }
        let item = "\(reference.kind.rawValue) '\(reference.id)'"
        diagnostics.append(Diagnostic(.error,
            "\(item) is not in the model (it is declared at \(reference.location)); \(advice)",
            path: path, location: sourceMap.location(of: path)))
        reported.insert(path)
    }
}
