import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("JSON Schema")
struct SchemaTests {
    static let schemaFile = Paths.root.appendingPathComponent("Templates/trustflow.schema.json")

    @Test func theCommittedSchemaIsGeneratedFromTheTypes() throws {
        try Golden.assertMatches(ModelSchema.json(), file: Self.schemaFile)
        let printed = try TrustFlowProcess.run(["schema"])
        #expect(printed.status == 0)
        #expect(printed.standardOutput == Array(ModelSchema.json().utf8))
    }

    @Test func everySampleValidates() throws {
        let samples = try FileManager.default.subpathsOfDirectory(atPath: Paths.samples.path)
            .filter { ModelFormat(fileName: $0) != nil }.sorted()
        #expect(samples.count >= 7)
        for sample in samples + ["../Tests/TrustFlowDOTTests/Fixtures/hostile.yaml"] {
            let document = try SourceJSON.json(of: Paths.samples.appendingPathComponent(sample))
            #expect(try JSONSchemaValidator.errors(of: document, schema: Self.schemaFile) == [], "\(sample)")
        }
    }

    /// For what a schema can express, it rejects what the decoder rejects.
    @Test(arguments: [
        "elements: [{id: a, kind: actor, colour: red}]",
        "elements: [{id: a, kind: robot}]",
        "elements: [{id: 9a, kind: actor}]",
        "elements: [{id: a, kind: actor, label: 42}]",
        "elements: []",
        "elements: [{kind: actor}]",
        "elements: [{id: a, kind: actor, url: \"javascript:alert(1)\"}]",
        "elements: [{id: a, kind: actor}]\nflows: [{from: a, to: a, port: 0}]",
        "elements: [{id: a, kind: actor}]\nflows: [{from: a, to: a, encryption: TLS}]",
        "elements: [{id: a, kind: actor}]\nflows: [{from: a}]",
        "elements: [{id: a, kind: actor}]\nflows: [{from: a, to: a, bidirectional: \"yes\"}]",
        "elements: [{id: a, kind: actor}]\nacceptedRisks: [{rule: TF101, target: a, reason: r, until: tomorrow}]",
        "elements: [{id: a, kind: actor}]\nacceptedRisks: [{rule: TF101, target: a, reason: \"\"}]",
        "elements: [{id: a, kind: actor, description: \"bell\\a\"}]",
        "elements: [{id: a, kind: actor}]\nboundaries: [{id: b, kind: zone}]",
        "elements: [{id: a, kind: actor, k8s: {kind: Deploymnet, name: a}}]",
        "elements: [{id: a, kind: actor, k8s: {kind: Deployment}}]",
        "elements: [{id: a, kind: actor, k8s: {kind: Deployment, name: a, replicas: 2}}]",
        "elements: [{id: a, kind: actor}]\nflows: [{from: a, to: a, k8s: {kind: Service, name: a}}]",
        "elements: [{id: a, kind: actor}]\ny-tool: 1",
        "elements: [{id: a, kind: actor, x-note: 1}]",
    ])
    func invalidModelsAreRejectedByBoth(body: String) throws {
        let yaml = "trustflow: 1\ntitle: x\n" + body + "\n"
        #expect(throws: ModelError.self) { try ModelLoader().load(Array(yaml.utf8), file: "m.yaml", format: .yaml) }
        #expect(try JSONSchemaValidator.errors(of: SourceJSON.json(ofYAML: yaml), schema: Self.schemaFile).count > 0, "\(body)")
    }

    @Test func theSchemaAcceptsUnknownControlKindsLikeTheDecoder() throws {
        let yaml = "trustflow: 1\ntitle: x\ncontrols: [{id: c, kind: chaos-testing}]\nelements: [{id: a, kind: actor}]\n"
        #expect(throws: Never.self) { try ModelLoader().load(Array(yaml.utf8), file: "m.yaml", format: .yaml) }
        #expect(try JSONSchemaValidator.errors(of: SourceJSON.json(ofYAML: yaml), schema: Self.schemaFile) == [])
    }

    @Test func theSchemaAcceptsExtensionKeysAndReferencesLikeTheDecoder() throws {
        let yaml = """
            trustflow: 1
            title: x
            x-defaults: {anything: [1, {deep: true}]}
            boundaries: [{id: p, kind: pod, k8s: {kind: Deployment, name: web, namespace: shop}}]
            elements: [{id: a, kind: process, boundary: p, k8s: {kind: Deployment, name: web, namespace: shop, container: app}}]
            x-other-tool: null

            """
        #expect(throws: Never.self) { try ModelLoader().load(Array(yaml.utf8), file: "m.yaml", format: .yaml) }
        #expect(try JSONSchemaValidator.errors(of: SourceJSON.json(ofYAML: yaml), schema: Self.schemaFile) == [])
    }

    @Test func theSchemaNamesEveryKeyOfTheFormat() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaFile)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        func keys(_ object: Any?) -> Set<String> { Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? []) }
        #expect(keys(schema) == Set(ModelKeys.model))
        #expect(keys(definitions["flow"]) == Set(ModelKeys.flow))
        #expect(keys(definitions["element"]) == Set(ModelKeys.element))
        #expect(keys(definitions["boundary"]) == Set(ModelKeys.boundary))
        #expect(keys(definitions["control"]) == Set(ModelKeys.control))
        #expect(keys(definitions["threatActor"]) == Set(ModelKeys.threatActor))
        #expect(keys(definitions["acceptedRisk"]) == Set(ModelKeys.acceptedRisk))
        #expect(keys(definitions["kubernetesReference"]) == Set(ModelKeys.kubernetesReference))
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }
}
