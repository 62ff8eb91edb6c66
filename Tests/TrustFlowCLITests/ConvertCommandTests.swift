import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow convert` between JSON and YAML.
@Suite("trustflow convert")
struct ConvertCommandTests {
    @Test func yamlToJSONWritesTheCanonicalFile() throws {
        let output = try Paths.temporaryDirectory().appendingPathComponent("three-tier.json")
        let result = try TrustFlowProcess.run(["convert", "Samples/k8s-three-tier.yaml", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote \(output.path)\n")
        let model = try Models.sample("k8s-three-tier.yaml")
        #expect(try Paths.bytes(output) == ModelEncoder().encode(model, as: .json))
        #expect(try ModelFile.load(output.path).model == model)
    }

    @Test func convertingAgainGivesTheSameBytesAndLeavesTheFileAlone() throws {
        let directory = try Paths.temporaryDirectory()
        let yaml = directory.appendingPathComponent("a.yaml")
        let json = directory.appendingPathComponent("b.json")
        let again = directory.appendingPathComponent("c.yaml")
        #expect(try TrustFlowProcess.run(["convert", "Samples/environments.yaml", "-o", yaml.path]).status == 0)
        #expect(try TrustFlowProcess.run(["convert", yaml.path, "-o", json.path]).status == 0)
        #expect(try TrustFlowProcess.run(["convert", json.path, "-o", again.path]).status == 0)
        #expect(try Paths.bytes(again) == (try Paths.bytes(yaml)))

        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: yaml.path)
        let inPlace = try TrustFlowProcess.run(["convert", yaml.path, "-o", yaml.path])
        #expect(inPlace.status == 0)
        #expect(inPlace.standardError == "\(yaml.path) is up to date\n")
        #expect(try FileManager.default.attributesOfItem(atPath: yaml.path)[.modificationDate] as? Date == past)
    }

    @Test func dashWritesToStandardOutputWithAFormat() throws {
        let result = try TrustFlowProcess.run(["convert", "Samples/minimal.yaml", "-o", "-", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == ModelEncoder().encode(try Models.sample("minimal.yaml"), as: .json))
    }

    @Test func anInvalidModelExitsTwoWithRendersDiagnosticsAndWritesNothing() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("trustflow: 1\ntitle: Bad\nelements:\n  - {id: web, kind: proces}\nflows:\n  - {from: web, to: dbb}\n".utf8)
            .write(to: directory.appendingPathComponent("bad.yaml"))
        try Data("previous".utf8).write(to: directory.appendingPathComponent("bad.json"))
        let converted = try TrustFlowProcess.run(["convert", "bad.yaml", "-o", "bad.json"], in: directory)
        let rendered = try TrustFlowProcess.run(["render", "bad.yaml", "-o", "bad.svg"], in: directory)
        #expect(converted.status == 2)
        #expect(converted.standardError == rendered.standardError)
        #expect(converted.standardError.hasSuffix("2 errors in bad.yaml; nothing was written\n"))
        #expect(try String(contentsOf: directory.appendingPathComponent("bad.json"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["bad.json", "bad.yaml"])
    }

    @Test(arguments: [
        (["convert", "Samples/minimal.yaml", "-o", "-"], "writing to standard output needs --format json|yaml"),
        (["convert", "Samples/minimal.yaml", "-o", "out.svg"], "cannot tell the format from 'out.svg'"),
        (["convert", "Samples/minimal.yaml", "-o", "out.json", "--format", "yaml"], "does not match the extension"),
        (["convert", "Samples/minimal.yaml", "-o", "-", "--format", "toml"], "--format"),
        (["convert", "Samples/minimal.yaml"], "Missing expected argument '--output <output>'"),
        (["convert", "Samples/missing.yaml", "-o", "-", "--format", "yaml"], "Samples/missing.yaml: error: no such file"),
    ])
    func badArgumentsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("Samples"), withDestinationURL: Paths.samples)
        let result = try TrustFlowProcess.run(arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["Samples"])
    }

    @Test func anUnwritableOutputExitsThree() throws {
        let result = try TrustFlowProcess.run(["convert", "Samples/minimal.yaml", "-o", "/nonexistent-dir/x.yaml"])
        #expect(result.status == 3)
        #expect(result.standardError.contains("does not exist"))
    }

    @Test func helpListsTheCommand() throws {
        let help = try TrustFlowProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("convert"))
        let convert = try TrustFlowProcess.run(["convert", "--help"])
        #expect(convert.status == 0)
        #expect(convert.output.contains("canonical"))
    }
}
