extension ThreatActor {
    /// Declares external attackers, scanning for exposed endpoints, for a model written in Swift.
    ///
    /// - Parameters:
    ///   - id: unique in the model's one id namespace.
    ///   - label: what the diagram shows; defaults to `id`.
    ///   - targets: the elements and boundaries attacked, drawn as dashed attack edges.
    ///   - fileID: leave the default: diagnostics about this actor point here.
    /// - Returns: the handle to place in the model, or in the boundary the actor stands in.
    public static func externalAttacker(
        _ id: String, label: String? = nil, targets: [any AttackTarget] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ThreatActorRef {
        declare(.externalAttacker, id, label, targets, description,
            SourceLocation(file: fileID, line: line, column: column))
    }

    /// Declares a compromised container, exploited through a vulnerability or a
    /// misconfiguration, for a model written in Swift.
    ///
    /// The parameters are those of ``externalAttacker(_:label:targets:description:fileID:line:column:)``.
    /// - Returns: the handle to place in the boundary the actor stands in (usually a pod).
    public static func compromisedContainer(
        _ id: String, label: String? = nil, targets: [any AttackTarget] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ThreatActorRef {
        declare(.compromisedContainer, id, label, targets, description,
            SourceLocation(file: fileID, line: line, column: column))
    }

    /// Declares a malicious insider, abusing legitimate privileges, for a model written in Swift.
    ///
    /// The parameters are those of ``externalAttacker(_:label:targets:description:fileID:line:column:)``.
    /// - Returns: the handle to place in the model, or in the boundary the actor stands in.
    public static func maliciousInsider(
        _ id: String, label: String? = nil, targets: [any AttackTarget] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ThreatActorRef {
        declare(.maliciousInsider, id, label, targets, description,
            SourceLocation(file: fileID, line: line, column: column))
    }

    private static func declare(
        _ kind: ThreatActorKind, _ id: String, _ label: String?, _ targets: [any AttackTarget], _ description: String?,
        _ location: SourceLocation
    ) -> ThreatActorRef {
        ThreatActorRef(
            threatActor: ThreatActor(id: id, label: label, kind: kind, description: description),
            targets: targets.map(\.reference),
            reference: ItemReference(.threatActor, id: id, location: location))
    }
}
