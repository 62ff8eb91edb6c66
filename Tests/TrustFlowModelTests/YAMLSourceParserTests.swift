import Testing
@testable import TrustFlowModel
import TrustFlowTestSupport

@Suite("YAML parser")
struct YAMLSourceParserTests {
    func parse(_ text: String, limits: ModelLimits = .standard) throws(SourceParseError) -> SourceNode {
        try YAMLSourceParser(limits: limits).parse(Array(text.utf8))
    }

    func kinds(_ text: String) throws -> [SourceNode.Scalar.Kind] {
        let root = try parse(text)
        guard case .sequence(let items) = root.value else { return [] }
        return items.compactMap { if case .scalar(let scalar) = $0.value { scalar.kind } else { nil } }
    }

    @Test func plainScalarsFollowTheYAML12CoreSchema() throws {
        #expect(try kinds("[1, -3, 0x1F, 0o17, 1.5, .inf, 2e3, true, False, ~, null, '', yes, no, on, 2025-12-31, 1.2.3, \"7\"]") == [
            .integer, .integer, .integer, .integer, .float, .float, .float, .boolean, .boolean, .null, .null, .string,
            .string, .string, .string, .string, .string, .string,
        ])
    }

    @Test func wordsAndDigitsAreResolvedByTheirShape() throws {
        #expect(try kinds("[8080, 007, tls, truex, nul, nulls, NULL, TRUE, falsy, FALSE, t, 1e, 12a]") == [
            .integer, .integer, .string, .string, .string, .string, .null, .boolean, .string, .boolean, .string,
            .string, .string,
        ])
    }

    @Test func valuesKnowTheirLineAndColumn() throws {
        let source = MarkedSource("a:\n  - 1️⃣x\n  - {k: 2️⃣v}\n")
        let root = try parse(source.text)
        guard case .mapping(let entries) = root.value, case .sequence(let items) = entries[0].value.value,
            case .mapping(let inner) = items[1].value
        else { Issue.record("unexpected shape"); return }
        #expect(items[0].position == SourcePosition(line: source["1️⃣"].line, column: source["1️⃣"].column))
        #expect(inner[0].value.position == SourcePosition(line: source["2️⃣"].line, column: source["2️⃣"].column))
    }

    @Test func duplicateKeysAreKeptForTheDecoderToReport() throws {
        let root = try parse("a: 1\na: 2\n")
        if case .mapping(let entries) = root.value { #expect(entries.count == 2) } else { Issue.record("not a mapping") }
    }

    @Test func mergeKeysAreExpandedAndLocalKeysWin() throws {
        let root = try parse("base: &b {kind: process, label: Base}\nitem:\n  <<: *b\n  label: Mine\n")
        guard case .mapping(let entries) = root.value, case .mapping(let item) = entries[1].value.value else {
            Issue.record("unexpected shape"); return
        }
        let pairs = item.compactMap { entry -> (String, String)? in
            if case .scalar(let scalar) = entry.value.value { return (entry.key.text, scalar.text) }
            return nil
        }
        #expect(pairs.map(\.0) == ["label", "kind"])
        #expect(pairs.map(\.1) == ["Mine", "process"])
    }

    @Test func billionLaughsIsStoppedByTheExpansionLimit() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            text += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        do {
            _ = try parse(text)
            Issue.record("accepted a billion laughs")
        } catch {
            #expect(error.message.contains("expands to more than"))
        }
    }

    @Test func nestingIsBoundedWithoutRecursion() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        do {
            _ = try parse(deep)
            Issue.record("accepted 500 levels")
        } catch {
            #expect(error.message.contains("nesting is deeper than"))
        }
    }

    @Test(arguments: [
        ("a: 1\nb: [1, 2\n1️⃣", "did not find expected"),
        ("a: 1\n1️⃣---\nb: 2\n", "second one"),
        ("a: *1️⃣nope\n", "unknown alias"),
        ("1️⃣", "the file is empty"),
        ("a: 1️⃣!custom x\n", "unsupported YAML tag"),
    ])
    func errorsAreLocated(marked: String, message: String) {
        let source = MarkedSource(marked)
        do {
            _ = try YAMLSourceParser().parse(source.bytes)
            Issue.record("accepted \(marked)")
        } catch {
            #expect(error.message.contains(message), "got \(error.message)")
            #expect(error.position.line == source["1️⃣"].line, "got \(error.position)")
        }
    }

    @Test func unknownAliasPointsAtTheAlias() {
        do {
            _ = try parse("a: 1\nb: *nope\n")
            Issue.record("accepted an unknown alias")
        } catch {
            #expect(error.position == SourcePosition(line: 2, column: 4))
        }
    }

    @Test func controlCharactersAndBadUTF8AreLocated() {
        do {
            _ = try YAMLSourceParser().parse(Array("a: 1\nb: x\u{0}\n".utf8))
            Issue.record("accepted NUL")
        } catch {
            #expect(error.message.contains("U+0000"))
            #expect(error.position == SourcePosition(line: 2, column: 5))
        }
        do {
            _ = try YAMLSourceParser().parse(Array("a: 1\nb: ".utf8) + [0xFF, 0x0A])
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.message.contains("UTF-8"))
            #expect(error.position.line == 2)
        }
    }
}
