import TrustFlowAnalysis
import TrustFlowDiff
import TrustFlowModel

/// The visual style of diagrams: fonts, colours and line styles per kind of thing.
///
/// Every distinction is made by more than colour — line style, shape, or a text marker —
/// so a diagram reads in greyscale and for colour-blind readers.
public struct DiagramTheme: Hashable, Sendable {
    /// The font families of all text, as a comma-separated list: Graphviz measures the layout
    /// with the first one installed, and the SVG names the same list, so a browser draws the
    /// text in the font its space was measured for. The first family should be installed
    /// where diagrams are rendered (``standard``'s DejaVu Sans comes with `make deps`); the
    /// others are fallbacks for viewers without it, closest in width first.
    public var fontName: String
    public var titleFontSize: Double
    public var fontSize: Double
    public var edgeFontSize: Double
    public var smallFontSize: Double
    public var textColor: DOTColor
    public var mutedTextColor: DOTColor
    public var controlTextColor: DOTColor
    public var backgroundColor: DOTColor
    public var boundaries: [BoundaryKind: BoundaryStyle]
    public var elements: [ElementKind: NodeStyle]
    public var threatActor: NodeStyle
    public var flows: [FlowSecurity: EdgeStyle]
    public var attack: EdgeStyle
    /// Colour of items with an unaccepted finding, by the worst finding's severity.
    public var findingColors: [Severity: DOTColor]
    /// Colour of added, removed and changed items in a diff diagram.
    public var diffColors: [ChangeKind: DOTColor]

    public init(
        fontName: String, titleFontSize: Double, fontSize: Double, edgeFontSize: Double, smallFontSize: Double,
        textColor: DOTColor, mutedTextColor: DOTColor, controlTextColor: DOTColor, backgroundColor: DOTColor,
        boundaries: [BoundaryKind: BoundaryStyle], elements: [ElementKind: NodeStyle], threatActor: NodeStyle,
        flows: [FlowSecurity: EdgeStyle], attack: EdgeStyle, findingColors: [Severity: DOTColor],
        diffColors: [ChangeKind: DOTColor]
    ) {
        self.fontName = fontName
        self.titleFontSize = titleFontSize
        self.fontSize = fontSize
        self.edgeFontSize = edgeFontSize
        self.smallFontSize = smallFontSize
        self.textColor = textColor
        self.mutedTextColor = mutedTextColor
        self.controlTextColor = controlTextColor
        self.backgroundColor = backgroundColor
        self.boundaries = boundaries
        self.elements = elements
        self.threatActor = threatActor
        self.flows = flows
        self.attack = attack
        self.findingColors = findingColors
        self.diffColors = diffColors
    }

    /// The first family of ``fontName``: the font the layout is measured with when it is
    /// installed.
    public var measuredFontFamily: String {
        String(fontName.split(separator: ",").first?.trimmingWhitespace() ?? "")
    }

    func style(for kind: BoundaryKind) -> BoundaryStyle { boundaries[kind] ?? DiagramTheme.standard.boundaries[kind]! }
    func style(for kind: ElementKind) -> NodeStyle { elements[kind] ?? DiagramTheme.standard.elements[kind]! }
    /// How flows of a protection are drawn (the standard theme's when this one names none).
    public func style(for security: FlowSecurity) -> EdgeStyle { flows[security] ?? DiagramTheme.standard.flows[security]! }
}

/// How a flow is protected in transit, as the diagram shows it.
public enum FlowSecurity: String, CaseIterable, Hashable, Sendable {
    case mtls, tls, unencrypted, unknown

    public init(_ encryption: Encryption?) {
        switch encryption {
        case .mtls: self = .mtls
        case .tls: self = .tls
        case .none?: self = .unencrypted
        case nil: self = .unknown
        }
    }
}

/// Line styles Graphviz draws for clusters and edges.
public enum LineStyle: String, CaseIterable, Hashable, Sendable {
    case solid, dashed, dotted, bold
}

/// Style of a boundary cluster.
public struct BoundaryStyle: Hashable, Sendable {
    public var lineColor: DOTColor
    public var fillColor: DOTColor
    public var lineStyle: LineStyle
    public var penWidth: Double
    public var rounded: Bool

    public init(lineColor: DOTColor, fillColor: DOTColor, lineStyle: LineStyle, penWidth: Double, rounded: Bool) {
        self.lineColor = lineColor
        self.fillColor = fillColor
        self.lineStyle = lineStyle
        self.penWidth = penWidth
        self.rounded = rounded
    }
}

/// Node shapes used for elements.
public enum NodeShape: String, CaseIterable, Hashable, Sendable {
    case box, ellipse, octagon, cylinder, note
    /// The DFD data-store symbol: two parallel lines, open at the sides.
    case openRectangle = "open-rectangle"
}

/// Style of an element or threat-actor node.
public struct NodeStyle: Hashable, Sendable {
    public var shape: NodeShape
    public var lineColor: DOTColor
    public var fillColor: DOTColor
    public var lineStyle: LineStyle
    public var penWidth: Double
    /// Number of outlines (2 draws the double border of an external system).
    public var peripheries: Int
    public var rounded: Bool

    public init(
        shape: NodeShape, lineColor: DOTColor, fillColor: DOTColor, lineStyle: LineStyle = .solid,
        penWidth: Double = 1.2, peripheries: Int = 1, rounded: Bool = false
    ) {
        self.shape = shape
        self.lineColor = lineColor
        self.fillColor = fillColor
        self.lineStyle = lineStyle
        self.penWidth = penWidth
        self.peripheries = peripheries
        self.rounded = rounded
    }
}

/// Style of an edge.
public struct EdgeStyle: Hashable, Sendable {
    public var color: DOTColor
    public var lineStyle: LineStyle
    public var penWidth: Double
    /// Draws two parallel lines (used for mTLS).
    public var doubleLine: Bool
    /// Graphviz arrowhead name.
    public var arrowHead: String
    /// Text that says in words what the style says in colour, e.g. `⚠ unencrypted`.
    public var marker: String

    public init(color: DOTColor, lineStyle: LineStyle, penWidth: Double, doubleLine: Bool = false,
        arrowHead: String = "normal", marker: String)
    {
        self.color = color
        self.lineStyle = lineStyle
        self.penWidth = penWidth
        self.doubleLine = doubleLine
        self.arrowHead = arrowHead
        self.marker = marker
    }
}

extension DiagramTheme {
    /// The default theme.
    public static let standard = DiagramTheme(
        // Graphviz asked for "Helvetica" measures with the PostScript alias's font, DejaVu Sans
        // on Debian, while browsers draw Helvetica or Arial, narrower: text showed gaps.
        // Bitstream Vera Sans has DejaVu's widths for Latin text; Verdana is close.
        fontName: "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif",
        titleFontSize: 18, fontSize: 11, edgeFontSize: 9, smallFontSize: 8,
        textColor: DOTColor("#1a1a1a"), mutedTextColor: DOTColor("#5f6368"),
        controlTextColor: DOTColor("#1b5e20"), backgroundColor: DOTColor("#ffffff"),
        boundaries: [
            .cluster: BoundaryStyle(lineColor: DOTColor("#0d47a1"), fillColor: DOTColor("#f5f8fd"), lineStyle: .bold, penWidth: 2.5, rounded: true),
            .node: BoundaryStyle(lineColor: DOTColor("#455a64"), fillColor: DOTColor("#f5f5f5"), lineStyle: .solid, penWidth: 1.6, rounded: false),
            .namespace: BoundaryStyle(lineColor: DOTColor("#2e7d32"), fillColor: DOTColor("#f3faf3"), lineStyle: .dashed, penWidth: 1.6, rounded: true),
            .pod: BoundaryStyle(lineColor: DOTColor("#6a1b9a"), fillColor: DOTColor("#fbf6fd"), lineStyle: .solid, penWidth: 1.2, rounded: true),
            .container: BoundaryStyle(lineColor: DOTColor("#e65100"), fillColor: DOTColor("#fffaf5"), lineStyle: .dotted, penWidth: 1.4, rounded: false),
            .network: BoundaryStyle(lineColor: DOTColor("#00838f"), fillColor: DOTColor("#f2fbfc"), lineStyle: .dashed, penWidth: 2, rounded: false),
            .generic: BoundaryStyle(lineColor: DOTColor("#757575"), fillColor: DOTColor("#fafafa"), lineStyle: .dashed, penWidth: 1, rounded: false),
        ],
        elements: [
            .actor: NodeStyle(shape: .box, lineColor: DOTColor("#5d4037"), fillColor: DOTColor("#fff8e1"), penWidth: 1.4),
            .process: NodeStyle(shape: .ellipse, lineColor: DOTColor("#1565c0"), fillColor: DOTColor("#e3f2fd"), penWidth: 1.4),
            .datastore: NodeStyle(shape: .openRectangle, lineColor: DOTColor("#37474f"), fillColor: DOTColor("#eceff1"), penWidth: 2),
            .external: NodeStyle(shape: .box, lineColor: DOTColor("#424242"), fillColor: DOTColor("#f5f5f5"), penWidth: 1, peripheries: 2),
        ],
        threatActor: NodeStyle(shape: .octagon, lineColor: DOTColor("#b71c1c"), fillColor: DOTColor("#ffebee"), lineStyle: .dashed, penWidth: 1.6),
        flows: [
            .mtls: EdgeStyle(color: DOTColor("#1b5e20"), lineStyle: .solid, penWidth: 1.2, doubleLine: true, marker: "mTLS"),
            .tls: EdgeStyle(color: DOTColor("#2e7d32"), lineStyle: .solid, penWidth: 1.4, marker: "TLS"),
            .unencrypted: EdgeStyle(color: DOTColor("#c62828"), lineStyle: .bold, penWidth: 2.4, marker: "⚠ unencrypted"),
            .unknown: EdgeStyle(color: DOTColor("#ef6c00"), lineStyle: .dotted, penWidth: 1.8, marker: "? encryption unknown"),
        ],
        attack: EdgeStyle(color: DOTColor("#b71c1c"), lineStyle: .dashed, penWidth: 1.4, arrowHead: "vee", marker: "attacks"),
        findingColors: [
            .critical: DOTColor("#880e4f"),
            .high: DOTColor("#d50000"),
            .medium: DOTColor("#e65100"),
            .low: DOTColor("#827717"),
        ],
        diffColors: [
            .added: DOTColor("#1b873f"),
            .removed: DOTColor("#c62828"),
            .changed: DOTColor("#1565c0"),
        ]
    )
}

extension DiagramTheme {
    /// This theme in greys, for items that are context rather than the point of a picture
    /// (unchanged items in a diff). Line styles and shapes stay, so kinds remain readable.
    public var muted: DiagramTheme {
        var theme = self
        let line: DOTColor = DOTColor("#bdbdbd")
        let fill: DOTColor = DOTColor("#fafafa")
        theme.textColor = DOTColor("#8a8a8a")
        theme.mutedTextColor = DOTColor("#a8a8a8")
        theme.controlTextColor = DOTColor("#a8a8a8")
        theme.boundaries = boundaries.mapValues { style in
            var style = style
            style.lineColor = line
            style.fillColor = fill
            return style
        }
        theme.elements = elements.mapValues { style in
            var style = style
            style.lineColor = line
            style.fillColor = fill
            return style
        }
        theme.threatActor.lineColor = line
        theme.threatActor.fillColor = fill
        theme.flows = flows.mapValues { style in
            var style = style
            style.color = line
            return style
        }
        theme.attack.color = line
        return theme
    }
}
