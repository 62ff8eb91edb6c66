/// Mustache templates (https://mustache.github.io/mustache.5.html) over the report data:
/// dictionaries, arrays, strings, numbers and booleans.
///
/// The whole language but lambdas, which data files cannot carry: `{{name}}` (escaped by the
/// template's language), `{{{name}}}` and `{{& name}}` (raw), dotted names and `{{.}}`,
/// sections `{{#name}}…{{/name}}` (skipped for a missing value, `false` or an empty list,
/// repeated for each item of a list, entered once for anything else — an empty string too),
/// inverted sections `{{^name}}…{{/name}}`, comments `{{! … }}`, partials `{{> name}}`
/// (indented like a standalone tag) and delimiter changes `{{=<% %>=}}`. A line holding
/// nothing but one section, comment, partial or delimiter tag leaves no line in the output.
///
/// TrustFlow writes its own engine instead of using a Mustache package because the one that
/// is available links swift-corelibs-foundation (with CoreFoundation and ICU) into every run
/// of `trustflow`, which costs each process megabytes of memory (BENCHMARKS.md).
struct MustacheTemplate: Sendable {
    fileprivate let nodes: [MustacheNode]
    let file: String

    /// Parses `text`; `file` names it in errors.
    /// - Throws: ``TemplateError`` at the line and column of the tag in error.
    init(_ text: String, file: String) throws(TemplateError) {
        var parser = MustacheParser(bytes: Array(text.utf8), file: file)
        nodes = try parser.parse()
        self.file = file
    }

    /// The most tags and texts one rendering visits: sections nested over lists, or partials
    /// that include each other, can ask for exponentially many (a report of 1000 services
    /// visits about a million).
    static let maximumSteps = 50_000_000

    /// Renders with `context`; `partials` are the templates `{{> name}}` includes (a missing
    /// one renders as nothing) and `escape` makes a `{{value}}` safe for the output language.
    /// - Throws: ``TemplateError`` when the rendering would take more than ``maximumSteps``.
    func render(_ context: Any, partials: [String: MustacheTemplate], escape: @escaping (String) -> String,
        maximumSteps: Int = MustacheTemplate.maximumSteps) throws(TemplateError) -> String
    {
        var renderer = MustacheRenderer(partials: partials, escape: escape, budget: maximumSteps)
        var stack = [context]
        renderer.render(nodes, &stack)
        guard renderer.budget >= 0 else {
            throw TemplateError(file: file, line: 0, column: 0, message:
                "the template takes more than \(maximumSteps) steps to render (sections nested over lists, or partials that include each other?)")
        }
        return renderer.output
    }
}

// MARK: - Parsing

fileprivate indirect enum MustacheNode: Sendable {
    case text(String)
    /// A value; `path` empty for `.`.
    case variable(path: [String], escaped: Bool)
    case section(path: [String], inverted: Bool, children: [MustacheNode])
    /// A partial and the indentation every line of it gets (a standalone tag's).
    case partial(name: String, indentation: String)
}

private struct MustacheParser {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var open = Array("{{".utf8)
    var close = Array("}}".utf8)

    /// A piece of the template before sections are nested: text, a line break, or a tag.
    enum Piece {
        case text(String, blank: Bool)
        case newline
        case tag(Tag)
    }

    struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `=`, `&`, `{`, or a space for a plain variable.
        var kind: UInt8
        var name: String
        var offset: Int
        /// For a standalone tag, the blanks before it on its line (a partial's indentation).
        var indentation = ""

        var canStandAlone: Bool { "#^/!>=".utf8.contains(kind) }
    }

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Sections nested deeper than this are an error (parsing and rendering recurse per level).
    static let maximumDepth = 100

    mutating func parse() throws(TemplateError) -> [MustacheNode] {
        var pieces = try lines()
        var index = 0
        return try nest(&pieces, &index, closing: nil, depth: 0)
    }

    /// Splits the template into pieces, removing standalone lines: a line that holds one tag
    /// that can stand alone and otherwise only blanks loses its blanks and its line break.
    mutating func lines() throws(TemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var lineStart = 0  // index in `pieces` of the current line's first piece
        func endLine(_ pieces: inout [Piece]) {
            let line = pieces[lineStart...]
            let tags = line.compactMap { piece -> Tag? in if case .tag(let tag) = piece { tag } else { nil } }
            let blank = line.allSatisfy { piece in
                switch piece {
                case .text(_, let blank): blank
                case .newline: true
                case .tag(let tag): tag.canStandAlone
                }
            }
            if tags.count == 1, blank, var tag = tags.first {
                tag.indentation = line.prefix { piece in if case .tag = piece { false } else { true } }
                    .map { piece in if case .text(let text, _) = piece { text } else { "" } }.joined()
                pieces.replaceSubrange(lineStart..., with: [.tag(tag)])
            }
            lineStart = pieces.count
        }
        while position < bytes.count {
            if matches(open, at: position) {
                pieces.append(.tag(try tag()))
            } else if bytes[position] == UInt8(ascii: "\n") {
                position += 1
                pieces.append(.newline)
                endLine(&pieces)
            } else {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n"), !matches(open, at: position) {
                    position += 1
                }
                let run = bytes[start..<position]
                pieces.append(.text(String(decoding: run, as: UTF8.self),
                    blank: run.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }))
            }
        }
        endLine(&pieces)
        return pieces
    }

    /// Reads the tag at `position`, past its closing delimiter.
    mutating func tag() throws(TemplateError) -> Tag {
        let start = position
        position += open.count
        var kind = UInt8(ascii: " ")
        if position < bytes.count, "#^/!>=&{".utf8.contains(bytes[position]) {
            kind = bytes[position]
            position += 1
        }
        let ending = kind == UInt8(ascii: "{") ? Array("}".utf8) + close : kind == UInt8(ascii: "=") ? Array("=".utf8) + close : close
        let contentStart = position
        while position < bytes.count, !matches(ending, at: position) { position += 1 }
        guard position < bytes.count else { throw error(at: start, "the tag is not closed with \(text(ending))") }
        let content = String(decoding: bytes[contentStart..<position], as: UTF8.self)
        position += ending.count
        let name = String(content.trimmingWhitespace())
        switch kind {
        case UInt8(ascii: "!"):
            break
        case UInt8(ascii: "="):
            let parts = name.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw error(at: start, "a delimiter change is two delimiters without '=' between blanks, as {{=<% %>=}}")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        default:
            if let first = name.first, "<$%".contains(first) {
                throw error(at: start, "'\(name)': template inheritance and pragmas ({{< }}, {{$ }}, {{% }}) are not supported")
            }
            if name.contains("(") || name.contains(")") {
                throw error(at: start, "'\(name)': transforms such as count(list) are a swift-mustache extension, not Mustache")
            }
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                throw error(at: start, name.isEmpty ? "the tag has no name" : "the name '\(name)' contains a blank")
            }
        }
        return Tag(kind: kind, name: name, offset: start)
    }

    /// Nests sections: reads pieces until the end, or until the tag that closes `closing`.
    func nest(_ pieces: inout [Piece], _ index: inout Int, closing: Tag?, depth: Int) throws(TemplateError) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            switch piece {
            case .text(let text, _):
                nodes.append(.text(text))
            case .newline:
                nodes.append(.text("\n"))
            case .tag(let tag):
                switch tag.kind {
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    guard depth < Self.maximumDepth else {
                        throw error(at: tag.offset, "sections are nested more than \(Self.maximumDepth) deep")
                    }
                    let children = try nest(&pieces, &index, closing: tag, depth: depth + 1)
                    nodes.append(.section(path: try path(tag), inverted: tag.kind == UInt8(ascii: "^"), children: children))
                case UInt8(ascii: "/"):
                    guard let closing else { throw error(at: tag.offset, "{{/\(tag.name)}} closes no section") }
                    guard closing.name == tag.name else {
                        throw error(at: tag.offset, "{{/\(tag.name)}} does not close the section '\(closing.name)' opened at \(place(closing.offset))")
                    }
                    return nodes
                case UInt8(ascii: ">"):
                    nodes.append(.partial(name: tag.name, indentation: tag.indentation))
                case UInt8(ascii: "!"), UInt8(ascii: "="):
                    break
                default:
                    nodes.append(.variable(path: try path(tag), escaped: tag.kind == UInt8(ascii: " ")))
                }
            }
        }
        if let closing { throw error(at: closing.offset, "the section '\(closing.name)' is not closed") }
        return nodes
    }

    func path(_ tag: Tag) throws(TemplateError) -> [String] {
        if tag.name == "." { return [] }
        let parts = tag.name.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else { throw error(at: tag.offset, "the name '\(tag.name)' has an empty part") }
        return parts.map(String.init)
    }

    func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        offset + delimiter.count <= bytes.count && bytes[offset..<offset + delimiter.count].elementsEqual(delimiter)
    }

    func text(_ delimiter: [UInt8]) -> String { String(decoding: delimiter, as: UTF8.self) }

    /// The 1-based line and column (in characters) of a byte offset.
    func location(_ offset: Int) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    func place(_ offset: Int) -> String {
        let (line, column) = location(offset)
        return "\(line):\(column)"
    }

    func error(at offset: Int, _ message: String) -> TemplateError {
        let (line, column) = location(offset)
        return TemplateError(file: file, line: line, column: column, message: "invalid template: \(message)")
    }
}

// MARK: - Rendering

private struct MustacheRenderer {
    let partials: [String: MustacheTemplate]
    let escape: (String) -> String
    var output = ""
    /// Partials being rendered, to stop a partial that includes itself.
    var depth = 0
    /// Indentation for each line of the output (inside an indented partial).
    var indentation = ""
    var atLineStart = true
    /// Steps left; below zero, rendering stops (and the caller reports it).
    var budget: Int

    static let maximumPartialDepth = 64

    init(partials: [String: MustacheTemplate], escape: @escaping (String) -> String, budget: Int) {
        self.partials = partials
        self.escape = escape
        self.budget = budget
    }

    mutating func render(_ nodes: [MustacheNode], _ stack: inout [Any]) {
        for node in nodes {
            budget -= 1
            if budget < 0 { return }
            switch node {
            case .text(let text):
                write(text)
            case .variable(let path, let escaped):
                guard let value = Self.lookup(path, in: stack) else { continue }
                let text = Self.text(of: value)
                write(value: escaped ? escape(text) : text)
            case .section(let path, let inverted, let children):
                let passes = Self.passes(Self.lookup(path, in: stack))
                if inverted {
                    if passes.isEmpty { render(children, &stack) }
                    continue
                }
                for pass in passes {
                    if let context = pass { stack.append(context) }
                    render(children, &stack)
                    if pass != nil { stack.removeLast() }
                }
            case .partial(let name, let indent):
                guard let partial = partials[name], depth < Self.maximumPartialDepth else { continue }
                let saved = indentation
                indentation += indent
                depth += 1
                render(partial.nodes, &stack)
                depth -= 1
                indentation = saved
            }
        }
    }

    /// The contexts a section is rendered with, once each: none for a missing value, `false`
    /// or an empty list; the items of a list; the current context (nil) for `true`; the value
    /// itself otherwise.
    static func passes(_ value: Any?) -> [Any?] {
        switch value {
        case nil: []
        case let flag as Bool: flag ? [nil] : []
        case let list as [Any]: list.map { $0 }
        case let other?: [other]
        }
    }

    /// Appends template text, indenting each line that starts inside an indented partial.
    mutating func write(_ text: String) {
        guard !indentation.isEmpty else {
            output += text
            atLineStart = text.isEmpty ? atLineStart : text.last == "\n"
            return
        }
        for character in text {
            if atLineStart, character != "\n" { output += indentation }
            output.append(character)
            atLineStart = character == "\n"
        }
    }

    /// Appends a value: indented as a whole where it starts a line, its own lines left as
    /// they are, and what follows it on its template line too (Mustache indents a partial's
    /// lines, not the data).
    mutating func write(value: String) {
        guard !value.isEmpty else { return }
        if atLineStart { output += indentation }
        output += value
        atLineStart = false
    }

    /// A name's value: its first part from the innermost context that has it, the rest from
    /// that value only; the current context for `.`.
    static func lookup(_ path: [String], in stack: [Any]) -> Any? {
        guard let first = path.first else { return stack.last.flatMap(unwrapped) }
        for context in stack.reversed() {
            guard let dictionary = unwrapped(context) as? [String: Any], let found = dictionary[first] else { continue }
            var value: Any? = unwrapped(found)
            for part in path.dropFirst() {
                value = (value as? [String: Any])?[part].flatMap(unwrapped)
            }
            return value
        }
        return nil
    }

    /// A value with any optional wrapping removed; nil for an empty optional.
    static func unwrapped(_ value: Any) -> Any? {
        if let optional = value as? any OptionalProtocol { return optional.wrappedValue.flatMap(unwrapped) }
        return value
    }

    static func text(of value: Any) -> String {
        switch value {
        case let text as String: text
        case let text as Substring: String(text)
        default: String(describing: value)
        }
    }
}

private protocol OptionalProtocol {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalProtocol {
    fileprivate var wrappedValue: Any? { map { $0 as Any } }
}
