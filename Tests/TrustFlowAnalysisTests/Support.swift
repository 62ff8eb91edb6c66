import Foundation
import Testing
import TrustFlowAnalysis
import TrustFlowModel

/// A secure base: a user reaches a front end in a hardened cluster, which calls an API and
/// a database; every boundary has the controls its kind needs. Tests edit a copy.
let secureBase = """
    trustflow: 1
    title: Base
    controls:
      - {id: dedicated, kind: dedicated-cluster}
      - {id: hardening, kind: node-hardening}
      - {id: kubelet, kind: kubelet-auth}
      - {id: rbac, kind: rbac}
      - {id: netpol, kind: network-policy}
      - {id: pss, kind: pod-security}
      - {id: seccomp, kind: seccomp}
      - {id: tls-term, kind: tls-termination}
      - {id: authn, kind: authentication}
      - {id: lp, kind: least-privilege}
    boundaries:
      - {id: cluster, kind: cluster, controls: [dedicated]}
      - {id: node, kind: node, parent: cluster, controls: [hardening, kubelet]}
      - {id: ns-front, kind: namespace, parent: node, controls: [rbac, netpol]}
      - {id: ns-back, kind: namespace, parent: node, controls: [rbac, netpol]}
      - {id: pod-front, kind: pod, parent: ns-front, controls: [pss]}
      - {id: pod-api, kind: pod, parent: ns-back, controls: [pss]}
      - {id: pod-db, kind: pod, parent: ns-back, controls: [pss]}
      - {id: ctr-front, kind: container, parent: pod-front, controls: [seccomp]}
    elements:
      - {id: user, kind: actor}
      - {id: front, kind: process, boundary: ctr-front, controls: [tls-term, authn]}
      - {id: api, kind: process, boundary: pod-api}
      - {id: db, kind: datastore, boundary: pod-db, controls: [lp]}
    flows:
      - {id: f1, from: user, to: front, protocol: HTTPS, encryption: tls, authentication: session}
      - {id: f2, from: front, to: api, encryption: mtls, authentication: mtls}
      - {id: f3, from: api, to: db, encryption: tls, authentication: password}
    threatActors:
      - {id: attacker, kind: external-attacker, targets: [front]}

    """

func analyze(_ yaml: String, today: String = "2026-06-01") throws -> AnalysisResult {
    let loaded = try ModelLoader().load(Array(yaml.utf8), file: "m.yaml", format: .yaml)
    return Analyzer(today: CalendarDate(today)!).analyze(loaded.model, sourceMap: loaded.sourceMap)
}

/// The findings of one rule for `yaml`.
func findings(_ rule: String, in yaml: String) throws -> [Finding] {
    try analyze(yaml).findings.filter { $0.ruleID == rule }
}

/// `secureBase` with `old` replaced by `new` (which must occur exactly once).
func base(replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    let parts = secureBase.components(separatedBy: old)
    #expect(parts.count == 2, "'\(old)' must occur exactly once in the base model", sourceLocation: sourceLocation)
    return parts.joined(separator: new)
}

/// `secureBase` with extra lines appended to a list section.
func base(appending lines: String, after marker: String) -> String {
    base(replacing: marker, with: marker + "\n" + lines)
}

/// The 1-based line of the first line of `secureBase` that contains `text`.
func baseLine(containing text: String) -> Int {
    (secureBase.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
}
