import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow render --collapse`, `--focus` and `--atlas` with the built binary.
@Suite("trustflow render views")
struct ViewCommandTests {
    @Test func collapseDrawsEachNamespaceAsABox() throws {
        let output = try Paths.temporaryDirectory().appendingPathComponent("collapsed.svg")
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--collapse", "namespace", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote \(output.path)\n")
        let svg = try SVGDocument(Paths.bytes(output))
        #expect(Set(svg.groups(class: "node", idPrefix: "boundary-").compactMap { $0.attributes["id"] })
            == ["boundary-ns-frontend", "boundary-ns-backend", "boundary-ns-database"])
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-ns-").isEmpty)
    }

    @Test func focusDrawsTheNeighbourhoodAndSaysSo() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--focus", "nginx", "--radius", "0",
            "-o", "-", "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("focus: nginx, radius 0 · 1 of 4 elements, 0 of 3 flows"))
        #expect(result.output.contains("\"nginx\" [id=\"element-nginx\""))
        #expect(!result.output.contains("element-api"))
        #expect(result.output == DiagramRenderer.dot(for: try Models.sample("k8s-three-tier.yaml"),
            options: RenderOptions(diagram: DiagramOptions(view: .focus(element: "nginx", radius: 0)))))
    }

    @Test func focusWithoutARadiusDrawsOneFlowAround() throws {
        // The README promises a radius of 1 when --radius is left out: nginx and its one
        // neighbour by a flow (api), not the database two flows away.
        #expect(DiagramView.defaultRadius == 1)
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--focus", "nginx", "-o", "-",
            "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("focus: nginx, radius 1 · "))
        #expect(result.output.contains("element-api") && !result.output.contains("element-mysql"))
        let explicit = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--focus", "nginx", "--radius", "1",
            "-o", "-", "--format", "dot"])
        #expect(result.output == explicit.output)
    }

    @Test(arguments: [
        (["--collapse", "namspace"], "--collapse: unknown boundary kind 'namspace'; did you mean 'namespace'?"),
        (["--focus", "apii"], "error: --focus: unknown element 'apii'; did you mean 'api'?"),
        (["--focus", "ns-backend"], "'ns-backend' is a boundary, not an element"),
        (["--radius", "2"], "--radius only applies with --focus"),
        (["--focus", "api", "--radius=-1"], "--radius must be 0 or more"),
        (["--focus", "api", "--collapse", "pod"], "--focus and --collapse cannot be combined"),
        (["--atlas", "atlas", "--focus", "api"], "--focus and --atlas cannot be combined"),
        (["--atlas", "atlas", "-o", "x.svg"], "--atlas writes into its directory; leave out -o"),
        (["--atlas", "atlas", "--format", "png"], "--atlas writes SVG pages"),
        (["--view", "matrix", "--focus", "api"], "--view draws an overview (--collapse, --atlas); it cannot be combined with --focus"),
        (["--view", "matrx"], "The value 'matrx' is invalid for '--view <picture>'. Please provide one of 'auto', 'boxes' or 'matrix'"),
    ])
    func badViewArgumentsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.copyItem(at: Paths.sample("k8s-three-tier.yaml"), to: directory.appendingPathComponent("m.yaml"))
        let result = try TrustFlowProcess.run(["render", "m.yaml"] + arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["m.yaml"])
    }

    @Test func aKindTheModelLacksIsAWarning() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--collapse", "pod", "-o", "-", "--format", "dot"])
        #expect(result.status == 0)
        #expect(result.standardError == "warning: the model has no pod boundary to collapse (it has no boundaries); nothing is collapsed\n")
        #expect(result.output == DiagramRenderer.dot(for: try Models.sample("minimal.yaml")))
        let quiet = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--collapse", "pod", "-o", "-", "--format", "dot", "-q"])
        #expect(quiet.standardError.isEmpty)
    }

    @Test func theAtlasWritesAnIndexAndAPagePerBoundaryThatLinkEachOther() throws {
        let directory = try Paths.temporaryDirectory().appendingPathComponent("atlas/nested")
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier-insecure.yaml", "--atlas", directory.path,
            "--today", "2026-01-01"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote 5 of 5 pages in \(directory.path)\n")
        let files = try Self.pages(in: directory)
        #expect(files == ["index.svg", "matrix.svg", "ns-backend.svg", "ns-database.svg", "ns-frontend.svg"])
        #expect(try String(contentsOf: directory.appendingPathComponent(AtlasDirectory.manifestName), encoding: .utf8)
            == files.map { $0 + "\n" }.joined())
        for file in files {
            let svg = try SVGDocument(Paths.bytes(directory.appendingPathComponent(file)))
            let links = svg.elements.filter { $0.name == "a" }.compactMap { $0.attributes["xlink:href"] }
            #expect(!links.isEmpty && links.allSatisfy(files.contains), "\(file): \(links)")
        }
        // Same bytes as the library, and nothing temporary left behind.
        let pages = try AtlasRenderer.render(try Models.sample("k8s-three-tier-insecure.yaml"), level: .namespace,
            options: RenderOptions(today: CalendarDate("2026-01-01")!))
        for page in pages { #expect(try Paths.bytes(directory.appendingPathComponent(page.fileName)) == page.bytes, "\(page.fileName)") }
    }

    @Test func anUnchangedAtlasIsNotRewritten() throws {
        let directory = try Paths.temporaryDirectory()
        let arguments = ["render", "Samples/k8s-three-tier.yaml", "--atlas", directory.path, "--collapse", "pod"]
        #expect(try TrustFlowProcess.run(arguments).status == 0)
        let past = Date(timeIntervalSince1970: 1_000_000)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == [AtlasDirectory.manifestName, "index.svg", "matrix.svg", "pod-api.svg", "pod-mysql.svg", "pod-nginx.svg"])
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: directory.appendingPathComponent(file).path)
        }
        let again = try TrustFlowProcess.run(arguments)
        #expect(again.status == 0)
        #expect(again.standardError == "\(directory.path) is up to date (5 pages)\n")
        for file in files {
            let modified = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)[.modificationDate]
            #expect(modified as? Date == past, "\(file)")
        }
    }

    @Test func theAtlasInDOTLinksTheSVGPages() throws {
        let directory = try Paths.temporaryDirectory()
        let result = try TrustFlowProcess.run(["render", "Samples/environments.yaml", "--atlas", directory.path, "--collapse", "cluster",
            "--format", "dot", "-q"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(try Self.pages(in: directory) == ["dev.dot", "index.dot", "matrix.dot", "prod.dot", "staging.dot"])
        let index = try String(contentsOf: directory.appendingPathComponent("index.dot"), encoding: .utf8)
        #expect(index.contains("URL=\"prod.svg\""))
    }

    /// The files in an atlas directory but its record.
    static func pages(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != AtlasDirectory.manifestName }.sorted()
    }

    @Test func pagesOfBoundariesThatAreGoneAreRemovedAndNothingElse() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("m.yaml")
        let atlas = directory.appendingPathComponent("atlas")
        let sample = try String(contentsOf: Paths.sample("k8s-three-tier.yaml"), encoding: .utf8)
        try sample.write(to: model, atomically: true, encoding: .utf8)
        #expect(try TrustFlowProcess.run(["render", "m.yaml", "--atlas", "atlas", "--collapse", "pod"], in: directory).status == 0)
        #expect(try Self.pages(in: atlas) == ["index.svg", "matrix.svg", "pod-api.svg", "pod-mysql.svg", "pod-nginx.svg"])
        // Files the atlas did not write, and the DOT pages of another atlas in the same place.
        for name in ["notes.svg", "pod-old.svg", "README.md"] { try Data("mine".utf8).write(to: atlas.appendingPathComponent(name)) }
        #expect(try TrustFlowProcess.run(["render", "m.yaml", "--atlas", "atlas", "--collapse", "pod", "--format", "dot", "-q"],
            in: directory).status == 0)
        // The pod around mysql is renamed: its old page goes, the new one comes, the index, the
        // matrix and the api page (whose stub links to it) change, the rest stays.
        try sample.replacingOccurrences(of: "pod-mysql", with: "pod-db").write(to: model, atomically: true, encoding: .utf8)
        let result = try TrustFlowProcess.run(["render", "m.yaml", "--atlas", "atlas", "--collapse", "pod", "-v"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("removed atlas/pod-mysql.svg\n"), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("wrote 4 of 5 pages in atlas, removed 1 stale page\n"), "\(result.standardError)")
        #expect(try Self.pages(in: atlas) == ["README.md", "index.dot", "index.svg", "matrix.dot", "matrix.svg", "notes.svg",
            "pod-api.dot", "pod-api.svg", "pod-db.svg", "pod-mysql.dot", "pod-nginx.dot", "pod-nginx.svg", "pod-old.svg"])
        #expect(try String(contentsOf: atlas.appendingPathComponent(AtlasDirectory.manifestName), encoding: .utf8)
            == "index.dot\nindex.svg\nmatrix.dot\nmatrix.svg\npod-api.dot\npod-api.svg\npod-db.svg\npod-mysql.dot\npod-nginx.dot\npod-nginx.svg\n")
    }

    @Test(.enabled(if: geteuid() == 0, "only root can make a file that cannot be removed (chattr +i)"))
    func aStalePageThatCannotBeRemovedIsAWarningAndStaysRecorded() throws {
        let atlas = try Paths.temporaryDirectory()
        let record = atlas.appendingPathComponent(AtlasDirectory.manifestName)
        try Data("gone.svg\nindex.svg\n".utf8).write(to: record)
        let stale = atlas.appendingPathComponent("gone.svg")
        try Data("old page".utf8).write(to: stale)
        try ReadOnlyDirectory.run("/usr/bin/chattr", "+i", stale.path)
        defer { try? ReadOnlyDirectory.run("/usr/bin/chattr", "-i", stale.path) }
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("\n\(atlas.path)/gone.svg: warning: cannot remove the stale page: "),
            "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: stale.path))
        #expect(try String(contentsOf: record, encoding: .utf8) == "gone.svg\nindex.svg\n")
        try ReadOnlyDirectory.run("/usr/bin/chattr", "-i", stale.path)
        let again = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path])
        #expect(again.standardError.hasSuffix("\nwrote 0 of 1 page in \(atlas.path), removed 1 stale page\n"))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try String(contentsOf: record, encoding: .utf8) == "index.svg\n")
    }

    @Test func aHandEditedRecordNamesNothingOutsideTheAtlas() throws {
        let directory = try Paths.temporaryDirectory()
        let atlas = directory.appendingPathComponent("atlas")
        try FileManager.default.createDirectory(at: atlas, withIntermediateDirectories: true)
        let mine = ["outside.svg", "atlas/.hidden.svg", "atlas/keep.txt", "atlas/svg", "atlas/dot"]
        for name in mine { try Data("mine".utf8).write(to: directory.appendingPathComponent(name)) }
        let record = ["../outside.svg", directory.appendingPathComponent("outside.svg").path, ".hidden.svg", "keep.txt", "", ".",
            "svg", "dot"]
        try Data(record.joined(separator: "\n").utf8).write(to: atlas.appendingPathComponent(AtlasDirectory.manifestName))
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path, "-q"])
        #expect(result.status == 0, "\(result.standardError)")
        for name in mine {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        #expect(try String(contentsOf: atlas.appendingPathComponent(AtlasDirectory.manifestName), encoding: .utf8) == "index.svg\n")
    }

    /// On a file system that ignores case, a page renamed only in case (`Payments.svg` →
    /// `payments.svg`) is one file under both names; the old name is not removed, or the new
    /// page would go with it. A hard link is the same situation on any file system.
    @Test func aStaleNameOfAPageJustWrittenIsNotRemoved() throws {
        let atlas = try Paths.temporaryDirectory()
        #expect(try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path, "-q"]).status == 0)
        try FileManager.default.linkItem(at: atlas.appendingPathComponent("index.svg"), to: atlas.appendingPathComponent("Index.svg"))
        try Data("Index.svg\nindex.svg\n".utf8).write(to: atlas.appendingPathComponent(AtlasDirectory.manifestName))
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.hasSuffix("\(atlas.path) is up to date (1 page)\n"), "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: atlas.appendingPathComponent("Index.svg").path))
        #expect(FileManager.default.fileExists(atPath: atlas.appendingPathComponent("index.svg").path))
    }

    @Test func aRecordThatIsALinkOrAPipeIsReplacedNotFollowed() throws {
        let directory = try Paths.temporaryDirectory()
        let atlas = directory.appendingPathComponent("atlas")
        try FileManager.default.createDirectory(at: atlas, withIntermediateDirectories: true)
        let outside = directory.appendingPathComponent("outside.txt")
        try Data("pod-api.svg\nkeep me\n".utf8).write(to: outside)
        try Data("mine".utf8).write(to: atlas.appendingPathComponent("pod-api.svg"))
        let record = atlas.appendingPathComponent(AtlasDirectory.manifestName)
        try FileManager.default.createSymbolicLink(at: record, withDestinationURL: outside)
        let linked = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path, "-q"])
        #expect(linked.status == 0, "\(linked.standardError)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "pod-api.svg\nkeep me\n", "the link's target is untouched")
        #expect(FileManager.default.fileExists(atPath: atlas.appendingPathComponent("pod-api.svg").path), "a link is not read")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: record.path)) == nil, "the link is replaced")
        #expect(try String(contentsOf: record, encoding: .utf8) == "index.svg\n")
        // A named pipe in its place would block a reader or a writer forever.
        try FileManager.default.removeItem(at: record)
        #expect(mkfifo(record.path, 0o644) == 0)
        let piped = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", atlas.path, "-q"])
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(try String(contentsOf: record, encoding: .utf8) == "index.svg\n")
    }

    @Test func anAtlasDirectoryThatCannotBeMadeExitsThree() throws {
        let occupied = try Paths.temporaryDirectory().appendingPathComponent("file")
        try Data("keep".utf8).write(to: occupied)
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", occupied.path])
        #expect(result.status == 3)
        #expect(result.standardError.contains("cannot create the atlas directory"), "\(result.standardError)")
        #expect(try String(contentsOf: occupied, encoding: .utf8) == "keep")
    }

    @Test func helpListsTheViews() throws {
        let help = try TrustFlowProcess.run(["render", "--help"])
        #expect(help.status == 0)
        for option in ["--collapse <kind>", "--focus <id>", "--radius <n>", "--atlas <dir>"] {
            #expect(help.output.contains(option), "\(option)")
        }
    }
}
