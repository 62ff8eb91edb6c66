import TrustFlowModel

/// The six STRIDE threat categories.
public enum StrideCategory: String, CaseIterable, Hashable, Sendable, Codable {
    case spoofing
    case tampering
    case repudiation
    case informationDisclosure = "information-disclosure"
    case denialOfService = "denial-of-service"
    case elevationOfPrivilege = "elevation-of-privilege"

    /// `Spoofing`, `Information disclosure`, …
    public var title: String {
        switch self {
        case .spoofing: "Spoofing"
        case .tampering: "Tampering"
        case .repudiation: "Repudiation"
        case .informationDisclosure: "Information disclosure"
        case .denialOfService: "Denial of service"
        case .elevationOfPrivilege: "Elevation of privilege"
        }
    }

    /// The letter of STRIDE.
    public var letter: String { String(title.prefix(1)) }
}

/// How well a STRIDE category is countered on one interaction.
public enum MitigationStatus: String, Hashable, Sendable, Codable {
    case mitigated, partial, unmitigated
}

/// One STRIDE category on one interaction: what counters it and what is missing.
public struct StrideEntry: Hashable, Sendable {
    public var category: StrideCategory
    /// Mitigations present, e.g. `encryption: mtls`, `Mutual TLS (mtls)`.
    public var mitigations: [String]
    /// Mitigations missing, in words.
    public var missing: [String]

    public var status: MitigationStatus {
        if missing.isEmpty { return .mitigated }
        return mitigations.isEmpty ? .unmitigated : .partial
    }
}

/// STRIDE per interaction for one boundary-crossing flow.
public struct StrideInteraction: Hashable, Sendable {
    /// The flow's id and number (file order, from 1).
    public var flow: String
    public var number: Int
    public var from: String
    public var to: String
    /// Ids of the crossed boundaries (exited innermost first, then entered outermost first).
    public var crossedBoundaries: [String]
    /// The categories that apply to this interaction, in STRIDE order.
    public var entries: [StrideEntry]
}

/// STRIDE per interaction: for each flow that crosses a boundary, which categories apply and,
/// for each, the controls and attributes that counter it and what is missing.
///
/// Spoofing, tampering and information disclosure apply to every crossing; repudiation and
/// denial of service when the receiver is a process or data store; elevation of privilege
/// when it is a process.
enum StrideAnalysis {
    static func interactions(_ context: AnalysisContext) -> [StrideInteraction] {
        context.model.flows.enumerated().compactMap { position, flow in
            let crossing = context.crossing(of: flow)
            guard crossing.crossesAnyBoundary, let receiver = context.index.element(flow.to) else { return nil }
            return StrideInteraction(
                flow: flow.id, number: position + 1, from: flow.from, to: flow.to,
                crossedBoundaries: crossing.crossed.map(\.id),
                entries: entries(flow, receiver: receiver, crossing: crossing, context))
        }
    }

    private static func entries(_ flow: Flow, receiver: Element, crossing: FlowCrossing, _ context: AnalysisContext)
        -> [StrideEntry]
    {
        let flowAndReceiver = flow.controls + receiver.controls
        let entered = crossing.entered.flatMap(\.controls)
        let encrypted = flow.encryption == .tls || flow.encryption == .mtls
        let authenticated = flow.authentication.map { $0 != .none } ?? false
        let service = receiver.kind == .process || receiver.kind == .datastore

        /// `kinds` count as mitigations; `required` names the kinds without which the
        /// category is not covered, and how to say that they are missing.
        func entry(_ category: StrideCategory, attributes: [(present: Bool, text: String, missing: String)],
            controls: [String], kinds: [ControlKind], required: (kinds: [ControlKind], missing: String)?) -> StrideEntry
        {
            var present = attributes.filter(\.present).map(\.text)
            var missing = attributes.filter { !$0.present }.map(\.missing)
            var seen: Set<String> = []
            let matching = controls.compactMap(context.index.control).filter { kinds.contains($0.kind) && seen.insert($0.id).inserted }
            present += matching.map { "\($0.label) (\($0.kind))" }
            if let required, !matching.contains(where: { required.kinds.contains($0.kind) }) { missing.append(required.missing) }
            return StrideEntry(category: category, mitigations: present, missing: missing)
        }

        var result = [
            entry(.spoofing,
                attributes: [(authenticated, "authentication: \(flow.authentication?.rawValue ?? "")", "authentication of the sender (authentication:)")],
                controls: flowAndReceiver, kinds: [.authentication, .mtls, .oauth, .apiToken, .certificateValidation],
                required: nil),
            entry(.tampering,
                attributes: [(encrypted, "encryption: \(flow.encryption?.rawValue ?? "")", "integrity in transit (encryption: tls or mtls)")],
                controls: flowAndReceiver, kinds: [.mtls, .requestValidation, .tlsTermination],
                required: receiver.kind == .process ? ([.requestValidation], "request validation at the receiver (request-validation)") : nil),
        ]
        if service {
            result.append(entry(.repudiation, attributes: [], controls: flowAndReceiver + entered, kinds: [.auditLogging],
                required: ([.auditLogging], "audit logging (audit-logging)")))
        }
        result.append(entry(.informationDisclosure,
            attributes: [(encrypted, "encryption: \(flow.encryption?.rawValue ?? "")", "encryption in transit (encryption: tls or mtls)")],
            controls: flowAndReceiver, kinds: [.encryptionAtRest, .leastPrivilege, .secretsManagement],
            required: receiver.kind == .datastore ? ([.encryptionAtRest], "encryption at rest (encryption-at-rest)") : nil))
        if service {
            result.append(entry(.denialOfService, attributes: [], controls: flowAndReceiver + entered,
                kinds: [.rateLimiting, .waf, .networkPolicy],
                required: ([.rateLimiting, .waf, .networkPolicy], "rate limiting or a network policy on the way in (rate-limiting, network-policy)")))
        }
        if receiver.kind == .process {
            let privilege: [ControlKind] = [.authorization, .leastPrivilege, .rbac, .podSecurity, .seccomp, .apparmor, .nonRoot, .readOnlyRoot]
            result.append(entry(.elevationOfPrivilege, attributes: [], controls: flowAndReceiver + entered, kinds: privilege,
                required: (privilege, "authorisation or least privilege at the receiver (authorization, rbac, pod-security)")))
        }
        return result
    }
}
