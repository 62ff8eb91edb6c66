/// Turns the placements of a model written in Swift into a ``Model`` and its ``SourceMap``.
///
/// It checks only what the file decoder would otherwise catch and the types cannot: a
/// declaration placed twice, and a handle used by something in the model but itself never
/// placed. Everything else is left to ``ModelValidator``, so both kinds of model get the same
/// checks and messages.
///
/// Order: every list is in the order written (depth first through the boundaries), except the
/// boundaries, which are listed outermost first, level by level — the order a file lists
/// them in, so the three-tier sample written either way is the same `Model`.
struct ModelAssembler {
    struct Result {
        var model: Model
        var sourceMap: SourceMap
        var diagnostics: [Diagnostic]
        /// Paths already reported here, which validation must not report again.
        var reported: Set<ModelPath>
    }

    /// A declaration where it was placed, with the id of the boundary containing it.
    struct Placed<Item> {
        var item: Item
        var location: SourceLocation
        var container: String?
    }

    private(set) var controls: [Placed<ControlRef>] = []
    private(set) var boundaries: [(placed: Placed<BoundaryRef>, depth: Int)] = []
    private(set) var elements: [Placed<ElementRef>] = []
    private(set) var flows: [Placed<FlowRef>] = []
    private(set) var threatActors: [Placed<ThreatActorRef>] = []
    private(set) var acceptedRisks: [Placed<RiskAcceptance>] = []
    /// Where each declaration was placed, by identity.
    private(set) var placements: [ObjectIdentifier: SourceLocation] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Collects a model's content.
    init(_ content: ModelContent) {
        collect(content.placements, in: nil, depth: 0)
    }

    private mutating func collect(_ content: [Placement], in container: BoundaryRef?, depth: Int) {
        for placement in content {
            let location = placement.location
            switch placement.item {
            case .control(let control):
                guard isFirstPlacement(of: control.reference, at: location) else { continue }
                controls.append(Placed(item: control, location: location, container: nil))
            case .boundary(let boundary):
                guard isFirstPlacement(of: boundary.reference, at: location) else { continue }
                boundaries.append((Placed(item: boundary, location: location, container: container?.id), depth))
                collect(boundary.content, in: boundary, depth: depth + 1)
            case .element(let element):
                guard isFirstPlacement(of: element.reference, at: location) else { continue }
                elements.append(Placed(item: element, location: location, container: container?.id))
            case .flow(let flow):
                guard isFirstPlacement(of: flow.reference, at: location) else { continue }
                flows.append(Placed(item: flow, location: location, container: nil))
            case .threatActor(let actor):
                guard isFirstPlacement(of: actor.reference, at: location) else { continue }
                threatActors.append(Placed(item: actor, location: location, container: container?.id))
            case .acceptedRisk(let acceptance):
                acceptedRisks.append(Placed(item: acceptance, location: location, container: nil))
            }
        }
    }

    /// Records a placement; a second placement of the same declaration is an error and is left
    /// out, so that its copies (and a boundary's content) are not reported again as duplicates.
    private mutating func isFirstPlacement(of reference: ItemReference, at location: SourceLocation) -> Bool {
        if let first = placements[reference.token.identifier] {
            diagnostics.append(Diagnostic(.error,
                "\(reference.kind.rawValue) '\(reference.id)' is placed a second time (first at \(first)); "
                    + "a declaration belongs in exactly one place",
                location: location))
            return false
        }
        placements[reference.token.identifier] = location
        return true
    }
}
