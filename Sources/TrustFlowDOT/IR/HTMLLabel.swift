/// A Graphviz HTML-like label, as a value; ``DOTWriter`` escapes every piece of text in it.
public enum HTMLLabel: Hashable, Sendable {
    /// Formatted text.
    case text([HTMLText])
    /// A table.
    case table(HTMLTable)
}

/// Formatted text inside an HTML-like label.
public indirect enum HTMLText: Hashable, Sendable {
    /// Literal text; line breaks in it become `<BR/>`.
    case plain(String)
    /// A line break, aligned as given.
    case lineBreak(HTMLAlignment = .center)
    case bold([HTMLText])
    case italic([HTMLText])
    case font(HTMLFont, [HTMLText])
}

/// Horizontal alignment.
public enum HTMLAlignment: String, Hashable, Sendable {
    case left = "LEFT", center = "CENTER", right = "RIGHT"
}

/// A font change.
public struct HTMLFont: Hashable, Sendable {
    public var face: String?
    public var pointSize: Double?
    public var color: DOTColor?

    public init(face: String? = nil, pointSize: Double? = nil, color: DOTColor? = nil) {
        self.face = face
        self.pointSize = pointSize
        self.color = color
    }
}

/// A table of cells.
public struct HTMLTable: Hashable, Sendable {
    public var border: Int?
    public var cellBorder: Int?
    public var cellSpacing: Int?
    public var cellPadding: Int?
    public var backgroundColor: DOTColor?
    public var color: DOTColor?
    public var rounded: Bool
    public var rows: [[HTMLCell]]

    public init(
        border: Int? = 0, cellBorder: Int? = 0, cellSpacing: Int? = 0, cellPadding: Int? = nil,
        backgroundColor: DOTColor? = nil, color: DOTColor? = nil, rounded: Bool = false, rows: [[HTMLCell]]
    ) {
        self.border = border
        self.cellBorder = cellBorder
        self.cellSpacing = cellSpacing
        self.cellPadding = cellPadding
        self.backgroundColor = backgroundColor
        self.color = color
        self.rounded = rounded
        self.rows = rows
    }
}

/// One table cell.
public struct HTMLCell: Hashable, Sendable {
    /// What a cell holds.
    public enum Content: Hashable, Sendable {
        case text([HTMLText])
        case table(HTMLTable)
    }

    public var content: Content
    public var alignment: HTMLAlignment?
    /// Alignment of the lines of text after `<BR/>`.
    public var lineAlignment: HTMLAlignment?
    public var border: Int?
    public var padding: Int?
    public var backgroundColor: DOTColor?
    public var color: DOTColor?
    /// Which sides get a border: any of "L", "T", "R", "B".
    public var sides: String?
    public var columnSpan: Int?
    public var width: Int?
    public var height: Int?
    /// The cell's SVG id (Graphviz writes it as `a_<id>` on the cell's link group).
    public var id: String?
    /// Where selecting the cell goes (`HREF`).
    public var link: String?
    /// The window the link opens in (`_top`, `_self`).
    public var target: String?
    /// The cell's tooltip; shown in SVG. A cell with a tooltip and no link gets an empty
    /// `HREF`, without which Graphviz drops the tooltip.
    public var tooltip: String?

    public init(
        _ content: Content, alignment: HTMLAlignment? = nil, lineAlignment: HTMLAlignment? = nil,
        border: Int? = nil, padding: Int? = nil, backgroundColor: DOTColor? = nil, color: DOTColor? = nil,
        sides: String? = nil, columnSpan: Int? = nil, width: Int? = nil, height: Int? = nil,
        id: String? = nil, link: String? = nil, target: String? = nil, tooltip: String? = nil
    ) {
        self.content = content
        self.alignment = alignment
        self.lineAlignment = lineAlignment
        self.border = border
        self.padding = padding
        self.backgroundColor = backgroundColor
        self.color = color
        self.sides = sides
        self.columnSpan = columnSpan
        self.width = width
        self.height = height
        self.id = id
        self.link = link
        self.target = target
        self.tooltip = tooltip
    }
}
