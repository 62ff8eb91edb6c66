/// The default flow ids of the file format: `FROM-to-TO`, then `FROM-to-TO-2`, `-3`, … for
/// later flows between the same pair, in file order. Used by the decoder and the DSL alike.
public enum FlowIdentifiers {
    /// The default id for the first flow from `from` to `to`.
    public static func base(from: String, to: String) -> String { "\(from)-to-\(to)" }

    /// Resolves each flow's id: the explicit one when given, otherwise the default.
    public static func resolve(_ flows: [(id: String?, from: String, to: String)]) -> [String] {
        var repeats: [String: Int] = [:]
        return flows.map { flow in
            if let id = flow.id { return id }
            let base = base(from: flow.from, to: flow.to)
            let count = (repeats[base] ?? 0) + 1
            repeats[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }
}
