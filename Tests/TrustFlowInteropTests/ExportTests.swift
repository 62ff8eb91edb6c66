import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Exports")
struct ExportTests {
    static let samples = RoundTripTests.samples

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func everyExportOfTheSamplesAndTheHostileCorpusIsValidAgainstItsSchema() throws {
        var models = try Self.samples.map { try Models.sample($0) }
        models.append(try ModelLoader().load(HostileCorpus.modelJSON(), file: "hostile.json", format: .json).model)
        let otm = try JSONSchemaValidator.errors(ofEach: models.map { OTMWriter().write($0).bytes }, schema: InteropFiles.otmSchema)
        let threatDragon = try JSONSchemaValidator.errors(ofEach: models.map { try ThreatDragonWriter().write($0).bytes },
            schema: InteropFiles.threatDragonSchema)
        for (index, model) in models.enumerated() {
            #expect(otm[index] == [], "\(model.title)")
            #expect(threatDragon[index] == [], "\(model.title)")
        }
    }

    /// The schema check can fail: Threat Dragon's own demo writes `null` where its schema wants
    /// a string, and a file without its summary is rejected.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func theSchemaCheckRejectsWhatTheSchemaForbids() throws {
        let errors = try JSONSchemaValidator.errors(ofEach: [
            Paths.bytes(InteropFiles.shared("threat-dragon/three-tier-web-app.json")), Array(#"{"version": "2.3.0"}"#.utf8),
        ], schema: InteropFiles.threatDragonSchema)
        #expect(errors[0].contains { $0.hasSuffix("None is not of type 'string'") })
        #expect(errors[1].contains { $0.contains("'summary' is a required property") })
    }

    @Test(arguments: samples)
    func exportsAreDeterministic(name: String) throws {
        let model = try Models.sample(name)
        #expect(OTMWriter().write(model).bytes == OTMWriter().write(model).bytes)
        #expect(try ThreatDragonWriter().write(model).bytes == (try ThreatDragonWriter().write(model).bytes))
    }

    /// Each boundary's box holds its elements' boxes and its child boundaries' boxes, and is
    /// drawn under them.
    @Test func threatDragonBoxesSurroundTheirMembers() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let file = try ThreatDragonWriter().write(model).bytes
        let document = try #require(try JSONSerialization.jsonObject(with: Data(file)) as? [String: Any])
        let detail = try #require(document["detail"] as? [String: Any])
        let diagram = try #require((detail["diagrams"] as? [[String: Any]])?.first)
        let cells = try #require(diagram["cells"] as? [[String: Any]])
        func frame(_ id: String) throws -> (x: Int, y: Int, right: Int, bottom: Int, z: Int) {
            let cell = try #require(cells.first { $0["id"] as? String == id }, "no cell \(id)")
            let position = try #require(cell["position"] as? [String: Int])
            let size = try #require(cell["size"] as? [String: Int])
            return (position["x"]!, position["y"]!, position["x"]! + size["width"]!, position["y"]! + size["height"]!,
                cell["zIndex"] as! Int)
        }
        func inside(_ inner: (x: Int, y: Int, right: Int, bottom: Int, z: Int), _ outer: (x: Int, y: Int, right: Int, bottom: Int, z: Int))
            -> Bool
        {
            inner.x > outer.x && inner.y > outer.y && inner.right < outer.right && inner.bottom < outer.bottom && inner.z > outer.z
        }
        for element in model.elements {
            guard let boundary = element.boundary else { continue }
            #expect(inside(try frame("element-\(element.id)"), try frame("boundary-\(boundary)")), "\(element.id)")
        }
        for boundary in model.boundaries {
            guard let parent = boundary.parent else { continue }
            #expect(inside(try frame("boundary-\(boundary.id)"), try frame("boundary-\(parent)")), "\(boundary.id)")
        }
        let flows = cells.filter { $0["shape"] as? String == "flow" }
        #expect(flows.count == model.flows.count)
        let first = try #require(flows.first?["data"] as? [String: Any])
        #expect(first["protocol"] as? String == "HTTPS")
        #expect(first["isEncrypted"] as? Bool == true)
        #expect(first["isBidirectional"] as? Bool == true)
    }

    @Test func whatAFormatCannotHoldIsNotedAtItsPlaceInTheModel() throws {
        let loaded = try ModelFile.load(Paths.sample("k8s-three-tier.yaml").path)
        let otm = OTMWriter().write(loaded.model, sourceMap: loaded.sourceMap).notes
        #expect(otm.filter { $0.category.singular.hasPrefix("control") }.count == loaded.model.controls.count)
        #expect(otm.filter { $0.category.singular == "threat actor" }.count == 3)
        #expect(otm.contains { $0.message.contains("each is written as 50") })
        let firstControl = try #require(otm.first)
        #expect(firstControl.location?.file.hasSuffix("k8s-three-tier.yaml") == true)
        #expect(firstControl.location?.line == loaded.sourceMap.location(of: "controls[0]")?.line)

        let threatDragon = try ThreatDragonWriter().write(loaded.model, sourceMap: loaded.sourceMap).notes
        let categories = Set(threatDragon.map(\.category.singular))
        for expected in ["boundary kind (every box is a plain trust boundary)", "element technology", "flow authentication",
            "flow port", "flow data list", "flow classification", "flow encryption beyond yes or no"]
        {
            #expect(categories.contains(expected), "\(expected)")
        }
        #expect(threatDragon.first { $0.category.singular == "flow encryption beyond yes or no" }?.message
            == "'nginx-to-api': mtls is written as encrypted")
    }

    @Test func elementsOutsideEveryBoundaryGoIntoOneMarkedZoneWhoseIdIsFree() throws {
        let model = try Models.yaml("""
            trustflow: 1
            title: Outside
            boundaries: [{id: outside, kind: network}]
            elements: [{id: user, kind: actor}, {id: web, kind: process, boundary: outside}]
            """)
        let file = OTMWriter().write(model).bytes
        let document = try #require(try JSONSerialization.jsonObject(with: Data(file)) as? [String: Any])
        let zones = try #require(document["trustZones"] as? [[String: Any]])
        #expect(zones.map { $0["id"] as? String } == ["outside", "outside-2"])
        #expect((zones[1]["attributes"] as? [String: String]) == ["trustflow": "outside"])
        let components = try #require(document["components"] as? [[String: Any]])
        #expect(components.map { ($0["parent"] as? [String: String])?["trustZone"] } == ["outside-2", "outside"])
        #expect(try OTMReader().read(file, file: "o.otm.json").model == model)
    }
}
