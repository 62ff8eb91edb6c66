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

    public init(
        direction: LayoutDirection = .topToBottom, theme: DiagramTheme = .standard, showLegend: Bool = true,
        anchorPrefix: String? = nil, idPrefix: String = "", flowLabels: FlowLabelStyle = .full,
        view: DiagramView = .full
    ) {
        self.direction = direction
        self.theme = theme
        self.showLegend = showLegend
        self.anchorPrefix = anchorPrefix
        self.idPrefix = idPrefix
        self.flowLabels = flowLabels
        self.view = view
    }
}
