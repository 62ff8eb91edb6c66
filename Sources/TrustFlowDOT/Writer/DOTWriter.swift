import TrustFlowModel

/// Turns a ``DOTGraph`` into DOT text. The only place that writes DOT syntax, and so the
/// only place that escapes text for it: model text can never change the graph's structure.
///
/// Graphviz decodes entities and then interprets backslash sequences (`\N`, `\G`, `\l`, …)
/// in labels, and does so twice for tooltips; the escaping functions below were derived
/// from libgvc's actual behaviour (see the hostile-text tests) so that every string shows
/// literally.
public struct DOTWriter: Sendable {
    public init() {}

    /// The DOT text of `graph`, ending with a newline.
    public func write(_ graph: DOTGraph) -> String {
        String(decoding: bytes(graph), as: UTF8.self)
    }

    /// The DOT text as UTF-8 bytes, without a second copy as a `String`.
    public func bytes(_ graph: DOTGraph) -> [UInt8] {
        var output = DOTBuffer(capacity: 4096)
        output += "digraph "
        quotedName(graph.name, into: &output)
        output += " {\n"
        writeDefaults("graph", graph.attributes, indent: 1, into: &output)
        writeDefaults("node", graph.nodeDefaults, indent: 1, into: &output)
        writeDefaults("edge", graph.edgeDefaults, indent: 1, into: &output)
        for statement in graph.statements { write(statement, indent: 1, into: &output) }
        output += "}\n"
        return output.bytes
    }

    private func writeDefaults(_ keyword: String, _ attributes: DOTAttributes, indent: Int, into output: inout DOTBuffer) {
        guard !attributes.isEmpty else { return }
        indentation(indent, into: &output)
        output += keyword
        output += " "
        attributeList(attributes, into: &output)
        output += ";\n"
    }

    // Statements are appended piece by piece to one string: building each line from
    // temporaries made writing a 1000-service diagram several times slower.
    private func write(_ statement: DOTStatement, indent: Int, into output: inout DOTBuffer) {
        indentation(indent, into: &output)
        switch statement {
        case .node(let node):
            quotedName(node.name, into: &output)
            if !node.attributes.isEmpty {
                output += " "
                attributeList(node.attributes, into: &output)
            }
            output += ";\n"
        case .edge(let edge):
            quotedName(edge.from, into: &output)
            output += " -> "
            quotedName(edge.to, into: &output)
            if !edge.attributes.isEmpty {
                output += " "
                attributeList(edge.attributes, into: &output)
            }
            output += ";\n"
        case .subgraph(let subgraph):
            output += "subgraph "
            quotedName(subgraph.name, into: &output)
            output += " {\n"
            for (name, value) in subgraph.attributes {
                indentation(indent + 1, into: &output)
                output += attributeName(name)
                output += "="
                self.value(value, into: &output)
                output += ";\n"
            }
            for child in subgraph.statements { write(child, indent: indent + 1, into: &output) }
            indentation(indent, into: &output)
            output += "}\n"
        }
    }

    private func indentation(_ level: Int, into output: inout DOTBuffer) {
        for _ in 0..<level { output += "  " }
    }

    private func attributeList(_ attributes: DOTAttributes, into output: inout DOTBuffer) {
        output += "["
        var first = true
        for (name, value) in attributes {
            if !first { output += ", " }
            first = false
            output += attributeName(name)
            output += "="
            self.value(value, into: &output)
        }
        output += "]"
    }

    private func attributeName(_ name: String) -> String {
        precondition(name.utf8.allSatisfy { ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") },
            "bad attribute name")
        return name
    }

    /// A node, edge or graph name in quotes. Names are built from model ids, which are
    /// restricted to letters, digits, `_`, `.` and `-`; the escaping is a second guard.
    private func quotedName(_ name: String, into output: inout DOTBuffer) {
        output += "\""
        output.append(name) { $0 == "\\" || $0 == "\"" ? "_" : nil }
        output += "\""
    }

    private func value(_ value: DOTValue, into output: inout DOTBuffer) {
        switch value {
        case .string(let text):
            output += "\""
            DOTWriter.escapeString(text, into: &output)
            output += "\""
        case .html(let label):
            output += "<"
            html(label, into: &output)
            output += ">"
        case .number(let number): output += DOTWriter.format(number)
        case .boolean(let flag): output += flag ? "true" : "false"
        case .color(let color):
            output += "\""
            output += color.hex
            output += "\""
        case .colorList(let colors):
            output += "\""
            output += colors.map(\.hex).joined(separator: ":")
            output += "\""
        }
    }

    // MARK: Escaping

    /// Escapes text for a quoted DOT string (`escString`) so that it shows literally in every
    /// output: XML-significant characters become entities (which Graphviz passes through to
    /// SVG), each backslash becomes four (Graphviz unescapes tooltips twice), a line break
    /// becomes `&#10;`, and invisible or control characters become a visible `[U+XXXX]`.
    public static func escapeString(_ text: String) -> String {
        var output = DOTBuffer(capacity: text.utf8.count)
        escapeString(text, into: &output)
        return output.text
    }

    /// ``escapeString(_:)`` appending to `output`.
    static func escapeString(_ text: String, into output: inout DOTBuffer) {
        output.append(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "\"": "&quot;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\\": "\\\\\\\\"
            case "\n": "&#10;"
            case "\r": ""
            case "\t": " "
            default: InvisibleCharacters.contains(scalar) ? InvisibleCharacters.shown(scalar) : nil
            }
        }
    }

    /// Escapes text for an HTML-like label: XML entities for `& < > " '`, each backslash
    /// doubled (Graphviz interprets `\N`, `\G`, … after decoding entities), line breaks as
    /// `<BR/>`, and invisible or control characters — bidirectional overrides, zero-width
    /// characters, characters XML forbids — as a visible `[U+XXXX]`.
    public static func escapeHTML(_ text: String) -> String {
        var output = DOTBuffer(capacity: text.utf8.count)
        escapeHTML(text, into: &output)
        return output.text
    }

    /// ``escapeHTML(_:)`` appending to `output`; inside an attribute's value (a cell's
    /// tooltip or link) a line break is `&#10;` instead.
    static func escapeHTML(_ text: String, into output: inout DOTBuffer, inAttribute: Bool = false) {
        output.append(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\\": "\\\\"
            case "\n": inAttribute ? "&#10;" : "<BR/>"
            case "\r": ""
            case "\t": " "
            default: InvisibleCharacters.contains(scalar) ? InvisibleCharacters.shown(scalar) : nil
            }
        }
    }

    /// A number with at most two decimals and no trailing zeros: `1`, `1.5`, `0.25`.
    static func format(_ number: Double) -> String {
        let hundredths = Int((number * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let decimals = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(decimals)"
    }
}
