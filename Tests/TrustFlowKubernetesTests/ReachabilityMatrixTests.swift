import Testing
import TrustFlow
import TrustFlowTestSupport

/// The matrix's data: who reaches whom by workload and by namespace, declared or not.
@Suite("Reachability matrix")
struct ReachabilityMatrixTests {
    static func check() throws -> DriftCheck {
        let other = Shop.deployment("probe", image: "tools/probe:1", port: 7000, portName: "p").replacingOccurrences(of: "namespace: shop", with: "namespace: ops")
        return DriftCheck(inventory: try inventory(([other] + Shop.objects).joined(separator: "\n---\n")))
    }

    @Test func byWorkloadEachCellIsAVerdictWithItsPorts() throws {
        let check = try Self.check()
        let matrix = ReachabilityMatrix(check.reachability, inventory: check.inventory, level: .workload)
        #expect(matrix.labels == ["ops/probe[Deployment]", "shop/api[Deployment]", "shop/db[Deployment]", "shop/web[Deployment]",
            "0.0.0.0-255.255.255.255[External]"])
        #expect(matrix.cells.count == 5 && matrix.cells.allSatisfy { $0.count == 5 })
        #expect((0..<5).allSatisfy { matrix.cells[$0][$0] == nil }, "nothing is judged on the diagonal")
        let webToAPI = try #require(matrix.cells[3][1])
        #expect(webToAPI.verdict == .allowed && webToAPI.allowed == PortSet(.tcp, port: 9000) && webToAPI.declared == nil)
        #expect(matrix.cells[1][3]?.verdict == .denied)
        #expect(matrix.cells[4][3]?.allowed == PortSet(.tcp, port: 8080), "the outside reaches web on 8080")
        #expect(matrix.cells[0][4]?.verdict == .allowed, "probe's namespace has no policy: it reaches the outside")
    }

    @Test func byNamespaceCellsCountThePairsAndSayWhatIsDeclared() throws {
        let check = try Self.check()
        let loaded = try ModelLoader().load(Array(Shop.model.utf8), file: "shop.yaml", format: .yaml)
        let result = check.run(model: loaded.model, sourceMap: loaded.sourceMap)
        let matrix = ReachabilityMatrix(check.reachability, inventory: check.inventory, level: .namespace, declares: result.declares)
        #expect(matrix.labels == ["ops", "shop", "0.0.0.0-255.255.255.255[External]"])
        let shop = try #require(matrix.cells[1][1])
        #expect(shop.pairs == [.allowed: 2, .denied: 4], "web → api and api → db of the six pairs")
        #expect(shop.declared == true && shop.verdict == .allowed)
        let opsToShop = try #require(matrix.cells[0][1])
        #expect(opsToShop.verdict == .allowed && opsToShop.pairs == [.allowed: 1, .denied: 2], "web lets every source in on 8080")
        #expect(opsToShop.declared == false)
        #expect(matrix.cells[2][2] == nil)
        #expect(matrix.cells[2][1]?.declared == true, "the model's user reaches web from outside")
    }
}

/// The drawn matrix's note mentions tooltips only where the format keeps them.
@Suite("Reachability matrix picture notes")
struct ReachabilityMatrixPictureNoteTests {
    @Test(arguments: [(DiagramFormat.svg, true), (.dot, true), (.png, false), (.pdf, false)])
    func theNoteMentionsTooltipsOnlyWhereThereAreSome(format: DiagramFormat, mentioned: Bool) throws {
        let check = try ReachabilityMatrixTests.check()
        let matrix = ReachabilityMatrix(check.reachability, inventory: check.inventory, level: .workload)
        let dot = ReachabilityMatrixDiagram.prepare(matrix, title: "Shop", format: format).dot
        #expect(dot.contains("tooltip gives its pairs") == mentioned)
    }
}
