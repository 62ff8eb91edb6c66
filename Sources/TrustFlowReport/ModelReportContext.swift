import TrustFlowAnalysis
import TrustFlowKubernetes
import TrustFlowModel

/// The diagram as a report shows it.
public struct ReportDiagram: Sendable {
    /// Path of the image relative to the report, for Markdown's `![…](image)`.
    public var image: String?
    /// The SVG to inline into HTML (TrustFlow's own output, already safe).
    public var svg: String?
    /// The boundary matrix's SVG to inline into HTML, and the kind of boundary its rows are.
    public var matrix: String?
    public var matrixLevel: String?
    /// The reachability matrix's SVG (`report --manifests`), and what its rows are
    /// (`workload`, `namespace`).
    public var reachability: String?
    public var reachabilityLevel: String?

    public init(
        image: String? = nil, svg: String? = nil, matrix: String? = nil, matrixLevel: String? = nil, reachability: String? = nil,
        reachabilityLevel: String? = nil
    ) {
        self.image = image
        self.svg = svg
        self.matrix = matrix
        self.matrixLevel = matrixLevel
        self.reachability = reachability
        self.reachabilityLevel = reachabilityLevel
    }
}

/// Builds the data a model report template sees (documented in <doc:ReportsAndTemplates>).
///
/// Values are plain strings, numbers, booleans, dictionaries and lists; absent values are
/// left out so `{{#value}}…{{/value}}` sections work. Text is raw here: the template's
/// language escapes it when it is written.
public enum ModelReportContext {
    /// The prefix of table-row anchors; the diagram's items link to `#row-<svg id>`.
    public static let anchorPrefix = "row-"

    public static func build(_ analyzed: AnalyzedModel, diagram: ReportDiagram, toolVersion: String) -> [String: Any] {
        let model = analyzed.model
        let index = ModelIndex(model)
        let result = analyzed.result
        var context: [String: Any] = [
            "title": model.title,
            "file": analyzed.file,
            "generator": ["name": "TrustFlow", "version": toolVersion],
        ]
        context["description"] = model.description
        var diagramContext: [String: Any] = [:]
        diagramContext["image"] = diagram.image
        diagramContext["svg"] = diagram.svg.map(inlineSVG)
        diagramContext["matrix"] = diagram.matrix.map(inlineSVG)
        diagramContext["matrixLevel"] = diagram.matrixLevel
        diagramContext["reachability"] = diagram.reachability.map(inlineSVG)
        diagramContext["reachabilityLevel"] = diagram.reachabilityLevel
        if !diagramContext.isEmpty { context["diagram"] = diagramContext }

        let crossings = Dictionary(uniqueKeysWithValues: result.crossings.map { ($0.flow, $0) })
        // An item's optional fields are set even when empty (`as Any` keeps the key with no
        // value): Mustache looks a name up in the enclosing contexts when the current one lacks
        // the key, and printed the model's description on every item without one.
        context["boundaries"] = model.boundaries.map { boundary -> [String: Any] in
            var entry = item(id: boundary.id, anchor: "boundary-\(boundary.id)", label: boundary.label)
            entry["kind"] = boundary.kind.rawValue
            entry["parent"] = boundary.parent.flatMap(index.boundary).map { reference(id: $0.id, label: $0.label, anchor: "boundary-\($0.id)") } as Any
            entry.merge(controls(boundary.controls, index)) { $1 }
            entry["description"] = boundary.description as Any
            return entry
        }
        context["elements"] = model.elements.map { element -> [String: Any] in
            var entry = item(id: element.id, anchor: "element-\(element.id)", label: element.label)
            entry["kind"] = element.kind.rawValue
            entry["boundary"] = element.boundary.flatMap(index.boundary).map { reference(id: $0.id, label: $0.label, anchor: "boundary-\($0.id)") } as Any
            entry["technology"] = element.technology as Any
            entry.merge(controls(element.controls, index)) { $1 }
            entry["description"] = element.description as Any
            entry["url"] = element.url as Any
            return entry
        }
        context["flows"] = model.flows.enumerated().map { position, flow -> [String: Any] in
            var entry = item(id: flow.id, anchor: "flow-\(flow.id)", label: flow.label ?? "")
            entry["label"] = flow.label as Any
            entry["number"] = position + 1
            entry["from"] = endpoint(flow.from, index)
            entry["to"] = endpoint(flow.to, index)
            entry["protocol"] = flow.protocol as Any
            entry["port"] = flow.port as Any
            let endpointText = [flow.protocol, flow.port.map(String.init)].compactMap { $0 }.joined(separator: ":")
            entry["endpoint"] = (endpointText.isEmpty ? nil : endpointText) as Any
            entry["encryption"] = flow.encryption?.rawValue ?? "unknown"
            entry["authentication"] = flow.authentication?.rawValue ?? "unknown"
            entry["data"] = flow.data
            entry["dataText"] = (flow.data.isEmpty ? nil : flow.data.joined(separator: ", ")) as Any
            entry["classification"] = flow.classification?.rawValue as Any
            entry["bidirectional"] = flow.bidirectional
            let crossed = crossings[flow.id]?.crossed ?? []
            entry["crossed"] = crossed.map { reference(id: $0.id, label: $0.label, anchor: "boundary-\($0.id)", kind: $0.kind.rawValue) }
            entry["crossedText"] = (crossed.isEmpty ? nil : crossed.map { "\($0.kind.rawValue) \($0.label)" }.joined(separator: ", ")) as Any
            entry.merge(controls(flow.controls, index)) { $1 }
            entry["description"] = flow.description as Any
            return entry
        }
        context["threatActors"] = model.threatActors.map { actor -> [String: Any] in
            var entry = item(id: actor.id, anchor: "threat-\(actor.id)", label: actor.label)
            entry["kind"] = actor.kind.rawValue
            entry["boundary"] = actor.boundary.flatMap(index.boundary).map { reference(id: $0.id, label: $0.label, anchor: "boundary-\($0.id)") } as Any
            let targets = actor.targets.map { target(id: $0, index) }
            entry["targets"] = targets
            entry["targetsText"] = (targets.isEmpty ? nil : targets.compactMap { $0["label"] as? String }.joined(separator: ", ")) as Any
            entry["description"] = actor.description as Any
            return entry
        }

        let active = result.active
        let counts = SeverityCounts(active)
        context["summary"] = [
            "boundaries": model.boundaries.count, "elements": model.elements.count, "flows": model.flows.count,
            "threatActors": model.threatActors.count, "findings": active.count, "critical": counts.critical,
            "high": counts.high, "medium": counts.medium, "low": counts.low, "accepted": result.accepted.count,
            "crossingFlows": result.stride.count, "hasAccepted": !result.accepted.isEmpty,
        ]
        context["findings"] = findingsContext(active, index)
        context["accepted"] = result.accepted.map { finding -> [String: Any] in
            var entry = findingEntry(finding, index)
            entry["reason"] = finding.acceptance?.reason
            entry["until"] = finding.acceptance?.until?.description
            return entry
        }
        context["acceptedRisks"] = model.acceptedRisks.map { risk -> [String: Any] in
            var entry: [String: Any] = ["rule": risk.rule, "target": target(id: risk.target, index), "reason": risk.reason]
            entry["until"] = risk.until
            let matched = result.accepted.contains { $0.ruleID == risk.rule && $0.target.id == risk.target }
            entry["status"] = matched ? "in force" : (risk.untilDate.map { _ in "expired or unmatched" } ?? "unmatched")
            return entry
        }
        context["stride"] = result.stride.map { interaction -> [String: Any] in
            let flow = index.flow(interaction.flow)
            var entry: [String: Any] = [
                "flow": interaction.flow, "number": interaction.number, "anchor": anchorPrefix + "flow-\(interaction.flow)",
                "from": endpoint(interaction.from, index), "to": endpoint(interaction.to, index),
            ]
            entry["label"] = flow?.label
            entry["threats"] = interaction.entries.map { threat -> [String: Any] in
                var value: [String: Any] = [
                    "category": threat.category.rawValue, "title": threat.category.title, "letter": threat.category.letter,
                    "status": threat.status.rawValue, "mitigations": threat.mitigations, "missing": threat.missing,
                    threat.status.rawValue: true,
                ]
                value["mitigationsText"] = threat.mitigations.isEmpty ? nil : threat.mitigations.joined(separator: "; ")
                value["missingText"] = threat.missing.isEmpty ? nil : threat.missing.joined(separator: "; ")
                return value
            }
            return entry
        }
        context["rules"] = RuleRegistry.all.map {
            ["id": $0.id, "title": $0.title, "severity": $0.defaultSeverity.rawValue, "remediation": $0.remediation]
        }
        return context
    }

    /// Findings grouped by severity, worst first, only the severities that occur.
    static func findingsContext(_ findings: [Finding], _ index: ModelIndex) -> [String: Any] {
        let groups = Severity.allCases.reversed().compactMap { severity -> [String: Any]? in
            let matching = findings.filter { $0.severity == severity }
            guard !matching.isEmpty else { return nil }
            return ["severity": severity.rawValue, "count": matching.count, "findings": matching.map { findingEntry($0, index) }]
        }
        return ["count": findings.count, "bySeverity": groups, "all": findings.map { findingEntry($0, index) }]
    }

    static func findingEntry(_ finding: Finding, _ index: ModelIndex) -> [String: Any] {
        // Model and drift rules alike. Set even when absent (`as Any`), so Mustache does not
        // fall through to the report's `title` or an enclosing item's `line`.
        let rule = RuleCatalog.rule(finding.ruleID)
        var entry: [String: Any] = [
            "rule": finding.ruleID, "severity": finding.severity.rawValue, finding.severity.rawValue: true,
            "message": finding.message, "path": finding.path.description, "target": target(id: finding.target.id, index),
        ]
        entry["title"] = rule?.title as Any
        entry["rationale"] = rule?.rationale as Any
        entry["remediation"] = rule?.remediation as Any
        entry["line"] = finding.location.flatMap { $0.line > 0 ? $0.line : nil } as Any
        return entry
    }

    static func item(id: String, anchor: String, label: String) -> [String: Any] {
        ["id": id, "label": label, "anchor": anchorPrefix + anchor, "svgID": anchor]
    }

    static func reference(id: String, label: String, anchor: String, kind: String? = nil) -> [String: Any] {
        var entry: [String: Any] = ["id": id, "label": label, "anchor": anchorPrefix + anchor]
        entry["kind"] = kind
        return entry
    }

    static func endpoint(_ id: String, _ index: ModelIndex) -> [String: Any] {
        reference(id: id, label: index.element(id)?.label ?? id, anchor: "element-\(id)", kind: index.element(id)?.kind.rawValue)
    }

    /// What an id names, with a label and the anchor of its row.
    static func target(id: String, _ index: ModelIndex) -> [String: Any] {
        if let element = index.element(id) { return reference(id: id, label: element.label, anchor: "element-\(id)", kind: "element") }
        if let boundary = index.boundary(id) {
            return reference(id: id, label: boundary.label, anchor: "boundary-\(id)", kind: boundary.kind.rawValue)
        }
        if let flow = index.flow(id) {
            let number = (index.flowPosition(id) ?? 0) + 1
            return reference(id: id, label: "flow \(number)" + (flow.label.map { " (\($0))" } ?? ""), anchor: "flow-\(id)", kind: "flow")
        }
        if let actor = index.threatActor(id) { return reference(id: id, label: actor.label, anchor: "threat-\(id)", kind: "threat actor") }
        // A Kubernetes object with no item in the model (a drift finding): no row to link to.
        return ["id": id, "label": id, "anchor": String?.none as Any]
    }

    static func controls(_ ids: [String], _ index: ModelIndex) -> [String: Any] {
        let controls = ids.compactMap(index.control).map { ["id": $0.id, "label": $0.label, "kind": $0.kind.rawValue] }
        var entry: [String: Any] = ["controls": controls]
        entry["controlsText"] = controls.isEmpty ? nil : controls.compactMap { $0["label"] }.joined(separator: ", ")
        return entry
    }

    /// TrustFlow's SVG without the XML prolog and doctype, to place inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.firstRange(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }
}
