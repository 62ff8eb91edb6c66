/// Parses JSON (RFC 8259) into a ``SourceNode`` tree with the line and column of every value.
///
/// Written for the model format rather than taken from Foundation because Foundation's
/// decoder reports no line numbers and stops at the first problem; this one reports the
/// exact position, rejects invalid UTF-8, and bounds nesting depth and size.
public struct JSONSourceParser {
    private let limits: ModelLimits

    /// Creates a parser bounded by `limits`.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Parses one JSON document.
    /// - Throws: ``SourceParseError`` at the first syntax error.
    public func parse(_ bytes: [UInt8]) throws(SourceParseError) -> SourceNode {
        let result: Result<SourceNode, SourceParseError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(bytes: buffer, limits: limits)
            do throws(SourceParseError) {
                return .success(try scanner.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

private struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ModelLimits
    var index = 0
    var line = 1
    var column = 1
    var depth = 0
    var nodeCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: ModelLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    var position: SourcePosition { SourcePosition(line: line, column: column) }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func parseDocument() throws(SourceParseError) -> SourceNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard peek != nil else { throw SourceParseError("the file is empty; expected a JSON object", at: position) }
        let node = try parseValue()
        skipWhitespace()
        if peek != nil {
            throw SourceParseError("unexpected \(describeCurrent()) after the end of the JSON document", at: position)
        }
        return node
    }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    mutating func parseValue() throws(SourceParseError) -> SourceNode {
        nodeCount += 1
        if nodeCount > limits.maxDocumentNodes {
            throw SourceParseError("the document has more than \(limits.maxDocumentNodes) values", at: position)
        }
        let start = position
        guard let byte = peek else { throw SourceParseError("unexpected end of file; expected a value", at: start) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            return SourceNode(value: .scalar(.init(kind: .string, text: try parseString())), position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", kind: .boolean)
        case UInt8(ascii: "f"): return try parseLiteral("false", kind: .boolean)
        case UInt8(ascii: "n"): return try parseLiteral("null", kind: .null)
        case UInt8(ascii: "/"):
            throw SourceParseError("comments are not allowed in JSON", at: start)
        case UInt8(ascii: "'"):
            throw SourceParseError("JSON strings use double quotes, found a single quote", at: start)
        default:
            throw SourceParseError("expected a value, found \(describeCurrent())", at: start)
        }
    }

    mutating func enter() throws(SourceParseError) {
        depth += 1
        if depth > limits.maxNestingDepth {
            throw SourceParseError("nesting is deeper than \(limits.maxNestingDepth) levels", at: position)
        }
    }

    mutating func parseObject() throws(SourceParseError) -> SourceNode {
        let start = position
        try enter()
        advance()
        var entries: [(key: SourceNode.Key, value: SourceNode)] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return SourceNode(value: .mapping(entries), position: start)
        }
        while true {
            skipWhitespace()
            let keyPosition = position
            guard peek == UInt8(ascii: "\"") else {
                if peek == UInt8(ascii: "}") {
                    throw SourceParseError("JSON does not allow a trailing comma before '}'", at: position)
                }
                throw SourceParseError("expected a member name in double quotes, found \(describeCurrent())", at: position)
            }
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw SourceParseError("expected ':' after the member name \"\(key)\", found \(describeCurrent())", at: position)
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            entries.append((SourceNode.Key(text: key, position: keyPosition), value))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                depth -= 1
                return SourceNode(value: .mapping(entries), position: start)
            default:
                throw SourceParseError("expected ',' or '}' after an object member, found \(describeCurrent())", at: position)
            }
        }
    }

    mutating func parseArray() throws(SourceParseError) -> SourceNode {
        let start = position
        try enter()
        advance()
        var items: [SourceNode] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return SourceNode(value: .sequence(items), position: start)
        }
        while true {
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                throw SourceParseError("JSON does not allow a trailing comma before ']'", at: position)
            }
            items.append(try parseValue())
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                depth -= 1
                return SourceNode(value: .sequence(items), position: start)
            default:
                throw SourceParseError("expected ',' or ']' after a list item, found \(describeCurrent())", at: position)
            }
        }
    }

    mutating func parseLiteral(_ word: StaticString, kind: SourceNode.Scalar.Kind) throws(SourceParseError) -> SourceNode {
        let start = position
        let first = index
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard peek == byte else {
                throw SourceParseError("expected a value, found \(describeWord(from: first))", at: start)
            }
            advance()
        }
        if let next = peek, isWordByte(next) {
            throw SourceParseError("expected a value, found \(describeWord(from: first))", at: start)
        }
        return SourceNode(value: .scalar(.init(kind: kind, text: word.description)), position: start)
    }

    mutating func parseNumber() throws(SourceParseError) -> SourceNode {
        let start = position
        let first = index
        var isInteger = true
        if peek == UInt8(ascii: "-") { advance() }
        guard let lead = peek, isDigit(lead) else {
            throw SourceParseError("expected a digit after '-', found \(describeCurrent())", at: position)
        }
        advance()
        if lead == UInt8(ascii: "0"), let next = peek, isDigit(next) {
            throw SourceParseError("numbers must not have leading zeros", at: start)
        }
        while let byte = peek, isDigit(byte) { advance() }
        if peek == UInt8(ascii: ".") {
            isInteger = false
            advance()
            guard let byte = peek, isDigit(byte) else {
                throw SourceParseError("expected a digit after '.', found \(describeCurrent())", at: position)
            }
            while let byte = peek, isDigit(byte) { advance() }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard let byte = peek, isDigit(byte) else {
                throw SourceParseError("expected a digit in the exponent, found \(describeCurrent())", at: position)
            }
            while let byte = peek, isDigit(byte) { advance() }
        }
        if let next = peek, isWordByte(next) {
            throw SourceParseError("expected a value, found \(describeWord(from: first))", at: start)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self)
        return SourceNode(value: .scalar(.init(kind: isInteger ? .integer : .float, text: text)), position: start)
    }

    mutating func parseString() throws(SourceParseError) -> String {
        let start = position
        advance()
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek else {
                throw SourceParseError("unterminated string (it starts at \(start.line):\(start.column))", at: position)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0..<0x20:
                if byte == 0x0A {
                    throw SourceParseError("unterminated string (it starts at \(start.line):\(start.column)); write a line break as \\n", at: position)
                }
                throw SourceParseError("control character U+\(EscapedCharacters.hex(UInt32(byte))) in a string; JSON needs it escaped as \\u\(EscapedCharacters.hex(UInt32(byte)))", at: position)
            case 0x80...:
                try copyUTF8Sequence(into: &buffer)
            default:
                buffer.append(byte)
                advance()
            }
        }
    }

    mutating func parseEscape(into buffer: inout [UInt8]) throws(SourceParseError) {
        let escapePosition = position
        advance()
        guard let byte = peek else { throw SourceParseError("unterminated escape sequence", at: escapePosition) }
        advance()
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapePosition)
            if (0xD800...0xDBFF).contains(scalar) {
                guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw SourceParseError("\\u\(EscapedCharacters.hex(scalar)) is half of a surrogate pair; the other half is missing", at: escapePosition)
                }
                advance()
                advance()
                let low = try parseHex4(escapePosition)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw SourceParseError("\\u\(EscapedCharacters.hex(scalar)) must be followed by a low surrogate, found \\u\(EscapedCharacters.hex(low))", at: escapePosition)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw SourceParseError("\\u\(EscapedCharacters.hex(scalar)) is a lone low surrogate", at: escapePosition)
            }
            buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            throw SourceParseError("invalid escape sequence '\\\(describeByte(byte))' in a string", at: escapePosition)
        }
    }

    mutating func parseHex4(_ escapePosition: SourcePosition) throws(SourceParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = hexValue(byte) else {
                throw SourceParseError("\\u must be followed by four hexadecimal digits", at: escapePosition)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// Copies one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and
    /// values above U+10FFFF, so that every string handed on is valid Unicode.
    mutating func copyUTF8Sequence(into buffer: inout [UInt8]) throws(SourceParseError) {
        let lead = bytes[index]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default:
            throw SourceParseError("invalid UTF-8 byte 0x\(EscapedCharacters.hex(UInt32(lead), width: 2)); the file must be UTF-8", at: position)
        }
        guard index + length <= bytes.count else {
            throw SourceParseError("truncated UTF-8 sequence at the end of the file", at: position)
        }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let low = offset == 1 ? lowerBound : 0x80
            let high = offset == 1 ? upperBound : 0xBF
            guard byte >= low, byte <= high else {
                throw SourceParseError("invalid UTF-8 sequence starting with 0x\(EscapedCharacters.hex(UInt32(lead), width: 2)); the file must be UTF-8", at: position)
            }
        }
        for _ in 0..<length {
            buffer.append(bytes[index])
            advance()
        }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+")
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }


    func describeByte(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "0x\(EscapedCharacters.hex(UInt32(byte), width: 2))"
    }

    func describeCurrent() -> String {
        guard let byte = peek else { return "the end of the file" }
        switch byte {
        case 0x00: return "a NUL byte"
        case 0x21..<0x7F: return "'\(String(UnicodeScalar(byte)))'"
        case 0x80...: return "a non-ASCII character"
        default: return "byte 0x\(EscapedCharacters.hex(UInt32(byte), width: 2))"
        }
    }

    func describeWord(from first: Int) -> String {
        var end = first
        while end < bytes.count, isWordByte(bytes[end]), end - first < 40 { end += 1 }
        if end == first { return describeCurrent() }
        return "'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self))'"
    }
}
