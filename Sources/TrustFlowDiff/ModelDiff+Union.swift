import TrustFlowModel

extension ModelDiff {
    /// Both versions in one model, for the diff diagram: the new model with every removed
    /// item added back where it was (its old parent, boundary and ends). A removed item whose
    /// id the new version uses for something of another kind is renamed `ID~removed`.
    public var union: Model {
        let newIDs = Set(new.controls.map(\.id) + new.boundaries.map(\.id) + new.elements.map(\.id)
            + new.flows.map(\.id) + new.threatActors.map(\.id))
        var renamed: [String: String] = [:]
        for id in controls.removed.map(\.id) + boundaries.removed.map(\.id) + elements.removed.map(\.id)
            + flows.removed.map(\.id) + threatActors.removed.map(\.id) where newIDs.contains(id)
        {
            renamed[id] = ModelDiff.removedName(id)
        }
        func name(_ id: String) -> String { renamed[id] ?? id }

        var model = new
        model.title = new.title
        model.controls += controls.removed.compactMap(\.old).map { control in
            var control = control
            control.id = name(control.id)
            return control
        }
        model.boundaries += boundaries.removed.compactMap(\.old).map { boundary in
            var boundary = boundary
            boundary.id = name(boundary.id)
            boundary.parent = boundary.parent.map(name)
            boundary.controls = boundary.controls.map(name)
            return boundary
        }
        model.elements += elements.removed.compactMap(\.old).map { element in
            var element = element
            element.id = name(element.id)
            element.boundary = element.boundary.map(name)
            element.controls = element.controls.map(name)
            return element
        }
        model.flows += flows.removed.compactMap(\.old).map { flow in
            var flow = flow
            flow.id = name(flow.id)
            flow.from = name(flow.from)
            flow.to = name(flow.to)
            flow.controls = flow.controls.map(name)
            return flow
        }
        model.threatActors += threatActors.removed.compactMap(\.old).map { actor in
            var actor = actor
            actor.id = name(actor.id)
            actor.boundary = actor.boundary.map(name)
            actor.targets = actor.targets.map(name)
            return actor
        }
        return model
    }

    /// The union's id of a removed item whose id is now used by another kind of item.
    public static func removedName(_ id: String) -> String { "\(id)~removed" }

    /// The id a removed item has in ``union``.
    public func unionID(ofRemoved id: String) -> String {
        let taken = new.controls.contains { $0.id == id } || new.boundaries.contains { $0.id == id }
            || new.elements.contains { $0.id == id } || new.flows.contains { $0.id == id }
            || new.threatActors.contains { $0.id == id }
        return taken ? ModelDiff.removedName(id) : id
    }
}
