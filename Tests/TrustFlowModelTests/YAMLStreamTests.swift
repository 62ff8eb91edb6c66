import Testing
@testable import TrustFlowModel
import TrustFlowTestSupport

@Suite("YAML streams")
struct YAMLStreamTests {
    func documents(_ text: String, limits: ModelLimits = .standard) throws(SourceParseError) -> [SourceNode] {
        try YAMLSourceParser(limits: limits).parseDocuments(Array(text.utf8))
    }

    @Test func everyDocumentIsReturnedWithItsPosition() throws {
        let roots = try documents("""
            # a comment before the first document
            ---
            kind: A
            ---
            ---
            kind: B
            ...
            ---
            - kind: C
            """)
        #expect(roots.count == 4)
        #expect(roots.map(\.position.line) == [3, 5, 6, 9])
        guard case .scalar(let empty) = roots[1].value else { Issue.record("expected a null document"); return }
        #expect(empty.kind == .null)
    }

    @Test func anEmptyStreamHasNoDocument() throws {
        #expect(try documents("").isEmpty)
        #expect(try documents("# only a comment\n").isEmpty)
    }

    @Test func anchorsBelongToTheirDocument() {
        #expect(throws: SourceParseError.self) {
            _ = try documents("a: &x 1\n---\nb: *x\n")
        }
        do {
            _ = try documents("a: &x 1\n---\nb: *x\n")
        } catch {
            #expect(error.message.contains("unknown alias '*x'"))
            #expect(error.position == SourcePosition(line: 3, column: 4))
        }
    }

    @Test func theValueLimitCountsTheWholeStream() throws {
        let limits = ModelLimits(maxFileBytes: 1 << 20, maxNestingDepth: 64, maxDocumentNodes: 1_000, maxItemsPerList: 100,
            maxLabelLength: 100, maxDescriptionLength: 100, maxBoundaryDepth: 8)
        let manyEmpty = String(repeating: "---\n", count: 2_000)
        #expect(throws: SourceParseError.self) { _ = try documents(manyEmpty, limits: limits) }
        let manySmall = String(repeating: "---\na: [1, 2, 3]\n", count: 300)
        #expect(throws: SourceParseError.self) { _ = try documents(manySmall, limits: limits) }
        #expect(try documents(String(repeating: "---\na: 1\n", count: 100), limits: limits).count == 100)
    }

    @Test func aBombInOneDocumentOfManyIsStopped() {
        var bomb = "---\nkind: Fine\n---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { bomb += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        do {
            _ = try documents(bomb)
            Issue.record("the bomb was expanded")
        } catch {
            #expect(error.message.contains("expands to more than"))
        }
    }

    @Test func theSingleDocumentParserStillRefusesStreams() {
        #expect(throws: SourceParseError.self) { _ = try YAMLSourceParser().parse(Array("a: 1\n---\nb: 2\n".utf8)) }
    }
}
