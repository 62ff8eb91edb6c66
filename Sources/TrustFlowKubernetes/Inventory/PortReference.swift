/// A port given by number or by the name of a container port (Kubernetes' IntOrString):
/// a Service's `targetPort`, a NetworkPolicy port, an Ingress backend port.
public enum PortReference: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case name(String)

    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .name(let name): name
        }
    }
}

/// A transport protocol of a port; Kubernetes' default is TCP.
public enum PortProtocol: String, CaseIterable, Hashable, Sendable {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"
}
