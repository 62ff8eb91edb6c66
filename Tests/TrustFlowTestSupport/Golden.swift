import Foundation
import Testing

/// Golden-file comparison with a record switch.
///
/// Set `TRUSTFLOW_RECORD=1` to rewrite the golden files; a recording run fails on purpose so
/// that it can never pass by accident.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["TRUSTFLOW_RECORD"] == "1" }

    /// Compares `actual` with the file at `url` byte for byte.
    public static func assertMatches(
        _ actual: [UInt8], file url: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: url)
            Issue.record("recorded \(url.lastPathComponent); run again without TRUSTFLOW_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with TRUSTFLOW_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard Array(expected) != actual else { return }
        let difference = firstDifference(Array(expected), actual)
        Issue.record("\(url.lastPathComponent) differs at \(difference); run with TRUSTFLOW_RECORD=1 to accept the new output",
            sourceLocation: sourceLocation)
    }

    /// Compares text with a golden file.
    public static func assertMatches(_ actual: String, file url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try assertMatches(Array(actual.utf8), file: url, sourceLocation: sourceLocation)
    }

    static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (number, (left, right)) in zip(expectedLines, actualLines).enumerated() where left != right {
            return "line \(number + 1)\n  expected: \(left.prefix(300))\n  actual:   \(right.prefix(300))"
        }
        return "expected \(expectedLines.count) lines, got \(actualLines.count)"
    }
}
