/// Every id of a model, with what it names and where it was first declared.
struct IdentifierIndex {
    var declarations: [String: (kind: IdentifierKind, path: ModelPath)] = [:]

    func ids(of kinds: Set<IdentifierKind>) -> [String] {
        declarations.filter { kinds.contains($0.value.kind) }.map { ($0.value.path, $0.key) }
            .sorted { $0.0 < $1.0 }.map(\.1)
    }
}

extension ValidationRun {
    /// `^[A-Za-z][A-Za-z0-9_.-]{0,63}$`, the format's id pattern.
    static func isValidIdentifier(_ id: String, maxLength: Int = 64) -> Bool {
        let scalars = id.unicodeScalars
        guard let first = scalars.first, scalars.count <= maxLength, first.isASCIILetter else { return false }
        return scalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// Checks id syntax and uniqueness across the one shared namespace.
    mutating func checkIdentifiers() -> IdentifierIndex {
        var index = IdentifierIndex()
        var declared: [(String, IdentifierKind, ModelPath)] = []
        declared += model.controls.enumerated().map { ($1.id, .control, ModelPath("controls").appending($0)) }
        declared += model.boundaries.enumerated().map { ($1.id, .boundary, ModelPath("boundaries").appending($0)) }
        declared += model.elements.enumerated().map { ($1.id, .element, ModelPath("elements").appending($0)) }
        declared += model.flows.enumerated().map { ($1.id, .flow, ModelPath("flows").appending($0)) }
        declared += model.threatActors.enumerated().map { ($1.id, .threatActor, ModelPath("threatActors").appending($0)) }

        for (id, kind, path) in declared {
            let idPath = path.appending("id")
            let isDefault = kind == .flow && isDefaultFlowID(model.flows[path.lastIndex])
            if !isDefault {
                guard ValidationRun.isValidIdentifier(id) else {
                    let found = id.isEmpty ? "an empty id" : "'\(SourceNode.excerpt(id))'"
                    report(.error,
                        "invalid id \(found): an id starts with a letter and has at most 64 letters, digits, '_', '.' or '-'",
                        at: idPath)
                    continue
                }
            }
            if let first = index.declarations[id] {
                let origin = isDefault ? " (the default id of this flow; give it an explicit 'id')" : ""
                report(.error, "duplicate id '\(id)'\(origin): already used by \(first.kind.article) \(first.kind.rawValue), \(describe(first.path))",
                    at: isDefault ? path : idPath)
            } else {
                index.declarations[id] = (kind, path)
            }
        }
        return index
    }

    func isDefaultFlowID(_ flow: Flow) -> Bool {
        let base = FlowIdentifiers.base(from: flow.from, to: flow.to)
        if flow.id == base { return true }
        guard flow.id.hasPrefix(base + "-"), let repeatNumber = Int(flow.id.dropFirst(base.count + 1)) else { return false }
        return repeatNumber >= 2 && flow.id == "\(base)-\(repeatNumber)"
    }

    /// Checks that every reference names something of the right kind.
    mutating func checkReferences(_ index: IdentifierIndex) {
        for (position, boundary) in model.boundaries.enumerated() {
            let path = ModelPath("boundaries").appending(position)
            if let parent = boundary.parent {
                if parent == boundary.id {
                    report(.error, "boundary '\(boundary.id)' cannot be its own parent", at: path.appending("parent"))
                } else {
                    checkReference(parent, expecting: [.boundary], at: path.appending("parent"), index)
                }
            }
            checkControlReferences(boundary.controls, at: path, index)
        }
        for (position, element) in model.elements.enumerated() {
            let path = ModelPath("elements").appending(position)
            if let boundary = element.boundary {
                checkReference(boundary, expecting: [.boundary], at: path.appending("boundary"), index)
            }
            checkControlReferences(element.controls, at: path, index)
        }
        for (position, flow) in model.flows.enumerated() {
            let path = ModelPath("flows").appending(position)
            checkReference(flow.from, expecting: [.element], at: path.appending("from"), index)
            checkReference(flow.to, expecting: [.element], at: path.appending("to"), index)
            checkControlReferences(flow.controls, at: path, index)
        }
        for (position, actor) in model.threatActors.enumerated() {
            let path = ModelPath("threatActors").appending(position)
            if let boundary = actor.boundary {
                checkReference(boundary, expecting: [.boundary], at: path.appending("boundary"), index)
            }
            for (targetPosition, target) in actor.targets.enumerated() {
                checkReference(target, expecting: [.element, .boundary],
                    at: path.appending("targets").appending(targetPosition), index)
            }
        }
        for (position, risk) in model.acceptedRisks.enumerated() {
            checkReference(risk.target, expecting: [.boundary, .element, .flow, .threatActor],
                at: ModelPath("acceptedRisks").appending(position).appending("target"), index)
        }
    }

    private mutating func checkControlReferences(_ controls: [String], at path: ModelPath, _ index: IdentifierIndex) {
        for (position, control) in controls.enumerated() {
            if controls[..<position].contains(control) {
                report(.warning, "control '\(control)' is listed twice", at: path.appending("controls").appending(position))
                continue
            }
            checkReference(control, expecting: [.control], at: path.appending("controls").appending(position), index) { id in
                // Nothing declared looks like it: it was never declared, not misspelt.
                let kind = ValidationRun.knownKind(resembling: ControlKind(rawValue: id)).map(\.rawValue) ?? "KIND"
                return "; declare it under the top-level 'controls:', e.g. '- { id: \(SourceNode.excerpt(id)), kind: \(kind) }'"
            }
        }
    }

    /// The path is built only for a problem: a large model has thousands of references.
    /// `undeclared` says what to do about an id that resembles nothing declared.
    private mutating func checkReference(
        _ id: String, expecting kinds: Set<IdentifierKind>, at lazyPath: @autoclosure () -> ModelPath, _ index: IdentifierIndex,
        undeclared: ((String) -> String)? = nil
    ) {
        if let declaration = index.declarations[id], kinds.contains(declaration.kind) { return }
        let path = lazyPath()
        let expected = IdentifierKind.allOrdered.filter(kinds.contains).map(\.rawValue)
            .joined(separator: " or ")
        if let declaration = index.declarations[id] {
            guard !kinds.contains(declaration.kind) else { return }
            report(.error, "'\(id)' is \(declaration.kind.article) \(declaration.kind.rawValue) (\(describe(declaration.path))), expected \(kinds.count == 1 ? IdentifierKind.allOrdered.first(where: kinds.contains)!.article + " " : "")\(expected)",
                at: path)
            return
        }
        // A hostile file can hold 50,000 dangling references to 50,000 ids; past a budget the
        // errors come without a suggestion instead of taking quadratic time.
        var suggestion = ""
        if suggestionBudget > 0 {
            suggestionBudget -= 1
            if candidateCache[kinds] == nil { candidateCache[kinds] = index.ids(of: kinds) }
            suggestion = Suggestion.clause(for: id, among: candidateCache[kinds]!)
        }
        if suggestion.isEmpty, !id.isEmpty, let undeclared { suggestion = undeclared(id) }
        let found = id.isEmpty ? "an empty id" : "'\(SourceNode.excerpt(id))'"
        report(.error, "unknown \(expected) \(found)\(suggestion)", at: path)
    }
}

extension IdentifierKind {
    static let allOrdered: [IdentifierKind] = [.element, .boundary, .flow, .threatActor, .control]
}

extension ModelPath {
    /// The last index in the path (the item's position in its list).
    var lastIndex: Int {
        for component in components.reversed() {
            if case .index(let index) = component { return index }
        }
        return 0
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
