import Foundation
import Testing
import TrustFlowTestSupport

/// Every command speaks through one console: the same `file: error: message` shape, control
/// characters from a path or a model never reaching the terminal, and `--quiet` keeping only
/// the errors and the line that says why nothing was written.
@Suite("The console: one voice for every command")
struct ConsoleTests {
    /// A model that loads with one warning (a control nobody lists).
    static let warned = """
        trustflow: 1
        title: warned
        controls:
          - { id: unused, label: Unused, kind: preventive }
        elements:
          - { id: api, kind: process }
          - { id: db, kind: datastore }
        flows:
          - { from: api, to: db, protocol: SQL, encryption: tls }

        """

    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: api, namespace: shop }
        spec:
          selector: { matchLabels: { app: api } }
          template:
            metadata: { labels: { app: api } }
            spec: { containers: [ { name: api, image: "registry.example/api:1.0" } ] }

        """

    /// Each command, given its input in `directory` (a model `m.yaml`, manifests `k.yaml`),
    /// writing into it.
    static func commands(_ model: String, manifests: String, into directory: URL) -> [[String]] {
        let out = { (name: String) in directory.appendingPathComponent(name).path }
        return [
            ["render", model, "-o", out("m.svg")],
            ["check", model, "-o", out("m.sarif"), "--format", "sarif"],
            ["report", model, "-o", out("m.md")],
            ["diff", model, model, "-o", out("d.svg")],
            ["convert", model, "-o", out("m.json")],
            ["export", "otm", model, "-o", out("m.otm.json")],
            ["drift", manifests, "--model", model, "-o", out("drift.txt")],
            ["import", "k8s", manifests, "--merge", model, "-o", out("k.yaml")],
        ]
    }

    @Test func quietPrintsNothingWhenEveryCommandSucceedsWithWarnings() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("m.yaml")
        let manifests = directory.appendingPathComponent("manifests.yaml")
        try Data(Self.warned.utf8).write(to: model)
        try Data(Self.manifest.utf8).write(to: manifests)
        for command in Self.commands(model.path, manifests: manifests.path, into: directory) {
            let loud = try TrustFlowProcess.run(command)
            #expect(loud.status == 0 || command[0] == "drift", "\(command): \(loud.standardError)")
            #expect(loud.standardError.contains("warning: "), "\(command): \(loud.standardError)")
            let quiet = try TrustFlowProcess.run(command + ["--quiet"])
            #expect(quiet.status == loud.status, "\(command)")
            #expect(quiet.standardError == "", "\(command): \(quiet.standardError)")
        }
    }

    @Test func aMissingInputIsOneLocatedErrorWithItsControlCharactersMadeVisible() throws {
        let directory = try Paths.temporaryDirectory()
        // Paths a hostile checkout could hold: escapes that recolour the terminal or set its
        // title, a carriage return that overwrites the line, a bell; `[` also makes a pattern.
        for name in ["evil\u{1B}[31m\r\u{07}.yaml", "evil\u{1B}]0;pwned\u{07}\r.yaml"] {
            try missingInput(directory.appendingPathComponent(name).path, in: directory)
        }
    }

    private func missingInput(_ name: String, in directory: URL) throws {
        for command in Self.commands(name, manifests: name, into: directory) {
            let result = try TrustFlowProcess.run(command)
            #expect(result.status == 2, "\(command): \(result.standardError)")
            let bytes = Array(result.standardError.utf8)
            #expect(!bytes.contains { $0 < 0x20 && $0 != 0x0A }, "\(command): \(result.standardError.debugDescription)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix(directory.path + "/evil") && $0.contains(": error: ") },
                "\(command): \(result.standardError)")
            #expect(lines.last?.hasSuffix("nothing was written") == true, "\(command): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [], "\(command)")
        }
    }

    @Test func quietStillSaysWhyNothingWasWritten() throws {
        let directory = try Paths.temporaryDirectory()
        let name = directory.appendingPathComponent("missing.yaml").path
        for command in Self.commands(name, manifests: name, into: directory) {
            let result = try TrustFlowProcess.run(command + ["-q"])
            #expect(result.status == 2, "\(command)")
            #expect(result.standardError.contains("\(name): error: "), "\(command): \(result.standardError)")
            #expect(result.standardError.hasSuffix("; nothing was written\n"), "\(command): \(result.standardError)")
        }
    }
}
