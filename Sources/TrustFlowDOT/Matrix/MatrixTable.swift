/// A table with the same things down the side and across the top — boundaries, workloads —
/// and one cell per ordered pair, as a Graphviz HTML-like table, so SVG, PNG and PDF all show
/// it. What a cell says is the caller's: the boundary matrix (``DiagramView/matrix(_:)``) fills
/// a cell with the flows from its row to its column; a reachability matrix would fill it with
/// what network policies allow. ``DiagramBuilder/matrixDiagram(title:caption:table:legend:note:)``
/// draws one under a title, in the diagram's theme.
///
/// Rows are numbered and named on the left and numbered on the right; columns are numbered at
/// the top and the bottom, which keeps a hundred of them narrow. Every cell is at least
/// ``cellWidth`` × ``cellHeight``, so an empty column keeps its width, and a light grid lets a
/// row be followed across; an empty cell is drawn empty.
public struct MatrixTable: Hashable, Sendable {
    /// One of the things a row and a column stand for.
    public struct Header: Hashable, Sendable {
        /// Its name, in bold beside its row number; the column's tooltip.
        public var name: String
        /// What it is, in small grey type after the name (`actor`), if anything.
        public var detail: String?
        public var tooltip: String?
        public var link: String?
        public var target: String?

        public init(name: String, detail: String? = nil, tooltip: String? = nil, link: String? = nil, target: String? = nil) {
            self.name = name
            self.detail = detail
            self.tooltip = tooltip
            self.link = link
            self.target = target
        }
    }

    /// What one pair's cell shows.
    public struct Cell: Hashable, Sendable {
        public var text: [HTMLText]
        public var background: DOTColor?
        /// The cell's SVG id.
        public var id: String?
        public var tooltip: String?
        public var link: String?
        public var target: String?

        public init(
            text: [HTMLText], background: DOTColor? = nil, id: String? = nil, tooltip: String? = nil, link: String? = nil,
            target: String? = nil
        ) {
            self.text = text
            self.background = background
            self.id = id
            self.tooltip = tooltip
            self.link = link
            self.target = target
        }
    }

    /// A cell's place: the row's and the column's positions in ``headers``.
    public struct Position: Hashable, Sendable {
        public var row: Int
        public var column: Int

        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// The rows, and in the same order the columns.
    public var headers: [Header]
    /// The cells that have something to say; every other cell is empty.
    public var cells: [Position: Cell]
    /// The top-left corner, saying how the table reads, e.g. `from ↓  to →`.
    public var corner: [HTMLText]
    /// The smallest size of a cell, in points.
    public var cellWidth: Int
    public var cellHeight: Int
    /// The background of a thing's cell with itself, when the cell has none of its own.
    public var diagonal: DOTColor?

    public init(
        headers: [Header], cells: [Position: Cell], corner: [HTMLText] = [], cellWidth: Int = 40, cellHeight: Int = 20,
        diagonal: DOTColor? = nil
    ) {
        self.headers = headers
        self.cells = cells
        self.corner = corner
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.diagonal = diagonal
    }

    /// The table, its grid and numbers in `gridColor` and `numberColor`, its names at
    /// `fontSize` points. Header cells get SVG ids starting with `idPrefix` (`row-3`,
    /// `column-3-bottom`): Graphviz numbers a linked cell without an id by a counter that runs
    /// on through the process, so the same table would come out different in one process.
    public func table(fontSize: Double, smallFontSize: Double, gridColor: DOTColor, numberColor: DOTColor, idPrefix: String) -> HTMLTable {
        let numberFont = HTMLFont(pointSize: smallFontSize, color: numberColor)
        func number(_ position: Int, id: String) -> HTMLCell {
            HTMLCell(.text([.font(numberFont, [.bold([.plain("\(position + 1)")])])]), alignment: .center,
                id: idPrefix + id, tooltip: headers[position].tooltip ?? headers[position].name)
        }
        func numbersRow(_ side: String) -> [HTMLCell] {
            [HTMLCell(.text(side == "top" ? corner : []), alignment: .left, columnSpan: 2)]
                + headers.indices.map { number($0, id: "column-\($0 + 1)-\(side)") } + [HTMLCell(.text([]))]
        }
        var rows: [[HTMLCell]] = [numbersRow("top")]
        for (row, header) in headers.enumerated() {
            var name: [HTMLText] = [.font(HTMLFont(pointSize: fontSize), [.bold([.plain(header.name)])])]
            if let detail = header.detail { name += [.plain(" "), .font(HTMLFont(pointSize: smallFontSize, color: numberColor), [.plain(detail)])] }
            var cells = [
                HTMLCell(.text([.font(numberFont, [.bold([.plain("\(row + 1)")])])]), alignment: .right),
                HTMLCell(.text(name), alignment: .left, id: idPrefix + "row-\(row + 1)", link: header.link, target: header.target,
                    tooltip: header.tooltip),
            ]
            for column in headers.indices {
                let background = row == column ? diagonal : nil
                guard let cell = self.cells[Position(row: row, column: column)] else {
                    cells.append(HTMLCell(.text([]), backgroundColor: background, width: cellWidth, height: cellHeight))
                    continue
                }
                cells.append(HTMLCell(.text(cell.text), backgroundColor: cell.background ?? background, width: cellWidth,
                    height: cellHeight, id: cell.id, link: cell.link, target: cell.target, tooltip: cell.tooltip))
            }
            cells.append(number(row, id: "row-\(row + 1)-end"))
            rows.append(cells)
        }
        rows.append(numbersRow("bottom"))
        return HTMLTable(border: 0, cellBorder: 1, cellSpacing: 0, cellPadding: 2, color: gridColor, rows: rows)
    }
}
