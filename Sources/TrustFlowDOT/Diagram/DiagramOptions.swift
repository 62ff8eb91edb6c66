/// Direction of the diagram's main flow.
public enum LayoutDirection: String, CaseIterable, Hashable, Sendable {
    /// Top to bottom (`TB`).
    case topToBottom = "TB"
    /// Left to right (`LR`).
    case leftToRight = "LR"
}

/// How much of a flow its edge label shows.
public enum FlowLabelStyle: String, CaseIterable, Hashable, Sendable {
    /// Number, label, protocol:port, encryption, authentication, controls and badges.
    case full
    /// Only the number, placed after layout (`xlabel`); the rest is in the tooltip. Large
    /// models laid out with `fdp` stay readable this way, because labels there are placed
    /// as obstacles and tangle the picture.
    case number
}

/// Where an edge's label is drawn.
public enum EdgeLabelPlacement: String, CaseIterable, Hashable, Sendable {
    /// On the edge, where the layout engine puts it: what `fdp` and `osage` do.
    case onEdge
    /// In a node of its own that the edge runs through, inside the innermost boundary around
    /// both ends. `dot` lays it out like any node, so the label never straddles a border nor
    /// covers a boundary's header or controls, as `dot`'s own edge labels did, and it sits on
    /// its edge, so a reader never wonders which edge a label belongs to.
    case node
}

/// Whether a diagram's boxes and nodes are numbered in file order and packed in rows
/// (`packmode=array_u`, `sortv`): the shape of a diagram for Graphviz's `osage` engine.
public enum Packing: String, CaseIterable, Hashable, Sendable {
    /// Packed when the view draws more than ``DiagramView/packedLayoutEdgeThreshold`` edges —
    /// the views that `--engine auto` gives to `osage`; the full diagram never is.
    case byView
    /// Packed, whatever the view: the diagram is for `osage`.
    case always
    /// Not packed: the diagram is for `dot` or `fdp`, which ignore the packing and would
    /// only carry it.
    case never
}

/// Choices that shape a diagram.
public struct DiagramOptions: Hashable, Sendable {
    public var direction: LayoutDirection
    public var theme: DiagramTheme
    /// Draws the legend node.
    public var showLegend: Bool
    /// Makes each element, boundary, flow and threat actor a link to `#<prefix><svg id>` —
    /// for a report that inlines the SVG above tables whose rows carry those anchors. An
    /// element's own `url` is then not the link (the report lists it).
    public var anchorPrefix: String?
    /// Put before every SVG id, so several diagrams can share one HTML page without
    /// duplicate ids (`before-element-api`, `after-element-api`).
    public var idPrefix: String
    /// How much each flow's label shows.
    public var flowLabels: FlowLabelStyle
    /// What part of the model is drawn, and how: everything, boxes for a kind of boundary, a
    /// focus, an atlas page.
    public var view: DiagramView
    /// Whether boxes and nodes are packed in rows in file order, for `osage`. The renderers
    /// set it from the engine that lays the diagram out.
    public var packing: Packing
    /// Whether an attack on a boundary drawn as a cluster ends at the cluster's border: it aims
    /// at a node inside and `lhead` clips it, which only `dot` does. Otherwise (and always in a
    /// packed diagram, or when the actor stands inside) it ends at a target marker drawn inside
    /// the cluster. (`fdp`'s own cluster edges are not used: it names their ends with a counter
    /// that runs on from graph to graph, so the SVG would differ within one process.) The
    /// renderers set it from the engine.
    public var clipsAttacksAtClusters: Bool
    /// Where edge labels are drawn: by default where Graphviz puts them; the renderers draw
    /// them as nodes for `dot` (unless the view is packed for `osage`).
    public var edgeLabels: EdgeLabelPlacement
    /// Whether the output shows tooltips (SVG does, PNG and PDF do not), so the legend only
    /// sends readers to tooltips they have. The renderers set it from the format.
    public var hasTooltips: Bool

    public init(
        direction: LayoutDirection = .topToBottom, theme: DiagramTheme = .standard, showLegend: Bool = true,
        anchorPrefix: String? = nil, idPrefix: String = "", flowLabels: FlowLabelStyle = .full,
        view: DiagramView = .full, packing: Packing = .byView, clipsAttacksAtClusters: Bool = true,
        edgeLabels: EdgeLabelPlacement = .onEdge, hasTooltips: Bool = true
    ) {
        self.direction = direction
        self.theme = theme
        self.showLegend = showLegend
        self.anchorPrefix = anchorPrefix
        self.idPrefix = idPrefix
        self.flowLabels = flowLabels
        self.view = view
        self.packing = packing
        self.clipsAttacksAtClusters = clipsAttacksAtClusters
        self.edgeLabels = edgeLabels
        self.hasTooltips = hasTooltips
    }
}
