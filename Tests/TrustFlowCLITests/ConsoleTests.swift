import Foundation
import Testing
import TrustFlow
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

    /// Names a hostile checkout could hold: escapes that recolour the terminal or set its title,
    /// a carriage return that overwrites the line, a bell, DEL, the one-byte CSI of C1, a
    /// right-to-left override that reverses what follows; `[` also makes a glob pattern.
    static let hostileNames = ["evil\u{1B}[31m\r\u{07}.yaml", "evil\u{1B}]0;pwned\u{07}\r.yaml",
        "evil\u{7F}\u{9B}2J\u{202E}lmay.yaml"]

    @Test(arguments: hostileNames)
    func aMissingInputIsOneLocatedErrorWithItsControlCharactersMadeVisible(name: String) throws {
        let directory = try Paths.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        for command in Self.commands(path, manifests: path, into: directory) {
            try expectOneVisibleError(command, naming: directory.path + "/evil", in: directory)
        }
    }

    @Test(arguments: hostileNames)
    func missingManifestsBesideAValidModelAreOneLocatedVisibleError(name: String) throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("m.yaml")
        try Data(Self.warned.utf8).write(to: model)
        let path = directory.appendingPathComponent(name).path
        let out = { (name: String) in directory.appendingPathComponent(name).path }
        for command in [["drift", path, "--model", model.path, "-o", out("drift.txt")], ["import", "k8s", path, "-o", out("k.yaml")],
            ["check", model.path, "--manifests", path, "-o", out("check.txt")], ["render", model.path, "--manifests", path, "-o", out("m.svg")]]
        {
            try expectOneVisibleError(command, naming: directory.path + "/evil", in: directory, keeping: ["m.yaml"])
        }
    }

    private func expectOneVisibleError(_ command: [String], naming prefix: String, in directory: URL, keeping: [String] = []) throws {
        let result = try TrustFlowProcess.run(command)
        #expect(result.status == 2, "\(command): \(result.standardError)")
        let invisible = result.standardError.unicodeScalars.filter { $0 != "\n" && InvisibleCharacters.contains($0) }
        #expect(invisible.isEmpty, "\(command): \(result.standardError.debugDescription)")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(": error: ") }, "\(command): \(result.standardError)")
        #expect(lines.last?.hasSuffix("nothing was written") == true, "\(command): \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == keeping, "\(command)")
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

    @Test func quietStillSaysWhyTheStatusIsOneOrThree() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("m.yaml")
        try Data(Self.warned.utf8).write(to: model)
        let insecure = Paths.sample("k8s-three-tier-insecure.yaml").path

        // 1: an output out of date under --check; a new finding under --fail-on-new.
        let stale = try TrustFlowProcess.run(["render", model.path, "--check", "-q"])
        #expect(stale.status == 1)
        #expect(stale.standardError == "1 of 1 output is out of date; run the same command without --check to update\n")
        let worse = try TrustFlowProcess.run(["diff", model.path, insecure, "--fail-on-new", "high", "-o",
            directory.appendingPathComponent("d.svg").path, "-q"])
        #expect(worse.status == 1)
        #expect(worse.standardError.hasSuffix(" at or above high\n"), "\(worse.standardError)")

        // 3: the output's directory does not exist.
        let missing = directory.appendingPathComponent("no/such/dir/m.svg").path
        let unwritable = try TrustFlowProcess.run(["render", model.path, "-o", missing, "-q"])
        #expect(unwritable.status == 3)
        #expect(unwritable.standardError.hasPrefix("\(missing): error: "), "\(unwritable.standardError)")
    }
}
