import TrustFlowModel

/// Everything the analysis found in one model.
public struct AnalysisResult: Sendable {
    /// Every finding, accepted or not, sorted by location.
    public var findings: [Finding]
    /// Each flow's crossing, in file order.
    public var crossings: [FlowCrossing]
    /// STRIDE per interaction for every boundary-crossing flow, in file order.
    public var stride: [StrideInteraction]
    /// Problems with the accepted risks themselves: stale, expired or naming unknown rules.
    public var diagnostics: [Diagnostic]

    /// Findings no acceptance covers.
    public var active: [Finding] { findings.filter { !$0.isAccepted } }
    /// Findings an unexpired acceptance covers.
    public var accepted: [Finding] { findings.filter(\.isAccepted) }

    /// Whether an unaccepted finding reaches `severity`.
    public func hasActiveFinding(atLeast severity: Severity) -> Bool { active.contains { $0.severity >= severity } }
}

/// Runs the rules over a model and applies its accepted risks.
public struct Analyzer: Sendable {
    public var rules: [Rule]
    /// The day acceptances are judged against; after an acceptance's `until` it lapses.
    public var today: CalendarDate

    public init(rules: [Rule] = RuleRegistry.all, today: CalendarDate) {
        self.rules = rules
        self.today = today
    }

    /// Analyses a validated model; `sourceMap` locates findings. STRIDE per interaction is
    /// left out (empty) unless `includeStride`: drawing a diagram does not need it.
    ///
    /// `driftFindings` are the drift check's findings on this model (from TrustFlowKubernetes,
    /// with the model's manifests): they join the rules' findings and the model's accepted
    /// risks apply to them too. Without them (`nil`: no manifests were given) an acceptance of
    /// a drift rule is left alone — neither unknown nor stale.
    public func analyze(_ model: Model, sourceMap: SourceMap = SourceMap(), includeStride: Bool = true,
        driftFindings: [Finding]? = nil) -> AnalysisResult
    {
        let context = AnalysisContext(model: model)
        var findings = rules.flatMap { $0.evaluate(context) }
        for position in findings.indices {
            findings[position].location = sourceMap.location(of: findings[position].path)
        }
        findings += driftFindings ?? []
        var diagnostics: [Diagnostic] = []
        for (position, risk) in model.acceptedRisks.enumerated() {
            let path = ModelPath("acceptedRisks").appending(position)
            func warn(_ message: String, at warningPath: ModelPath = path) {
                diagnostics.append(Diagnostic(.warning, message, path: warningPath, location: sourceMap.location(of: warningPath)))
            }
            guard RuleRegistry.isKnown(risk.rule) || rules.contains(where: { $0.id == risk.rule }) else {
                let suggestion = Suggestion.clause(for: risk.rule, among: RuleRegistry.all.map(\.id) + RuleRegistry.driftRuleIDs.sorted())
                warn("accepts unknown rule '\(risk.rule)'\(suggestion)", at: path.appending("rule"))
                continue
            }
            if driftFindings == nil, RuleRegistry.driftRuleIDs.contains(risk.rule) { continue }
            let matches = findings.indices.filter { findings[$0].ruleID == risk.rule && findings[$0].target.id == risk.target }
            if let until = risk.untilDate, until < today {
                warn(matches.isEmpty
                    ? "the acceptance of \(risk.rule) on '\(risk.target)' expired on \(until) and matches no finding; remove it"
                    : "the acceptance of \(risk.rule) on '\(risk.target)' expired on \(until); the finding counts again",
                    at: path.appending("until"))
                continue
            }
            if matches.isEmpty {
                warn("accepts \(risk.rule) on '\(risk.target)', but there is no such finding; remove the stale acceptance")
                continue
            }
            for match in matches where findings[match].acceptance == nil {
                findings[match].acceptance = Finding.Acceptance(reason: risk.reason, until: risk.untilDate, path: path)
            }
        }
        return AnalysisResult(
            findings: Finding.sorted(findings),
            crossings: model.flows.map { context.crossing(of: $0) },
            stride: includeStride ? StrideAnalysis.interactions(context) : [],
            diagnostics: Diagnostic.sorted(diagnostics))
    }
}
