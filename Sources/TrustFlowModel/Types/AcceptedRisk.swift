/// A finding the owners have accepted, by rule and target, with a reason.
public struct AcceptedRisk: Hashable, Sendable {
    /// The rule id, e.g. `TF103`.
    public var rule: String
    /// The id of the boundary, element, flow or threat actor the finding is about.
    public var target: String
    /// Why the risk is accepted; shown in reports.
    public var reason: String
    /// Last day the acceptance holds, `YYYY-MM-DD`; after it the finding counts again.
    public var until: String?

    /// Creates an acceptance.
    public init(rule: String, target: String, reason: String, until: String? = nil) {
        self.rule = rule
        self.target = target
        self.reason = reason
        self.until = until
    }

    /// ``until`` as a date, or `nil` when absent or not a valid `YYYY-MM-DD` day.
    public var untilDate: CalendarDate? { until.flatMap(CalendarDate.init(_:)) }
}
