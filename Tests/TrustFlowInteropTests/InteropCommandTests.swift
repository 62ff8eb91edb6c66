import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: the built `trustflow` binary's import and export commands.
@Suite("trustflow import and export")
struct InteropCommandTests {
    /// One small self-written file per format: the model on standard output and everything
    /// said on standard error (with --verbose) are golden files.
    @Test(arguments: [
        ("threagile", "shop.threagile.yaml", "shop-from-threagile"),
        ("threat-dragon", "shop.threat-dragon.json", "shop-from-threat-dragon"),
        ("otm", "shop.otm.json", "shop-from-otm"),
    ])
    func importWritesTheCanonicalModelAndListsWhatItCouldNotKeep(format: String, fixture: String, golden: String) throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.copyItem(at: InteropFiles.fixture(fixture), to: directory.appendingPathComponent(fixture))
        let result = try TrustFlowProcess.run(["import", format, fixture, "--verbose"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        try Golden.assertMatches(result.standardOutput, file: InteropFiles.golden("\(golden).yaml"))
        try Golden.assertMatches(result.standardError, file: InteropFiles.golden("\(golden).stderr.txt"))

        // The output is a valid model, in canonical form, and it renders.
        let model = try ModelLoader().load(result.standardOutput, file: "\(golden).yaml", format: .yaml).model
        #expect(ModelEncoder().encode(model, as: .yaml) == result.standardOutput)
        try Data(result.standardOutput).write(to: directory.appendingPathComponent("model.yaml"))
        let rendered = try TrustFlowProcess.run(["render", "model.yaml", "-o", "model.svg"], in: directory)
        #expect(rendered.status == 0, "\(rendered.standardError)")

        // Without --verbose the notes are counted; with -o the model goes to the file.
        let quiet = try TrustFlowProcess.run(["import", format, fixture, "-o", "model.json"], in: directory)
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput.isEmpty)
        #expect(quiet.standardError.contains("note: not kept: "))
        #expect(quiet.standardError.contains("; --verbose lists each\n"))
        #expect(quiet.standardError.hasSuffix("wrote model.json\n"))
        #expect(try Paths.bytes(directory.appendingPathComponent("model.json")) == ModelEncoder().encode(model, as: .json))
        let silent = try TrustFlowProcess.run(["import", format, fixture, "-q", "-o", "model.yaml"], in: directory)
        #expect(silent.status == 0 && silent.standardError.isEmpty)
    }

    @Test func theThreatDragonSummaryShowsEachCurveWithItsCrossingsWithoutVerbose() throws {
        let result = try TrustFlowProcess.run(["import", "threat-dragon", "Tests/TrustFlowInteropTests/Fixtures/shop.threat-dragon.json"])
        #expect(result.status == 0)
        #expect(result.standardError == """
            Tests/TrustFlowInteropTests/Fixtures/shop.threat-dragon.json:40:11: note: trust boundary curve 'Internet edge' has no inside, so nothing is placed in it; crossed by 'Browse and buy'
            note: not kept: 1 model property, 1 threat, 2 element properties, 1 flow property, 1 text block; --verbose lists each
            note: kept in another form: 6 renamed ids; --verbose lists each
            imported 3 elements, 2 flows, 2 boundaries from Tests/TrustFlowInteropTests/Fixtures/shop.threat-dragon.json

            """)
    }

    /// Real files of each tool import into models that the binary renders.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence), arguments: [
        ("threagile", "threagile/threagile.yaml"), ("threat-dragon", "threat-dragon/three-tier-web-app.json"),
        ("threat-dragon", "threat-dragon/v2-threat-model.json"), ("otm", "otm/EXAMPLE.json"), ("otm", "otm/EXAMPLE.yaml"),
        ("otm", "otm/mobile-cloud.otm.json"),
    ])
    func everySharedSampleImportsAndRenders(format: String, path: String) throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("model.yaml")
        let imported = try TrustFlowProcess.run(["import", format, InteropFiles.shared(path).path, "-o", model.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        let rendered = try TrustFlowProcess.run(["render", model.path, "-o", directory.appendingPathComponent("model.svg").path])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        let again = try TrustFlowProcess.run(["import", format, InteropFiles.shared(path).path])
        #expect(again.standardOutput == (try Paths.bytes(model)), "the same file gives the same model")
    }

    @Test func aFileThatCannotBeImportedExitsTwoAndLeavesTheOutputAlone() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("title: Broken\ntechnical_assets:\n  A:\n    id: a\n    type: proces\n".utf8)
            .write(to: directory.appendingPathComponent("broken.yaml"))
        try Data("previous".utf8).write(to: directory.appendingPathComponent("model.yaml"))
        let result = try TrustFlowProcess.run(["import", "threagile", "broken.yaml", "-o", "model.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == """
            broken.yaml:5:11: error: technical_assets.A.type: 'proces' is not a valid type; did you mean 'process'?
            1 error in broken.yaml; nothing was written

            """)
        #expect(try String(contentsOf: directory.appendingPathComponent("model.yaml"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["broken.yaml", "model.yaml"])
    }

    /// Hostile files: too big to read, nested too deep, too many boxes to place by geometry.
    @Test func hostileFilesExitTwoWithALocatedError() throws {
        let directory = try Paths.temporaryDirectory()
        try Paths.createSparseFile(at: directory.appendingPathComponent("huge.json"), size: 100 << 20)
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        try Data(deep.utf8).write(to: directory.appendingPathComponent("deep.json"))
        let boxes = (0..<6000).map { index in
            #"{"id": "b\#(index)", "shape": "trust-boundary-box", "position": {"x": \#(index), "y": 0}, "size": {"width": 10, "height": 10}}"#
        }
        let many = #"{"version": "2.3.0", "summary": {"title": "T"}, "detail": {"diagrams": [{"cells": [\#(boxes.joined(separator: ","))]}]}}"#
        try Data(many.utf8).write(to: directory.appendingPathComponent("many.json"))
        for (arguments, message) in [
            (["import", "otm", "huge.json"], "huge.json: error: the file is 104857600 bytes, more than the limit of \(ModelLimits.standard.maxFileBytes)"),
            (["import", "threat-dragon", "deep.json"], "deep.json:1:65: error: nesting is deeper than 64 levels"),
            (["import", "threat-dragon", "many.json"], "many.json:1:73: error: the diagram has 6000 trust boundary boxes, 0 elements and 0 trust boundary curves"),
            (["import", "otm", "missing.json"], "missing.json: error: no such file"),
        ] {
            let result = try TrustFlowProcess.run(arguments + ["-o", "out.yaml"], in: directory)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.yaml").path))
        }
    }

    @Test func anOutputThatIsNotAModelFileIsAnArgumentError() throws {
        let result = try TrustFlowProcess.run(["import", "otm", "Tests/TrustFlowInteropTests/Fixtures/shop.otm.json", "-o", "model.svg"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot tell the model format from 'model.svg'; use .yaml, .yml or .json"))
    }

    @Test func exportsGoToStandardOutputOrAFile() throws {
        let directory = try Paths.temporaryDirectory()
        let otm = try TrustFlowProcess.run(["export", "otm", "Samples/minimal.yaml"])
        #expect(otm.status == 0)
        #expect(otm.standardOutput == OTMWriter().write(try Models.sample("minimal.yaml")).bytes)
        try Golden.assertMatches(otm.standardOutput, file: InteropFiles.golden("minimal.otm.json"))

        let file = directory.appendingPathComponent("three-tier.json")
        let threatDragon = try TrustFlowProcess.run(["export", "threat-dragon", "Samples/k8s-three-tier.yaml", "-o", file.path])
        #expect(threatDragon.status == 0)
        #expect(threatDragon.standardError == """
            note: not kept: 21 controls (and the references to them), 3 threat actors, 11 boundary kinds (every box is a plain trust boundary), 3 element technologies, 3 flow authentications, 3 flow ports, 3 flow data lists, 3 flow classifications, 1 flow encryption beyond yes or no; --verbose lists each
            wrote \(file.path)

            """)
        #expect(try Paths.bytes(file) == (try ThreatDragonWriter().write(try Models.sample("k8s-three-tier.yaml")).bytes))

        let verbose = try TrustFlowProcess.run(["export", "otm", "Samples/k8s-three-tier.yaml", "-v", "-o", "-"])
        #expect(verbose.standardError.contains("Samples/k8s-three-tier.yaml:13:5: note: not kept: control (and the references to it): 'dedicated-cluster' (dedicated-cluster)\n"))
    }

    @Test func anInvalidModelIsNotExportedAndAnUnwritableOutputExitsThree() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("trustflow: 1\ntitle: Bad\nelements: [{id: a, kind: actr}]\n".utf8).write(to: directory.appendingPathComponent("bad.yaml"))
        let invalid = try TrustFlowProcess.run(["export", "threat-dragon", "bad.yaml", "-o", "bad.json"], in: directory)
        #expect(invalid.status == 2)
        #expect(invalid.standardError.hasSuffix("1 error in bad.yaml; nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad.json").path))
        let unwritable = try TrustFlowProcess.run(["export", "otm", "Samples/minimal.yaml", "-o", "/nonexistent-dir/x.json"])
        #expect(unwritable.status == 3)
        #expect(unwritable.standardError.contains("does not exist"))
    }

    @Test(arguments: [
        (["import", "--help"], "Read another tool's threat model"),
        (["import", "threagile", "--help"], "strictly-confidential as restricted"),
        (["import", "threat-dragon", "--help"], "has no inside"),
        (["import", "otm", "--help"], "Trust zones become boundaries"),
        (["export", "--help"], "Write a TrustFlow model in another tool's format"),
        (["export", "otm", "--help"], "written as 50"),
        (["export", "threat-dragon", "--help"], "trust boundary box around its members"),
    ])
    func everyCommandExplainsItself(arguments: [String], text: String) throws {
        let result = try TrustFlowProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.output.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ").contains(text),
            "\(result.output)")
    }
}
