extension Service {
    /// Whether the Service's selector selects the pods of `workload` (a Service without a
    /// selector selects nothing the manifests show).
    func selects(_ workload: Workload) -> Bool {
        guard workload.namespace == namespace, let selector, !selector.isEmpty else { return false }
        return selector.allSatisfy { workload.template.labels[$0.key] == $0.value }
    }

    /// The pod port a Service port forwards to in `workload`: its target port's number, or the
    /// number a running container gives the target port's name.
    static func podPort(of port: ServicePort, in workload: Workload) -> Int? {
        switch port.effectiveTargetPort {
        case .number(let number): number
        case .name(let name):
            workload.template.containers.lazy.filter { $0.role != .initialization }.compactMap { $0.port(named: name)?.number }.first
        }
    }
}
