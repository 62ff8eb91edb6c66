import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The fuzzer's seed corpus and every input it ever crashed on, replayed through the same
/// properties the fuzzer checks (``PipelineOracle``). A crash found by `make fuzz` becomes
/// a file in `Fuzz/regressions/` and so a test here.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static let directories = ["Fuzz/corpus", "Fuzz/regressions"].map { Paths.root.appendingPathComponent($0) }

    static func inputs() -> [String] {
        directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .map { "\(directory.lastPathComponent)/\($0)" }
        }.sorted()
    }

    @Test func theCorpusIsThere() {
        let inputs = Self.inputs()
        #expect(inputs.filter { $0.hasPrefix("corpus/") }.count >= 20)
        #expect(inputs.filter { $0.hasPrefix("regressions/") }.count >= 2)
    }

    @Test(arguments: inputs())
    func everyPropertyHolds(input: String) throws {
        let bytes = try Paths.bytes(Paths.root.appendingPathComponent("Fuzz").appendingPathComponent(input))
        #expect(PipelineOracle.violations(of: bytes) == [])
    }

    /// Valid models of many shapes (``ModelGenerator``, small enough for the fuzzer's
    /// `-max_len`) seed the corpus, so mutations start from deep nesting, flows across
    /// boundaries and threat actors rather than from the few hand-written files. Recorded
    /// with `TRUSTFLOW_RECORD=1` when the generator changes.
    @Test(arguments: 1...12)
    func theCorpusHoldsGeneratedModels(seed: Int) throws {
        let model = ModelGenerator.model(seed: UInt64(seed), size: .init(boundaries: 8, elements: 8, flows: 10))
        let bytes = ModelEncoder().encode(model, as: .json)
        #expect(bytes.count <= 8192, "within make fuzz's -max_len")
        try Golden.assertMatches(bytes, file: Paths.root.appendingPathComponent("Fuzz/corpus/generated-\(seed).json"))
    }

    @Test func theOracleCatchesWhatItLooksFor() throws {
        // A graph whose DOT says more than its IR: the oracle must notice.
        let graph = DOTGraph(name: "g", statements: [.node(DOTNode(name: "a"))])
        #expect(PipelineOracle.compare("digraph { a; b; a -> b; subgraph cluster_x { c } }", with: graph, what: "t").count == 3)
        #expect(PipelineOracle.compare("digraph { a }", with: graph, what: "t") == [])
        #expect(PipelineOracle.compare("digraph { a -> }", with: graph, what: "t").first?.contains("cannot read") == true)
    }
}
