import Foundation
import Testing
import TrustFlowTestSupport

/// The README's examples do what it says: the first model draws with the output shown, the
/// mistake gives the error shown, `check` prints the lines shown, and every command it runs on
/// the samples succeeds and writes what it names.
@Suite("README examples")
struct ReadmeTests {
    /// A fenced block of the README: its language and lines.
    struct Block {
        var language: String
        var lines: [String]
    }

    static let blocks: [Block] = {
        let text = (try? String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var blocks: [Block] = []
        var current: Block?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(language: String(line.dropFirst(3)), lines: [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        return blocks
    }()

    /// A `$ trustflow …` transcript: the arguments and the lines printed after it.
    static func transcript(_ block: Block) throws -> (arguments: [String], printed: [String]) {
        let command = try #require(block.lines.first?.split(separator: " ").map(String.init))
        #expect(Array(command.prefix(2)) == ["$", "trustflow"])
        return (Array(command.dropFirst(2)), Array(block.lines.dropFirst()))
    }

    @Test func theFirstModelDrawsAndItsMistakeIsReportedAsShown() throws {
        let yaml = try #require(Self.blocks.first { $0.language == "yaml" && $0.lines.first == "trustflow: 1" })
        let transcripts = try Self.blocks.filter { $0.language == "text" }.prefix(2).map(Self.transcript)
        try #require(transcripts.count == 2)
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("model.yaml")

        try Data((yaml.lines.joined(separator: "\n") + "\n").utf8).write(to: model)
        let drawn = try TrustFlowProcess.run(transcripts[0].arguments, in: directory)
        #expect(drawn.status == 0)
        #expect(drawn.standardError == transcripts[0].printed.joined(separator: "\n") + "\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.svg").path))

        // The mistake the README describes: `kind: proces` for `web`.
        let mistaken = yaml.lines.map { $0.contains("id: web,") ? $0.replacingOccurrences(of: "kind: process", with: "kind: proces") : $0 }
        try #require(mistaken != yaml.lines)
        try Data((mistaken.joined(separator: "\n") + "\n").utf8).write(to: model)
        let failed = try TrustFlowProcess.run(transcripts[1].arguments, in: directory)
        #expect(failed.status == 2)
        #expect(failed.standardError == transcripts[1].printed.joined(separator: "\n") + "\n")
    }

    @Test func checkPrintsTheLinesShown() throws {
        let block = try #require(Self.blocks.first { $0.language == "text" && $0.lines.first?.hasPrefix("$ trustflow check") == true })
        let (arguments, printed) = try Self.transcript(block)
        let result = try TrustFlowProcess.run(arguments)
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        let shown = printed.filter { $0 != "…" }
        // Each line shown is printed, in the same order; the summary is the last line.
        var remaining = lines[...]
        for line in shown {
            let found = remaining.firstIndex(of: line)
            #expect(found != nil, "not printed: \(line)\n\(result.output)")
            if let found { remaining = remaining[(found + 1)...] }
        }
        #expect(lines.last == shown.last)
    }

    /// Every `trustflow` command of a `sh` block that reads only the repository's samples.
    static let sampleCommands: [[String]] = blocks.filter { $0.language == "sh" }.flatMap(\.lines).compactMap { line in
        let command = line.split(separator: "#", maxSplits: 1).first.map { $0.split(separator: " ").map(String.init) } ?? []
        guard command.first == "trustflow", command.contains(where: { $0.hasPrefix("Samples/") }) else { return nil }
        return Array(command.dropFirst())
    }

    @Test func theCommandsOnTheSamplesSucceedAndWriteWhatTheyName() throws {
        #expect(Self.sampleCommands.count >= 5, "\(Self.sampleCommands)")
        for arguments in Self.sampleCommands {
            let directory = try Paths.temporaryDirectory()
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("Samples"), withDestinationURL: Paths.samples)
            let result = try TrustFlowProcess.run(arguments, in: directory)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            for (position, argument) in arguments.enumerated() where ["-o", "--summary", "--atlas"].contains(argument) {
                let written = directory.appendingPathComponent(arguments[position + 1]).path
                #expect(FileManager.default.fileExists(atPath: written), "\(arguments): \(written) missing")
            }
        }
    }
}

/// Every `trustflow` command line the README and the DocC articles show names a command that
/// exists and only options that command takes (its `--help` lists them): a renamed or removed
/// option fails here, not in a reader's terminal.
@Suite("Documented command lines")
struct DocumentedCommandLineTests {
    /// The documents, by path from the repository root.
    static let documents: [String] = {
        let catalogue = "Sources/TrustFlow/TrustFlow.docc"
        let articles = (try? FileManager.default.contentsOfDirectory(atPath: Paths.root.appendingPathComponent(catalogue).path)) ?? []
        return ["README.md"] + articles.filter { $0.hasSuffix(".md") }.sorted().map { "\(catalogue)/\($0)" }
    }()

    /// The long options each documented command line uses, by command (`render`, `import k8s`).
    static func documentedOptions() throws -> [String: Set<String>] {
        var options: [String: Set<String>] = [:]
        for document in documents {
            let text = try String(contentsOf: Paths.root.appendingPathComponent(document), encoding: .utf8)
            for line in text.split(separator: "\n") {
                var command = line.trimmingCharacters(in: .whitespaces)
                if command.hasPrefix("$ ") { command.removeFirst(2) }
                guard command.hasPrefix("trustflow ") else { continue }
                let words = (command.split(separator: "#", maxSplits: 1).first ?? "").split(separator: " ").map(String.init)
                guard words.count > 1, !words[1].hasPrefix("-") else { continue }
                let name = ["import", "export"].contains(words[1]) && words.count > 2 ? "\(words[1]) \(words[2])" : words[1]
                let used = words.compactMap { word -> String? in
                    // `--format text|json` and `[--model MODEL]` as well as `--theme=mono`.
                    let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "[]`"))
                    guard bare.hasPrefix("--"), bare.count > 2 else { return nil }
                    return String(bare.split(separator: "=", maxSplits: 1)[0])
                }
                options[name, default: []].formUnion(used)
            }
        }
        return options
    }

    @Test func everyDocumentedOptionIsOneTheCommandTakes() throws {
        let documented = try Self.documentedOptions()
        #expect(documented.count >= 10, "\(documented.keys.sorted())")
        for (command, options) in documented.sorted(by: { $0.key < $1.key }) {
            let help = try TrustFlowProcess.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0, "trustflow \(command) is documented but is not a command: \(help.standardError)")
            for option in options.sorted() {
                #expect(help.output.contains(option + " ") || help.output.contains(option + "\n") || help.output.contains(option + ","),
                    "trustflow \(command) is documented with \(option), which its --help does not list")
            }
        }
    }
}

/// Every relative link of the README, CONTRIBUTING.md, SECURITY.md, BENCHMARKS.md and the DocC
/// articles points at a file of the repository: facts moved between them stay linked.
@Suite("Documentation links")
struct DocumentationLinkTests {
    @Test func everyRelativeLinkNamesAFileThatExists() throws {
        let documents = ["README.md", "CONTRIBUTING.md", "SECURITY.md", "BENCHMARKS.md"] + DocumentedCommandLineTests.documents.dropFirst()
        let link = try Regex(#"\]\(([^)#\s]+)(#[^)]*)?\)"#)
        var checked = 0
        for document in documents {
            let text = try String(contentsOf: Paths.root.appendingPathComponent(document), encoding: .utf8)
            let directory = Paths.root.appendingPathComponent(document).deletingLastPathComponent()
            for match in text.matches(of: link) {
                guard let target = match.output[1].substring.map(String.init),
                    !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                checked += 1
                let path = directory.appendingPathComponent(target).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: path), "\(document) links to \(target), which does not exist")
            }
        }
        #expect(checked >= 30, "only \(checked) links found")
    }
}
