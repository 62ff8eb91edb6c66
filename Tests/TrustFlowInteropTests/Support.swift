import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Files of the interop tests: the self-written fixtures and golden files beside them, and
/// the other tools' real files and schemas in `../shared/data/interop/`.
enum InteropFiles {
    static let directory = Paths.root.appendingPathComponent("Tests/TrustFlowInteropTests")
    static func fixture(_ name: String) -> URL { directory.appendingPathComponent("Fixtures/\(name)") }
    static func golden(_ name: String) -> URL { directory.appendingPathComponent("Golden/\(name)") }

    static var otmSchema: URL { SharedData.url("interop/otm/otm_schema.json") }
    static var threatDragonSchema: URL { SharedData.url("interop/threat-dragon/threat-dragon-v2.schema.json") }
    static func shared(_ path: String) -> URL { SharedData.url("interop/\(path)") }
}

extension ImportResult {
    /// The notes of one category, by its singular name.
    func notes(_ singular: String) -> [InteropNote] { notes.filter { $0.category.singular == singular } }
}

extension Model {
    /// The element with an id; fails the test when there is none.
    func element(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Element {
        try #require(elements.first { $0.id == id }, "no element '\(id)'", sourceLocation: sourceLocation)
    }

    /// The boundary with an id; fails the test when there is none.
    func boundary(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Boundary {
        try #require(boundaries.first { $0.id == id }, "no boundary '\(id)'", sourceLocation: sourceLocation)
    }

    /// The flow with a label; fails the test when there is none.
    func flow(labelled label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Flow {
        try #require(flows.first { $0.label == label }, "no flow labelled '\(label)'", sourceLocation: sourceLocation)
    }
}

enum Import {
    static func threagile(_ url: URL) throws -> ImportResult {
        try ThreagileReader().read(Paths.bytes(url), file: url.lastPathComponent)
    }

    static func threatDragon(_ url: URL) throws -> ImportResult {
        try ThreatDragonReader().read(Paths.bytes(url), file: url.lastPathComponent)
    }

    static func otm(_ url: URL) throws -> ImportResult {
        try OTMReader().read(Paths.bytes(url), file: url.lastPathComponent)
    }

    /// Imports marked text that must fail: exactly one error says `message`, and it is located
    /// at the marker `1️⃣` in `file`.
    static func expectLocatedError(
        _ marked: String, message: String, file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ read: ([UInt8], String) throws(ModelError) -> ImportResult
    ) {
        let source = MarkedSource(marked)
        let errors = failure({ () throws(ModelError) in try read(source.bytes, file) }, sourceLocation: sourceLocation)
        let matching = errors.filter { $0.message.contains(message) }
        #expect(matching.count == 1, "\(errors)", sourceLocation: sourceLocation)
        let expected = TrustFlowModel.SourceLocation(file: file, line: source["1️⃣"].line, column: source["1️⃣"].column)
        #expect(matching.first?.location == expected, sourceLocation: sourceLocation)
    }

    /// The diagnostics of a file that must not import.
    static func failure(_ read: () throws(ModelError) -> ImportResult, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> [Diagnostic]
    {
        do {
            _ = try read()
            Issue.record("the import succeeded", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors
        }
    }
}
