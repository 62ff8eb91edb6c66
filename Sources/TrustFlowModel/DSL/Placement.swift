/// One declaration placed in a model's or a boundary's content, and where it was placed.
///
/// The placement, not the declaration, decides what contains an item, so a handle declared
/// at the top of a file and placed inside a boundary gets that boundary.
struct Placement: Sendable {
    enum Item: Sendable {
        case control(ControlRef)
        case boundary(BoundaryRef)
        case element(ElementRef)
        case flow(FlowRef)
        case threatActor(ThreatActorRef)
        case acceptedRisk(RiskAcceptance)
    }

    var item: Item
    /// Where the handle was written inside the builder closure.
    var location: SourceLocation

    init(_ item: Item, fileID: String, line: Int, column: Int) {
        self.item = item
        self.location = SourceLocation(file: fileID, line: line, column: column)
    }
}
