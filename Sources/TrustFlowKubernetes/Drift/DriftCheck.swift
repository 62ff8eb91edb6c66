import TrustFlowAnalysis
import TrustFlowModel

/// The drift check: does the cluster enforce the model? Manifests (an ``Inventory``) → their
/// NetworkPolicies evaluated (``NetworkPolicyEvaluator``, ``Reachability``) and the model the
/// manifests themselves give (the importer's) → with a model, its items bound to the objects
/// (``ModelBinding``) and its flows judged → the rules of ``DriftRuleRegistry`` → findings,
/// each located in the model and in the manifests.
///
/// The expensive part — every connection — is computed once; ``run(model:sourceMap:rules:)`` then
/// compares any number of models with it.
public struct DriftCheck: Sendable {
    public let inventory: Inventory
    public let evaluator: NetworkPolicyEvaluator
    public let reachability: Reachability
    let manifests: ManifestFacts

    /// Evaluates the manifests' policies.
    public init(inventory: Inventory) {
        self.inventory = inventory
        evaluator = NetworkPolicyEvaluator(inventory: inventory)
        reachability = evaluator.reachability()
        manifests = ManifestFacts(inventory: inventory)
    }

    /// Runs the rules: on the manifests alone without a model; with one (validated, and
    /// `sourceMap` locating its items), comparing it with them.
    public func run(model: Model? = nil, sourceMap: SourceMap = SourceMap(), rules: [DriftRule] = DriftRuleRegistry.all) -> DriftResult {
        let facts = model.map { ModelFacts(model: $0, sourceMap: sourceMap, inventory: inventory, evaluator: evaluator) }
        let declared = facts.map { DeclaredFlowVerdict.all(in: $0, evaluator: evaluator) } ?? []
        let undeclared = facts.map {
            UndeclaredConnection.all(reachability: reachability, declared: declared, facts: $0, evaluator: evaluator)
        } ?? []
        let context = DriftContext(inventory: inventory, evaluator: evaluator, reachability: reachability, manifests: manifests,
            model: facts, declaredFlows: declared, undeclared: undeclared)
        return DriftResult(findings: Finding.sorted(rules.flatMap { $0.evaluate(context) }), declaredFlows: declared,
            undeclared: undeclared, binding: facts?.binding)
    }

    /// The allowed connections in np-guard's `list` format (see ``Reachability/connectionList(in:)``).
    public var connectionList: [String] { reachability.connectionList(in: inventory) }
}
