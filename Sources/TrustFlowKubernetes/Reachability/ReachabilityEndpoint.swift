/// One end of a connection the evaluator judges: the pods of a workload, or addresses outside
/// the pod network.
public enum ReachabilityEndpoint: Hashable, Sendable {
    /// The pods of the workload at this position of ``Inventory/workloads``.
    case workload(Int)
    /// Addresses outside the pod network: a piece of the outside as np-guard lists it, the
    /// public Internet, or a host somewhere in a set (a name the manifests give no address for).
    case addresses(IPv4AddressSet)

    /// np-guard's name of the end: `default/frontend[Deployment]`, `0.0.0.0-255.255.255.255[External]`;
    /// the public Internet (a client of the model outside the cluster) is `public-internet[External]`.
    public func name(in inventory: Inventory) -> String {
        switch self {
        case .workload(let position):
            let workload = inventory.workloads[position]
            return "\(workload.namespace)/\(workload.name)[\(workload.kind.rawValue)]"
        case .addresses(let set) where set == .publicInternet:
            return "public-internet[External]"
        case .addresses(let set):
            return set.ranges.map(\.description).joined(separator: ",") + "[External]"
        }
    }
}
