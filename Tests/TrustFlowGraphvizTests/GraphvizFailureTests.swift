import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Graphviz failing, and Graphviz talking: every failure is a ``GraphvizError`` with the
/// library's own words, whole, and the next call works.
@Suite("Graphviz failures")
struct GraphvizFailureTests {
    /// The CLI never feeds DOT from users, so a layout failure is provoked in DOT directly:
    /// a graph that names a layout engine Graphviz does not have.
    @Test func aLayoutFailureIsAnErrorWithGraphvizsMessage() {
        do {
            _ = try Graphviz.render("digraph { layout=nonexistent; a -> b }", format: .svg)
            Issue.record("laid out with an unknown engine")
        } catch {
            #expect(error.kind == .layout)
            #expect(error.messages.contains { $0.hasPrefix("Error: Layout type: \"nonexistent\" not recognized. Use one of:") },
                "\(error.messages)")
            #expect(error.description.hasPrefix("Graphviz layout failed: Error: Layout type: \"nonexistent\""))
        }
        #expect(throws: Never.self) { try Graphviz.render("digraph { a -> b }", format: .svg) }
    }

    /// Graphviz hands its messages over in pieces ("Error", ": ", the text): each message is
    /// one whole line.
    @Test func messagesAreWholeLines() {
        do {
            _ = try Graphviz.render("digraph { a -> }", format: .png)
            Issue.record("accepted broken DOT")
        } catch {
            #expect(error.kind == .syntax)
            #expect(!error.messages.isEmpty)
            #expect(error.messages.allSatisfy { !["Error", "Warning", ":"].contains($0) && !$0.contains("\n") }, "\(error.messages)")
            #expect(error.messages.contains { $0.hasPrefix("Error: ") && $0.contains("syntax error in line 1") }, "\(error.messages)")
        }
    }

    /// cgraph counted lines across every graph a process read, so errors named the wrong line.
    @Test func errorLinesCountFromTheStartOfEachGraph() throws {
        var said: Set<[String]> = []
        for _ in 0..<3 {
            _ = try Graphviz.render("digraph {\n a -> b\n c\n}\n", format: .svg)
            do {
                _ = try Graphviz.render("digraph {\n a -> b\n c -> \n}\n", format: .svg)
                Issue.record("accepted broken DOT")
            } catch {
                said.insert(error.messages)
            }
        }
        #expect(said == [["Error: syntax error in line 4 near '}'"]])
    }

    /// cgraph's scanner kept what it had buffered after a syntax error and read it first the
    /// next time, so text after a bad graph became the next graph.
    @Test func aBadGraphLeavesNothingBehindForTheNext() throws {
        #expect(throws: GraphvizError.self) {
            try Graphviz.structure(of: "digraph { a -> }\ndigraph leftover { injected }\n")
        }
        let next = try Graphviz.structure(of: "digraph { wanted }")
        #expect(next.nodes == ["wanted"])
        #expect(next.warnings.isEmpty)
    }

    @Test func warningsComeBackAsMessages() throws {
        let output = try Graphviz.render("digraph { a -> b [lhead=cluster_nowhere]; compound=true }", format: .svg)
        #expect(output.messages.contains { $0.hasPrefix("Warning: ") && $0.contains("cluster_nowhere") }, "\(output.messages)")
    }

    @Test func theStructureOfDOTIsWhatLibgvcReads() throws {
        let structure = try Graphviz.structure(of: """
            digraph { a -> b; subgraph cluster_x { c; subgraph cluster_y { d } }; subgraph plain { e } }
            """)
        #expect(structure.nodes == ["a", "b", "c", "d", "e"])
        #expect(structure.edgeCount == 1)
        #expect(structure.clusters == ["cluster_x", "cluster_y"])
        #expect(structure.subgraphs == ["cluster_x", "cluster_y", "plain"])
        #expect(structure.warnings.isEmpty)
        #expect(throws: GraphvizError.self) { try Graphviz.structure(of: "digraph { a -> }") }
    }
}
