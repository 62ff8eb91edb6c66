import TrustFlowModel

extension ViewProjection {
    /// How a boundary is drawn.
    enum BoundaryRole: Equatable {
        /// A Graphviz cluster around what is drawn inside it.
        case cluster
        /// One box standing for everything inside it.
        case collapsed
        /// Not drawn (inside a box, or outside a focus or an atlas page).
        case hidden
    }

    /// An element drawn by the view.
    struct PlacedElement {
        let element: Element
        /// Set when the element is only a neighbour of an atlas page, drawn small.
        let stub: Stub?
    }

    /// A neighbour outside an atlas page: it links to the page that shows it in full.
    struct Stub: Equatable {
        /// The collapsed boundary around the element, whose page the stub links to; `nil`
        /// when no box contains it and the stub links to the index.
        let box: Boundary?
        /// The page's file name, e.g. `ns-backend.svg`.
        let page: String
    }

    /// One end of an edge: an element's node, or the box of a collapsed boundary.
    struct Endpoint: Hashable {
        /// The Graphviz node name.
        let node: String
        /// The element's or the boundary's model id.
        let id: String
        let isBox: Bool
    }

    /// Flows between two boxes, or a box and an element, merged into one edge.
    struct MergedFlows {
        let from: Endpoint
        let to: Endpoint
        let bidirectional: Bool
        /// Positions in ``Model/flows``, in file order.
        var flows: [Int]
        /// The edge's SVG id, unique in the diagram.
        var id = ""
    }

    /// An edge of the diagram, other than attacks.
    enum Edge {
        /// A flow drawn as itself; its number is position + 1.
        case flow(position: Int)
        case merged(MergedFlows)
    }

    /// What a box hides.
    struct BoxContents {
        /// Elements inside, in file order.
        var elements: [String] = []
        /// Boundaries strictly inside, in file order.
        var boundaries: [String] = []
        /// Positions of the flows between two of its elements, in file order.
        var internalFlows: [Int] = []
    }

    /// Where an attack edge goes.
    struct AttackHead {
        /// The node the edge points at.
        let node: String
        /// The id the edge's SVG id is made of (the target, or the box standing for it).
        let target: String
        /// How the tooltip names the target.
        let label: String
        /// The boundary attacked, when it is drawn as a cluster: the edge then ends at the
        /// cluster's border or at its target marker, not at ``node``.
        var boundary: String? = nil
        /// Whether the actor stands inside that boundary (no border to end at: a marker).
        var actorInside = false
    }
}
