import Testing
import TrustFlowModel
import TrustFlowTestSupport

@Suite("Kubernetes references")
struct KubernetesReferenceTests {
    @Test func referencesDecodeOnBoundariesAndElements() throws {
        let loaded = try load("""
            trustflow: 1
            title: x
            boundaries:
              - {id: ns, kind: namespace, k8s: {kind: Namespace, name: shop}}
              - {id: pod, kind: pod, parent: ns, k8s: {kind: Deployment, name: web, namespace: shop}}
              - {id: ctr, kind: container, parent: pod, k8s: {kind: Deployment, name: web, namespace: shop, container: app}}
            elements:
              - {id: web, kind: process, boundary: ctr, k8s: {kind: Deployment, name: web, namespace: shop, container: app}}
              - {id: plain, kind: actor, k8s: null}
            """)
        #expect(loaded.model.boundaries.map(\.kubernetes) == [
            KubernetesReference(kind: "Namespace", name: "shop"),
            KubernetesReference(kind: "Deployment", name: "web", namespace: "shop"),
            KubernetesReference(kind: "Deployment", name: "web", namespace: "shop", container: "app"),
        ])
        // A container boundary and the element in it stand for the same container.
        #expect(loaded.model.elements[0].kubernetes == loaded.model.boundaries[2].kubernetes)
        #expect(loaded.model.elements[1].kubernetes == nil)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func badReferencesAreLocatedWithSuggestions() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            boundaries:
              - {id: ns, kind: namespace, k8s: {kind: Namespace, name: shop, namespace: 1️⃣other}}
              - {id: svc, kind: generic, k8s: {kind: Service, name: web, container: 2️⃣app}}
              - {id: pod, kind: pod, k8s: {kind: 3️⃣deployment, name: web}}
              - {id: pod2, kind: pod, k8s: {kind: Deployment, name: web2, 4️⃣nme: web}}
              - {id: pod3, kind: pod, k8s: 5️⃣{kind: Deployment}}
              - {id: pod4, kind: pod, k8s: {kind: Deployment, name: 6️⃣""}}
            elements:
              - {id: web, kind: process, k8s: 7️⃣[Deployment, web]}
            """)
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "a Namespace belongs to no namespace; remove 'namespace'", at: source["1️⃣"],
            path: "boundaries[0].k8s.namespace")
        expectDiagnostic(found, .error, containing: "only a workload (Deployment, StatefulSet", at: source["2️⃣"])
        expectDiagnostic(found, .error, containing: "unknown Kubernetes kind 'deployment'; did you mean 'Deployment'?", at: source["3️⃣"])
        expectDiagnostic(found, .error, containing: "unknown key 'nme' in a Kubernetes reference; did you mean 'name'?", at: source["4️⃣"])
        expectDiagnostic(found, .error, containing: "missing required key 'name'", at: source["5️⃣"], path: "boundaries[4].k8s.name")
        expectDiagnostic(found, .error, containing: "the name must not be empty", at: source["6️⃣"])
        expectDiagnostic(found, .error, containing: "expected a Kubernetes reference (a mapping), found a list", at: source["7️⃣"])
    }

    @Test func twoItemsMayNotClaimTheSameObject() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            boundaries:
              - {id: a, kind: pod, k8s: {kind: Deployment, name: web}}
              - {id: b, kind: pod, k8s: 1️⃣{kind: Deployment, name: web, namespace: default}}
              - {id: c, kind: pod, k8s: {kind: Deployment, name: web, namespace: other}}
            elements:
              - {id: e1, kind: process, boundary: a, k8s: {kind: Deployment, name: web}}
              - {id: e2, kind: process, boundary: a, k8s: 2️⃣{kind: Deployment, name: web}}
            """)
        let found = diagnostics(of: source)
        // An absent namespace is `default`, so `a` and `b` name the same Deployment.
        expectDiagnostic(found, .error,
            containing: "boundary 'b' claims Deployment default/web, which boundary 'a' (boundaries[0] at 4:5) already stands for",
            at: source["1️⃣"], path: "boundaries[1].k8s")
        expectDiagnostic(found, .error, containing: "element 'e2' claims Deployment web, which element 'e1' (elements[0] at 8:5)",
            at: source["2️⃣"])
        #expect(found.filter { $0.severity == .error }.count == 2)
    }

    @Test func aClusterReferenceOnAnotherBoundaryIsAWarning() throws {
        let loaded = try load("""
            trustflow: 1
            title: x
            boundaries: [{id: ns, kind: namespace, k8s: {kind: Cluster, name: prod}}]
            elements: [{id: web, kind: process, boundary: ns}]
            """)
        #expect(loaded.warnings.map(\.message) == ["a Cluster reference belongs on a cluster boundary, not on a namespace"])
    }

    @Test(arguments: ModelFormat.allCases)
    func referencesRoundTripInCanonicalForm(format: ModelFormat) throws {
        let model = Model(title: "x", boundaries: [
            Boundary(id: "pod", kind: .pod, kubernetes: KubernetesReference(kind: "StatefulSet", name: "db.primary", namespace: "data")),
        ], elements: [
            Element(id: "db", kind: .datastore, boundary: "pod",
                kubernetes: KubernetesReference(kind: "StatefulSet", name: "db.primary", namespace: "data", container: "mysql")),
        ])
        let bytes = ModelEncoder().encode(model, as: format)
        let decoded = try ModelLoader().load(bytes, file: "m", format: format)
        #expect(decoded.model == model)
        #expect(ModelEncoder().encode(decoded.model, as: format) == bytes)
        if format == .yaml {
            #expect(String(decoding: bytes, as: UTF8.self).contains("""
                  - id: db
                    kind: datastore
                    boundary: pod
                    k8s: {kind: StatefulSet, name: db.primary, namespace: data, container: mysql}
                """))
        }
    }
}
