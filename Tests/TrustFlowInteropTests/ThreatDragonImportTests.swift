import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Threat Dragon import")
struct ThreatDragonImportTests {
    /// SOURCE.txt: Web UI inside "Internet"; Web Service and PostgresSQL inside "Public Cloud".
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func boxesHoldWhatTheirAreaContains() throws {
        let model = try Import.threatDragon(InteropFiles.shared("threat-dragon/three-tier-web-app.json")).model
        #expect(model.boundaries.map(\.label) == ["Internet", "Public Cloud"])
        #expect(model.boundaries.map(\.id) == ["internet", "public-cloud"])
        #expect(try model.element("web-ui").boundary == "internet")
        #expect(try model.element("web-service").boundary == "public-cloud")
        #expect(try model.element("postgressql").boundary == "public-cloud")
        #expect(model.flows.count == 3)
        #expect(model.flows.last?.bidirectional == true)
    }

    /// SOURCE.txt: 1 actor, 2 processes, 4 stores, 10 flows (one from a loose point), 3 curves,
    /// 1 text block, 14 threats; 15 of 21 cell ids are UUIDs starting with a digit; names with
    /// line breaks.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func theDemoModelsCurvesAreReportedWithTheFlowsThatCrossThem() throws {
        let result = try Import.threatDragon(InteropFiles.shared("threat-dragon/v2-threat-model.json"))
        let model = result.model
        #expect(model.elements.map(\.kind).filter { $0 == .actor }.count == 1)
        #expect(model.elements.map(\.kind).filter { $0 == .process }.count == 2)
        #expect(model.elements.map(\.kind).filter { $0 == .datastore }.count == 4)
        #expect(model.boundaries.isEmpty)
        #expect(model.flows.count == 9)
        #expect(result.notes("flow without an element at each end").map(\.message)
            == ["'Web Request' starts at a loose point (180, 70), not at an element"])
        #expect(result.notes("threat").count == 14)
        #expect(result.notes("text block").count == 1)
        let curves = result.notes("trust boundary curve").map(\.message)
        #expect(curves.count == 3)
        #expect(curves[0].hasSuffix("crossed by 'Put Message', 'Message'"))
        #expect(curves[2].hasSuffix("crossed by 'Web Response'"))
        #expect(try model.element("background-worker-process").label == "Background\nWorker Process")
        // Four names hold a line break: two elements, a flow, and the text block (not imported).
        #expect((model.elements.map(\.label) + model.flows.compactMap(\.label)).filter { $0.contains("\n") }.count == 3)
        // Every cell id was a UUID: each became a readable id with the original in the description.
        #expect(result.notes("renamed id").count == 16)
        #expect(model.elements.allSatisfy { $0.description?.hasPrefix("Threat Dragon id: ") == true })
    }

    @Test func theShopFixtureNestsBoxesAndKeepsFlowFields() throws {
        let result = try Import.threatDragon(InteropFiles.fixture("shop.threat-dragon.json"))
        let model = result.model
        #expect(model.boundaries.map { "\($0.id)<\($0.parent ?? "-")" } == ["cloud<-", "app-namespace<cloud"])
        #expect(model.elements.map { "\($0.id)@\($0.boundary ?? "-")" } == ["shopper@-", "shop-api@app-namespace", "shop-db@app-namespace"])
        #expect(try model.element("shopper").description == "Buys things\n\nThreat Dragon id: 3b0c2f3e-0000-4000-8000-000000000003")
        // A valid cell id that is not a UUID is kept.
        #expect(try model.element("shop-api").description == nil)
        let browse = try model.flow(labelled: "Browse and buy")
        #expect(browse.id == "shopper-to-shop-api")
        #expect(browse.protocol == "HTTPS")
        #expect(browse.encryption == .tls)
        #expect(browse.bidirectional)
        let store = try #require(model.flows.last)
        #expect(store.label == nil && store.protocol == nil && store.encryption == Encryption.none)
        #expect(result.notes("trust boundary curve").map(\.message)
            == ["trust boundary curve 'Internet edge' has no inside, so nothing is placed in it; crossed by 'Browse and buy'"])
        #expect(result.notes("flow property").map(\.message) == ["'Browse and buy': isPublicNetwork: true"])
        #expect(result.notes("threat").map(\.message) == ["'Card skimming' (Open, High) on 'Shop API'"])
    }

    /// Three boxes drawn on top of each other nest smallest-inside; two boxes on the same spot
    /// nest one way only (the earlier one inside the later); an element over an edge is placed
    /// by its centre; a box that overlaps another without containing it is not its parent.
    @Test func nestingComesFromGeometry() throws {
        func box(_ id: String, _ x: Int, _ y: Int, _ width: Int, _ height: Int) -> String {
            """
            {"id": "\(id)", "shape": "trust-boundary-box", "zIndex": 0, "position": {"x": \(x), "y": \(y)},
             "size": {"width": \(width), "height": \(height)}, "data": {"type": "tm.BoundaryBox", "name": "\(id)", "hasOpenThreats": false}}
            """
        }
        func process(_ id: String, _ x: Int, _ y: Int) -> String {
            """
            {"id": "\(id)", "shape": "process", "zIndex": 1, "position": {"x": \(x), "y": \(y)},
             "size": {"width": 20, "height": 20}, "data": {"type": "tm.Process", "name": "\(id)", "hasOpenThreats": false}}
            """
        }
        let cells = [
            box("inner", 20, 20, 100, 100), box("outer", 0, 0, 500, 500), box("middle", 10, 10, 200, 200),
            box("twin-a", 300, 300, 100, 100), box("twin-b", 300, 300, 100, 100), box("overlapping", 150, 150, 200, 100),
            process("deep", 50, 50), process("in-twins", 340, 340), process("over-edge", 105, 60), process("outside", 600, 600),
        ]
        let json = """
            {"version": "2.3.0", "summary": {"title": "Geometry"}, "detail": {"contributors": [], "diagramTop": 1, "reviewer": "",
             "threatTop": 0, "diagrams": [{"id": 0, "title": "G", "diagramType": "STRIDE", "thumbnail": "", "version": "2.3.0",
             "cells": [\(cells.joined(separator: ",\n"))]}]}}
            """
        let result = try ThreatDragonReader().read(Array(json.utf8), file: "geometry.json")
        let parents = Dictionary(uniqueKeysWithValues: result.model.boundaries.map { ($0.id, $0.parent ?? "-") })
        #expect(parents == ["inner": "middle", "middle": "outer", "outer": "-", "twin-a": "twin-b", "twin-b": "outer",
            "overlapping": "outer"])
        let places = Dictionary(uniqueKeysWithValues: result.model.elements.map { ($0.id, $0.boundary ?? "-") })
        #expect(places == ["deep": "inner", "in-twins": "twin-a", "over-edge": "inner", "outside": "-"])
        #expect(result.notes("element across a box edge").map(\.message)
            == ["'over-edge' reaches over the edge of 'inner'; it is placed in it by its centre"])
    }

    @Test func eachDiagramOfSeveralBecomesABoundaryAroundItsContents() throws {
        let json = """
            {"version": "2.3.0", "summary": {"title": "Two"}, "detail": {"contributors": [], "diagramTop": 2, "reviewer": "",
             "threatTop": 0, "diagrams": [
              {"id": 0, "title": "Front", "diagramType": "STRIDE", "thumbnail": "", "version": "2.3.0", "cells": [
                {"id": "web", "shape": "process", "zIndex": 1, "data": {"type": "tm.Process", "name": "Web", "hasOpenThreats": false}}]},
              {"id": 1, "title": "Back", "diagramType": "STRIDE", "thumbnail": "", "version": "2.3.0", "cells": [
                {"id": "db", "shape": "store", "zIndex": 1, "data": {"type": "tm.Store", "name": "DB", "hasOpenThreats": false}}]}]}}
            """
        let model = try ThreatDragonReader().read(Array(json.utf8), file: "two.json").model
        #expect(model.boundaries.map(\.id) == ["front", "back"])
        #expect(model.elements.map { "\($0.id)@\($0.boundary ?? "-")" } == ["web@front", "db@back"])
    }

    @Test(arguments: [
        (#"{"version": 1️⃣"1.5.0", "summary": {"title": "T"}, "detail": {"diagrams": []}}"#, "version '1.5.0' is not supported"),
        (#"{"summary": {"title": "T"}, "detail": {"diagrams": []}}"#.replacingOccurrences(of: "{\"summary", with: "1️⃣{\"summary"),
         "missing required key 'version'"),
        (#"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": [{"title": "D", "diagramJson": 1️⃣{}}]}}"#,
         "version 1 form"),
        (#"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": [{"cells": [{"id": "a", "shape": "process", "data": {"type": "tm.Process"}}, 1️⃣{"id": "a", "shape": "store"}]}]}}"#,
         "duplicate cell id 'a' (first used at 1:84)"),
        (#"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": [{"cells": [{"id": "a", "shape": "process"}, {"id": "f", "shape": "flow", "source": {"cell": "a"}, "target": {"cell": 1️⃣"nowhere"}}]}]}}"#,
         "no cell with id 'nowhere' in this diagram"),
        (#"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": [{"cells": [{"id": "a", "shape": "process", "position": {"x": 1️⃣"left", "y": 0}, "size": {"width": 10, "height": 10}}]}]}}"#,
         "expected a number, found a string"),
        (#"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": 1️⃣{}}}"#, "expected a list, found a mapping"),
        (#"1️⃣{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": []}}"#, "nothing to import"),
        (#"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": [{"cells": [{"id": "a", "shape": "process", "data": {"type": "tm.Process", "name": 1️⃣["x"]}}]}]}}"#,
         "expected a string, found a list"),
        (#"[1️⃣"#, "unexpected end of file"),
    ])
    func brokenModelsFailWithALocatedError(marked: String, message: String) {
        Import.expectLocatedError(marked, message: message, file: "td.json") { bytes, file throws(ModelError) in
            try ThreatDragonReader().read(bytes, file: file)
        }
    }
}
