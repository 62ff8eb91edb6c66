import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// One kind of malformed model file: its bytes, and the error it must produce where.
struct MalformedInput: CustomTestStringConvertible, Sendable {
    var name: String
    var fileName: String
    var bytes: [UInt8]
    /// The error's message (a part of it).
    var message: String
    /// Where the error points, or `nil` for errors about the whole file.
    var position: (line: Int, column: Int)?

    var testDescription: String { name }

    /// A YAML or JSON text with its error position marked `1️⃣`.
    init(_ name: String, _ fileName: String = "model.yaml", _ marked: String, _ message: String) {
        let source = MarkedSource(marked)
        self.name = name
        self.fileName = fileName
        bytes = source.bytes
        self.message = message
        position = source.positions["1️⃣"]
    }

    init(_ name: String, _ fileName: String, bytes: [UInt8], _ message: String, at position: (line: Int, column: Int)?) {
        self.name = name
        self.fileName = fileName
        self.bytes = bytes
        self.message = message
        self.position = position
    }

    static let valid = "trustflow: 1\ntitle: T\n"

    /// Every kind of malformed input the issue lists, and a few more.
    static let all: [MalformedInput] = [
        MalformedInput("empty YAML file", "model.yaml", "1️⃣", "the file is empty"),
        MalformedInput("empty JSON file", "model.json", "1️⃣", "the file is empty; expected a JSON object"),
        MalformedInput("empty JSON object", "model.json", "1️⃣{}", "missing required key 'trustflow'"),
        MalformedInput("top level is a list", "model.yaml", "1️⃣- trustflow: 1\n", "expected a TrustFlow model (a mapping), found a list"),
        MalformedInput("top level is a string", "model.json", "1️⃣\"trustflow\"", "expected a TrustFlow model (a mapping), found a string"),
        MalformedInput("wrong format version", "model.yaml", "trustflow: 1️⃣2\ntitle: T\nelements: [{id: a, kind: actor}]\n",
            "unsupported format version 2 (supported: 1)"),
        MalformedInput("format version is text", "model.json", "{\"trustflow\": 1️⃣\"1\", \"title\": \"T\"}",
            "expected the format version (supported: 1), found a string (\"1\")"),
        MalformedInput("wrong type", "model.yaml", valid + "elements: [{id: a, kind: actor, label: 1️⃣[x]}]\n",
            "expected a string, found a list"),
        MalformedInput("wrong enum value", "model.yaml", valid + "elements: [{id: a, kind: 1️⃣actr}]\n",
            "'actr' is not a valid kind; did you mean 'actor'?"),
        MalformedInput("port out of range", "model.yaml",
            valid + "elements: [{id: a, kind: actor}]\nflows: [{from: a, to: a, port: 1️⃣70000}]\n",
            "expected a port number from 1 to 65535, found 70000"),
        MalformedInput("unknown key", "model.yaml", valid + "elements: [{id: a, kind: actor, 1️⃣lable: x}]\n",
            "unknown key 'lable' in an element; did you mean 'label'?"),
        MalformedInput("escape sequence in a key", "model.json",
            "{\"trustflow\": 1, \"title\": \"T\", \"elements\": [{\"id\": \"a\", \"kind\": \"actor\"}], 1️⃣\"\\u001b[2J\": 1}",
            "unknown key '\\u{1B}[2J' in a TrustFlow model"),
        MalformedInput("bad UTF-8 in YAML", "model.yaml", bytes: Array((valid + "description: caf").utf8) + [0xE9, 0x0A],
            "the file must be UTF-8", at: (3, 17)),
        MalformedInput("bad UTF-8 in JSON", "model.json", bytes: Array("{\"trustflow\": 1,\n \"title\": \"caf".utf8) + [0xE9, 0x22, 0x7D],
            "invalid UTF-8 sequence starting with 0xE9; the file must be UTF-8", at: (2, 15)),
        MalformedInput("NUL byte in YAML", "model.yaml", bytes: Array((valid + "description: a").utf8) + [0x00, 0x0A],
            "control character U+0000 is not allowed in YAML", at: (3, 15)),
        MalformedInput("NUL byte in JSON", "model.json", bytes: Array("{\"trustflow\": 1, \"title\": \"a".utf8) + [0x00, 0x22, 0x7D],
            "control character U+0000 in a string", at: (1, 29)),
        MalformedInput("escaped NUL in a JSON string", "model.json",
            "{\"trustflow\": 1, \"title\": 1️⃣\"a\\u0000b\", \"elements\": [{\"id\": \"a\", \"kind\": \"actor\"}]}",
            "text contains the control character U+0000"),
        MalformedInput("YAML syntax error", "model.yaml", valid + "elements: [{id: a, kind: actor}\n1️⃣",
            "did not find expected ',' or ']'"),
        MalformedInput("JSON syntax error", "model.json", "{\"trustflow\": 1, \"title\": \"T\",1️⃣}",
            "JSON does not allow a trailing comma before '}'"),
        MalformedInput("two YAML documents", "model.yaml", valid + "1️⃣---\ntrustflow: 1\n", "expected one YAML document"),
        MalformedInput("duplicate keys", "model.yaml", valid + "1️⃣title: U\nelements: [{id: a, kind: actor}]\n",
            "duplicate key 'title' (first written at 2:1)"),
        MalformedInput("duplicate ids", "model.yaml", valid + "elements:\n  - {id: a, kind: actor}\n  - {id: 1️⃣a, kind: process}\n",
            "duplicate id 'a': already used by an element, elements[0] at 4:5"),
        MalformedInput("unknown reference", "model.yaml",
            valid + "elements: [{id: db, kind: datastore}]\nflows: [{from: db, to: 1️⃣dbb}]\n",
            "unknown element 'dbb'; did you mean 'db'?"),
        MalformedInput("parent cycle", "model.yaml",
            valid + "boundaries:\n  - {id: a, kind: generic, parent: 1️⃣b}\n  - {id: b, kind: generic, parent: a}\nelements: [{id: e, kind: actor}]\n",
            "boundary parents form a cycle: a → b → a"),
        MalformedInput("thousands of nested boundaries", "model.yaml", bytes: Array((valid + "boundaries:\n"
            + (0..<5000).map { "  - {id: b\($0), kind: generic\($0 == 0 ? "" : ", parent: b\($0 - 1)")}\n" }.joined()
            + "elements: [{id: e, kind: actor, boundary: b4999}]\n").utf8),
            "boundaries are nested more than 32 deep", at: (36, 38)),
        MalformedInput("deeply nested JSON", "model.json",
            bytes: Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
            "nesting is deeper than 64 levels", at: (1, 65)),
        MalformedInput("deeply nested YAML flow collections", "model.yaml",
            bytes: Array(("a: \"[[[\" # [[[\nb: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
            "nesting is deeper than 64 levels", at: (2, 67)),  // the `[` that opens level 65
        MalformedInput("deeply nested YAML blocks", "model.yaml",
            bytes: Array((0..<200).map { String(repeating: " ", count: $0 * 2) + "- \n" }.joined().utf8),
            "nesting is deeper than 64 levels", at: (65, 129)),
        MalformedInput("YAML alias bomb", "model.yaml", bytes: Array(([
            "a: &a [x, x, x, x, x, x, x, x, x, x]",
        ] + (1...9).map { level in
            "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]"
        }).joined(separator: "\n").utf8),
            "the document expands to more than 2000000 values", at: (7, 10)),
        MalformedInput("unknown YAML alias", "model.yaml", valid + "elements: 1️⃣*nope\n", "unknown alias '*nope'"),
        MalformedInput("unsupported YAML tag", "model.yaml", valid + "elements: 1️⃣!!python/object:os.system [x]\n",
            "unsupported YAML tag 'tag:yaml.org,2002:python/object:os.syste…'"),
        MalformedInput("1 MiB label", "model.yaml",
            bytes: Array((valid + "elements: [{id: a, kind: actor, label: \(String(repeating: "x", count: 1 << 20))}]\n").utf8),
            "text of 1048576 characters is longer than the limit of 1000", at: (3, 40)),
        MalformedInput("javascript: URL", "model.yaml", valid + "elements: [{id: a, kind: actor, url: 1️⃣\"javascript:alert(1)\"}]\n",
            "the url scheme 'javascript:' is not allowed"),
    ]
}

/// Issue 7, item 1: every kind of malformed input, through every command, exits 2 with a
/// located, readable error, writes nothing and leaves existing outputs byte-identical.
@Suite("Malformed input")
struct MalformedInputTests {
    /// The three commands, each asked to write files that must not appear.
    static let commands: [[String]] = [
        ["render", "MODEL", "-o", "kept.svg"],
        ["render", "MODEL", "-o", "new.png"],
        ["check", "MODEL", "--format", "sarif", "-o", "report.sarif"],
        ["diff", "ok.yaml", "MODEL", "-o", "diff.svg", "--summary", "summary.md"],
    ]

    @Test(arguments: MalformedInput.all)
    func exitsTwoWithALocatedErrorAndWritesNothing(input: MalformedInput) throws {
        let directory = try Paths.temporaryDirectory()
        try Data(input.bytes).write(to: directory.appendingPathComponent(input.fileName))
        try Data("trustflow: 1\ntitle: OK\nelements: [{id: a, kind: actor}]\n".utf8).write(to: directory.appendingPathComponent("ok.yaml"))
        let kept = Array("previous output\n".utf8)
        try Data(kept).write(to: directory.appendingPathComponent("kept.svg"))
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let location = input.position.map { "\(input.fileName):\($0.line):\($0.column): error: " } ?? "\(input.fileName): error: "

        for command in Self.commands {
            let arguments = command.map { $0 == "MODEL" ? input.fileName : $0 }
            let result = try TrustFlowProcess.run(arguments, in: directory)
            let lines = result.standardError.split(separator: "\n").map(String.init)
            #expect(result.status == 2, "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty, "\(arguments)")
            #expect(lines.contains { $0.hasPrefix(location) && $0.contains(input.message) },
                "\(arguments): expected \(location)…\(input.message) in:\n\(result.standardError)")
            #expect(lines.last?.hasSuffix("in \(input.fileName); nothing was written") == true, "\(arguments): \(lines.last ?? "")")
            #expect(lines.count <= PrintedDiagnostics.limit + 2, "at most \(PrintedDiagnostics.limit) diagnostics are printed")
            #expect(result.standardError.unicodeScalars.allSatisfy { $0 == "\n" || $0.properties.generalCategory != .control },
                "no control character reaches the terminal")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before, "\(arguments)")
            #expect(try Paths.bytes(directory.appendingPathComponent("kept.svg")) == kept)
        }
    }

    @Test func aHundredMebibyteFileIsRefusedBeforeItIsRead() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("huge.yaml")
        try Paths.createSparseFile(at: model, size: 100 << 20)
        for command in [["render", "huge.yaml"], ["check", "huge.yaml"], ["diff", "huge.yaml", "huge.yaml"]] {
            let result = try TrustFlowProcess.run(command, in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.hasPrefix(
                "huge.yaml: error: the file is 104857600 bytes, more than the limit of \(ModelLimits.standard.maxFileBytes)\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["huge.yaml"])
        }
    }

    @Test func anUnknownExtensionIsAnArgumentError() throws {
        let directory = try Paths.temporaryDirectory()
        try Data(MalformedInput.valid.utf8).write(to: directory.appendingPathComponent("model.txt"))
        let result = try TrustFlowProcess.run(["check", "model.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("model.txt: error: cannot tell the model format from the file name"))
    }

    @Test func tensOfThousandsOfErrorsArePrintedAsTheFirstHundredAndACount() throws {
        let directory = try Paths.temporaryDirectory()
        let flows = (0..<20_000).map { "  - {from: x\($0), to: y\($0)}\n" }.joined()
        try Data((MalformedInput.valid + "elements: [{id: a, kind: actor}]\nflows:\n" + flows).utf8)
            .write(to: directory.appendingPathComponent("many.yaml"))
        let started = Date()
        let result = try TrustFlowProcess.run(["check", "many.yaml"], in: directory)
        #expect(Date().timeIntervalSince(started) < 60, "40,000 dangling references are reported in linear time")
        let lines = result.standardError.split(separator: "\n")
        #expect(result.status == 2)
        #expect(lines.count == PrintedDiagnostics.limit + 2)
        #expect(lines[PrintedDiagnostics.limit] == "note: 39900 more not shown")
        #expect(lines.last == "40000 errors in many.yaml; nothing was written")
    }
}

/// What the tests know of the CLI's terminal output (`Terminal.diagnosticLimit` in the CLI).
enum PrintedDiagnostics {
    /// Diagnostics printed per file before `note: N more not shown`.
    static let limit = 100
}
