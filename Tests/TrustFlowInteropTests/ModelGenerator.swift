import TrustFlow
import TrustFlowTestSupport

/// SplitMix64: a small generator whose sequence depends only on its seed, so a failing
/// generated model is reproduced by its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Valid models of many shapes for the property tests: boundaries nested 0 to 5 deep (the
/// seed modulo 6), elements at every level and outside every boundary, flows between any two
/// elements (both ways, to themselves, several between one pair), every kind and field, text
/// from the hostile corpus.
enum ModelGenerator {
    static func model(seed: UInt64) -> Model {
        var random = SeededGenerator(seed: seed)
        var ids = Set<String>()
        func newID(_ stems: [String]) -> String {
            while true {
                let stem = stems.randomElement(using: &random)!
                let id = random.next() % 3 == 0 ? stem + String(random.next() % 10) : stem + "-" + String(random.next() % 1000)
                if ids.insert(id).inserted { return id }
            }
        }
        func maybe<T>(_ value: @autoclosure () -> T, _ chance: UInt64 = 2) -> T? {
            random.next() % chance == 0 ? value() : nil
        }
        func text() -> String {
            random.next() % 4 == 0 ? HostileCorpus.strings.randomElement(using: &random)! : Self.words.randomElement(using: &random)!
        }

        let depth = Int(seed % 6)
        var model = Model(title: text(), description: maybe(text()))
        for _ in 0..<Int(random.next() % 4) {
            model.controls.append(Control(id: newID(["ctl", "Control", "c_x"]), label: maybe(text()),
                kind: Self.controlKinds.randomElement(using: &random)!, description: maybe(text())))
        }
        func someControls() -> [String] { model.controls.map(\.id).filter { _ in random.next() % 3 == 0 } }

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
            for _ in 0..<Int(random.next() % 5) {
                // Mostly nested, sometimes top level.
                let candidates = model.boundaries.filter { levels[$0.id]! < depth }
                let parent = random.next() % 4 == 0 ? nil : candidates.randomElement(using: &random)?.id
                let id = newID(["box", "Net", "node"])
                model.boundaries.append(Boundary(id: id, label: maybe(text()), kind: BoundaryKind.allCases.randomElement(using: &random)!,
                    parent: parent, controls: someControls(), description: maybe(text())))
                levels[id] = (parent.flatMap { levels[$0] } ?? 0) + 1
            }
        }
        model.boundaries.shuffle(using: &random)

        for _ in 0..<Int(1 + random.next() % 8) {
            let id = newID(["web", "API", "db", "q.in", "u_x"])
            model.elements.append(Element(
                id: id, label: maybe(text()), kind: ElementKind.allCases.randomElement(using: &random)!,
                boundary: random.next() % 4 == 0 ? nil : model.boundaries.randomElement(using: &random)?.id,
                technology: maybe(text()), controls: someControls(), description: maybe(text()),
                url: maybe("https://example.com/docs/\(id)", 3)))
        }
        for _ in 0..<Int(random.next() % 10) {
            let from = model.elements.randomElement(using: &random)!.id
            let to = model.elements.randomElement(using: &random)!.id
            let base = FlowIdentifiers.base(from: from, to: to)
            let id = random.next() % 3 == 0 && ids.insert(base).inserted ? base : newID(["flow", "F", "call.x"])
            model.flows.append(Flow(
                id: id, from: from, to: to, label: maybe(text()), protocol: maybe(Self.protocols.randomElement(using: &random)!),
                port: maybe(Int(1 + random.next() % 65535), 3), encryption: maybe(Encryption.allCases.randomElement(using: &random)!),
                authentication: maybe(Authentication.allCases.randomElement(using: &random)!),
                data: (0..<Int(random.next() % 3)).map { _ in text() },
                classification: maybe(Classification.allCases.randomElement(using: &random)!),
                bidirectional: random.next() % 2 == 0, controls: someControls(), description: maybe(text())))
        }
        if random.next() % 3 == 0 {
            model.threatActors.append(ThreatActor(id: newID(["attacker"]), kind: .externalAttacker,
                targets: [model.elements[0].id]))
        }
        if let flow = model.flows.first, random.next() % 3 == 0 {
            model.acceptedRisks.append(AcceptedRisk(rule: "TF101", target: flow.id, reason: "Tested"))
        }
        return model
    }

    static let words = ["Web front end", "API", "Orders DB", "Internet", "payments", "Queue", "Ünïcødé façade", "a b  c", "x"]
    static let protocols = ["HTTPS", "gRPC", "MySQL", "AMQP", "ssh"]
    static let controlKinds: [ControlKind] = [.networkPolicy, .rbac, .encryptionAtRest, .mtls, "custom-kind"]
}
