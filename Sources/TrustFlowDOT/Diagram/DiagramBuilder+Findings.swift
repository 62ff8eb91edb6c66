import TrustFlowAnalysis

/// How findings change the look of what they are about: the worst unaccepted finding's
/// colour and a thicker line, plus a line of badges (`⚠ TF103 high`) in the label and the
/// messages in the tooltip — so the severity reads in words, not only in colour.
struct FindingMarks {
    /// Colour of the worst unaccepted finding, if any.
    let color: DOTColor?
    /// Label badges, worst first.
    let badges: [HTMLText]
    /// Lines for the tooltip.
    let tooltip: [String]

    init(_ findings: [Finding], theme: DiagramTheme) {
        let active = findings.filter { !$0.isAccepted }
        color = active.map(\.severity).max().map { theme.findingColor($0) }
        var badges: [HTMLText] = []
        for finding in findings {
            if !badges.isEmpty { badges.append(.plain("  ")) }
            if finding.isAccepted {
                badges.append(.font(HTMLFont(color: theme.mutedTextColor), [.plain("✓ \(finding.ruleID) accepted")]))
            } else {
                badges.append(.font(HTMLFont(color: theme.findingColor(finding.severity)),
                    [.bold([.plain("⚠ \(finding.ruleID) \(finding.severity.rawValue)")])]))
            }
        }
        self.badges = badges
        tooltip = findings.map { "\($0.ruleID) (\($0.isAccepted ? "accepted " : "")\($0.severity.rawValue)): \($0.message)" }
    }

    var isEmpty: Bool { badges.isEmpty }
}

extension DiagramTheme {
    func findingColor(_ severity: Severity) -> DOTColor {
        findingColors[severity] ?? DiagramTheme.standard.findingColors[severity]!
    }

    /// Line width of an item with an unaccepted finding.
    static let findingPenWidth = 2.6
}
