import Testing
import TrustFlow
import TrustFlowTestSupport

/// A model built in Swift goes through the same validation as a file, and its diagnostics
/// point at the Swift line of the declaration or placement.
@Suite("DSL diagnostics")
struct DSLDiagnosticTests {
    @Test func aDuplicateIDIsTheValidatorsErrorAtTheSwiftLine() throws {
        let first = Element.process("api"); let firstLine = #line
        let second = Element.process("api"); let secondLine = #line
        let found = diagnostics { () throws(ModelError) in try Model.build("Duplicate") { first; second } }
        let buildLine = #line - 1

        let declared = try SwiftSource.declaration("Element.process(", line: secondLine)
        let placedFirst = try SwiftSource.placement("first;", line: buildLine)
        #expect(found.map(\.description) == [
            "\(declared): error: elements[1].id: duplicate id 'api': already used by an element, "
                + "elements[0] at \(placedFirst.line):\(placedFirst.column)"
        ])
        #expect(found.first?.location?.file == "TrustFlowDSLTests/DSLDiagnosticTests.swift")
        #expect(firstLine < secondLine)
    }

    @Test func aDefaultFlowIDThatCollidesPointsAtThePlacement() throws {
        let a = Element.actor("a")
        let b = Element.process("b")
        let named = Flow.from(a, to: b, id: "a-to-b")
        let unnamed = Flow.from(a, to: b)
        let found = diagnostics { () throws(ModelError) in
            try Model.build("Flows") {
                a; b
                named
                unnamed
            }
        }
        let placedLine = #line - 3
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "flows[1]")
        #expect(diagnostic.message.hasPrefix(
            "duplicate id 'a-to-b' (the default id of this flow; give it an explicit 'id'): already used by a flow"))
        #expect(diagnostic.location == (try SwiftSource.placement("unnamed", line: placedLine)))
    }

    @Test func aHandleThatIsUsedButNeverPlacedIsAnError() throws {
        let web = Element.process("web")
        let db = Element.datastore("db"); let dbLine = #line
        let found = diagnostics { () throws(ModelError) in
            try Model.build("Unplaced") {
                web
                Flow.from(web, to: db)
            }
        }
        let flowLine = #line - 3
        let declaredDB = try SwiftSource.declaration("Element.datastore(", line: dbLine)
        #expect(found.map(\.description) == [
            "\(try SwiftSource.declaration("Flow.from(", line: flowLine)): error: flows[0].to: element 'db' is not in "
                + "the model (it is declared at \(declaredDB)); place it in the model's content or inside a boundary"
        ])
    }

    /// Another declaration with the same id must not silently stand in for the one used.
    @Test func aSameNamedDeclarationDoesNotStandInForTheOneUsed() {
        let placed = Element.datastore("db")
        let used = Element.datastore("db")
        let web = Element.process("web")
        let control = Control.declare("waf", kind: .waf)
        let found = diagnostics { () throws(ModelError) in
            try Model.build("Same id") {
                web
                placed
                Flow.from(web, to: used, controls: [control])
            }
        }
        #expect(found.map { "\($0.path!): \($0.message.prefix(while: { $0 != "(" }))" } == [
            "flows[0].controls[0]: control 'waf' is not in the model ",
            "flows[0].to: element 'db' is not in the model ",
        ])
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test func aDeclarationPlacedTwiceIsReportedWherePlacedAgain() throws {
        let web = Element.process("web")
        let ns = Boundary.namespace("ns") { Element.process("inside") }
        let found = diagnostics { () throws(ModelError) in
            try Model.build("Twice") {
                web
                ns
                Boundary.cluster("c") { ns; web }
            }
        }
        let line = #line - 3
        let firstWeb = try SwiftSource.placement("web", line: line - 2)
        let firstNS = try SwiftSource.placement("ns", line: line - 1)
        let againNS = try SwiftSource.placement("ns;", line: line)
        let againWeb = try SwiftSource.placement("web }", line: line)
        let rule = "a declaration belongs in exactly one place"
        // Reported once each, at the second placement; the boundary's content is not repeated.
        #expect(found.map(\.description) == [
            "\(againNS): error: boundary 'ns' is placed a second time (first at \(firstNS)); \(rule)",
            "\(againWeb): error: element 'web' is placed a second time (first at \(firstWeb)); \(rule)",
        ])
    }

    /// Nesting is by value, so parent cycles cannot be written; placing a boundary inside
    /// itself is the nearest thing, and is reported as the second placement it is.
    @Test func aBoundaryInsideItselfIsASecondPlacementNotACycle() throws {
        let outer = Boundary.generic("outer")
        let found = diagnostics { () throws(ModelError) in
            try Model.build("Loop") {
                Element.process("p")
                outer { Boundary.generic("inner") { outer } }
            }
        }
        let line = #line - 3
        let first = try SwiftSource.placement("outer {", line: line)
        let again = try SwiftSource.placement("outer }", line: line)
        #expect(found.map(\.description) == [
            "\(again): error: boundary 'outer' is placed a second time (first at \(first)); "
                + "a declaration belongs in exactly one place"
        ])
    }

    @Test func warningsAreLocatedAndDoNotFail() throws {
        let netpol = Control.declare("np", kind: "netpol"); let controlLine = #line
        let pod = Boundary.pod("pod")
        let built = try Model.build("Warnings") {
            netpol
            pod {
                Boundary.namespace("ns", controls: [netpol]) { Element.process("app") }
            }
        }
        let namespaceLine = #line - 3
        let control = try SwiftSource.declaration("Control.declare(", line: controlLine)
        let namespace = try SwiftSource.placement("Boundary.namespace", line: namespaceLine)
        let kindWarning = "unknown control kind 'netpol'; did you mean 'network-policy'? Rules only recognise the known kinds"
        let nestingWarning =
            "namespace 'ns' is inside pod 'pod'; the nesting order is cluster > node > namespace > pod > container"
        #expect(built.warnings.map(\.description) == [
            "\(control): warning: controls[0].kind: \(kindWarning)",
            "\(namespace): warning: boundaries[1].parent: \(nestingWarning)",
        ])
    }

    @Test func modelWideErrorsPointAtTheBuildCall() throws {
        let found = diagnostics { () throws(ModelError) in try Model.build(" ") {} }
        let build = try SwiftSource.declaration("Model.build(", line: #line - 1)
        #expect(found.map(\.description) == [
            "\(build): error: elements: a model needs at least one element",
            "\(build): error: title: the title must not be empty",
        ])
    }

    @Test func everyErrorIsReportedAtOnceAtItsDeclaration() throws {
        let bad = Element.process("9lives", url: "javascript:alert(1)"); let badLine = #line
        let web = Element.process("web", label: "tab\tok, bell\u{07}not"); let webLine = #line
        let flow = Flow.from(web, to: web, port: 70000); let flowLine = #line
        let risk = AcceptedRisk.rule("TF1", on: flow, reason: " ", until: "2025-02-30"); let riskLine = #line
        let found = diagnostics { () throws(ModelError) in try Model.build("Many") { bad; web; flow; risk } }

        let element = try SwiftSource.declaration("Element.process(", line: badLine)
        let label = try SwiftSource.declaration("Element.process(", line: webLine)
        let port = try SwiftSource.declaration("Flow.from(", line: flowLine)
        let acceptance = try SwiftSource.declaration("AcceptedRisk.rule(", line: riskLine)
        #expect(found.map(\.description) == [
            "\(element): error: elements[0].id: invalid id '9lives': an id starts with a letter and has at most 64 "
                + "letters, digits, '_', '.' or '-'",
            "\(element): error: elements[0].url: the url scheme 'javascript:' is not allowed; only http:, https: and "
                + "relative URLs are accepted",
            "\(label): error: elements[1].label: text contains the control character U+0007, which a model may not contain",
            "\(port): error: flows[0].port: expected a port number from 1 to 65535, found 70000",
            "\(acceptance): error: acceptedRisks[0].reason: the reason must not be empty: say why the risk is accepted",
            "\(acceptance): error: acceptedRisks[0].until: February 2025 has no day 30, found '2025-02-30'",
        ])
    }
}
