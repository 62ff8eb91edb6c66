import ArgumentParser
import TrustFlow

/// `--engine dot|fdp|auto`, shared by the commands that draw.
struct EngineOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Layout engine: dot (clearest), fdp (fast on large models; flows labelled by number), osage (boxes packed in rows) or auto (dot up to \(LayoutCost.elementsAndFlowsLimit) elements + flows and \(LayoutCost.crossingsLimit) boundaries crossed by flows, then fdp; osage for views drawn as boxes with over \(DiagramView.packedLayoutEdgeThreshold) edges).",
        valueName: "engine"))
    var engine: LayoutEngine = .auto
}

extension LayoutEngine: ExpressibleByArgument {}
