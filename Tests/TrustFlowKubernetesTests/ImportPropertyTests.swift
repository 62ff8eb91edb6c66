import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Manifests of many shapes, generated from a seed: every import validates, is deterministic,
/// and does not depend on the order of files or documents.
@Suite("Import properties")
struct ImportPropertyTests {
    /// SplitMix64: the same seed gives the same manifests on every machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func shuffled<T>(_ items: [T]) -> [T] {
            var result = items
            for index in result.indices.reversed() where index > 0 { result.swapAt(index, below(index + 1)) }
            return result
        }
    }

    /// One document per object: workloads of every kind, Services selecting some of them by
    /// shared or own labels with numbered or named target ports, references in every form (to
    /// Services that exist and that do not), ConfigMaps, policies, Ingresses.
    static func documents(seed: UInt64) -> [String] {
        var random = Generator(state: seed)
        let namespaces = ["alpha", "beta", "gamma"].prefix(1 + random.below(3))
        let kinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]
        var documents: [String] = []
        var services: [(name: String, namespace: String, port: Int)] = []
        let count = 3 + random.below(10)
        let names = (0..<count).map { "w\($0)-" + random.pick(["api", "db", "cache", "web", "x.y"]) }
        for (index, name) in names.enumerated() {
            let namespace = random.pick(Array(namespaces))
            let group = random.pick(["a", "b"])
            let port = random.pick([80, 5432, 6379, 8080, 9000])
            let named = random.chance(50)
            services.append((name: "s\(index)", namespace: namespace, port: 1000 + index))
            let selectsGroup = random.chance(30)
            documents.append("""
                apiVersion: v1
                kind: Service
                metadata: {name: s\(index), namespace: \(namespace)}
                spec:
                  type: \(random.pick(["ClusterIP", "ClusterIP", "NodePort", "LoadBalancer"]))
                  selector: {\(selectsGroup ? "group: \(group)" : "app: \(name)")}
                  ports: [{port: \(1000 + index), targetPort: \(named ? "p\(port)" : String(port))}]
                """)
        }
        for (index, name) in names.enumerated() {
            let kind = random.pick(kinds)
            let namespace = services[index].namespace
            var env: [String] = []
            for variable in 0..<random.below(4) {
                let target = random.pick(services)
                let value = random.pick([
                    "\(target.name):\(target.port)", "http://\(target.name).\(target.namespace):\(target.port)/x",
                    "\(target.name).\(target.namespace).svc.cluster.local:\(target.port)", "missing\(variable):\(target.port)",
                    "tcp://\(target.name).\(target.namespace).svc:\(target.port),\(target.name):1", "plain text \(variable)",
                ])
                env.append("{name: PEER_\(variable)_ADDR, value: \"\(value)\"}")
            }
            let port = random.pick([80, 5432, 6379, 8080, 9000])
            let selector = kind == "Job" ? "" : "  selector: {matchLabels: {app: \(name)}}\n"
            documents.append("""
                apiVersion: \(kind == "Job" ? "batch/v1" : "apps/v1")
                kind: \(kind)
                metadata: {name: \(name), namespace: \(namespace)}
                spec:
                \(selector)  template:
                    metadata: {labels: {app: \(name), group: \(random.pick(["a", "b"]))}}
                    spec:
                      hostNetwork: \(random.chance(10))
                      containers:
                        - name: c\(random.below(3))
                          image: \(random.pick(["redis:7", "example/app", "postgres@sha256:ab", "nginx:1.27"]))
                          ports: [{name: p\(port), containerPort: \(port)}]
                          env: [\(env.joined(separator: ", "))]
                          securityContext: {privileged: \(random.chance(10)), runAsNonRoot: \(random.chance(50))}
                """)
        }
        for namespace in namespaces where random.chance(50) {
            documents.append("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: \(namespace)}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """)
        }
        return documents
    }

    static let seeds: [UInt64] = Array(1...24)

    @Test(arguments: seeds)
    func everyShapeImportsValidlyAndTheSameWayTwice(seed: UInt64) throws {
        let text = Self.documents(seed: seed).joined(separator: "\n---\n")
        let first = try importing([("m.yaml", text)])
        let second = try importing([("m.yaml", text)])
        #expect(yaml(first.model) == yaml(second.model))
        for id in first.model.boundaries.map(\.id) + first.model.elements.map(\.id) + first.model.flows.map(\.id) + first.model.controls.map(\.id) {
            #expect(id.count <= 64, "\(id)")
        }
        // Every flow ends at a container that declares or runs its port.
        for flow in first.model.flows where flow.from != "internet-client" && flow.to != "kubernetes-api" {
            #expect(flow.port != nil)
        }
    }

    @Test(arguments: seeds)
    func theOrderOfFilesDoesNotShow(seed: UInt64) throws {
        var random = Generator(state: seed &* 31)
        let files = Self.documents(seed: seed).enumerated().map { (name: "doc-\($0.offset).yaml", text: $0.element) }
        let inOrder = try importing(files)
        let shuffled = try importing(random.shuffled(files))
        #expect(yaml(shuffled.model) == yaml(inOrder.model))
        #expect(shuffled.warnings == inOrder.warnings)
    }

    @Test(arguments: seeds)
    func theOrderOfDocumentsChangesOnlyTheRecordedLines(seed: UInt64) throws {
        var random = Generator(state: seed &* 17)
        let documents = Self.documents(seed: seed)
        let inOrder = try importing([("m.yaml", documents.joined(separator: "\n---\n"))]).model
        let shuffled = try importing([("m.yaml", random.shuffled(documents).joined(separator: "\n---\n"))]).model
        #expect(shuffled.withoutRecord == inOrder.withoutRecord)
        #expect(ModelDiff(old: inOrder, new: shuffled).isEmpty)
    }
}
