import TrustFlowModel

/// Random *valid* models of every shape, reproducible from a seed: the structure-aware input
/// of the property tests (rendering through every engine and view, interop round trips) and
/// of the fuzzer's corpus.
///
/// Boundaries of every kind nest as deep as the seed says (seed modulo 6: every depth from 0
/// to 5 comes round), narrow kinds inside broad ones and the other way round (a warning, not
/// an error), in shuffled order; elements stand at every level and outside every boundary;
/// flows join any two elements — inside one boundary, across top-level boundaries, an element
/// to itself, several between one pair — some both ways, with every field; threat actors
/// stand anywhere and target elements and boundaries; controls are declared and used;
/// accepted risks name real rules. Ids come in many spellings and a quarter of the text is
/// from the hostile corpus.
public enum ModelGenerator {
    /// The most items of each kind a generated model has.
    public struct Size: Sendable {
        public var boundaries: Int
        public var elements: Int
        public var flows: Int

        public init(boundaries: Int = 14, elements: Int = 12, flows: Int = 24) {
            self.boundaries = boundaries
            self.elements = elements
            self.flows = flows
        }
    }

    /// The model for `seed`.
    public static func model(seed: UInt64, size: Size = Size()) -> Model {
        var random = SplitMix64(seed: seed)
        var ids = Set<String>()
        func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }
        func newID(_ stems: [String]) -> String {
            while true {
                let stem = stems.randomElement(using: &random)!
                let id = below(3) == 0 ? stem + String(below(10)) : stem + "-" + String(below(1000))
                if ids.insert(id).inserted { return id }
            }
        }
        func maybe<T>(_ value: @autoclosure () -> T, _ chance: Int = 2) -> T? { below(chance) == 0 ? value() : nil }
        func text() -> String {
            below(4) == 0 ? HostileCorpus.strings.randomElement(using: &random)! : words.randomElement(using: &random)!
        }

        let depth = Int(seed % 6)
        var model = Model(title: text(), description: maybe(text()))
        for _ in 0..<below(5) {
            model.controls.append(Control(id: newID(["ctl", "Control", "c_x"]), label: maybe(text()),
                kind: controlKinds.randomElement(using: &random)!, description: maybe(text())))
        }
        func someControls() -> [String] { model.controls.map(\.id).filter { _ in below(3) == 0 } }

        // A chain as deep as the seed asks, then boundaries anywhere above that depth.
        var levels: [String: Int] = [:]
        var parent: String?
        for level in 0..<depth {
            let id = newID(["ns", "Pod", "zone.a", "b_1"])
            model.boundaries.append(Boundary(id: id, label: maybe(text()), kind: BoundaryKind.allCases.randomElement(using: &random)!,
                parent: parent, controls: someControls(), description: maybe(text())))
            levels[id] = level + 1
            parent = id
        }
        if depth > 0 {
            for _ in 0..<below(max(1, size.boundaries - depth)) {
                // Mostly nested, sometimes top level.
                let candidates = model.boundaries.filter { levels[$0.id]! < depth }
                let parent = below(4) == 0 ? nil : candidates.randomElement(using: &random)?.id
                let id = newID(["box", "Net", "node"])
                model.boundaries.append(Boundary(id: id, label: maybe(text()), kind: BoundaryKind.allCases.randomElement(using: &random)!,
                    parent: parent, controls: someControls(), description: maybe(text())))
                levels[id] = (parent.flatMap { levels[$0] } ?? 0) + 1
            }
        }
        model.boundaries.shuffle(using: &random)

        for _ in 0..<(1 + below(size.elements)) {
            let id = newID(["web", "API", "db", "q.in", "u_x"])
            model.elements.append(Element(
                id: id, label: maybe(text()), kind: ElementKind.allCases.randomElement(using: &random)!,
                boundary: below(4) == 0 ? nil : model.boundaries.randomElement(using: &random)?.id,
                technology: maybe(text()), controls: someControls(), description: maybe(text()),
                url: maybe("https://example.com/docs/\(id)", 3)))
        }
        for _ in 0..<below(size.flows + 1) {
            let from = model.elements.randomElement(using: &random)!.id
            let to = model.elements.randomElement(using: &random)!.id
            let base = FlowIdentifiers.base(from: from, to: to)
            let id = below(3) == 0 && ids.insert(base).inserted ? base : newID(["flow", "F", "call.x"])
            model.flows.append(Flow(
                id: id, from: from, to: to, label: maybe(text()), protocol: maybe(protocols.randomElement(using: &random)!),
                port: maybe(1 + below(65535), 3), encryption: maybe(Encryption.allCases.randomElement(using: &random)!),
                authentication: maybe(Authentication.allCases.randomElement(using: &random)!),
                data: (0..<below(3)).map { _ in text() },
                classification: maybe(Classification.allCases.randomElement(using: &random)!),
                bidirectional: below(4) == 0, controls: someControls(), description: maybe(text())))
        }
        let targets = model.elements.map(\.id) + model.boundaries.map(\.id)
        for _ in 0..<below(4) {
            var chosen: [String] = []
            for _ in 0..<below(4) {
                let target = targets.randomElement(using: &random)!
                if !chosen.contains(target) { chosen.append(target) }
            }
            model.threatActors.append(ThreatActor(id: newID(["attacker", "insider", "rogue.pod"]), label: maybe(text()),
                kind: ThreatActorKind.allCases.randomElement(using: &random)!,
                boundary: below(2) == 0 ? model.boundaries.randomElement(using: &random)?.id : nil, targets: chosen,
                description: maybe(text())))
        }
        for _ in 0..<below(3) {
            let target = (targets + model.flows.map(\.id)).randomElement(using: &random)!
            model.acceptedRisks.append(AcceptedRisk(rule: rules.randomElement(using: &random)!, target: target, reason: text(),
                until: maybe("2030-01-01")))
        }
        return model
    }

    static let words = ["Web front end", "API", "Orders DB", "Internet", "payments", "Queue", "Ünïcødé façade", "a b  c", "x"]
    static let protocols = ["HTTPS", "gRPC", "MySQL", "AMQP", "ssh"]
    static let controlKinds: [ControlKind] = [.networkPolicy, .rbac, .encryptionAtRest, .mtls, .tlsTermination, .authentication,
        .podSecurity, .seccomp, .dedicatedCluster, "custom-kind"]
    static let rules = ["TF101", "TF102", "TF103", "TF107", "TF111"]
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
