import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Hostile manifests get what hostile models get: a located error or a bounded run, never a
/// crash or a hang.
@Suite("Hostile manifests")
struct HostileManifestTests {
    func firstError(_ text: String, limits: ManifestLimits = .standard) -> Diagnostic? {
        do {
            _ = try ManifestReader(limits: limits).read([ManifestSource(path: "h.yaml", bytes: Array(text.utf8))])
            return nil
        } catch {
            return error.diagnostics.first { $0.severity == .error }
        }
    }

    @Test func aBillionLaughsIsStopped() {
        var bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            bomb += "  l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let error = firstError("kind: Namespace\napiVersion: v1\nmetadata: {name: ok}\n---\n" + bomb)
        #expect(error?.message.contains("expands to more than 2000000 values") == true)
        #expect(error?.location?.file == "h.yaml" && (error?.location?.line ?? 0) > 5)
    }

    @Test func deepNestingIsStopped() {
        let deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + String(repeating: "[", count: 5_000)
        #expect(firstError(deep)?.message == "nesting is deeper than 64 levels")
        let deepBlocks = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(firstError(deepBlocks)?.message == "nesting is deeper than 64 levels")
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let limits = ManifestLimits(parser: ModelLimits(maxFileBytes: 1_000, maxNestingDepth: 64, maxDocumentNodes: 10_000,
            maxItemsPerList: 100, maxLabelLength: 100, maxDescriptionLength: 100, maxBoundaryDepth: 8), maxTotalBytes: 10_000, maxObjects: 10)
        #expect(firstError(String(repeating: "# padding\n", count: 200), limits: limits)?.message
            == "the file is 2000 bytes, more than the limit of 1000")
        var small = limits
        small.maxTotalBytes = 1_500
        let two = [ManifestSource(path: "a.yaml", bytes: Array(repeating: 0x20, count: 900)),
            ManifestSource(path: "b.yaml", bytes: Array(repeating: 0x20, count: 900))]
        #expect(throws: ManifestError.self) { try ManifestReader(limits: small).read(two) }
        // On disk: a sparse 40 MiB file is refused by its size, without reading it.
        let directory = try Paths.temporaryDirectory()
        let huge = directory.appendingPathComponent("huge.yaml")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 40 << 20)
        try handle.close()
        let run = try TrustFlowProcess.run(["import", "k8s", huge.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("huge.yaml: error: the file is 41943040 bytes, more than the limit of 33554432"))
    }

    @Test func a100000DocumentStreamIsBounded() throws {
        // 100,000 objects: more than a model can hold, refused at the first one too many.
        let objects = (0..<100_000).map { "---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: c\($0)}}\n" }.joined()
        let error = firstError(objects)
        #expect(error?.message == "more than 50000 Kubernetes objects in the input (the limit of this release)")
        #expect(error?.location?.line == 100_002, "the 50,001st object")
        // 100,000 empty documents: read, and nothing in them.
        let empty = try ManifestReader().read([ManifestSource(path: "e.yaml", bytes: Array(String(repeating: "---\n", count: 100_000).utf8))])
        #expect(empty.inventory.workloads.isEmpty)
    }

    @Test func badBytesAndOddKeysAreLocatedErrors() {
        #expect(firstError("apiVersion: v1\nkind: Pod\nmetadata: {name: \"a\u{0}\"}\n")?.location?.line == 3)
        do {
            _ = try ManifestReader().read([ManifestSource(path: "b.yaml", bytes: [0x6B, 0x3A, 0x20, 0xFF, 0x0A])])
            Issue.record("invalid UTF-8 was read")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("b.yaml:1:4: error:") == true, "\(error)")
        }
        let keys = (0..<50_000).map { "k\($0): v" }.joined(separator: ", ")
        let wide = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide, labels: {\(keys)}}\ndata: {\(keys), k7: again}\n"
        #expect(firstError(wide)?.message.hasPrefix("duplicate key 'k7'") == true)
    }

    @Test func longAndStrangeNamesAreRefusedOrKeptBounded() throws {
        let long = String(repeating: "a", count: 300)
        let tooLong = readingErrors([("h.yaml", deployment(long))])
        #expect(tooLong.map(\.message) == ["a name of 300 characters is longer than 253, the longest Kubernetes accepts (in a manifest)"])
        let strange = deployment("ok", container: "c\u{202E}x", image: String(repeating: "i", count: 2_000))
        #expect(readingErrors([("h.yaml", strange)]).map(\.message) == ["an image reference of 2000 characters is longer than 1000 (in Deployment default/ok)"])
        // Names Kubernetes would refuse but that fit are imported with valid ids; the label keeps the name.
        let odd = try importing(deployment("Web_Server.v2", container: "main\u{202E}txt")).model
        #expect(odd.elements.first?.id == "default.Web_Server.v2.main-txt")
        #expect(odd.elements.first?.label == "Web_Server.v2")
    }

    @Test func noWorkloadIsAnErrorThatSaysSo() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: only}\n".utf8).write(to: directory.appendingPathComponent("c.yaml"))
        let run = try TrustFlowProcess.run(["import", "k8s", "c.yaml", "-o", "model.yaml"], in: directory)
        #expect(run.status == 2)
        #expect(run.standardError.contains("c.yaml: error: no workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) in the manifests"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.yaml").path))
    }
}
