import Foundation
import Testing
@testable import ThreeTierDSL
import TrustFlow
import TrustFlowTestSupport

/// `Samples/ThreeTierDSL` declares the same model as the JSON and YAML samples, so it draws
/// the same picture.
@Suite("Three-tier sample in Swift")
struct ThreeTierSampleTests {
    @Test func theSwiftModelEqualsTheDecodedFiles() throws {
        let swift = try threeTierModel()
        #expect(swift.model == (try Models.sample("k8s-three-tier.json")))
        #expect(swift.model == (try Models.sample("k8s-three-tier.yaml")))
        #expect(swift.warnings.isEmpty, "\(swift.warnings)")
    }

    @Test func itsDOTIsByteIdenticalToTheGolden() throws {
        let dot = DiagramRenderer.dot(for: try threeTierModel().model)
        #expect(Array(dot.utf8) == (try Paths.bytes(Paths.goldenDOT.appendingPathComponent("k8s-three-tier.dot"))))
    }

    @Test func theExecutableWritesTheCommittedDiagram() throws {
        let output = try Paths.temporaryDirectory().appendingPathComponent("three-tier.svg")
        let result = try TrustFlowProcess.run([output.path],
            executable: Paths.products.appendingPathComponent("ThreeTierDSL"))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote \(output.path)\n")
        #expect(try Paths.bytes(output) == (try Paths.bytes(Paths.sample("k8s-three-tier.svg"))))
    }

    @Test func theSourceMapPointsIntoTheSample() throws {
        let sourceMap = try threeTierModel().sourceMap
        let nginx = try #require(sourceMap.location(of: "elements[1].id"))
        #expect(nginx.file == "ThreeTierDSL/ThreeTier.swift")
        let line = try sampleLine(containing: "let nginx = Element.process(")
        #expect(nginx.line == line)
        // The element's boundary is decided where it is placed, inside ctr-nginx.
        let placed = try #require(sourceMap.location(of: "elements[1].boundary"))
        #expect(placed.line == (try sampleLine(containing: "controls: containerControls) { nginx }")))
    }

    private func sampleLine(containing text: String) throws -> Int {
        let source = try String(contentsOf: Paths.root.appendingPathComponent("Samples/ThreeTierDSL/ThreeTier.swift"),
            encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }
}
