import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Files built to make an import slow: work must stay about linear in the file's size.
@Suite("Hostile imports")
struct HostileImportTests {
    /// Twenty thousand elements of one name get `svc`, `svc-2`, … without each trying every
    /// suffix before its own.
    @Test func manyItemsOfOneNameAreNamedInLinearTime() throws {
        let cells = (0..<20_000).map { index in
            #"{"id": "\#(index)-cell", "shape": "process", "data": {"type": "tm.Process", "name": "svc", "hasOpenThreats": false}}"#
        }
        let json = #"{"version": "2.3.0", "summary": {"title": "Many"}, "detail": {"diagrams": [{"cells": [\#(cells.joined(separator: ","))]}]}}"#
        let started = Date()
        let model = try ThreatDragonReader().read(Array(json.utf8), file: "many.json").model
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(model.elements.count == 20_000)
        #expect(model.elements.last?.id == "svc-20000")
    }

    /// Thousands of dangling references are each reported, the first hundred with a "did you
    /// mean" (each scans every id), in about linear time.
    @Test func manyDanglingReferencesAreReportedInLinearTime() {
        let components = (0..<5_000).map { #"{"id": "c\#($0)", "name": "C", "type": "process"}"# }
        let flows = (0..<5_000).map { #"{"id": "f\#($0)", "name": "F", "source": "c\#($0)", "destination": "d\#($0)"}"# }
        let json = #"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "components": [\#(components.joined(separator: ","))], "dataflows": [\#(flows.joined(separator: ","))]}"#
        let started = Date()
        let errors = Import.failure { () throws(ModelError) in try OTMReader().read(Array(json.utf8), file: "dangling.json") }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(errors.count == 5_000)
        #expect(errors.filter { $0.message.contains("did you mean") }.count == 100)
    }

    /// Twenty thousand components each inside the previous one are placed, each in the one
    /// zone at the top, without walking the chain from every component; a cycle among them is
    /// reported once.
    @Test func longChainsOfParentsAreWalkedOnce() throws {
        let count = 20_000
        let chain = (0..<count).map { index in
            let parent = index == 0 ? #"{"trustZone": "zone"}"# : #"{"component": "c\#(index - 1)"}"#
            return #"{"id": "c\#(index)", "name": "C", "type": "process", "parent": \#(parent)}"#
        }
        let json = #"{"otmVersion": "0.2.0", "project": {"name": "P", "id": "p"}, "trustZones": [{"id": "zone", "name": "Z", "risk": {"trustRating": 1}}], "components": [\#(chain.joined(separator: ","))]}"#
        let started = Date()
        let result = try OTMReader().read(Array(json.utf8), file: "chain.json")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.model.elements.count == count)
        #expect(result.model.elements.allSatisfy { $0.boundary == "zone" })

        let cyclic = json.replacingOccurrences(of: #"{"trustZone": "zone"}"#, with: #"{"component": "c\#(count - 1)"}"#)
        let errors = Import.failure { () throws(ModelError) in try OTMReader().read(Array(cyclic.utf8), file: "cycle.json") }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("components nest in a cycle: c0 › c19999 › c19998") == true)
    }

    /// A boundary chain deeper than the format allows is the model's located error.
    @Test func boundariesNestedDeeperThanTheFormatAllowsAreALocatedError() {
        var yaml = "title: Deep\ntechnical_assets:\n  A:\n    id: a\n    type: process\ntrust_boundaries:\n"
        for level in 0..<40 {
            yaml += "  B\(level):\n    id: b\(level)\n    trust_boundaries_nested: [\(level < 39 ? "b\(level + 1)" : "")]\n"
        }
        let errors = Import.failure { () throws(ModelError) in try ThreagileReader().read(Array(yaml.utf8), file: "deep.yaml") }
        #expect(errors.contains { $0.message.contains("nested more than 32 deep") && $0.location?.file == "deep.yaml" && ($0.location?.line ?? 0) > 6 },
            "\(errors)")
    }
}
