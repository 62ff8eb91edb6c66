import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// No value of a Secret, of a variable taken from one, or of a secret written in plain text
/// reaches the model, the diagram, a report or a message — proven with canary values.
@Suite("Secret canary")
struct SecretCanaryTests {
    static let canary = "CANARY-7f3e9a1c-do-not-leak"
    static var base64Canary: String { Data(canary.utf8).base64EncodedString() }

    static let manifests = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
          # What `kubectl get -o yaml` gives: the whole data again, in an annotation.
          annotations: {kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"\(base64Canary)"}}'}
        type: Opaque
        data:
          password: \(base64Canary)
          odd: [\(canary)]
        stringData:
          token: \(canary)-string-data
          "\(canary)-as-a-key-is-a-name": x
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - name: api
                  image: api:1
                  env:
                    - name: DB_PASSWORD
                      valueFrom: {secretKeyRef: {name: creds, key: password}}
                    - {name: ADMIN_PASSWORD, value: "\(canary)-plain"}
                    - {name: DATABASE_URL, value: "postgres://app:\(canary)-url@db:5432/app"}
                    - {name: API_TOKEN, value: "\(canary)-token2"}
                  envFrom: [{secretRef: {name: creds}}]
        """

    func expectNoCanary(_ bytes: [UInt8], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains(Self.canary), "\(what) holds the canary", sourceLocation: sourceLocation)
        #expect(!text.contains(Self.base64Canary), "\(what) holds the encoded canary", sourceLocation: sourceLocation)
    }

    @Test func noOutputOfAnyCommandHoldsASecret() throws {
        let directory = try Paths.temporaryDirectory()
        let manifest = directory.appendingPathComponent("app.yaml")
        // The Secret's keys are names: the one that is a key is the only allowed sight of the canary.
        try Data(Self.manifests.replacingOccurrences(of: "  \"\(Self.canary)-as-a-key-is-a-name\": x\n", with: "").utf8).write(to: manifest)
        let imported = try TrustFlowProcess.run(["import", "k8s", manifest.path, "-v"])
        #expect(imported.status == 0, "\(imported.standardError)")
        expectNoCanary(imported.standardOutput, "the model")
        expectNoCanary(Array(imported.standardError.utf8), "the import's messages")
        let model = directory.appendingPathComponent("model.yaml")
        try Data(imported.standardOutput).write(to: model)
        #expect(String(decoding: imported.standardOutput, as: UTF8.self).contains("plain env ADMIN_PASSWORD"))
        let outputs: [(String, [String])] = [
            ("model.json", ["convert", model.path, "-o", directory.appendingPathComponent("model.json").path]),
            ("model.svg", ["render", model.path, "-o", directory.appendingPathComponent("model.svg").path]),
            ("model.dot", ["render", model.path, "-o", directory.appendingPathComponent("model.dot").path]),
            ("report.md", ["report", model.path, "-o", directory.appendingPathComponent("report.md").path]),
            ("report.html", ["report", model.path, "-o", directory.appendingPathComponent("report.html").path]),
        ]
        for (file, arguments) in outputs {
            let run = try TrustFlowProcess.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.standardError)")
            expectNoCanary(try Paths.bytes(directory.appendingPathComponent(file)), file)
            expectNoCanary(Array(run.standardError.utf8), "\(arguments[0])'s messages")
        }
        for format in ["text", "json", "sarif"] {
            let check = try TrustFlowProcess.run(["check", model.path, "--format", format, "--fail-on", "never"])
            #expect(check.status == 0)
            expectNoCanary(check.standardOutput, "check --format \(format)")
            #expect(String(decoding: check.standardOutput, as: UTF8.self).contains("ADMIN_PASSWORD"), "the variable is named")
        }
        // The drift check reads the same manifests: none of its outputs holds a value either.
        for format in ["text", "json", "sarif", "markdown"] {
            for arguments in [["drift", manifest.path], ["drift", manifest.path, "--model", model.path],
                ["check", model.path, "--manifests", manifest.path]] where arguments[0] == "drift" || format != "markdown"
            {
                let run = try TrustFlowProcess.run(arguments + ["--format", format, "--fail-on", "never"])
                #expect(run.status == 0, "\(arguments) \(format): \(run.standardError)")
                expectNoCanary(run.standardOutput, "\(arguments[0]) --format \(format)")
                expectNoCanary(Array(run.standardError.utf8), "\(arguments[0])'s messages")
            }
        }
        let connections = try TrustFlowProcess.run(["drift", manifest.path, "--connections", "--fail-on", "never"])
        expectNoCanary(connections.standardOutput, "drift --connections")
        let overlay = directory.appendingPathComponent("overlay.svg")
        let rendered = try TrustFlowProcess.run(["render", model.path, "--manifests", manifest.path, "-o", overlay.path])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        expectNoCanary(try Paths.bytes(overlay), "render --manifests")
    }

    @Test func theInventoryKeepsNoSecretValue() throws {
        let reading = try reading([("app.yaml", Self.manifests)])
        let dump = "\(reading.inventory.secrets) \(reading.inventory.workloads.map(\.template.containers))"
        #expect(!dump.contains(Self.base64Canary))
        #expect(!dump.contains(Self.canary + "-string-data"), "stringData is not read")
        #expect(reading.inventory.secrets[0].keys == ["\(Self.canary)-as-a-key-is-a-name", "odd", "password", "token"])
    }

    @Test func errorsNearASecretDoNotQuoteIt() throws {
        let broken = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: c
                  env:
                    - {name: PASSWORD, value: {nested: \(Self.canary)}}
                    - {name: TOKEN, value: [\(Self.canary)]}
                    - {name: 7, value: \(Self.canary)}
                  ports: [{containerPort: \(Self.canary)}]
            """
        let errors = readingErrors([("p.yaml", broken)])
        #expect(errors.count == 4, "\(errors)")
        for error in errors { #expect(!error.description.contains(Self.canary), "\(error)") }
        let tagged = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: !!int \(Self.canary)}\n"
        let wrongTag = readingErrors([("t.yaml", tagged)])
        #expect(wrongTag.count == 1 && !wrongTag[0].description.contains(Self.canary), "\(wrongTag)")
        let unterminated = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: \"\(Self.canary)\n"
        let syntax = readingErrors([("s.yaml", unterminated)])
        #expect(syntax.count == 1 && !syntax[0].description.contains(Self.canary), "\(syntax)")
        let directory = try Paths.temporaryDirectory()
        try Data(broken.utf8).write(to: directory.appendingPathComponent("p.yaml"))
        let run = try TrustFlowProcess.run(["import", "k8s", "p.yaml"], in: directory)
        #expect(run.status == 2)
        #expect(!run.standardError.contains(Self.canary))
    }
}
