/// Direction of the diagram's main flow.
public enum LayoutDirection: String, CaseIterable, Hashable, Sendable {
    /// Top to bottom (`TB`).
    case topToBottom = "TB"
    /// Left to right (`LR`).
    case leftToRight = "LR"
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
    /// What part of the model is drawn, and how: everything, boxes for a kind of boundary, a
    /// focus, an atlas page.
    public var view: DiagramView

    public init(
        direction: LayoutDirection = .topToBottom, theme: DiagramTheme = .standard, showLegend: Bool = true,
        anchorPrefix: String? = nil, idPrefix: String = "", view: DiagramView = .full
    ) {
        self.direction = direction
        self.theme = theme
        self.showLegend = showLegend
        self.anchorPrefix = anchorPrefix
        self.idPrefix = idPrefix
        self.view = view
    }
}
