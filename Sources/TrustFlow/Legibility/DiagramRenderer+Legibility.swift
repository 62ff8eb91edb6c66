extension DiagramRenderer {
    /// How readable a prepared diagram is once Graphviz has laid it out with its engine: the
    /// layout read back with its drawing operations (``GraphvizFormat/xdotJSON``) and measured.
    /// For tests and benchmarks; rendering never needs it.
    /// - Throws: ``GraphvizError`` when Graphviz fails, ``DrawnLayout/ReadError`` when its
    ///   output cannot be read.
    public static func legibility(of prepared: PreparedDiagram) throws -> LegibilityMeasures {
        var bytes = prepared.dotBytes
        let output = try Graphviz.render(takingBytes: &bytes, format: .xdotJSON, engine: prepared.engine)
        return LegibilityMeasures(try DrawnLayout(xdotJSON: output.bytes))
    }
}
