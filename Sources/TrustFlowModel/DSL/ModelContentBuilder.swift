/// Builds a model's content from declarations, with `if`, `switch`, `for` and optional content.
///
/// Each expression records the Swift line it was written on, so a diagnostic about where
/// something was placed points there. Flows and controls can only be placed here, not
/// inside a boundary.
@resultBuilder
public enum ModelContentBuilder {
    /// Places a control; its position is its position in ``Model/controls``.
    public static func buildExpression(
        _ control: ControlRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent([Placement(.control(control), fileID: fileID, line: line, column: column)])
    }

    /// Places several controls, in order.
    public static func buildExpression(
        _ controls: [ControlRef], fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent(controls.map { Placement(.control($0), fileID: fileID, line: line, column: column) })
    }

    /// Places a top-level boundary with everything inside it.
    public static func buildExpression(
        _ boundary: BoundaryRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent([Placement(.boundary(boundary), fileID: fileID, line: line, column: column)])
    }

    /// Places an element outside every boundary.
    public static func buildExpression(
        _ element: ElementRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent([Placement(.element(element), fileID: fileID, line: line, column: column)])
    }

    /// Places a flow; its position among the flows is its number in the diagram.
    public static func buildExpression(
        _ flow: FlowRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent([Placement(.flow(flow), fileID: fileID, line: line, column: column)])
    }

    /// Places a threat actor outside every boundary.
    public static func buildExpression(
        _ threatActor: ThreatActorRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent([Placement(.threatActor(threatActor), fileID: fileID, line: line, column: column)])
    }

    /// Places an accepted risk.
    public static func buildExpression(
        _ acceptance: RiskAcceptance, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ModelContent {
        ModelContent([Placement(.acceptedRisk(acceptance), fileID: fileID, line: line, column: column)])
    }

    /// Places content built elsewhere, such as a `@ModelContentBuilder` function's result.
    public static func buildExpression(_ content: ModelContent) -> ModelContent { content }

    /// Joins the statements of a block, in order.
    public static func buildBlock(_ parts: ModelContent...) -> ModelContent {
        ModelContent(parts.flatMap(\.placements))
    }

    /// An `if` without `else`, or `if let`: nothing when the condition fails.
    public static func buildOptional(_ part: ModelContent?) -> ModelContent { part ?? ModelContent() }

    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first part: ModelContent) -> ModelContent { part }

    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second part: ModelContent) -> ModelContent { part }

    /// A `for` loop: every iteration's content, in order.
    public static func buildArray(_ parts: [ModelContent]) -> ModelContent {
        ModelContent(parts.flatMap(\.placements))
    }

    /// An `if #available` branch.
    public static func buildLimitedAvailability(_ part: ModelContent) -> ModelContent { part }
}
