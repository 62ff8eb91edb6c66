import TrustFlowModel

/// One cell of a Threat Dragon v2 diagram, as far as an import needs it.
struct ThreatDragonCell {
    /// What the cell is, from `data.type` (or the shape when that is missing).
    enum Kind: Equatable {
        case box, curve, flow, text
        case element(ElementKind)
        /// A type TrustFlow does not know; named in the note.
        case unknown(String)

        /// Threat Dragon's `data.type` and shape names.
        init(type: String?, shape: String?) {
            switch type ?? "" {
            case "tm.BoundaryBox": self = .box
            case "tm.Boundary": self = .curve
            case "tm.Flow": self = .flow
            case "tm.Text": self = .text
            case "tm.Actor": self = .element(.actor)
            case "tm.Process": self = .element(.process)
            case "tm.Store": self = .element(.datastore)
            default:
                switch shape ?? "" {
                case "trust-boundary-box": self = .box
                case "trust-boundary-curve": self = .curve
                case "flow": self = .flow
                case "td-text-block": self = .text
                case "actor": self = .element(.actor)
                case "process": self = .element(.process)
                case "store": self = .element(.datastore)
                default: self = .unknown(type ?? shape ?? "no type")
                }
            }
        }

        /// What the cell is called in messages.
        var noun: String {
            switch self {
            case .box: "trust boundary box"
            case .curve: "trust boundary curve"
            case .flow: "data flow"
            case .text: "text block"
            case .element(let kind): kind == .datastore ? "store" : kind.rawValue
            case .unknown(let type): "cell of type '\(SourceNode.excerpt(type))'"
            }
        }

        /// The prefix TrustFlow's own export puts before a model id in a cell id
        /// (``DiagramIDs``); an import takes such a cell id back as the model id.
        var exportPrefix: String? {
            switch self {
            case .box: "boundary-"
            case .element: "element-"
            case .flow: "flow-"
            default: nil
            }
        }
    }

    /// One end of a flow or curve: a cell, or a loose point.
    enum End {
        case cell(String, SourcePosition)
        case point(Point)
    }

    var kind: Kind
    /// The cell's id as written.
    var id: String
    /// Where the cell is in the file.
    var path: ModelPath
    var position: SourcePosition
    /// The name from `data.name`, else from the label drawn; `nil` when empty.
    var name: String?
    var description: String?
    /// The box of a box or element, when the cell has a position and a size.
    var frame: Rectangle?
    /// The ends and bends of a flow or curve.
    var source: End?
    var target: End?
    var vertices: [Point] = []
    /// `data`, for the flags and threats the import reads or notes.
    var data: ForeignMapping?

    /// The name to show in notes: the name, else the id.
    var shownName: String { "'\(SourceNode.excerpt(name ?? id, limit: 60))'" }
}

extension ThreatDragonCell {
    /// Whether the cell is an actor, process or store.
    var isElement: Bool {
        if case .element = kind { return true }
        return false
    }
}
