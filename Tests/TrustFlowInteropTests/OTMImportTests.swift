import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("OTM import")
struct OTMImportTests {
    /// SOURCE.txt: 2 trust zones, 4 components, 2 dataflows, 1 threat, 2 mitigations, 2
    /// assets, 2 representations; 3 of 13 ids are UUIDs starting with a digit.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func theExampleInJSONAndYAMLGivesOneModel() throws {
        let json = try Import.otm(InteropFiles.shared("otm/EXAMPLE.json"))
        let yaml = try Import.otm(InteropFiles.shared("otm/EXAMPLE.yaml"))
        #expect(json.model == yaml.model)
        let model = json.model
        #expect(model.title == "Test project")
        #expect(model.boundaries.map(\.id) == ["internet", "private"])
        #expect(try model.boundary("private").description
            == "Private trustzone for protected components\n\nOTM id: 2ab4effa-40b7-4cd2-ba81-8247d29a6f2d")
        #expect(model.elements.map(\.id) == ["web-client", "web-service", "customer-database", "class-customerdatabase"])
        #expect(model.elements.map(\.kind) == [.external, .process, .datastore, .process])
        #expect(try model.element("web-client").boundary == "internet")
        #expect(try model.element("customer-database").boundary == "private")
        #expect(model.flows.map(\.id) == ["webclient-to-webservice", "cc-store-in-db"])
        #expect(model.flows.allSatisfy { $0.bidirectional })
        #expect(model.flows[1].data == ["cc-data"])
        #expect(json.notes("threat").count == 1)
        #expect(json.notes("mitigation").count == 2)
        #expect(json.notes("representation").count == 2)
        #expect(json.notes("trust rating").map(\.message) == ["'Internet': 20", "'Private': 100"])
        #expect(json.notes("threat on a component or dataflow").map(\.message)
            == ["'Threat 1' (exposed) on 'Web Service'", "'Threat 1' (exposed) on 'Dataflow between webservice and mongo.'"])
    }

    /// SOURCE.txt: 2 trust zones, 4 components, 6 dataflows, 43 threats, 43 mitigations; the
    /// dataflows carry no protocol, port, encryption or authentication.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func theConvertedMicrosoftModelKeepsItsZonesComponentsAndFlows() throws {
        let result = try Import.otm(InteropFiles.shared("otm/mobile-cloud.otm.json"))
        let model = result.model
        #expect(model.boundaries.map(\.label) == ["Internet", "Public Cloud"])
        #expect(model.elements.count == 4)
        #expect(model.flows.count == 6)
        #expect(model.flows.allSatisfy { $0.protocol == nil && $0.encryption == nil && $0.authentication == nil && $0.port == nil })
        #expect(result.notes("threat").count == 43)
        #expect(result.notes("mitigation").count == 43)
        #expect(try model.element("accounting-postgresql").kind == .datastore)
        #expect(try model.element("mobile-client").boundary == "internet")
        // Every UUID is renamed from the name, the original kept: 2 zones, 4 components, 6 dataflows.
        #expect(result.notes("renamed id").count == 12)
        #expect(Set(model.flows.map(\.id)).count == 6)
    }

    @Test func theShopFixtureReadsTrustFlowsAttributesAndFlattensComponentNesting() throws {
        let result = try Import.otm(InteropFiles.fixture("shop.otm.json"))
        let model = result.model
        #expect(model.boundaries.map(\.kind) == [.network, .cluster, .namespace])
        #expect(try model.boundary("app-ns").parent == "cloud")
        let api = try model.element("shop-api")
        #expect(api.technology == "Go")
        #expect(api.url == "https://example.com/shop-api")
        #expect(try model.element("orm").boundary == "app-ns")
        #expect(try model.element("shopper").technology == "web-client")
        let browse = try model.flow(labelled: "Browse and buy")
        #expect(browse.id == "browse")
        #expect(browse.protocol == "HTTPS" && browse.port == 443 && browse.encryption == .tls)
        #expect(browse.authentication == .session && browse.classification == .confidential)
        #expect(browse.data == ["orders"])
        let store = try model.flow(labelled: "Store order")
        #expect(store.id == "orm-to-shop-db")
        #expect(store.encryption == nil)
        #expect(result.notes("attribute").map(\.message) == ["'Shop API': owner: Shop team", "'Store order': encryption: quantum"])
        #expect(result.notes("component inside a component").count == 1)
    }

    @Test(arguments: [
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "trustZones": [{"id": "a", "name": "A", "risk": {"trustRating": 1}, "parent": {"trustZone": 1️⃣"b"}}, {"id": "b", "name": "B", "risk": {"trustRating": 1}, "parent": {"trustZone": "a"}}], "components": [{"id": "c", "name": "C", "type": "x", "parent": {"trustZone": "a"}}]}"#,
         "trust zones nest in a cycle: a › b › a"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": [{"id": "c", "name": "C", "type": "x", "parent": {"component": 1️⃣"d"}}, {"id": "d", "name": "D", "type": "x", "parent": {"component": "c"}}]}"#,
         "components nest in a cycle: c › d › c"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": [{"id": "c", "name": "C", "type": "x", "parent": {"trustZone": "z"}}, {"id": 1️⃣"c", "name": "C2", "type": "x", "parent": {"trustZone": "z"}}]}"#,
         "duplicate component id 'c'"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": [{"id": "c", "name": "C", "type": "x", "parent": {"trustZone": 1️⃣"nowhere"}}]}"#,
         "no trust zone with id 'nowhere'"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": [{"id": "c", "name": "C", "type": "x"}], "dataflows": [{"id": "f", "name": "F", "source": "c", "destination": 1️⃣"d"}]}"#,
         "no component with id 'd'"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": 1️⃣{"c": 1}}"#, "expected a list, found a mapping"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": [{"id": "c", "name": "C", "type": "x", "attributes": 1️⃣"none"}]}"#,
         "expected attributes (a mapping), found a string"),
        (#"1️⃣{"otmVersion": "0.2.0", "components": []}"#, "missing required key 'project'"),
        (#"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": 1️⃣[]}"#, "nothing to import: the model has no components"),
    ])
    func brokenModelsFailWithALocatedError(marked: String, message: String) {
        Import.expectLocatedError(marked, message: message, file: "m.otm.json") { bytes, file throws(ModelError) in
            try OTMReader().read(bytes, file: file)
        }
    }

    @Test func yamlIsReadByItsExtensionWithTheLineOfEachError() {
        let source = MarkedSource("otmVersion: 0.2.0\nproject:\n  name: P\n  id: p\ncomponents:\n  - id: c\n    name: C\n    type: x\n    parent:\n      trustZone: 1️⃣z\n")
        let errors = Import.failure { () throws(ModelError) in try OTMReader().read(source.bytes, file: "m.otm.yaml") }
        #expect(errors.map(\.location) == [TrustFlowModel.SourceLocation(file: "m.otm.yaml", line: 10, column: 18)])
        #expect(source["1️⃣"] == (10, 18))
    }
}
