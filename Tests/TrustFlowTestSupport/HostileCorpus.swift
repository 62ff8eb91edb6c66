import Foundation

/// The hostile corpus: text that tries to break out of every output language TrustFlow
/// writes — DOT (quotes, backslashes, statement injection, Graphviz escapes), SVG and HTML
/// (tags, event handlers, script URLs, CDATA and comment terminators), Markdown (table
/// pipes, links, emphasis), terminals and logs (line breaks, escape sequences are refused
/// at load time) — and invisible characters that disguise text (bidirectional overrides,
/// zero-width characters, line separators).
public enum HostileCorpus {
    public static let strings: [String] = [
        "Quote \" apostrophe ' back\\slash",
        "\"]; x -> y [color=red label=\"",
        "}; subgraph cluster_evil { pwned }; {",
        "\\N \\G \\E \\T \\H \\L \\l \\n \\r \\",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)> onload=alert(2)",
        "javascript:alert(document.domain)",
        "JaVaScRiPt:alert(1) vbscript:msgbox",
        "]]> <![CDATA[ x ]]>",
        "<!-- comment --> -->",
        "& &amp; &lt; &#60; &#x3C;",
        "right\u{202E}gnp.exe left\u{202D}x\u{2066}iso\u{2069}",
        "zero\u{200B}width\u{200C}non\u{200D}joiner\u{FEFF}bom",
        "line\nbreak\u{2028}separator\u{2029}paragraph",
        "| table | cell |\n|---|---|",
        "[link](javascript:alert(1)) ![image](https://evil.example/x.png)",
        "**bold** _em_ `code` ~~strike~~ # heading",
        "<details><summary>fake</summary>",
        "@everyone #1 :shipit:",
        "%s %n %x {0} ${HOME} $(rm -rf /)",
    ]

    /// The same number of harmless strings, for the other side of a diff.
    public static let plainStrings = strings.indices.map { "plain text \($0)" }

    /// A model that carries every hostile string in every text field it has, as JSON text.
    ///
    /// - 2 controls, 3 boundaries (nested), `strings.count` elements in them, one flow
    ///   between each pair of neighbours, and one threat actor.
    public static func modelJSON(title: String = "Hostile corpus", strings: [String] = strings) -> [UInt8] {
        let all = strings.joined(separator: " ")
        var elements: [[String: Any]] = []
        var flows: [[String: Any]] = []
        let boundaries = ["outer", "middle", "inner"]
        for (index, text) in strings.enumerated() {
            elements.append([
                "id": "e\(index)", "kind": ["actor", "process", "datastore", "external"][index % 4],
                "label": text, "technology": text, "description": text,
                "boundary": boundaries[index % 3], "controls": ["c0"],
                "url": "https://example.com/docs?q=%3Cscript%3E&x=1#\(index)",
            ])
            if index > 0 {
                flows.append([
                    "from": "e\(index - 1)", "to": "e\(index)", "label": text, "protocol": text,
                    "data": [text], "description": text, "encryption": index % 2 == 0 ? "tls" : "none",
                    "controls": ["c1"], "bidirectional": index % 3 == 0,
                ])
            }
        }
        let model: [String: Any] = [
            "trustflow": 1,
            "title": title + " " + strings[0...4].joined(separator: " "),
            "description": all,
            "controls": [
                ["id": "c0", "kind": "network-policy", "label": strings[1], "description": all],
                ["id": "c1", "kind": strings[4], "label": strings[5]],
            ],
            "boundaries": [
                ["id": "outer", "kind": "namespace", "label": strings[2], "description": all, "controls": ["c0"]],
                ["id": "middle", "kind": "pod", "parent": "outer", "label": strings[11], "description": strings[9]],
                ["id": "inner", "kind": "container", "parent": "middle", "label": strings[13]],
            ],
            "elements": elements,
            "flows": flows,
            "threatActors": [
                ["id": "attacker", "kind": "external-attacker", "label": strings[4], "description": strings[5],
                 "targets": ["e1", "outer"]],
            ],
            "acceptedRisks": [
                ["rule": "TF103", "target": "outer", "reason": all, "until": "2099-12-31"],
            ],
        ]
        let data = try! JSONSerialization.data(withJSONObject: model, options: [.sortedKeys, .prettyPrinted])
        return Array(data)
    }
}
