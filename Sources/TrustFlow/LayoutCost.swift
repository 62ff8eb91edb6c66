/// What laying out a model's full diagram with `dot` will cost, by the two things that make
/// `dot` slow: how many elements and flows it draws, and how many trust boundaries its flows
/// cross — every crossed boundary is a cluster an edge must be routed out of or into, and
/// nested clusters with edges between them are where `dot`'s ranking and crossing
/// minimisation spend their time.
///
/// Measured on this project's 2-core machine (BENCHMARKS.md, "Choosing the engine"): models
/// whose flows cross at most 800 boundaries laid out in under 0.6 s; above that the time of
/// the same number of elements and flows ranged from 0.3 s to minutes (200 services, each in
/// its own pod, three flows in four across namespaces: 1,210 crossings, 1.7 s; 300 services
/// of that shape did not finish in 40 s). `fdp` lays 1000 such services out in about a second.
public struct LayoutCost: Hashable, Sendable {
    /// Elements plus flows.
    public var elementsAndFlows: Int
    /// The boundaries crossed, summed over every flow (``FlowCrossing``).
    public var crossings: Int

    /// Above this many elements plus flows, `auto` draws the full diagram with `fdp`.
    public static let elementsAndFlowsLimit = 700
    /// Above this many boundary crossings, `auto` draws the full diagram with `fdp`.
    public static let crossingsLimit = 800

    /// The cost of `model`'s full diagram.
    public init(_ model: Model) {
        let index = ModelIndex(model)
        elementsAndFlows = model.elements.count + model.flows.count
        crossings = model.flows.reduce(0) { $0 + FlowCrossing($1, index: index).crossed.count }
    }

    public init(elementsAndFlows: Int, crossings: Int) {
        self.elementsAndFlows = elementsAndFlows
        self.crossings = crossings
    }

    /// Whether `dot` lays the diagram out quickly: within both limits.
    public var suitsDot: Bool { elementsAndFlows <= Self.elementsAndFlowsLimit && crossings <= Self.crossingsLimit }
}
