/// Builds a boundary's content from declarations, with `if`, `switch`, `for` and optional
/// content.
///
/// Each expression records the Swift line it was written on, so a diagnostic about where
/// something was placed points there. Only boundaries, elements and threat actors go inside a
/// boundary; flows and controls belong to the model.
@resultBuilder
public enum BoundaryContentBuilder {
    /// Places a nested boundary with everything inside it.
    public static func buildExpression(
        _ boundary: BoundaryRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> BoundaryContent {
        BoundaryContent([Placement(.boundary(boundary), fileID: fileID, line: line, column: column)])
    }

    /// Places an element in the boundary.
    public static func buildExpression(
        _ element: ElementRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> BoundaryContent {
        BoundaryContent([Placement(.element(element), fileID: fileID, line: line, column: column)])
    }

    /// Places a threat actor standing in the boundary.
    public static func buildExpression(
        _ threatActor: ThreatActorRef, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> BoundaryContent {
        BoundaryContent([Placement(.threatActor(threatActor), fileID: fileID, line: line, column: column)])
    }

    /// Places content built elsewhere, such as a `@BoundaryContentBuilder` function's result.
    public static func buildExpression(_ content: BoundaryContent) -> BoundaryContent { content }

    /// Joins the statements of a block, in order.
    public static func buildBlock(_ parts: BoundaryContent...) -> BoundaryContent {
        BoundaryContent(parts.flatMap(\.placements))
    }

    /// An `if` without `else`, or `if let`: nothing when the condition fails.
    public static func buildOptional(_ part: BoundaryContent?) -> BoundaryContent { part ?? BoundaryContent() }

    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first part: BoundaryContent) -> BoundaryContent { part }

    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second part: BoundaryContent) -> BoundaryContent { part }

    /// A `for` loop: every iteration's content, in order.
    public static func buildArray(_ parts: [BoundaryContent]) -> BoundaryContent {
        BoundaryContent(parts.flatMap(\.placements))
    }

    /// An `if #available` branch.
    public static func buildLimitedAvailability(_ part: BoundaryContent) -> BoundaryContent { part }
}
