extension DOTWriter {
    /// The body of an HTML-like label (without the enclosing `<` `>`).
    func html(_ label: HTMLLabel) -> String {
        switch label {
        case .text(let items): items.map(html).joined()
        case .table(let table): html(table)
        }
    }

    private func html(_ text: HTMLText) -> String {
        switch text {
        case .plain(let string):
            return DOTWriter.escapeHTML(string)
        case .lineBreak(let alignment):
            return alignment == .center ? "<BR/>" : "<BR ALIGN=\"\(alignment.rawValue)\"/>"
        case .bold(let items):
            return "<B>" + items.map(html).joined() + "</B>"
        case .italic(let items):
            return "<I>" + items.map(html).joined() + "</I>"
        case .font(let font, let items):
            var attributes: [String] = []
            if let face = font.face { attributes.append("FACE=\"\(DOTWriter.escapeHTML(face))\"") }
            if let size = font.pointSize { attributes.append("POINT-SIZE=\"\(DOTWriter.format(size))\"") }
            if let color = font.color { attributes.append("COLOR=\"\(color.hex)\"") }
            let open = attributes.isEmpty ? "<FONT>" : "<FONT " + attributes.joined(separator: " ") + ">"
            return open + items.map(html).joined() + "</FONT>"
        }
    }

    private func html(_ table: HTMLTable) -> String {
        var attributes: [String] = []
        if let border = table.border { attributes.append("BORDER=\"\(border)\"") }
        if let cellBorder = table.cellBorder { attributes.append("CELLBORDER=\"\(cellBorder)\"") }
        if let spacing = table.cellSpacing { attributes.append("CELLSPACING=\"\(spacing)\"") }
        if let padding = table.cellPadding { attributes.append("CELLPADDING=\"\(padding)\"") }
        if let color = table.backgroundColor { attributes.append("BGCOLOR=\"\(color.hex)\"") }
        if let color = table.color { attributes.append("COLOR=\"\(color.hex)\"") }
        if table.rounded { attributes.append("STYLE=\"rounded\"") }
        var output = "<TABLE " + attributes.joined(separator: " ") + ">"
        for row in table.rows {
            output += "<TR>" + row.map(html).joined() + "</TR>"
        }
        return output + "</TABLE>"
    }

    private func html(_ cell: HTMLCell) -> String {
        var attributes: [String] = []
        if let alignment = cell.alignment { attributes.append("ALIGN=\"\(alignment.rawValue)\"") }
        if let alignment = cell.lineAlignment { attributes.append("BALIGN=\"\(alignment.rawValue)\"") }
        if let border = cell.border { attributes.append("BORDER=\"\(border)\"") }
        if let padding = cell.padding { attributes.append("CELLPADDING=\"\(padding)\"") }
        if let color = cell.backgroundColor { attributes.append("BGCOLOR=\"\(color.hex)\"") }
        if let color = cell.color { attributes.append("COLOR=\"\(color.hex)\"") }
        if let sides = cell.sides {
            let valid = String(sides.uppercased().unicodeScalars.filter { "LTRB".unicodeScalars.contains($0) })
            attributes.append("SIDES=\"\(valid)\"")
        }
        if let span = cell.columnSpan { attributes.append("COLSPAN=\"\(span)\"") }
        if let width = cell.width { attributes.append("WIDTH=\"\(width)\"") }
        if let height = cell.height { attributes.append("HEIGHT=\"\(height)\"") }
        let open = attributes.isEmpty ? "<TD>" : "<TD " + attributes.joined(separator: " ") + ">"
        let body: String
        switch cell.content {
        case .text(let items): body = items.map(html).joined()
        case .table(let table): body = html(table)
        }
        return open + body + "</TD>"
    }
}
