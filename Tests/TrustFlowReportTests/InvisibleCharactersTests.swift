import Testing
import TrustFlow

/// One rule for every output: the characters of ``InvisibleCharacters`` reach a reader as
/// `[U+XXXX]` in a diagram label, an HTML report, a Markdown summary and a terminal line alike.
@Suite("Invisible characters")
struct InvisibleCharactersTests {
    /// One of each kind: controls (C0, DEL, C1), zero-width and bidirectional format
    /// characters, the byte-order mark, line and paragraph separators, a tag character,
    /// non-characters and an unassigned code point.
    static let hidden: [Unicode.Scalar] = [
        0x0, 0x1B, 0x7F, 0x85, 0x200B, 0x202E, 0x2066, 0xFEFF, 0x2028, 0x2029, 0xE0001, 0xFDD0, 0xFFFE, 0x10FFFF, 0x0378,
    ].map { Unicode.Scalar(UInt32($0))! }

    @Test(arguments: hidden)
    func everyOutputShowsItAsItsCodePoint(_ scalar: Unicode.Scalar) {
        #expect(InvisibleCharacters.contains(scalar))
        let shown = InvisibleCharacters.shown(scalar)
        #expect(shown == "[U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
            + String(scalar.value, radix: 16, uppercase: true) + "]")
        let text = "a" + String(scalar) + "b"
        #expect(PlainText.line(text) == "a\(shown)b")
        #expect(MarkdownText.escape(text) == "a\(shown)b")
        #expect(HTMLText.escape(text) == "a\(shown)b")
        #expect(DOTWriter.escapeHTML(text) == "a\(shown)b")
    }

    @Test func visibleTextIsLeftAsItIs() {
        let text = "Café → API ✓ 日本語 Ωmega – “quoted” 🔒"
        #expect(!text.unicodeScalars.contains(where: InvisibleCharacters.contains))
        #expect(PlainText.line(text) == text)
        #expect(MarkdownText.escape(text) == text)
        #expect(HTMLText.escape(text) == text)
        #expect(DOTWriter.escapeHTML(text) == text)
    }
}
