import Testing
@testable import TrustFlowReport
import TrustFlow

/// A finding's place in `check --format json`.
@Suite("Finding entries")
struct FindingEntryTests {
    static func finding(at location: TrustFlow.SourceLocation) -> Finding {
        var finding = Finding(ruleID: "TF209", severity: .medium, message: "stale",
            target: FindingTarget(kind: .kubernetesObject, id: "NetworkPolicy shop/x", path: .root))
        finding.location = location
        return finding
    }

    @Test func aLocationThatNamesOnlyAFileHasNoLineOrColumn() {
        let entry = FindingsJSON.FindingEntry(Self.finding(at: TrustFlow.SourceLocation(file: "k8s/policies.yaml")), file: "model.yaml")
        #expect(entry.file == "k8s/policies.yaml" && entry.line == nil && entry.column == nil)
        let located = FindingsJSON.FindingEntry(Self.finding(at: TrustFlow.SourceLocation(file: "model.yaml", line: 4, column: 5)), file: "model.yaml")
        #expect(located.file == nil && located.line == 4 && located.column == 5)
    }
}
