import TrustFlowModel

/// Random *valid* models of every shape, reproducible from a seed: the structure-aware input
/// of the rendering property test and of the fuzzer's corpus.
///
/// Boundaries of every kind nest 0–5 deep (narrow kinds inside broad ones and the other way
/// round: a warning, not an error); elements stand at every level and outside every boundary;
/// flows join any two elements — inside one boundary, across top-level boundaries, to
/// themselves' neighbours — some bidirectional, with every encryption and authentication;
/// threat actors stand anywhere and target elements and boundaries; controls are declared and
/// used; accepted risks name real rules and targets.
public struct ModelGenerator {
    /// The largest numbers of items a generated model has.
    public struct Size: Sendable {
        public var boundaries: Int
        public var elements: Int
        public var flows: Int

        public init(boundaries: Int = 24, elements: Int = 24, flows: Int = 40) {
            self.boundaries = boundaries
            self.elements = elements
            self.flows = flows
        }
    }

    private var random: SplitMix64
    private let size: Size

    public init(seed: UInt64, size: Size = Size()) {
        random = SplitMix64(seed: seed)
        self.size = size
    }

    /// The model for this generator's seed.
    public mutating func model() -> Model {
        let controls = ["tls-termination", "authentication", "network-policy", "rbac", "pod-security", "seccomp",
            "least-privilege", "dedicated-cluster", "node-hardening", "mtls"]
            .map { Control(id: "c-\($0)", kind: ControlKind(rawValue: $0)) }
        var boundaries: [Boundary] = []
        func nest(under parent: String?, depth: Int) {
            for _ in 0..<int(depth == 0 ? 1...3 : 0...3) where boundaries.count < size.boundaries {
                let id = "b\(boundaries.count)"
                boundaries.append(Boundary(id: id, label: pick(["Prod", "team a", "api pod", "edge", "db"]) + " \(boundaries.count)",
                    kind: pick(BoundaryKind.allCases), parent: parent, controls: subset(controls.map(\.id), upTo: 3)))
                if depth < 5, chance(0.55) { nest(under: id, depth: depth + 1) }
            }
        }
        if chance(0.9) { nest(under: nil, depth: 0) }

        let placements: [String?] = [nil] + boundaries.map(\.id)
        let elements = (0..<int(1...size.elements)).map { index in
            Element(id: "e\(index)", label: pick(["user", "web", "api", "MySQL", "queue", "partner"]) + " \(index)",
                kind: pick(ElementKind.allCases), boundary: pick(placements),
                technology: chance(0.4) ? pick(["nginx", "nodejs", "mysql", "redis"]) : nil,
                controls: subset(controls.map(\.id), upTo: 2))
        }
        let flows = (0..<int(0...size.flows)).map { index in
            Flow(id: "f\(index)", from: pick(elements).id, to: pick(elements).id,
                label: chance(0.5) ? pick(["request", "query", "events", "login"]) : nil,
                protocol: chance(0.7) ? pick(["HTTPS", "gRPC", "MySQL", "AMQP"]) : nil,
                port: chance(0.5) ? int(1...65535) : nil,
                encryption: chance(0.8) ? pick(Encryption.allCases) : nil,
                authentication: chance(0.6) ? pick(Authentication.allCases) : nil,
                data: chance(0.3) ? ["credentials"] : [], classification: chance(0.3) ? pick(Classification.allCases) : nil,
                bidirectional: chance(0.2), controls: subset(controls.map(\.id), upTo: 2))
        }
        let targets = elements.map(\.id) + boundaries.map(\.id)
        let threatActors = (0..<int(0...3)).map { index in
            ThreatActor(id: "t\(index)", kind: pick(ThreatActorKind.allCases), boundary: pick(placements),
                targets: Array(Set(subset(targets, upTo: 4))).sorted())
        }
        let acceptedRisks = (0..<int(0...2)).map { _ in
            AcceptedRisk(rule: pick(["TF101", "TF102", "TF103", "TF107", "TF111"]), target: pick(targets + flows.map(\.id)),
                reason: "accepted for the test", until: chance(0.5) ? "2030-01-01" : nil)
        }
        return Model(title: "Generated model", controls: controls, boundaries: boundaries, elements: elements, flows: flows,
            threatActors: threatActors, acceptedRisks: acceptedRisks)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double(random.next() % 1_000_000) / 1_000_000 < probability
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    private mutating func subset(_ values: [String], upTo count: Int) -> [String] {
        var chosen: [String] = []
        for _ in 0..<int(0...count) {
            let value = pick(values)
            if !chosen.contains(value) { chosen.append(value) }
        }
        return chosen
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the same seed
/// gives the same numbers on every platform and Swift version, unlike the standard library's.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
