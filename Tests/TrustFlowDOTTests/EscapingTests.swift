import Testing
@testable import TrustFlowDOT

@Suite("Escaping")
struct EscapingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"),
        ("\\N \\G \\l", "\\\\N \\\\G \\\\l"),
        ("one\ntwo", "one<BR/>two"),
        ("a\u{202E}b\u{200B}c", "a[U+202E]b[U+200B]c"),
        ("nul\u{0}", "nul[U+0000]"),
        ("\u{FFFE}", "[U+FFFE]"),
        ("]]> <!--", "]]&gt; &lt;!--"),
        ("café 😀", "café 😀"),
        ("é<😀>\u{85}→\u{E0001}&", "é&lt;😀&gt;[U+0085]→[U+E0001]&amp;"),
    ])
    func htmlLabelText(input: String, expected: String) {
        #expect(DOTWriter.escapeHTML(input) == expected)
    }

    @Test(arguments: [
        ("tip", "tip"),
        ("\"]; x -> y [", "&quot;]; x -&gt; y ["),
        ("a\\N", "a\\\\\\\\N"),
        ("l1\nl2", "l1&#10;l2"),
        ("&amp;", "&amp;amp;"),
        ("\u{202E}", "[U+202E]"),
        ("1. α → β · ü\"😀", "1. α → β · ü&quot;😀"),
    ])
    func quotedStrings(input: String, expected: String) {
        #expect(DOTWriter.escapeString(input) == expected)
    }

    @Test func quotedStringsNeverContainARawQuoteOrNewline() {
        let hostile = "\"\n\\\"];\r\t<>&"
        let escaped = DOTWriter.escapeString(hostile)
        #expect(!escaped.contains("\""))
        #expect(!escaped.contains("\n"))
        #expect(!escaped.contains("<") && !escaped.contains(">"))
    }

    @Test(arguments: [(1.0, "1"), (1.5, "1.5"), (0.25, "0.25"), (2.499, "2.5"), (-0.05, "-0.05"), (12.0, "12")])
    func numbersHaveAtMostTwoDecimals(value: Double, expected: String) {
        #expect(DOTWriter.format(value) == expected)
    }

    @Test func writerOutputsOneStatementPerLine() {
        let graph = DOTGraph(name: "g", statements: [
            .node(DOTNode(name: "a", attributes: ["label": .html(.text([.bold([.plain("<A>")])]))])),
            .subgraph(DOTSubgraph(name: "cluster_x", attributes: ["style": "dashed"], statements: [.node(DOTNode(name: "b"))])),
            .edge(DOTEdge(from: "a", to: "b", attributes: ["color": .colorList([DOTColor("#000"), DOTColor("#ffffff")])])),
        ])
        #expect(DOTWriter().write(graph) == """
            digraph "g" {
              "a" [label=<<B>&lt;A&gt;</B>>];
              subgraph "cluster_x" {
                style="dashed";
                "b";
              }
              "a" -> "b" [color="#000000:#ffffff"];
            }

            """)
    }

    @Test func colorsAreValidated() {
        #expect(DOTColor("#AbC")?.hex == "#aabbcc")
        #expect(DOTColor("red") == nil)
        #expect(DOTColor("#12345\"") == nil)
    }
}
