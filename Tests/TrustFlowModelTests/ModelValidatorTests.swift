import Testing
@testable import TrustFlowModel
import TrustFlowTestSupport

@Suite("Validation")
struct ModelValidatorTests {
    @Test func idsShareOneNamespace() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            controls: [{id: web, kind: rbac}]
            elements:
              - {id: 1️⃣web, kind: process}
              - {id: 2️⃣9lives, kind: actor}
            """)
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "duplicate id 'web': already used by a control, controls[0] at 3:12", at: source["1️⃣"])
        expectDiagnostic(found, .error, containing: "invalid id '9lives'", at: source["2️⃣"])
    }

    @Test func defaultFlowIdsCollideVisibly() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            elements: [{id: a, kind: actor}, {id: b, kind: process}]
            flows:
              - {id: a-to-b, from: a, to: b}
              - 1️⃣{from: a, to: b}
            """)
        expectDiagnostic(diagnostics(of: source), .error, containing: "duplicate id 'a-to-b' (the default id of this flow; give it an explicit 'id')", at: source["1️⃣"])
    }

    @Test func referencesMustNameTheRightKind() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            controls: [{id: rbac, kind: rbac}]
            boundaries:
              - {id: ns, kind: namespace, parent: 1️⃣web, controls: [2️⃣rbca]}
            elements:
              - {id: web, kind: process, boundary: 3️⃣nss}
            flows:
              - {from: web, to: 4️⃣ns}
            threatActors:
              - {id: t, kind: external-attacker, targets: [ns, 5️⃣rbac]}
            acceptedRisks:
              - {rule: TF103, target: 6️⃣nope, reason: later}
            """)
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "'web' is an element (elements[0] at 7:5), expected a boundary", at: source["1️⃣"])
        expectDiagnostic(found, .error, containing: "unknown control 'rbca'; did you mean 'rbac'?", at: source["2️⃣"])
        expectDiagnostic(found, .error, containing: "unknown boundary 'nss'; did you mean 'ns'?", at: source["3️⃣"])
        expectDiagnostic(found, .error, containing: "'ns' is a boundary (boundaries[0] at 5:5), expected an element", at: source["4️⃣"])
        expectDiagnostic(found, .error, containing: "'rbac' is a control (controls[0] at 3:12), expected element or boundary", at: source["5️⃣"])
        expectDiagnostic(found, .error, containing: "unknown element or boundary or flow or threat actor 'nope'", at: source["6️⃣"])
    }

    @Test func parentCyclesAreNamed() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            boundaries:
              - {id: a, kind: generic, parent: 1️⃣c}
              - {id: b, kind: generic, parent: a}
              - {id: c, kind: generic, parent: b}
              - {id: d, kind: generic, parent: 2️⃣d}
            elements: [{id: e, kind: actor, boundary: a}]
            """)
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "boundary parents form a cycle: a → c → b → a", at: source["1️⃣"])
        expectDiagnostic(found, .error, containing: "boundary 'd' cannot be its own parent", at: source["2️⃣"])
    }

    @Test func nestingOrderIsAWarning() throws {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            boundaries:
              - {id: p, kind: pod}
              - {id: ns, kind: namespace, parent: 1️⃣p}
              - {id: net, kind: network, parent: ns}
              - {id: c, kind: container, parent: net}
            elements: [{id: e, kind: actor, boundary: c}]
            """)
        let found = diagnostics(of: source)
        #expect(found.count == 1)
        expectDiagnostic(found, .warning, containing: "namespace 'ns' is inside pod 'p'", at: source["1️⃣"])
        #expect(throws: Never.self) { try load(source.text) }
    }

    @Test func boundaryDepthIsLimited() {
        var text = "trustflow: 1\ntitle: deep\nboundaries:\n  - {id: b0, kind: generic}\n"
        for level in 1..<3000 { text += "  - {id: b\(level), kind: generic, parent: b\(level - 1)}\n" }
        text += "elements: [{id: e, kind: actor, boundary: b2999}]\n"
        let found = diagnostics(of: MarkedSource(text))
        #expect(found.contains { $0.message.contains("nested more than \(ModelLimits.standard.maxBoundaryDepth) deep") })
    }

    @Test(arguments: [
        ("javascript:alert(1)", "scheme 'javascript:' is not allowed"),
        ("JaVaScRiPt:alert(1)", "scheme 'JaVaScRiPt:' is not allowed"),
        ("data:text/html,x", "scheme 'data:' is not allowed"),
        ("java\\tscript:x", "percent-encode it"),
        ("https://x.org/a b", "U+0020"),
        ("https://x.org/\\\"><script>", "'\"'"),
        ("", "the url is empty"),
    ])
    func unsafeURLsAreRejected(url: String, message: String) {
        let source = MarkedSource("trustflow: 1\ntitle: x\nelements: [{id: e, kind: process, url: 1️⃣\"\(url)\"}]\n")
        expectDiagnostic(diagnostics(of: source), .error, containing: message, at: source["1️⃣"])
    }

    @Test(arguments: ["https://docs.example.com/api?x=1&y=2#top", "http://intranet/wiki", "docs/api.md", "../README.md", "#anchor", "/abs/path"])
    func safeURLsAreAccepted(url: String) {
        #expect(ValidationRun.urlProblem(url) == nil)
    }

    @Test(arguments: [
        ("netpol", "network-policy"), ("NetworkPolicy", "network-policy"), ("psp", "pod-security"),
        ("apparmour", "apparmor"), ("kubelet-authn", "kubelet-auth"), ("network-policies", "network-policy"),
        ("seccmp", "seccomp"),
    ])
    func controlKindsCloseToAKnownOneWarn(kind: String, known: String) {
        let source = MarkedSource("trustflow: 1\ntitle: x\ncontrols: [{id: c, kind: 1️⃣\(kind)}]\nelements: [{id: e, kind: actor}]\n")
        expectDiagnostic(diagnostics(of: source), .warning, containing: "did you mean '\(known)'?", at: source["1️⃣"])
    }

    @Test func unrelatedControlKindsAreAccepted() {
        #expect(diagnostics(of: MarkedSource(
            "trustflow: 1\ntitle: x\ncontrols: [{id: c, kind: chaos-testing}]\nelements: [{id: e, kind: actor, controls: [c]}]\n")).isEmpty)
    }

    /// A control nothing lists protects nothing: usually a leftover, or a forgotten reference.
    @Test func aControlNothingListsWarns() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            controls: [{id: used, kind: rbac}, {id: 1️⃣spare, kind: rbac}]
            boundaries: [{id: ns, kind: namespace, controls: [used]}]
            elements: [{id: e, kind: actor, boundary: ns}]
            """)
        let found = diagnostics(of: source)
        #expect(found.count == 1)
        expectDiagnostic(found, .warning, containing: "control 'spare' is declared but no boundary, element or flow lists it",
            at: source["1️⃣"])
    }

    /// An undeclared control says where to declare it, with the known kind its name suggests.
    @Test func anUndeclaredControlSaysWhereToDeclareIt() {
        let source = MarkedSource("trustflow: 1\ntitle: x\nelements: [{id: e, kind: process, controls: [1️⃣tls]}]\n")
        expectDiagnostic(diagnostics(of: source), .error,
            containing: "unknown control 'tls'; declare it under the top-level 'controls:', e.g. '- { id: tls, kind: tls-termination }'",
            at: source["1️⃣"])
        // A close declared id is still the first suggestion.
        let typo = MarkedSource("trustflow: 1\ntitle: x\ncontrols: [{id: tls-term, kind: tls-termination}]\n"
            + "elements: [{id: e, kind: process, controls: [1️⃣tls-trm]}]\n")
        expectDiagnostic(diagnostics(of: typo), .error, containing: "unknown control 'tls-trm'; did you mean 'tls-term'?", at: typo["1️⃣"])
    }

    @Test func acceptedRisksNeedAReasonAndARealDate() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            elements: [{id: e, kind: actor}]
            acceptedRisks:
              - {rule: TF106, target: e, reason: 1️⃣"", until: 2️⃣2025-02-30}
            """)
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "the reason must not be empty", at: source["1️⃣"])
        expectDiagnostic(found, .error, containing: "February 2025 has no day 30, found '2025-02-30'", at: source["2️⃣"])
    }

    @Test func longTextIsRejected() {
        let label = String(repeating: "x", count: 1 << 20)
        let source = MarkedSource("trustflow: 1\ntitle: x\nelements: [{id: e, kind: actor, label: 1️⃣\(label)}]\n")
        expectDiagnostic(diagnostics(of: source), .error, containing: "longer than the limit of 1000", at: source["1️⃣"])
    }

    @Test func dslStyleModelsAreValidatedToo() {
        var map = SourceMap()
        map.record(TrustFlowModel.SourceLocation(file: "Model.swift", line: 12, column: 5), for: "elements[1]")
        let model = Model(title: "x", elements: [Element(id: "a", kind: .actor), Element(id: "a", kind: .process)])
        let found = ModelValidator().validate(model, sourceMap: map)
        #expect(found.map(\.description) == ["Model.swift:12:5: error: elements[1].id: duplicate id 'a': already used by an element, elements[0]"])
    }
}

@Suite("Support types")
struct SupportTypeTests {
    @Test func suggestionsPreferTheClosestAndGiveUpWhenFar() {
        #expect(Suggestion.closest(to: "contrls", among: ModelKeys.flow) == "controls")
        #expect(Suggestion.closest(to: "frontend", among: ["backend", "database"]) == nil)
        #expect(Suggestion.closest(to: "DB", among: ["db", "dc"]) == "db")
        #expect(Suggestion.closest(to: "rbca", among: ["rbac"]) == "rbac")
        #expect(Suggestion.closest(to: "dbb", among: ["web"]) == nil)
    }

    @Test func calendarDatesRejectImpossibleDays() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2025-1-01") == nil)
        #expect(CalendarDate("2025-12-31")! > CalendarDate("2025-01-01")!)
        #expect(CalendarDate("2025-12-31")?.description == "2025-12-31")
    }

    @Test func modelPathsPrintAndParse() {
        let path = ModelPath.root.appending("flows").appending(2).appending("to")
        #expect(path.description == "flows[2].to")
        #expect(ModelPath("flows[2].to") == path)
        #expect(path.parent == ModelPath("flows[2]"))
    }

    @Test func modelIndexAnswersContainment() throws {
        let model = try ModelLoader().load(Paths.bytes(Paths.sample("k8s-three-tier.yaml")), file: "m.yaml", format: .yaml).model
        let index = ModelIndex(model)
        #expect(index.boundaryChain(from: "ctr-api").map(\.id) == ["ctr-api", "pod-api", "ns-backend", "worker-1", "prod"])
        #expect(index.childBoundaries(of: nil).map(\.id) == ["prod"])
        #expect(index.elements(in: nil).map(\.id) == ["user"])
        #expect(index.threatActors(in: "pod-api").map(\.id) == ["compromised-container"])
    }
}
