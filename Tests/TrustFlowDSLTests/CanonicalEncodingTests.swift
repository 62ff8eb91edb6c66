import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Any valid model encodes to JSON and YAML that decode back to an equal model, in a stable
/// key order, with the same bytes every time.
@Suite("Canonical encoding")
struct CanonicalEncodingTests {
    static let files = [
        "Samples/k8s-three-tier.json", "Samples/k8s-three-tier.yaml", "Samples/environments.yaml", "Samples/minimal.yaml",
        "Samples/k8s-three-tier-insecure.yaml", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "Samples/services-200.yaml",
        "Tests/TrustFlowDOTTests/Fixtures/hostile.yaml",
    ]

    @Test func everySampleIsCovered() throws {
        let samples = try FileManager.default.subpathsOfDirectory(atPath: Paths.samples.path)
            .filter { ModelFormat(fileName: $0) != nil }.map { "Samples/\($0)" }
        #expect(Set(samples).isSubset(of: Set(Self.files)), "\(samples)")
    }

    @Test(arguments: files)
    func jsonToModelToYAMLToModelRoundTrips(_ path: String) throws {
        let model = try Models.load(Paths.root.appendingPathComponent(path))
        let json = ModelEncoder().encode(model, as: .json)
        let fromJSON = try decode(json, .json)
        #expect(fromJSON == model)
        let yaml = ModelEncoder().encode(fromJSON, as: .yaml)
        #expect(try decode(yaml, .yaml) == model)
    }

    @Test(arguments: files, ModelFormat.allCases)
    func encodingIsByteStable(_ path: String, format: ModelFormat) throws {
        let model = try Models.load(Paths.root.appendingPathComponent(path))
        let first = ModelEncoder().encode(model, as: format)
        let other: ModelFormat = format == .json ? .yaml : .json
        let throughOther = try decode(ModelEncoder().encode(try decode(first, format), as: other), other)
        #expect(ModelEncoder().encode(throughOther, as: format) == first)
        #expect(first.last == UInt8(ascii: "\n"))
    }

    @Test(arguments: ModelFormat.allCases)
    func canonicalFilesMatchTheGoldens(_ format: ModelFormat) throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        try Golden.assertMatches(ModelEncoder().encode(model, as: format),
            file: Self.golden.appendingPathComponent("k8s-three-tier.canonical.\(format.rawValue)"))
    }

    /// The committed JSON sample was written by hand in the same layout; the canonical form
    /// differs from it only by the flow ids it leaves out because they are the defaults.
    @Test func theJSONSampleIsCanonicalExceptForDefaultFlowIDs() throws {
        let committed = try String(contentsOf: Paths.sample("k8s-three-tier.json"), encoding: .utf8)
        let withoutFlowIDs = committed.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("      \"id\": \"") || !$0.contains("-to-") }.joined(separator: "\n")
        let canonical = ModelEncoder().encode(try Models.sample("k8s-three-tier.json"), as: .json)
        #expect(String(decoding: canonical, as: UTF8.self) == withoutFlowIDs)
    }

    @Test func defaultsAreLeftOutAndKeysFollowTheFormat() throws {
        let model = Model(
            title: "Defaults", controls: [Control(id: "c", kind: .rbac)],
            boundaries: [Boundary(id: "b", label: "Boundary", kind: .pod)],
            elements: [Element(id: "a", kind: .actor), Element(id: "w", kind: .process, boundary: "b", controls: ["c"])],
            flows: [Flow(id: "a-to-w", from: "a", to: "w", port: 443, encryption: Encryption.none, bidirectional: false)],
            acceptedRisks: [AcceptedRisk(rule: "TF1", target: "w", reason: "Because.")])
        #expect(String(decoding: ModelEncoder().encode(model, as: .yaml), as: UTF8.self) == """
            trustflow: 1
            title: Defaults

            controls:
              - id: c
                kind: rbac

            boundaries:
              - id: b
                label: Boundary
                kind: pod

            elements:
              - id: a
                kind: actor
              - id: w
                kind: process
                boundary: b
                controls: [c]

            flows:
              - from: a
                to: w
                port: 443
                encryption: none

            acceptedRisks:
              - rule: TF1
                target: w
                reason: Because.

            """)
        #expect(String(decoding: ModelEncoder().encode(model, as: .json), as: UTF8.self).hasPrefix("""
            {
              "trustflow": 1,
              "title": "Defaults",
              "controls": [
                {
                  "id": "c",
                  "kind": "rbac"
                }
              ],
            """))
    }

    /// Every mapping's keys appear in the order FORMAT.md (and `ModelKeys`) lists them.
    @Test func keysAreInTheDocumentedOrder() throws {
        let model = try Models.fixture("hostile.yaml")
        let root = try JSONSourceParser().parse(ModelEncoder().encode(try Models.sample("k8s-three-tier.yaml"), as: .json))
        let hostile = try JSONSourceParser().parse(ModelEncoder().encode(model, as: .json))
        for tree in [root, hostile] {
            let entries = try mapping(tree)
            #expect(isInOrder(entries.map(\.key.text), ModelKeys.model))
            let lists: [(String, [String])] = [
                ("controls", ModelKeys.control), ("boundaries", ModelKeys.boundary), ("elements", ModelKeys.element),
                ("flows", ModelKeys.flow), ("threatActors", ModelKeys.threatActor), ("acceptedRisks", ModelKeys.acceptedRisk),
            ]
            for (name, keys) in lists {
                for item in try sequence(entries, name) {
                    let itemKeys = try mapping(item).map(\.key.text)
                    #expect(isInOrder(itemKeys, keys), "\(name): \(itemKeys)")
                }
            }
        }
    }

    /// Leaving a flow id out is only right when the decoder would derive the same id at that
    /// point: only flows without an id count towards `-2`, `-3`.
    @Test(arguments: [
        (["a-to-b", "a-to-b-2", "a-to-b-3"], [nil, nil, nil] as [String?]),
        (["a-to-b-2", "a-to-b"], ["a-to-b-2", nil]),
        (["x", "a-to-b", "a-to-b-2"], ["x", nil, nil]),
        (["a-to-b", "x", "a-to-b-3"], [nil, "x", "a-to-b-3"]),
        (["a-to-b-1", "a-to-b-02", "a-to-b"], ["a-to-b-1", "a-to-b-02", nil]),
    ])
    func flowIDsAreLeftOutOnlyWhenTheyDecodeBack(ids: [String], written: [String?]) throws {
        let model = Model(title: "Flows", elements: [Element(id: "a", kind: .actor), Element(id: "b", kind: .process)],
            flows: ids.map { Flow(id: $0, from: "a", to: "b") })
        let yaml = ModelEncoder().encode(model, as: .yaml)
        let flows = try sequence(try mapping(try YAMLSourceParser().parse(yaml)), "flows")
        let writtenIDs: [String?] = try flows.map { flow in
            guard case .scalar(let id)? = try mapping(flow).first(where: { $0.key.text == "id" })?.value.value else {
                return nil
            }
            return id.text
        }
        #expect(writtenIDs == written)
        #expect(try decode(yaml, .yaml) == model)
    }

    static let golden = Paths.root.appendingPathComponent("Tests/TrustFlowDSLTests/Golden")

    private func mapping(_ node: SourceNode) throws -> [(key: SourceNode.Key, value: SourceNode)] {
        guard case .mapping(let entries) = node.value else { throw EncodingTestError("expected a mapping") }
        return entries
    }

    /// The items of the list under `key`; none when the key is absent.
    private func sequence(_ entries: [(key: SourceNode.Key, value: SourceNode)], _ key: String) throws -> [SourceNode] {
        guard let node = entries.first(where: { $0.key.text == key })?.value else { return [] }
        guard case .sequence(let items) = node.value else { throw EncodingTestError("\(key) is not a list") }
        return items
    }

    private func isInOrder(_ keys: [String], _ order: [String]) -> Bool {
        let positions = keys.map { order.firstIndex(of: $0) ?? -1 }
        return !positions.contains(-1) && positions == positions.sorted()
    }
}

/// Decodes and validates canonical bytes.
func decode(_ bytes: [UInt8], _ format: ModelFormat) throws -> Model {
    try ModelLoader().load(bytes, file: "canonical.\(format.rawValue)", format: format).model
}

struct EncodingTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
