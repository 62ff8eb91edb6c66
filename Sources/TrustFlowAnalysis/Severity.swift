/// How serious a finding is, least serious first.
public enum Severity: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case low, medium, high, critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
