extension AcceptedRisk {
    /// Accepts the findings of one rule about one boundary, element, flow or threat actor, for a
    /// model written in Swift.
    ///
    /// - Parameters:
    ///   - rule: the rule id, e.g. `TF103`.
    ///   - target: the handle of what the finding is about.
    ///   - reason: why the risk is accepted; shown in reports, must not be empty.
    ///   - until: the last day the acceptance holds, `YYYY-MM-DD`.
    ///   - fileID: leave the default: diagnostics about this acceptance point here.
    /// - Returns: the acceptance to place in the model's content.
    public static func rule(
        _ rule: String, on target: some RiskTarget, reason: String, until: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> RiskAcceptance {
        RiskAcceptance(
            acceptedRisk: AcceptedRisk(rule: rule, target: target.reference.id, reason: reason, until: until),
            target: target.reference, location: SourceLocation(file: fileID, line: line, column: column))
    }
}
