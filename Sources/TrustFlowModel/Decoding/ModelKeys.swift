/// The keys the file format allows in each kind of mapping, in the order FORMAT.md lists them.
/// The decoder, the canonical encoder and the JSON Schema all use these lists.
public enum ModelKeys {
    public static let model = [
        "trustflow", "title", "description", "controls", "boundaries", "elements", "flows", "threatActors",
        "acceptedRisks",
    ]
    public static let control = ["id", "label", "kind", "description"]
    public static let boundary = ["id", "label", "kind", "parent", "controls", "description", "k8s"]
    public static let element = ["id", "label", "kind", "boundary", "technology", "controls", "description", "url", "k8s"]
    public static let flow = [
        "id", "from", "to", "label", "protocol", "port", "encryption", "authentication", "data", "classification",
        "bidirectional", "controls", "description",
    ]
    public static let threatActor = ["id", "label", "kind", "boundary", "targets", "description"]
    public static let acceptedRisk = ["rule", "target", "reason", "until"]
    /// The `k8s` reference of a boundary or an element.
    public static let kubernetesReference = ["kind", "name", "namespace", "container"]
}
