import Testing
import TrustFlow
import TrustFlowTestSupport

/// Bad manifests give located errors that name the object, all of them at once.
@Suite("Manifest errors")
struct ManifestErrorTests {
    /// Expects one error containing `message` at the marker.
    func expectError(_ source: MarkedSource, _ message: String, at marker: String, path: String? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        let found = readingErrors([("m.yaml", source.text)])
        guard let error = found.first(where: { $0.message.contains(message) }) else {
            Issue.record("no error contains \"\(message)\":\n\(found.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
            return
        }
        #expect(error.severity == .error, sourceLocation: sourceLocation)
        #expect(error.location?.file == "m.yaml", sourceLocation: sourceLocation)
        #expect(error.location?.line == source[marker].line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location?.column == source[marker].column, "\(error)", sourceLocation: sourceLocation)
        if let path { #expect(error.path?.description == path, sourceLocation: sourceLocation) }
    }

    @Test func wrongTypesAreLocatedAndNameTheObject() {
        let source = MarkedSource("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  hostNetwork: 1️⃣maybe
                  containers:
                    - name: app
                      ports: [{containerPort: 2️⃣http}]
                      securityContext: 3️⃣[privileged]
                    - 4️⃣{image: nameless}
            """)
        let found = readingErrors([("m.yaml", source.text)])
        #expect(found.count == 4, "\(found)")
        expectError(source, "expected true or false, found text (in Deployment default/web)", at: "1️⃣",
            path: "spec.template.spec.hostNetwork")
        expectError(source, "expected a port number from 1 to 65535, found text", at: "2️⃣",
            path: "spec.template.spec.containers[0].ports[0].containerPort")
        expectError(source, "expected a security context (a mapping), found a list", at: "3️⃣")
        expectError(source, "missing required key 'name'", at: "4️⃣")
    }

    @Test func malformedNetworkPoliciesNameTheirManifest() {
        let source = MarkedSource("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: bad, namespace: shop}
            spec:
              podSelector:
                matchExpressions: [{key: app, operator: 1️⃣Inn, values: [a]}]
              policyTypes: [Ingress, 2️⃣Egres]
              ingress:
                - from: [3️⃣{}]
                  ports: [{port: 80, endPort: 4️⃣70}, {protocol: 5️⃣ICMP}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: selectorless}
            spec: 6️⃣{ingress: []}
            """)
        expectError(source, "'Inn' is not a selector operator; did you mean 'In'? (in NetworkPolicy shop/bad)", at: "1️⃣")
        expectError(source, "'Egres' is not a policy type; did you mean 'Egress'?", at: "2️⃣")
        expectError(source, "a peer needs podSelector, namespaceSelector or ipBlock", at: "3️⃣")
        expectError(source, "endPort 70 is below port 80", at: "4️⃣")
        expectError(source, "'ICMP' is not a protocol; expected one of: TCP, UDP, SCTP", at: "5️⃣")
        expectError(source, "missing required key 'podSelector'", at: "6️⃣")
    }

    @Test func syntaxErrorsAndMissingNamesAreLocated() {
        let broken = MarkedSource("""
            apiVersion: v1
            kind: Service
            metadata: {name: ok}
            ---
            kind: ConfigMap
            metadata:
              labels: {a: b}
            data: {x: [1️⃣
            """)
        let errors = readingErrors([("m.yaml", broken.text)])
        #expect(errors.count == 1)
        #expect(errors.first?.location?.file == "m.yaml")
        let nameless = MarkedSource("""
            1️⃣apiVersion: v1
            kind: ConfigMap
            metadata: {labels: {a: b}}
            """)
        expectError(nameless, "a ConfigMap needs 'metadata.name'", at: "1️⃣")
    }

    @Test func duplicateKeysAreRefused() {
        let source = MarkedSource("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: c
                  securityContext: {privileged: false, 1️⃣privileged: true}
            """)
        expectError(source, "duplicate key 'privileged' (first written at 7:25)", at: "1️⃣")
    }

    @Test func anObjectGivenTwiceDifferentlyIsRefusedNamingBoth() {
        let first = ManifestReaderTests.deployment
        let second = first.replacingOccurrences(of: "image: web:1", with: "image: web:2")
        let errors = readingErrors([("b.yaml", second), ("a.yaml", first)])
        // The order of the files given does not decide which copy wins: neither does.
        #expect(errors.map(\.description) == [
            "b.yaml:1:1: error: Deployment default/web is given again, differently (first at a.yaml:1:1); give each object once",
        ])
    }

    @Test func theSameObjectTwiceIsOneAndNamespacesMergeTheirLabels() throws {
        let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: a}}\n"
        let again = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, annotations: {note: x}, labels: {pod-security.kubernetes.io/enforce: baseline}}\n"
        let read = try reading([("a.yaml", ManifestReaderTests.deployment + "\n---\n" + namespace), ("b.yaml", ManifestReaderTests.deployment),
            ("c.yaml", again)]).inventory
        #expect(read.workloads.count == 1)
        #expect(read.namespaces.map(\.metadata.labels) == [["team": "a", "pod-security.kubernetes.io/enforce": "baseline"]])
        #expect(read.namespace("shop")?.metadata.annotations == ["note": "x"])
        let conflict = readingErrors([("a.yaml", namespace), ("b.yaml", namespace.replacingOccurrences(of: "team: a", with: "team: b"))])
        #expect(conflict.map(\.message) == ["Namespace shop gives the label 'team' a different value than at a.yaml:1:1; give it one value"])
    }

    @Test func everyFileIsReportedAtOnce() {
        let errors = readingErrors([("a.yaml", "kind: [\n"), ("b.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: 3}\n")])
        #expect(Set(errors.compactMap(\.location?.file)) == ["a.yaml", "b.yaml"])
    }
}
