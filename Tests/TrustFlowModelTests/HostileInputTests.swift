import Foundation
import Testing
@testable import TrustFlowModel
import TrustFlowTestSupport

/// Input built to exhaust time or flood messages: every case is refused (or read) in time
/// linear in its size, and every message stays short and printable.
@Suite("Hostile input")
struct HostileInputTests {
    /// CPU seconds `body` takes on this thread, the best of three: the suite runs tests in
    /// parallel and CI machines are shared, which wall time would count.
    func seconds(_ body: () -> Void) -> Double { CPUTime.seconds(body) }

    /// A YAML list or mapping used to copy itself on every new entry: 50,000 list items took
    /// 30 s and 1,000,000 keys never finished. Doubling the size must about double the time.
    @Test(arguments: ["list", "mapping"])
    func longYAMLCollectionsParseInLinearTime(shape: String) throws {
        func document(_ count: Int) -> [UInt8] {
            Array((shape == "list" ? "x:\n" + String(repeating: "- x\n", count: count)
                : (0..<count).map { "k\($0): 1\n" }.joined()).utf8)
        }
        let small = document(25_000)
        let large = document(100_000)
        let smallTime = seconds { _ = try? YAMLSourceParser().parse(small) }
        let largeTime = seconds { _ = try? YAMLSourceParser().parse(large) }
        // Linear gives 4×, quadratic 16×; the margin absorbs a busy machine.
        #expect(largeTime < max(smallTime, 0.05) * 9, "25k: \(smallTime) s, 100k: \(largeTime) s")
    }

    /// Each dangling reference looked up "did you mean" among every id, sorted anew: 20,000
    /// took three minutes. Now suggestions stop after a budget and candidates are sorted once.
    @Test func danglingReferencesAreCheckedInLinearTime() {
        func model(_ count: Int) -> [UInt8] {
            let flows = (0..<count).map { "  - {from: x\($0), to: y\($0)}\n" }.joined()
            let elements = (0..<count).map { "  - {id: e\($0), kind: process}\n" }.joined()
            return Array(("trustflow: 1\ntitle: T\nelements:\n" + elements + "flows:\n" + flows).utf8)
        }
        func errors(_ bytes: [UInt8]) -> [Diagnostic] {
            do throws(ModelError) {
                _ = try ModelLoader().load(bytes, file: "m.yaml", format: .yaml)
                return []
            } catch {
                return error.errors
            }
        }
        let small = model(5_000)
        let large = model(20_000)
        var found: [Diagnostic] = []
        let smallTime = seconds { _ = errors(small) }
        let largeTime = seconds { found = errors(large) }
        #expect(found.count == 40_000)
        #expect(found.first?.message == "unknown element 'x0'; did you mean 'e0'?")
        #expect(found.last?.message == "unknown element 'y19999'")
        // Linear gives 4×, quadratic 16×.
        #expect(largeTime < max(smallTime, 0.05) * 9, "5k: \(smallTime) s, 20k: \(largeTime) s")
    }

    @Test func keysInMessagesAreShortAndPrintable() {
        let key = "\u{1B}[2J" + String(repeating: "k", count: 1 << 16)
        let json = "{\"trustflow\": 1, \"title\": \"T\", \"elements\": [{\"id\": \"a\", \"kind\": \"actor\"}], \"\(key)\": 1, \"\(key)\": 2}"
        let source = MarkedSource(json.replacingOccurrences(of: "\u{1B}", with: "\\u001b"))
        let found = diagnostics(of: source, format: .json, file: "m.json")
        #expect(found.count == 2)
        for diagnostic in found {
            #expect(diagnostic.message.count < 200, "\(diagnostic.message.prefix(200))")
            #expect(!diagnostic.description.unicodeScalars.contains("\u{1B}"))
        }
        #expect(found.contains { $0.message.hasPrefix("unknown key '\\u{1B}[2Jkkkk") })
        #expect(found.contains { $0.message.hasPrefix("duplicate key '\\u{1B}[2Jkkkk") })
    }

    @Test func aHugeNumberIsQuotedShortened() {
        let source = MarkedSource("trustflow: 1️⃣\(String(repeating: "9", count: 100_000))\ntitle: T\nelements: [{id: a, kind: actor}]\n")
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "expected the format version (supported: 1), found 9999", at: source["1️⃣"])
        #expect(found.allSatisfy { $0.message.count < 200 })
    }

    @Test func libyamlsOwnNestingBoundSpeaksTheModelsLanguage() {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        do {
            _ = try YAMLSourceParser().parse(Array(deep.utf8))
            Issue.record("accepted 5000 levels")
        } catch {
            #expect(error.message == "nesting is deeper than \(ModelLimits.standard.maxNestingDepth) levels")
            #expect(error.position == SourcePosition(line: 1, column: ModelLimits.standard.maxNestingDepth + 1),
                "at the first bracket too deep")
        }
    }
}
