import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport
import Yams

/// Text that YAML or JSON could misread — quotes, backslashes, line breaks, indicators,
/// words a YAML resolver turns into null, booleans or numbers, invisible characters — must
/// come back exactly, and the invisible ones must never be written raw.
@Suite("Canonical encoding of hostile text")
struct HostileTextEncodingTests {
    static let handPicked: [String] = [
        "", " ", "  leading", "trailing ", "\"", "'", "\\", "\"quoted\"", "'single'", "back\\slash", "literal \\n",
        "line\nbreak", "cr\r\nlf", "tab\there", "\n", "ends with a line break\n", "a\n\nb", " \n ",
        ": colon first", "key: value", "a:b", "ends with colon:", "# comment", "a #b", "a#b", "-", "- item", "---",
        "...", "? q", "?x", "[flow]", "{map}", "a, b", "*alias", "&anchor", "!tag", "!!str", "%directive", "@at",
        "`tick`", "|", ">", "<<", "=", "~",
        "null", "Null", "NULL", "true", "True", "FALSE", "yes", "Yes", "no", "NO", "on", "Off", "y", "n",
        "0", "1", "-1", "+1", "0x1F", "0o17", "017", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan", "1_000", "0b101",
        "2025-01-01", "2001-12-14t21:59:43.10-05:00", "12:30", "190:20:30",
        "emoji 😀 and 👩‍👩‍👧 family", "Ünïcödé", "日本語のラベル", "مرحبا بالعالم", "right\u{202E}to-left", "zero\u{200B}width",
        "bom\u{FEFF}", "ls\u{2028}ps\u{2029}", "nbsp\u{00A0}here", "nonchar\u{FFFF}\u{FFFE}", "tag\u{E0001}",
        "soft\u{00AD}hyphen", "\u{1F600}", "\u{10FFFF}", "combining e\u{0301}", "\u{0301}leading mark",
        "</script><script>alert(1)</script>", "\"]; evil -> pwned [label=\"x", "javascript:alert(1)",
        "=cmd|' /C calc'!A0", "\\u0041 not an escape", "\\x41", "%41", "a\u{2003}em space",
    ]

    /// Deterministic random strings made of the pieces parsers care about.
    static let generated: [String] = {
        let pieces = [
            "a", "Z", "9", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", ",", "[", "]", "{", "}", "\"", "'", "\\", "\n",
            "\r", "\t", "!", "&", "*", "|", ">", "%", "@", "`", "~", "null", "true", "no", "0x", ".", "1", "é", "😀",
            "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{00A0}", "\u{FFFF}", "日",
        ]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<400).map { _ in (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined() }
    }()

    static let all = handPicked + generated

    /// Every text field of the format holds a hostile string somewhere in this model.
    static let model: Model = {
        let elements = all.enumerated().map { position, text in
            Element(id: "e\(position)", label: text, kind: .process, technology: text,
                description: all[(position + 1) % all.count])
        }
        let flows = (1..<all.count).map { position in
            Flow(id: "f\(position)", from: "e\(position - 1)", to: "e\(position)", label: all[position],
                protocol: all[position - 1], data: [all[position], all[(position + 7) % all.count]],
                description: all[(position + 3) % all.count])
        }
        return Model(
            title: "Hostile \u{202E} \"title\": # no",
            description: all.joined(separator: " | "),
            controls: all.enumerated().map {
                Control(id: "c\($0)", label: $1, kind: ControlKind(rawValue: "kind \($0)"), description: $1)
            },
            boundaries: [Boundary(id: "b", label: "yes: no", kind: .generic, description: "~")],
            elements: elements, flows: flows,
            threatActors: [ThreatActor(id: "t", label: "null", kind: .externalAttacker, description: "- x")],
            acceptedRisks: all.enumerated().filter { !$1.allSatisfy(\.isWhitespace) }.map { position, text in
                AcceptedRisk(rule: "TF\(position)", target: "e\(position)", reason: text)
            })
    }()

    @Test(arguments: ModelFormat.allCases)
    func hostileTextRoundTripsExactly(_ format: ModelFormat) throws {
        let bytes = ModelEncoder().encode(Self.model, as: format)
        let decoded = try decode(bytes, format)
        for (written, read) in zip(Self.model.elements, decoded.elements) where written.label != read.label {
            Issue.record("\(format): \(String(reflecting: written.label)) came back as \(String(reflecting: read.label))")
        }
        #expect(decoded == Self.model)
        #expect(ModelEncoder().encode(decoded, as: format) == bytes)
    }

    @Test(arguments: ModelFormat.allCases)
    func invisibleCharactersAreNeverWrittenRaw(_ format: ModelFormat) {
        let text = String(decoding: ModelEncoder().encode(Self.model, as: format), as: UTF8.self)
        let raw = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                || [.format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
                || $0.properties.isNoncharacterCodePoint
        }
        #expect(raw.isEmpty, "\(raw.map { String($0.value, radix: 16) })")
    }

    /// A second reader with a YAML 1.1 resolver (libyaml through Yams, which reads `yes`, `on`
    /// and dates as other types) sees every label as the same text.
    @Test func aYAML11ReaderSeesTheSameText() throws {
        let yaml = String(decoding: ModelEncoder().encode(Self.model, as: .yaml), as: UTF8.self)
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let elements = try #require(document["elements"] as? [[String: Any]])
        #expect(elements.count == Self.model.elements.count)
        for (element, read) in zip(Self.model.elements, elements) {
            let label = read["label"].map { $0 as? String } ?? element.id
            // Yams drops a leading U+FEFF from a scalar's text; our reader keeps it (tested above).
            let expected = element.label.hasPrefix("\u{FEFF}") ? String(element.label.dropFirst()) : element.label
            #expect(label == expected, "\(String(reflecting: element.label)) read as \(String(reflecting: read["label"]))")
        }
        #expect(document["title"] as? String == Self.model.title)
    }

    @Test func plainScalarsAreOnlyUsedForSafeText() {
        let yaml = String(decoding: ModelEncoder().encode(Self.model, as: .yaml), as: UTF8.self)
        for quoted in ["label: \"no\"", "label: \"null\"", "label: \"2025-01-01\"", "label: \"a:b\"", "label: \"a#b\"",
            "label: \"trailing \"", "label: \"yes: no\""]
        {
            #expect(yaml.contains(quoted), "\(quoted)")
        }
        #expect(yaml.contains("label: Ünïcödé"))
        #expect(yaml.contains("label: emoji 😀 and 👩\\u200D👩\\u200D👧 family") == false)
        #expect(yaml.contains("label: \"emoji 😀 and 👩\\u200D👩\\u200D👧 family\""))
    }
}
