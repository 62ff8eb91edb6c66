import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Whether `chromium` is on the PATH.
let chromiumAvailable: Bool = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") } ?? false

/// The HTML report as a reader sees it, in headless Chromium (`make test-deps` installs the
/// Debian `chromium` package; where it cannot be installed this suite is skipped, visibly).
@Suite("HTML in a browser", .enabled(if: chromiumAvailable, "chromium is not installed; run `make test-deps`"))
struct BrowserTests {
    struct Check: Decodable {
        struct Screenshot: Decodable {
            var width: Int
            var height: Int
            var colors: [String: Int]
        }
        var status: Int
        var consoleMessages: [String]
        var pageRequests: [String]
        var loadedPage: Bool
        var screenshot: Screenshot
    }

    func open(_ page: URL) throws -> Check {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.root.appendingPathComponent("Tests/TrustFlowReportTests/Resources/browser_check.py").path,
            page.path, page.deletingPathExtension().appendingPathExtension("png").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Check.self, from: data)
    }

    @Test func theReportRendersWithoutErrorsOrRequestsAndShowsTheDiagram() throws {
        let directory = try Paths.temporaryDirectory()
        let page = directory.appendingPathComponent("report.html")
        #expect(try TrustFlowProcess.run(["report", "Samples/k8s-three-tier.yaml", "-o", page.path, "-q"]).status == 0)
        let check = try open(page)
        #expect(check.loadedPage)
        #expect(check.consoleMessages == [])
        #expect(check.pageRequests == [])
        // The diagram is on screen: its cluster, namespace and process colours are painted.
        for color in ["#0d47a1", "#2e7d32", "#1565c0"] {
            #expect((check.screenshot.colors[color] ?? 0) > 100, "\(color)")
        }
    }

    @Test func theDiffPageWorksWithoutScript() throws {
        let directory = try Paths.temporaryDirectory()
        let page = directory.appendingPathComponent("diff.html")
        #expect(try TrustFlowProcess.run(["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "--html", page.path, "-q"]).status == 0)
        #expect(!(try String(contentsOf: page, encoding: .utf8)).contains("<script"))
        let check = try open(page)
        #expect(check.consoleMessages == [])
        #expect(check.pageRequests == [])
        #expect((check.screenshot.colors["#1b873f"] ?? 0) > 50, "added items are drawn")
    }

    /// The checker itself notices errors and requests, so the tests above can fail.
    @Test func theCheckerSeesConsoleErrorsAndRequests() throws {
        let page = try Paths.temporaryDirectory().appendingPathComponent("bad.html")
        try Data(#"<!DOCTYPE html><link rel="icon" href="data:,"><img src="http://example.invalid/x.png"><script>nope()</script>"#.utf8).write(to: page)
        let check = try open(page)
        #expect(check.consoleMessages.count == 1)
        #expect(check.pageRequests == ["GET http://example.invalid/x.png"])
    }
}
