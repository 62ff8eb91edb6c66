import TrustFlowAnalysis
import TrustFlowModel

/// An item of the diagram that a decoration can change.
public enum DiagramItem: Hashable, Sendable {
    case boundary(String)
    case element(String)
    case flow(String)
    case threatActor(String)
}

extension DiagramItem {
    /// The item a finding is about; `nil` for a Kubernetes object, which the diagram does not draw.
    public init?(_ target: FindingTarget) {
        switch target.kind {
        case .boundary: self = .boundary(target.id)
        case .element: self = .element(target.id)
        case .flow: self = .flow(target.id)
        case .threatActor: self = .threatActor(target.id)
        case .kubernetesObject: return nil
        }
    }
}

/// A word or two added to an item's label, e.g. `⚠ TF103 high` or `+ added`.
public struct Badge: Hashable, Sendable {
    public var text: String
    public var color: DOTColor?
    public var bold: Bool

    public init(_ text: String, color: DOTColor? = nil, bold: Bool = false) {
        self.text = text
        self.color = color
        self.bold = bold
    }
}

/// How something outside the model — findings, a diff — changes the look of one item.
///
/// A decoration never relies on colour alone: it adds badges (words) and may change the
/// line style, so it reads in greyscale and for colour-blind readers.
public struct Decoration: Hashable, Sendable {
    /// Line colour instead of the item's own.
    public var color: DOTColor?
    /// Line style instead of the item's own.
    public var lineStyle: LineStyle?
    /// A minimum line width.
    public var penWidth: Double?
    /// Added to the label, in order.
    public var badges: [Badge]
    /// Added to the tooltip, one line each.
    public var tooltip: [String]
    /// Draws the item in grey, for context that is not the point of the picture.
    public var muted: Bool
    /// Words added to a label that shows only a flow's number (`⚠ high` for an unaccepted
    /// finding), so it reads without colour where badges are left out.
    public var mark: String?

    public init(
        color: DOTColor? = nil, lineStyle: LineStyle? = nil, penWidth: Double? = nil, badges: [Badge] = [],
        tooltip: [String] = [], muted: Bool = false, mark: String? = nil
    ) {
        self.color = color
        self.lineStyle = lineStyle
        self.penWidth = penWidth
        self.badges = badges
        self.tooltip = tooltip
        self.muted = muted
        self.mark = mark
    }

    /// This decoration followed by `other`: `other`'s styles win, badges and tooltips add up.
    public func merged(with other: Decoration) -> Decoration {
        Decoration(
            color: other.color ?? color, lineStyle: other.lineStyle ?? lineStyle,
            penWidth: [penWidth, other.penWidth].compactMap { $0 }.max(),
            badges: badges + other.badges, tooltip: tooltip + other.tooltip, muted: muted || other.muted,
            mark: other.mark ?? mark)
    }
}

/// A row of the legend that explains a decoration.
public struct LegendRow: Hashable, Sendable {
    /// What the sample cell shows.
    public enum Sample: Hashable, Sendable {
        case badge(Badge)
        /// A badge on a background, as a cell of a matrix shows it.
        case tinted(Badge, background: DOTColor)
        case line(color: DOTColor, style: LineStyle, double: Bool)
        /// A line with its arrowhead, and its arrowtail when `bothWays`.
        case edge(EdgeStyle, bothWays: Bool)
        /// A boundary's kind in its border and fill.
        case boundary(BoundaryKind, BoundaryStyle)
        /// A node's outline and fill.
        case shape(NodeStyle)
    }

    public var sample: Sample
    public var text: String

    public init(_ sample: Sample, _ text: String) {
        self.sample = sample
        self.text = text
    }
}

/// A titled group of legend rows.
public struct LegendSection: Hashable, Sendable {
    public var title: String
    public var rows: [LegendRow]

    public init(title: String, rows: [LegendRow]) {
        self.title = title
        self.rows = rows
    }
}

/// Decorations for a whole diagram, and the legend sections that explain them.
public struct DiagramDecorations: Hashable, Sendable {
    public var items: [DiagramItem: Decoration]
    public var legend: [LegendSection]

    public init(items: [DiagramItem: Decoration] = [:], legend: [LegendSection] = []) {
        self.items = items
        self.legend = legend
    }

    /// The decoration of `item` (an empty one when it has none).
    public subscript(_ item: DiagramItem) -> Decoration { items[item] ?? Decoration() }

    /// Adds `other`'s decorations on top of these, and its legend sections after these.
    public mutating func merge(_ other: DiagramDecorations) {
        for (item, decoration) in other.items { items[item] = self[item].merged(with: decoration) }
        legend += other.legend
    }

    /// Findings on what they are about: the worst unaccepted finding's colour, badges such as
    /// `⚠ TF103 high` (accepted ones `✓ TF103 accepted`), and the messages in the tooltip.
    /// Boxes and borders get a thicker line too, flows do not: a thick line is how a theme
    /// draws an unencrypted flow, and a finding must not look like one without colour.
    public static func findings(_ findings: [Finding], theme: DiagramTheme) -> DiagramDecorations {
        var grouped: [DiagramItem: [Finding]] = [:]
        var order: [DiagramItem] = []
        for finding in findings {
            guard let item = DiagramItem(finding.target) else { continue }
            if grouped[item] == nil { order.append(item) }
            grouped[item, default: []].append(finding)
        }
        var items: [DiagramItem: Decoration] = [:]
        for item in order {
            let sorted = grouped[item]!.sorted {
                ($0.isAccepted ? 1 : 0, -severityRank($0.severity), $0.ruleID) < ($1.isAccepted ? 1 : 0, -severityRank($1.severity), $1.ruleID)
            }
            let worst = sorted.filter { !$0.isAccepted }.map(\.severity).max()
            let isFlow = if case .flow = item { true } else { false }
            items[item] = Decoration(
                color: worst.map(theme.findingColor),
                penWidth: worst == nil || isFlow ? nil : DiagramTheme.findingPenWidth,
                badges: sorted.map { finding in
                    finding.isAccepted
                        ? Badge("✓ \(finding.ruleID) accepted", color: theme.mutedTextColor)
                        : Badge("⚠ \(finding.ruleID) \(finding.severity.rawValue)", color: theme.findingColor(finding.severity), bold: true)
                },
                tooltip: sorted.map { "\($0.ruleID) (\($0.isAccepted ? "accepted " : "")\($0.severity.rawValue)): \($0.message)" },
                mark: worst.map { "⚠ \($0.rawValue)" })
        }
        var rows = Severity.allCases.reversed().filter { severity in findings.contains { !$0.isAccepted && $0.severity == severity } }
            .map { severity in
                LegendRow(.badge(Badge("⚠ TF… \(severity.rawValue)", color: theme.findingColor(severity), bold: true)),
                    "\(severity.rawValue) finding — ⚠ in the label, drawn in this colour (a border thicker)")
            }
        if findings.contains(where: \.isAccepted) {
            rows.append(LegendRow(.badge(Badge("✓ TF… accepted", color: theme.mutedTextColor)), "accepted risk — drawn as usual"))
        }
        return DiagramDecorations(items: items, legend: rows.isEmpty ? [] : [LegendSection(title: "Findings", rows: rows)])
    }

    private static func severityRank(_ severity: Severity) -> Int { Severity.allCases.firstIndex(of: severity)! }
}

extension DiagramTheme {
    /// The colour of findings of `severity` (the standard theme's when this one names none).
    public func findingColor(_ severity: Severity) -> DOTColor {
        findingColors[severity] ?? DiagramTheme.standard.findingColors[severity]!
    }

    /// Line width of an item with an unaccepted finding.
    static let findingPenWidth = 2.6
}
