internal import CLibYAML

/// Parses YAML into a ``SourceNode`` tree with the line and column of every value.
///
/// Built on the event API of libyaml (the copy Yams ships) rather than on Yams' `Node`,
/// because the model needs what `Node` hides: every duplicate key located (not only the
/// first), alias expansion bounded ("billion laughs"), nesting bounded without recursion,
/// and plain scalars typed by the YAML 1.2 core schema, so `label: no` stays the string "no".
public struct YAMLSourceParser {
    private let limits: ModelLimits

    /// Creates a parser bounded by `limits`.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Parses a stream that must hold exactly one document.
    /// - Throws: ``SourceParseError`` at the first syntax error or exceeded limit.
    public func parse(_ bytes: [UInt8]) throws(SourceParseError) -> SourceNode {
        let result: Result<SourceNode, SourceParseError> = bytes.withUnsafeBufferPointer { buffer in
            var composer = YAMLComposer(bytes: buffer, limits: limits)
            defer { composer.close() }
            do throws(SourceParseError) {
                return .success(try composer.composeSingleDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a stream of any number of documents (`---` between them), as Kubernetes
    /// manifests are written; an empty stream gives no document, an empty document a null.
    ///
    /// Anchors belong to their document, as YAML says. The limit on values
    /// (``ModelLimits/maxDocumentNodes``) counts the whole stream, each document start
    /// included, so neither a bomb nor a million empty documents can exhaust memory.
    /// - Throws: ``SourceParseError`` at the first syntax error or exceeded limit.
    public func parseDocuments(_ bytes: [UInt8]) throws(SourceParseError) -> [SourceNode] {
        let result: Result<[SourceNode], SourceParseError> = bytes.withUnsafeBufferPointer { buffer in
            var composer = YAMLComposer(bytes: buffer, limits: limits)
            defer { composer.close() }
            do throws(SourceParseError) {
                return .success(try composer.composeDocuments(single: false))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

private struct YAMLComposer {
    /// An open mapping or list. A struct rather than an enum with payloads so that adding a
    /// child mutates the frame in place on the stack: taking an enum's array out, appending
    /// and putting it back copied the array each time, which made a long list quadratic (a
    /// 300 KB file of 50,000 list items took half a minute).
    struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var anchor: String?
        var entries: [(key: SourceNode.Key, value: SourceNode)] = []
        var items: [SourceNode] = []
        var pendingKey: SourceNode.Key?
        var size = 1

        static func mapping(start: SourcePosition, anchor: String?) -> Frame {
            Frame(isMapping: true, start: start, anchor: anchor)
        }

        static func sequence(start: SourcePosition, anchor: String?) -> Frame {
            Frame(isMapping: false, start: start, anchor: anchor)
        }
    }

    private static let mergeKey = "<<"

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ModelLimits
    /// libyaml keeps a pointer to the parser inside the parser, so it lives at a fixed address.
    let parser: UnsafeMutablePointer<yaml_parser_t>
    var stack: [Frame] = []
    var anchors: [String: (node: SourceNode, size: Int)] = [:]
    var nodeCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: ModelLimits) {
        self.bytes = bytes
        self.limits = limits
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    mutating func composeSingleDocument() throws(SourceParseError) -> SourceNode {
        try composeDocuments(single: true)[0]
    }

    /// The root of every document in the stream; with `single`, exactly one document or an error.
    mutating func composeDocuments(single: Bool) throws(SourceParseError) -> [SourceNode] {
        var roots: [SourceNode] = []
        var root: SourceNode?
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw parserError() }
            defer { yaml_event_delete(&event) }
            let position = SourcePosition(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_START_EVENT:
                continue
            case YAML_DOCUMENT_END_EVENT:
                if let root { roots.append(root) }
                root = nil
            case YAML_STREAM_END_EVENT:
                if single, roots.isEmpty {
                    throw SourceParseError("the file is empty; expected a mapping that starts with 'trustflow: 1'", at: position)
                }
                return roots
            case YAML_DOCUMENT_START_EVENT:
                if single, !roots.isEmpty {
                    throw SourceParseError("expected one YAML document, found a second one ('---')", at: position)
                }
                // A stream's documents count as values, so a file of nothing but `---` is bounded too.
                if !single { try count(1, at: position) }
                anchors.removeAll(keepingCapacity: true)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor)
                guard let anchored = anchors[name] else {
                    throw SourceParseError("unknown alias '*\(SourceNode.excerpt(name))': no anchor '&\(SourceNode.excerpt(name))' comes before it", at: position)
                }
                try count(anchored.size, at: position)
                if let node = try complete(anchored.node, size: anchored.size) { root = node }
            case YAML_SCALAR_EVENT:
                try count(1, at: position)
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let kind = try resolve(text: text, tag: optionalString(scalar.tag),
                    plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, at: position)
                let node = SourceNode(value: .scalar(.init(kind: kind, text: text)), position: position)
                remember(anchor: optionalString(scalar.anchor), node: node, size: 1)
                if let node = try complete(node, size: 1) { root = node }
            case YAML_SEQUENCE_START_EVENT:
                try count(1, at: position)
                try checkCollectionTag(optionalString(event.data.sequence_start.tag), expected: "seq", at: position)
                try push(.sequence(start: position, anchor: optionalString(event.data.sequence_start.anchor)), at: position)
            case YAML_MAPPING_START_EVENT:
                try count(1, at: position)
                try checkCollectionTag(optionalString(event.data.mapping_start.tag), expected: "map", at: position)
                try push(.mapping(start: position, anchor: optionalString(event.data.mapping_start.anchor)), at: position)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let (node, size, anchor) = finish(frame)
                remember(anchor: anchor, node: node, size: size)
                if let node = try complete(node, size: size) { root = node }
            default:
                continue
            }
        }
    }

    mutating func push(_ frame: Frame, at position: SourcePosition) throws(SourceParseError) {
        if stack.count >= limits.maxNestingDepth {
            throw SourceParseError("nesting is deeper than \(limits.maxNestingDepth) levels", at: position)
        }
        stack.append(frame)
    }

    mutating func count(_ nodes: Int, at position: SourcePosition) throws(SourceParseError) {
        nodeCount += nodes
        if nodeCount > limits.maxDocumentNodes {
            throw SourceParseError(
                "the document expands to more than \(limits.maxDocumentNodes) values (aliases count every time they are used)",
                at: position)
        }
    }

    mutating func remember(anchor: String?, node: SourceNode, size: Int) {
        if let anchor { anchors[anchor] = (node, size) }
    }

    /// Hands a finished node to the enclosing collection; returns it when it is the root.
    mutating func complete(_ node: SourceNode, size: Int) throws(SourceParseError) -> SourceNode? {
        guard !stack.isEmpty else { return node }
        let top = stack.count - 1
        stack[top].size += size
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].entries.append((key, node))
            stack[top].pendingKey = nil
        } else {
            guard case .scalar(let scalar) = node.value else {
                throw SourceParseError("mapping keys must be plain text, found \(node.kindDescription)", at: node.position)
            }
            stack[top].pendingKey = SourceNode.Key(text: scalar.text, position: node.position)
        }
        return nil
    }

    func finish(_ frame: Frame) -> (SourceNode, Int, String?) {
        let value: SourceNode.Value = frame.isMapping ? .mapping(Self.applyingMergeKeys(frame.entries)) : .sequence(frame.items)
        return (SourceNode(value: value, position: frame.start), frame.size, frame.anchor)
    }

    /// Expands YAML merge keys (`<<: *defaults`): keys written in the mapping win over merged ones.
    static func applyingMergeKeys(_ entries: [(key: SourceNode.Key, value: SourceNode)])
        -> [(key: SourceNode.Key, value: SourceNode)]
    {
        guard entries.contains(where: { $0.key.text == mergeKey }) else { return entries }
        var result = entries.filter { $0.key.text != mergeKey }
        var present = Set(result.map(\.key.text))
        for entry in entries where entry.key.text == mergeKey {
            let sources: [SourceNode]
            switch entry.value.value {
            case .mapping: sources = [entry.value]
            case .sequence(let items): sources = items
            case .scalar: sources = []
            }
            for source in sources {
                guard case .mapping(let merged) = source.value else { continue }
                for item in merged where !present.contains(item.key.text) {
                    present.insert(item.key.text)
                    result.append(item)
                }
            }
        }
        return result
    }

    func checkCollectionTag(_ tag: String?, expected: String, at position: SourcePosition) throws(SourceParseError) {
        guard let tag, tag != "tag:yaml.org,2002:\(expected)" else { return }
        throw SourceParseError("unsupported YAML tag '\(SourceNode.excerpt(tag))'", at: position)
    }

    /// Types a scalar by the YAML 1.2 core schema; quoted and block scalars are strings.
    func resolve(text: String, tag: String?, plain: Bool, at position: SourcePosition) throws(SourceParseError)
        -> SourceNode.Scalar.Kind
    {
        switch tag {
        case nil:
            return plain ? Self.coreSchemaKind(of: text) : .string
        case "!", "tag:yaml.org,2002:str":
            return .string
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            let kind = Self.coreSchemaKind(of: text)
            let wanted = tag!.split(separator: ":").last.map(String.init)
            let matches = switch wanted {
            case "int": kind == .integer
            case "float": kind == .float || kind == .integer
            case "bool": kind == .boolean
            default: kind == .null
            }
            guard matches else {
                // The value is not quoted: it may be a secret (a Secret's `stringData`).
                throw SourceParseError("this value is not a valid !!\(wanted ?? "")", at: position)
            }
            return kind
        default:
            throw SourceParseError("unsupported YAML tag '\(SourceNode.excerpt(tag!))'", at: position)
        }
    }

    static func coreSchemaKind(of text: String) -> SourceNode.Scalar.Kind {
        // Words that start with a letter other than those of true/false/null and their
        // spellings are strings; that is most scalars of a model, so answer them quickly.
        let utf8 = text.utf8
        if let first = utf8.first, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z") {
            // Only null, true and false (4 or 5 letters) start with a letter.
            let count = utf8.count
            if (count != 4 && count != 5) || !"tTfFnN".utf8.contains(first) { return .string }
        } else if !utf8.isEmpty, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return .integer  // ports and counts
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .boolean
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .float
        default: break
        }
        let scalars = Array(text.unicodeScalars)
        func allDigits(_ slice: ArraySlice<Unicode.Scalar>, _ isDigit: (Unicode.Scalar) -> Bool) -> Bool {
            !slice.isEmpty && slice.allSatisfy(isDigit)
        }
        let decimal: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        if text.hasPrefix("0o"), allDigits(scalars[2...], { ("0"..."7").contains($0) }) { return .integer }
        if text.hasPrefix("0x"),
            allDigits(scalars[2...], { decimal($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) })
        {
            return .integer
        }
        var body = scalars[...]
        if let first = body.first, first == "-" || first == "+" { body = body.dropFirst() }
        if allDigits(body, decimal) { return .integer }
        // [0-9]+(\.[0-9]*)? or \.[0-9]+, then an optional exponent.
        var mantissa = body
        var exponent: ArraySlice<Unicode.Scalar>?
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            var rest = body[body.index(after: e)...]
            if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
            exponent = rest
        }
        if let exponent, !allDigits(exponent, decimal) { return .string }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where exponent != nil && allDigits(parts[0], decimal): return .float
        case 2:
            let whole = parts[0]
            let fraction = parts[1]
            if (whole.isEmpty || whole.allSatisfy(decimal)) && fraction.allSatisfy(decimal)
                && !(whole.isEmpty && fraction.isEmpty)
            {
                return .float
            }
            return .string
        default: return .string
        }
    }

    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        optionalString(pointer) ?? ""
    }

    func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Where `[` or `{` first opens more flow collections than the limit allows (libyaml's
    /// own mark for its nesting error is where it started scanning), or `nil`.
    func firstTooDeepBracket() -> SourcePosition? {
        var depth = 0
        var line = 1
        var column = 1
        var quote: UInt8?
        var comment = false
        for byte in bytes {
            defer {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                    comment = false
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            if comment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "#"): comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limits.maxNestingDepth { return SourcePosition(line: line, column: column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// The parser's error, located; reader errors (bad UTF-8, control characters) carry only a
    /// byte offset, which is turned into a line and column here.
    func parserError() -> SourceParseError {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.pointee.context.map({ String(cString: $0) }) {
            let contextPosition = "\(parser.pointee.context_mark.line + 1):\(parser.pointee.context_mark.column + 1)"
            message = "\(problem) (\(context) at \(contextPosition))"
        }
        if parser.pointee.error == YAML_READER_ERROR {
            let offset = min(parser.pointee.problem_offset, bytes.count)
            var line = 1
            var column = 1
            for byte in bytes[..<offset] {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            if parser.pointee.problem_value >= 0, problem.contains("control characters") {
                message = "control character U+\(EscapedCharacters.hex(UInt32(parser.pointee.problem_value))) is not allowed in YAML"
            } else if problem.contains("UTF-8") || problem.contains("octet") {
                message = "\(problem); the file must be UTF-8"
            }
            return SourceParseError(message, at: SourcePosition(line: line, column: column))
        }
        let mark = parser.pointee.problem_mark
        let position = SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        // libyaml's scanner runs ahead of the events and has its own bound (1000 levels) on
        // `[[[[…`; its message names a C function, so say what the user needs to know.
        if problem.hasPrefix("Maximum nesting level reached") {
            return SourceParseError("nesting is deeper than \(limits.maxNestingDepth) levels",
                at: firstTooDeepBracket() ?? position)
        }
        return SourceParseError(message, at: position)
    }
}
