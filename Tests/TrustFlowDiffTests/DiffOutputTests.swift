import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Diff diagram and summary")
struct DiffOutputTests {
    let before = Paths.sample("diff/before.yaml")
    let after = Paths.sample("diff/after.yaml")

    func sampleResult() throws -> DiffResult {
        DiffResult(old: try Models.load(before), new: try Models.load(after), today: CalendarDate("2026-01-01")!)
    }

    @Test func theDiagramShowsTheUnionWithEachStateStyled() throws {
        let result = try sampleResult()
        let svg = try SVGDocument(DiffRenderer.render(result, format: .svg).bytes)
        let union = result.diff.union
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-").count == union.boundaries.count)
        #expect(svg.groups(class: "node", idPrefix: "element-").count == union.elements.count)
        #expect(svg.groups(class: "edge", idPrefix: "flow-").count == union.flows.count)
        let texts = svg.texts.joined(separator: "\n")
        #expect(texts.contains("+ added"))
        #expect(texts.contains("~ changed"))
        #expect(texts.contains("encryption: mtls → none"))
        #expect(texts.contains("label: REST API → Orders API"))
        #expect(texts.contains("controls: −netpol"))
        #expect(texts.contains("⚠ new TF103 high"))
        #expect(texts.contains("unchanged"))
    }

    @Test func stylesAreDistinguishableWithoutColour() throws {
        let diff = try ModelDiff(old: model(diffBase), new: model(diffBase.replacingOccurrences(of: "  - {id: g, from: user, to: api, encryption: tls}\n", with: "")
            .replacingOccurrences(of: "{id: db, kind: datastore, boundary: ns}", with: "{id: db, label: Store, kind: datastore, boundary: ns}\n  - {id: cache, kind: datastore, boundary: ns}")))
        let decorations = DiagramDecorations.diff(diff, findings: FindingsDelta(old: [], new: []), theme: .standard)
        #expect(decorations[.element("cache")].badges.first?.text == "+ added")
        #expect(decorations[.flow("g")].lineStyle == .dashed)
        #expect(decorations[.flow("g")].badges.first?.text == "− removed")
        #expect(decorations[.element("db")].badges.map(\.text) == ["~ changed", "label: db → Store"])
        #expect(decorations[.element("api")].muted)
        #expect(decorations.legend.first?.rows.map(\.text).contains("removed — dashed line, drawn where it was") == true)
    }

    @Test func theSummaryIsMarkdownForAPullRequest() throws {
        let markdown = DiffSummary.markdown(try sampleResult(), oldName: "before.yaml", newName: "after.yaml")
        #expect(markdown.hasPrefix("### Threat model changes: Three-tier web application on Kubernetes\n\n`before.yaml` → `after.yaml`"))
        #expect(markdown.contains("**4 added · 1 removed · 3 changed**"))
        #expect(markdown.contains("| removed | `mtls` | Mutual TLS (mtls) |"))
        #expect(markdown.contains("| changed | `nginx-to-api` | protocol: HTTPS → HTTP; port: 8443 → 8080; encryption: mtls → none; controls: −mtls |"))
        #expect(markdown.contains("| **high** | TF103 | boundary `ns-backend` |"))
        #expect(!markdown.contains("<details>"))
    }

    @Test func identicalModelsSayNoChanges() throws {
        let base = try Models.load(before)
        let result = DiffResult(old: base, new: base, today: CalendarDate("2026-01-01")!)
        #expect(result.diff.isEmpty && result.findings.isEmpty)
        let markdown = DiffSummary.markdown(result, oldName: "a", newName: "b")
        #expect(markdown.contains("**No changes**"))
        #expect(!markdown.contains("####"))
        let decorations = DiagramDecorations.diff(result.diff, findings: result.findings, theme: .standard)
        #expect(decorations.items.values.allSatisfy { $0.muted && $0.badges.isEmpty })
        #expect(decorations.items.count == result.diff.union.elements.count + result.diff.union.boundaries.count
            + result.diff.union.flows.count + result.diff.union.threatActors.count)
    }

    @Test func longListsCollapse() throws {
        var newer = try Models.load(before)
        for number in 1...12 { newer.elements.append(Element(id: "svc\(number)", kind: .process)) }
        let result = DiffResult(old: try Models.load(before), new: newer, today: CalendarDate("2026-01-01")!)
        let markdown = DiffSummary.markdown(result, oldName: "a", newName: "b")
        #expect(markdown.contains("<details><summary>Elements: 12 changes</summary>"))
        #expect(markdown.contains("</details>"))
    }

    @Test func hostileTextIsEscapedInMarkdown() {
        #expect(MarkdownText.escape("<script>|x|`y`*z*[a](b)") == "&lt;script&gt;\\|x\\|\\`y\\`\\*z\\*\\[a\\](b)")
        #expect(MarkdownText.escape("line\nbreak \u{202E}") == "line break [U+202E]")
        // No mention, and so no notification, when the summary is posted on GitHub.
        #expect(MarkdownText.escape("ask @octocat or @org/security-team") == "ask @&#8203;octocat or @&#8203;org/security-team")
        #expect(MarkdownText.code("@octocat") == "@&#8203;octocat")
        #expect(MarkdownText.code("a-b.c") == "`a-b.c`")
        #expect(MarkdownText.code("a`b") == "a\\`b")
    }
}
