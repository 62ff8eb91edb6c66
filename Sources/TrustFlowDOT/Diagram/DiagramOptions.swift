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

    public init(direction: LayoutDirection = .topToBottom, theme: DiagramTheme = .standard, showLegend: Bool = true) {
        self.direction = direction
        self.theme = theme
        self.showLegend = showLegend
    }
}
