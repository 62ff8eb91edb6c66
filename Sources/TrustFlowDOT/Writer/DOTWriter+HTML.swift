extension DOTWriter {
    /// The body of an HTML-like label (without the enclosing `<` `>`).
    func html(_ label: HTMLLabel) -> String {
        var output = DOTBuffer(capacity: 256)
        html(label, into: &output)
        return output.text
    }

    // Labels are written straight into the output: building each piece as its own string
    // made labels the largest cost of writing a big diagram.
    func html(_ label: HTMLLabel, into output: inout DOTBuffer) {
        switch label {
        case .text(let items): for item in items { html(item, into: &output) }
        case .table(let table): html(table, into: &output)
        }
    }

    private func html(_ text: HTMLText, into output: inout DOTBuffer) {
        switch text {
        case .plain(let string):
            DOTWriter.escapeHTML(string, into: &output)
        case .lineBreak(let alignment):
            output += alignment == .center ? "<BR/>" : "<BR ALIGN=\"\(alignment.rawValue)\"/>"
        case .bold(let items):
            output += "<B>"
            for item in items { html(item, into: &output) }
            output += "</B>"
        case .italic(let items):
            output += "<I>"
            for item in items { html(item, into: &output) }
            output += "</I>"
        case .font(let font, let items):
            output += "<FONT"
            if let face = font.face {
                output += " FACE=\""
                DOTWriter.escapeHTML(face, into: &output)
                output += "\""
            }
            if let size = font.pointSize {
                output += " POINT-SIZE=\""
                output += DOTWriter.format(size)
                output += "\""
            }
            if let color = font.color {
                output += " COLOR=\""
                output += color.hex
                output += "\""
            }
            output += ">"
            for item in items { html(item, into: &output) }
            output += "</FONT>"
        }
    }

    private func html(_ table: HTMLTable, into output: inout DOTBuffer) {
        output += "<TABLE"
        attribute("BORDER", table.border, into: &output)
        attribute("CELLBORDER", table.cellBorder, into: &output)
        attribute("CELLSPACING", table.cellSpacing, into: &output)
        attribute("CELLPADDING", table.cellPadding, into: &output)
        attribute("BGCOLOR", table.backgroundColor?.hex, into: &output)
        attribute("COLOR", table.color?.hex, into: &output)
        if table.rounded { output += " STYLE=\"rounded\"" }
        output += ">"
        for row in table.rows {
            output += "<TR>"
            for cell in row { html(cell, into: &output) }
            output += "</TR>"
        }
        output += "</TABLE>"
    }

    private func html(_ cell: HTMLCell, into output: inout DOTBuffer) {
        output += "<TD"
        attribute("ALIGN", cell.alignment?.rawValue, into: &output)
        attribute("BALIGN", cell.lineAlignment?.rawValue, into: &output)
        attribute("BORDER", cell.border, into: &output)
        attribute("CELLPADDING", cell.padding, into: &output)
        attribute("BGCOLOR", cell.backgroundColor?.hex, into: &output)
        attribute("COLOR", cell.color?.hex, into: &output)
        if let sides = cell.sides {
            attribute("SIDES", String(sides.uppercased().unicodeScalars.filter { "LTRB".unicodeScalars.contains($0) }), into: &output)
        }
        attribute("COLSPAN", cell.columnSpan, into: &output)
        attribute("WIDTH", cell.width, into: &output)
        attribute("HEIGHT", cell.height, into: &output)
        text("ID", cell.id, into: &output)
        text("HREF", cell.link ?? (cell.tooltip == nil ? nil : ""), into: &output)
        text("TITLE", cell.tooltip, into: &output)
        text("TARGET", cell.target, into: &output)
        output += ">"
        switch cell.content {
        case .text(let items): for item in items { html(item, into: &output) }
        case .table(let table): html(table, into: &output)
        }
        output += "</TD>"
    }

    /// ` NAME="value"` for a present value. Values are numbers, colours and fixed words from
    /// TrustFlow's own code, never model text.
    private func attribute(_ name: String, _ value: String?, into output: inout DOTBuffer) {
        guard let value else { return }
        output += " "
        output += name
        output += "=\""
        output += value
        output += "\""
    }

    /// ` NAME="text"` for a present value that may hold model text: escaped.
    private func text(_ name: String, _ value: String?, into output: inout DOTBuffer) {
        guard let value else { return }
        output += " "
        output += name
        output += "=\""
        DOTWriter.escapeHTML(value, into: &output, inAttribute: true)
        output += "\""
    }

    private func attribute(_ name: String, _ value: Int?, into output: inout DOTBuffer) {
        attribute(name, value.map(String.init), into: &output)
    }
}
