import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Re-importing after a manifest change and running `diff` shows exactly that change.
@Suite("Re-import and diff")
struct ImportDiffTests {
    static let before = documents(deployment("web", env: "[{name: LOG, value: debug}]"), deployment("api"), service("api"))

    func diff(after: String) throws -> ModelDiff {
        ModelDiff(old: try importing(Self.before).model, new: try importing(after).model)
    }

    @Test func movedLinesChangeNothing() throws {
        let shifted = "# a comment that moves every line\n\n" + Self.before.replacingOccurrences(of: "---", with: "---\n# more")
        #expect(try diff(after: shifted).isEmpty)
    }

    @Test func aNewReferenceIsOneNewFlow() throws {
        let diff = try diff(after: Self.before.replacingOccurrences(of: "[{name: LOG, value: debug}]",
            with: "[{name: LOG, value: debug}, {name: API_ADDR, value: \"api:80\"}]"))
        #expect(diff.flows.added.map(\.id) == ["default.web.app-to-api.app"])
        #expect(diff.counts == (1, 0, 0))
    }

    @Test func aNewImageIsAChangeOfThatContainerOnly() throws {
        let diff = try diff(after: documents(deployment("web", image: "example/app:2", env: "[{name: LOG, value: debug}]"),
            deployment("api"), service("api")))
        let changed = diff.elements.changed.map(\.id) + diff.boundaries.changed.map(\.id) + diff.controls.changed.map(\.id)
        #expect(changed == ["default.web.app", "ctr-default.web.app", "ctr-default.web.app.image"])
        #expect(diff.elements.diff("default.web.app")?.fields.map(\.field) == ["technology", "description"])
        #expect(diff.counts == (0, 0, 3))
    }

    @Test func theCommandShowsTheChange() throws {
        let directory = try Paths.temporaryDirectory()
        try Data(Self.before.utf8).write(to: directory.appendingPathComponent("app.yaml"))
        #expect(try TrustFlowProcess.run(["import", "k8s", "app.yaml", "-o", "old.yaml"], in: directory).status == 0)
        let after = Self.before + "\n---\n" + "apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec: {hostNetwork: true, containers: [{name: sh, image: busybox}]}"
        try Data(after.utf8).write(to: directory.appendingPathComponent("app.yaml"))
        #expect(try TrustFlowProcess.run(["import", "k8s", "app.yaml", "-o", "new.yaml"], in: directory).status == 0)
        let summary = try TrustFlowProcess.run(["diff", "old.yaml", "new.yaml", "--summary", "-"], in: directory)
        #expect(summary.status == 0)
        #expect(summary.output.contains("debug"))
        let model = ModelDiff(old: try ModelFile.load(directory.appendingPathComponent("old.yaml").path).model,
            new: try ModelFile.load(directory.appendingPathComponent("new.yaml").path).model)
        #expect(model.boundaries.added.map(\.id) == ["pod-default.debug", "ctr-default.debug.sh"])
        #expect(model.elements.added.map(\.id) == ["default.debug.sh"])
        #expect(model.boundaries.changed.isEmpty && model.elements.changed.isEmpty && model.flows.changed.isEmpty)
        #expect(Set(model.controls.added.map(\.current.kind)) == [.serviceAccountToken, .hostNetwork, .noResourceLimits, .latestImage])
    }
}
