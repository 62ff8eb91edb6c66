import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// What each round trip loses, stated as the model that comes back: everything not named
/// here must come back exactly — ids, labels, kinds where the format has them, nesting,
/// flows' fields, order. Neither export carries `k8s` references yet (they are newer than
/// the exports), so both lose them.
enum RoundTripLosses {
    /// TrustFlow → OTM → TrustFlow: OTM has no controls, threat actors or accepted risks, and
    /// an unlabelled flow is named by its id, so a flow whose label is its id comes back
    /// unlabelled. Kinds, technology, URLs and every flow field travel in `type` and
    /// `attributes`; elements outside every boundary in the marked extra zone.
    static func afterOTM(_ model: Model) -> Model {
        var expected = model
        expected.controls = []
        expected.threatActors = []
        expected.acceptedRisks = []
        for index in expected.boundaries.indices {
            expected.boundaries[index].controls = []
            expected.boundaries[index].kubernetes = nil
        }
        for index in expected.elements.indices {
            expected.elements[index].controls = []
            expected.elements[index].kubernetes = nil
        }
        for index in expected.flows.indices {
            expected.flows[index].controls = []
            if expected.flows[index].label == expected.flows[index].id { expected.flows[index].label = nil }
        }
        return expected
    }

    /// TrustFlow → Threat Dragon → TrustFlow: Threat Dragon has no controls, threat actors,
    /// accepted risks, boundary kinds (every box comes back `generic`), technologies, URLs,
    /// ports, authentication, data or classifications; an external system is one of its
    /// actors; encryption is a yes/no, so `mtls` comes back `tls` and an unknown one `none`;
    /// an empty description is no description. Nesting comes back from the geometry of
    /// TrustFlow's own layout.
    static func afterThreatDragon(_ model: Model) -> Model {
        var expected = model
        expected.controls = []
        expected.threatActors = []
        expected.acceptedRisks = []
        if expected.description?.isEmpty == true { expected.description = nil }
        for index in expected.boundaries.indices {
            expected.boundaries[index].kind = .generic
            expected.boundaries[index].controls = []
            expected.boundaries[index].kubernetes = nil
        }
        for index in expected.elements.indices {
            if expected.elements[index].kind == .external { expected.elements[index].kind = .actor }
            expected.elements[index].technology = nil
            expected.elements[index].url = nil
            expected.elements[index].controls = []
            expected.elements[index].kubernetes = nil
        }
        for index in expected.flows.indices {
            expected.flows[index].encryption = expected.flows[index].encryption == .mtls ? .tls : expected.flows[index].encryption ?? Encryption.none
            expected.flows[index].authentication = nil
            expected.flows[index].port = nil
            expected.flows[index].data = []
            expected.flows[index].classification = nil
            expected.flows[index].controls = []
        }
        return expected
    }
}

@Suite("Round trips")
struct RoundTripTests {
    static let samples = ["k8s-three-tier.yaml", "k8s-three-tier-insecure.yaml", "environments.yaml", "minimal.yaml"]

    @Test(arguments: samples)
    func samplesSurviveOTM(name: String) throws {
        let model = try Models.sample(name)
        let exported = OTMWriter().write(model)
        let back = try OTMReader().read(exported.bytes, file: "\(name).otm.json")
        #expect(back.model == RoundTripLosses.afterOTM(model))
        // Only what the export had to invent is noted on the way back.
        #expect(Set(back.notes.map(\.category.singular)).isSubset(of: ["project property", "trust rating"]))
    }

    @Test(arguments: samples)
    func samplesSurviveThreatDragon(name: String) throws {
        let model = try Models.sample(name)
        let exported = try ThreatDragonWriter().write(model)
        let back = try ThreatDragonReader().read(exported.bytes, file: "\(name).json")
        #expect(back.model == RoundTripLosses.afterThreatDragon(model))
        // A store encrypted at rest is written with Threat Dragon's flag, which an import notes.
        #expect(Set(back.notes.map(\.category.singular)).isSubset(of: ["element property"]))
    }

    /// Property: for models of every shape, each round trip loses exactly what
    /// ``RoundTripLosses`` says, and every export is valid against the format's schema.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func generatedModelsSurviveBothRoundTripsAndExportValidFiles() throws {
        var otmFiles: [[UInt8]] = []
        var threatDragonFiles: [[UInt8]] = []
        for seed in UInt64(0)..<120 {
            let model = ModelGenerator.model(seed: seed)
            let problems = ModelValidator().validate(model, sourceMap: SourceMap()).filter { $0.severity == .error }
            try #require(problems.isEmpty, "seed \(seed): the generator made an invalid model: \(problems)")

            let otm = OTMWriter().write(model)
            #expect(try OTMReader().read(otm.bytes, file: "g.otm.json").model == RoundTripLosses.afterOTM(model), "seed \(seed)")
            otmFiles.append(otm.bytes)

            // Graphviz lays out each model; half the seeds are enough to cover every depth.
            guard seed % 2 == 0 else { continue }
            let threatDragon = try ThreatDragonWriter().write(model)
            let back = try ThreatDragonReader().read(threatDragon.bytes, file: "g.json")
            #expect(back.model == RoundTripLosses.afterThreatDragon(model), "seed \(seed)")
            threatDragonFiles.append(threatDragon.bytes)
        }
        for (seed, errors) in try JSONSchemaValidator.errors(ofEach: otmFiles, schema: InteropFiles.otmSchema).enumerated() {
            #expect(errors == [], "OTM export of seed \(seed)")
        }
        for (index, errors) in try JSONSchemaValidator.errors(ofEach: threatDragonFiles, schema: InteropFiles.threatDragonSchema)
            .enumerated()
        {
            #expect(errors == [], "Threat Dragon export of seed \(index * 2)")
        }
    }

    /// The generator really makes the shapes the property is about.
    @Test func theGeneratorCoversEveryDepthAndEveryPlace() {
        var depths = Set<Int>()
        var rootElements = 0
        var nestedElements = 0
        var bidirectional = 0
        var selfFlows = 0
        for seed in UInt64(0)..<120 {
            let model = ModelGenerator.model(seed: seed)
            let index = ModelIndex(model)
            depths.insert(model.boundaries.map { index.boundaryChain(from: $0.id).count }.max() ?? 0)
            rootElements += model.elements.filter { $0.boundary == nil }.count
            nestedElements += model.elements.filter { $0.boundary != nil }.count
            bidirectional += model.flows.filter(\.bidirectional).count
            selfFlows += model.flows.filter { $0.from == $0.to }.count
        }
        #expect(depths == [0, 1, 2, 3, 4, 5])
        #expect(rootElements > 0 && nestedElements > 0 && bidirectional > 0 && selfFlows > 0)
    }
}
