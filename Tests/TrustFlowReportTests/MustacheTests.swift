import Testing

@testable import TrustFlowReport

/// TrustFlow's Mustache engine, case by case against the Mustache manual
/// (https://mustache.github.io/mustache.5.html). The shipped templates are covered by the
/// report golden files, recorded with the swift-mustache package this engine replaced.
@Suite struct MustacheTests {
    /// Renders with `[text]` around escaped values, so escaping shows.
    func render(_ text: String, _ context: [String: Any] = [:], partials: [String: String] = [:]) throws -> String {
        let parsed = try partials.mapValues { try MustacheTemplate($0, file: "partial") }
        return try MustacheTemplate(text, file: "t.mustache").render(context, partials: parsed) { "[\($0)]" }
    }

    func error(_ text: String) -> TemplateError? {
        do {
            _ = try MustacheTemplate(text, file: "t.mustache")
            return nil
        } catch {
            return error
        }
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let context: [String: Any] = ["name": "<b>", "count": 3, "ratio": 0.5, "flag": true]
        #expect(try render("{{name}} {{{name}}} {{& name}} {{ name }}", context) == "[<b>] <b> <b> [<b>]")
        #expect(try render("{{count}}/{{ratio}}/{{flag}}", context) == "[3]/[0.5]/[true]")
        #expect(try render("a{{missing}}b{{{missing}}}c", context) == "abc")
    }

    @Test func dottedNamesResolveTheirFirstPartUpTheStack() throws {
        let context: [String: Any] = ["a": ["b": ["c": "deep"]], "x": "outer", "item": ["y": "inner"]]
        #expect(try render("{{a.b.c}}|{{a.missing.c}}|{{a.b}}", context).hasPrefix("[deep]||["))
        #expect(try render("{{#item}}{{y}} {{x}}{{/item}}", context) == "[inner] [outer]")
        // Once `a` is found, the rest is looked up in it only, not further up.
        let shadow: [String: Any] = ["a": ["b": "top"], "inner": ["a": ["c": 1]]]
        #expect(try render("{{#inner}}[{{a.b}}]{{/inner}}", shadow) == "[]")
    }

    @Test func sectionsFollowTheValue() throws {
        let context: [String: Any] = [
            "list": [["n": 1], ["n": 2]], "names": ["x", "y"], "empty": [Any](), "yes": true, "no": false,
            "text": "", "object": ["n": 9], "v": "outer",
        ]
        #expect(try render("{{#list}}<{{n}}>{{/list}}", context) == "<[1]><[2]>")
        #expect(try render("{{#names}}{{.}},{{/names}}", context) == "[x],[y],")
        #expect(try render("{{#empty}}x{{/empty}}{{#no}}x{{/no}}{{#missing}}x{{/missing}}", context) == "")
        #expect(try render("{{#yes}}{{v}}{{/yes}}", context) == "[outer]")
        #expect(try render("{{#text}}present{{/text}}", context) == "present")
        #expect(try render("{{#object}}{{n}}{{/object}}", context) == "[9]")
        #expect(try render("{{^empty}}a{{/empty}}{{^no}}b{{/no}}{{^missing}}c{{/missing}}{{^yes}}d{{/yes}}{{^list}}e{{/list}}", context)
            == "abc")
    }

    @Test func optionalValuesCountAsTheirContent() throws {
        let none: String? = nil
        let some: String? = "here"
        let context: [String: Any] = ["list": [none as Any, some as Any]]
        #expect(try render("{{#list}}({{.}}){{/list}}", context) == "()([here])")
    }

    @Test func standaloneTagsLeaveNoLine() throws {
        let context: [String: Any] = ["show": true, "items": ["a"]]
        #expect(try render("begin\n  {{#show}}\n  inside\n  {{/show}}\nend\n", context) == "begin\n  inside\nend\n")
        #expect(try render("a\n{{! a comment\n over lines }}\nb", context) == "a\nb")
        #expect(try render("a\r\n\t{{#items}}\r\n{{.}}\r\n{{/items}}\r\nb", context) == "a\r\n[a]\r\nb")
        // Not standalone: other text or a variable on the line keeps the line.
        #expect(try render("x {{#show}}\ny{{/show}} z", context) == "x \ny z")
        #expect(try render("{{#show}} {{items}}\n{{/show}}", ["show": true, "items": "v"]) == " [v]\n")
        // Last line without a line break.
        #expect(try render("a\n  {{! end }}", context) == "a\n")
    }

    @Test func partialsAreIncludedAndIndentedWhenStandalone() throws {
        let partials = ["item": "<{{name}}>\n<again>\n", "self": "x{{> self}}"]
        #expect(try render("{{> item}}", ["name": "n"], partials: partials) == "<[n]>\n<again>\n")
        #expect(try render("list:\n  {{> item}}\nend", ["name": "n"], partials: partials) == "list:\n  <[n]>\n  <again>\nend")
        #expect(try render("in {{> item}}", ["name": "n"], partials: partials) == "in <[n]>\n<again>\n")
        // A value's own lines are not indented, nor what follows it on its template line.
        #expect(try render("  {{> value}}\n", ["v": "1\n2"], partials: ["value": "<{{{v}}}>\n"]) == "  <1\n2>\n")
        #expect(try render("  {{> value}}\n", ["v": "a\n"], partials: ["value": "{{{v}}}x\n"]) == "  a\nx\n")
        // The indentation is what comes before the tag: not blanks after it, nor a CRLF's CR.
        #expect(try render("|\r\n{{> item}}\r\n|", ["name": "n"], partials: ["item": ">"]) == "|\r\n>|")
        #expect(try render("{{> item}} \n", ["name": "n"], partials: ["item": "a\nb\n"]) == "a\nb\n")
        #expect(try render("[{{> missing}}]", partials: partials) == "[]")
        // A partial that includes itself stops instead of recursing without end.
        let looped = try render("{{> self}}", partials: partials)
        #expect(looped == String(repeating: "x", count: looped.count) && looped.count > 10)
    }

    @Test func renderingStopsWithAnErrorWhenATemplateAsksForTooMuchWork() throws {
        // 40 sections nested over a two-item list: 2^40 passes; two partials per level: 2^64.
        let nested = String(repeating: "{{#items}}", count: 40) + "x" + String(repeating: "{{/items}}", count: 40)
        let template = try MustacheTemplate(nested, file: "hostile.mustache")
        let doubling = try MustacheTemplate("{{> p}}{{> p}}", file: "p")
        for (template, partials) in [(template, [String: MustacheTemplate]()), (doubling, ["p": doubling])] {
            #expect {
                _ = try template.render(["items": [1, 2]], partials: partials, escape: { $0 }, maximumSteps: 100_000)
            } throws: { error in
                let error = try #require(error as? TemplateError)
                return error.message.contains("takes more than 100000 steps") && error.description.hasPrefix("\(template.file): error: ")
            }
        }
        // The shipped templates stay far below the limit: see the report golden files.
        #expect(try MustacheTemplate("{{#items}}{{.}}{{/items}}", file: "t").render(["items": [1, 2]], partials: [:], escape: { $0 },
            maximumSteps: 8) == "12")
    }

    @Test func delimitersCanChange() throws {
        let context: [String: Any] = ["v": "<>", "list": [1]]
        #expect(try render("{{=<% %>=}}<% v %> {{v}} <%{v}%> <%#list%>i<%/list%>", context) == "[<>] {{v}} <> i")
        #expect(try render("{{= | | =}}\n|v|\n|={{ }}=|\n{{v}}", context) == "[<>]\n[<>]")
    }

    @Test func syntaxErrorsAreLocated() throws {
        let cases: [(String, Int, Int, String)] = [
            ("line\n  {{name", 2, 3, "not closed"),
            ("{{#a}}\n{{#b}}x{{/a}}", 2, 8, "does not close the section 'b' opened at 2:1"),
            ("ok {{/a}}", 1, 4, "closes no section"),
            ("{{#a}}never closed", 1, 1, "the section 'a' is not closed"),
            ("{{ }}", 1, 1, "no name"),
            ("é{{a b}}", 1, 2, "contains a blank"),
            ("{{a..b}}", 1, 1, "empty part"),
            ("{{=<%=}}", 1, 1, "delimiter change"),
            ("{{{raw}}", 1, 1, "not closed with }}}"),
            (String(repeating: "{{#a}}", count: 100_000), 1, 601, "nested more than 100 deep"),
            ("x {{count(findings.all)}}", 1, 3, "transforms such as count(list)"),
            ("{{<parent}}{{/parent}}", 1, 1, "template inheritance and pragmas"),
            ("{{% CONTENT_TYPE: HTML }}", 1, 1, "template inheritance and pragmas"),
        ]
        for (text, line, column, message) in cases {
            let found = try #require(error(text), "\(text) should not parse")
            #expect(found.file == "t.mustache")
            #expect((found.line, found.column) == (line, column), "\(text): \(found)")
            #expect(found.message.hasPrefix("invalid template: ") && found.message.contains(message), "\(text): \(found)")
        }
    }
}
