import Testing
@testable import TrustFlowModel
import TrustFlowTestSupport

@Suite("JSON parser")
struct JSONSourceParserTests {
    func parse(_ text: String) throws(SourceParseError) -> SourceNode { try JSONSourceParser().parse(Array(text.utf8)) }

    func parseError(_ source: MarkedSource) -> SourceParseError? {
        do {
            _ = try JSONSourceParser().parse(source.bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func valuesKnowTheirLineAndColumn() throws {
        let source = MarkedSource("{\n  \"a\": 1️⃣[1, 2️⃣\"x\"],\n  \"é\": 3️⃣true\n}")
        let root = try parse(source.text)
        guard case .mapping(let entries) = root.value, case .sequence(let items) = entries[0].value.value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(entries[0].value.position == SourcePosition(line: source["1️⃣"].line, column: source["1️⃣"].column))
        #expect(items[1].position == SourcePosition(line: source["2️⃣"].line, column: source["2️⃣"].column))
        #expect(entries[1].key.text == "é")
        #expect(entries[1].value.position == SourcePosition(line: source["3️⃣"].line, column: source["3️⃣"].column))
    }

    @Test func scalarsKeepTheirKinds() throws {
        let root = try parse(#"[1, -2.5e3, "s", true, null, "\u00e9\ud83d\ude00\n"]"#)
        guard case .sequence(let items) = root.value else { Issue.record("not a list"); return }
        let kinds = items.compactMap { item -> SourceNode.Scalar.Kind? in
            if case .scalar(let scalar) = item.value { return scalar.kind }
            return nil
        }
        #expect(kinds == [.integer, .float, .string, .boolean, .null, .string])
        if case .scalar(let last) = items[5].value { #expect(last.text == "é😀\n") }
    }

    @Test(arguments: [
        ("{\"a\": 1,1️⃣}", "trailing comma"),
        ("[1, 2,1️⃣]", "trailing comma"),
        ("{\"a\" 1️⃣1}", "expected ':'"),
        ("{\"a\": 1 1️⃣\"b\": 2}", "expected ',' or '}'"),
        ("1️⃣", "the file is empty"),
        ("{\"a\": 1️⃣tru}", "found 'tru'"),
        ("{\"a\": 1️⃣'x'}", "double quotes"),
        ("{\"a\": 1️⃣// c\n 1}", "comments are not allowed"),
        ("{\"a\": 1️⃣01}", "leading zeros"),
        ("{}\n1️⃣x", "after the end of the JSON document"),
        ("{\"a\": \"x1️⃣\n\"}", "unterminated string"),
        ("{\"a\": \"1️⃣\\q\"}", "invalid escape sequence"),
        ("{\"a\": \"1️⃣\\ud800\"}", "surrogate"),
    ])
    func syntaxErrorsAreLocated(marked: String, message: String) {
        let source = MarkedSource(marked)
        let error = parseError(source)
        #expect(error?.message.contains(message) == true, "got \(String(describing: error))")
        #expect(error?.position == SourcePosition(line: source["1️⃣"].line, column: source["1️⃣"].column))
    }

    @Test func invalidUTF8IsRejectedWithItsPosition() {
        var bytes = Array("{\"a\": \"ok\",\n \"b\": \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        #expect(throws: SourceParseError.self) { try JSONSourceParser().parse(bytes) }
        do {
            _ = try JSONSourceParser().parse(bytes)
        } catch {
            #expect(error.message.contains("UTF-8"))
            #expect(error.position == SourcePosition(line: 2, column: 8))
        }
    }

    @Test func nulBytesAreRejected() {
        do {
            _ = try JSONSourceParser().parse(Array("{\"a\": \"x\u{0}y\"}".utf8))
            Issue.record("accepted a NUL byte")
        } catch {
            #expect(error.message.contains("U+0000"))
            #expect(error.position == SourcePosition(line: 1, column: 9))
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONSourceParser().parse(Array(deep.utf8))
            Issue.record("accepted 100 000 levels")
        } catch {
            #expect(error.message.contains("nesting is deeper than \(ModelLimits.standard.maxNestingDepth)"))
        }
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let root = try JSONSourceParser().parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        if case .mapping(let entries) = root.value { #expect(entries.isEmpty) } else { Issue.record("not a mapping") }
    }
}
