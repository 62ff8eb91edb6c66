import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Threagile import")
struct ThreagileImportTests {
    /// The facts SOURCE.txt states about Threagile's example model.
    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func theExampleModelKeepsItsAssetsLinksAndBoundaries() throws {
        let result = try Import.threagile(InteropFiles.shared("threagile/threagile.yaml"))
        let model = result.model
        #expect(model.title == "Some Example Application")
        #expect(model.elements.count == 14)
        #expect(model.flows.count == 20)
        #expect(model.boundaries.map(\.id) == ["web-dmz", "erp-dmz", "application-network", "auth-env", "dev-network"])
        for nested in ["web-dmz", "erp-dmz", "auth-env"] {
            #expect(try model.boundary(nested).parent == "application-network")
        }
        #expect(try model.element("apache-webserver").boundary == "web-dmz")
        #expect(try model.element("sql-database").boundary == "erp-dmz")
        #expect(try model.element("customer-client").boundary == nil)
        #expect(try model.element("customer-client").kind == .actor)
        #expect(try model.element("sql-database").kind == .datastore)
        #expect(result.notes("shared runtime").count == 1)
        #expect(result.notes.filter { $0.category.singular.hasPrefix("data asset") }.count == 12)
        #expect(result.notes("abuse case").count == 11)
        // risk_tracking: 4 mitigated and 1 in progress are noted, the 1 accepted is kept.
        let tracked = result.notes("risk tracking entry").map(\.message)
        #expect(tracked.filter { $0.contains(" is mitigated") }.count == 4)
        #expect(tracked.filter { $0.contains(" is in-progress") }.count == 1)
        #expect(model.acceptedRisks.count == 1)
        let accepted = try #require(model.acceptedRisks.first)
        #expect(accepted.rule == "untrusted-deserialization")
        #expect(accepted.target == "erp-system")
        #expect(accepted.reason.hasPrefix("Risk accepted as tolerable (Threagile risk untrusted-deserialization@erp-system"))
        #expect(result.warnings.filter { $0.severity == .error }.isEmpty)
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func theExampleLinksMapProtocolEncryptionAuthenticationAndDataByRank() throws {
        let model = try Import.threagile(InteropFiles.shared("threagile/threagile.yaml")).model
        let traffic = try model.flow(labelled: "Customer Traffic")
        #expect(traffic.from == "customer-client" && traffic.to == "load-balancer")
        #expect(traffic.protocol == "https")
        #expect(traffic.encryption == .tls)
        #expect(traffic.authentication == .session)
        // customer-accounts is strictly-confidential: TrustFlow's highest class.
        #expect(traffic.classification == .restricted)
        #expect(traffic.bidirectional)
        // build-job-config is Threagile's "restricted", which ranks below its "confidential".
        let jenkins = try model.flow(labelled: "Jenkins Web-UI Access")
        #expect(jenkins.data == ["build-job-config"])
        #expect(jenkins.classification == .confidential)
        #expect(jenkins.authentication == .password)
        let nfs = try model.flow(labelled: "NFS Filesystem Access")
        #expect(nfs.encryption == Encryption.none)
        #expect(nfs.authentication == Authentication.none)
        #expect(try model.flow(labelled: "Git Repo Code Read Access").authentication == .certificate)
    }

    @Test func confidentialityMapsByRankNotByName() {
        let mapped = ThreagileVocabularyProbe.classifications
        #expect(mapped == [.public, .internal, .confidential, .confidential, .restricted])
    }

    @Test func theShopFixtureMapsEveryField() throws {
        let result = try Import.threagile(InteropFiles.fixture("shop.threagile.yaml"))
        let model = result.model
        #expect(model.description == "A web shop with an API and a database.")
        #expect(try model.element("shopper").kind == .actor)
        #expect(try model.element("payments").kind == .external)
        #expect(try model.element("shop-db").controls == ["encryption-at-rest"])
        #expect(model.controls.map(\.kind) == [.encryptionAtRest])
        #expect(try model.boundary("app-ns").kind == .namespace)
        #expect(try model.boundary("app-ns").parent == "cloud")
        #expect(try model.boundary("cloud").kind == .network)
        let store = try model.flow(labelled: "Store order")
        #expect(store.id == "shop-api-to-shop-db")
        #expect(store.encryption == Encryption.none)
        #expect(store.classification == .confidential)
        #expect(!store.bidirectional)
        #expect(try model.flow(labelled: "Charge card").classification == .restricted)
        #expect(model.acceptedRisks == [AcceptedRisk(rule: "unencrypted-communication", target: "shop-api-to-shop-db",
            reason: "The database link stays inside the namespace. (Threagile risk unencrypted-communication@shop-api>store-order@shop-api@shop-db; ticket SHOP-7; checked by Alice on 2024-05-02)")])
        #expect(result.notes("communication link property").map(\.message) == ["'Browse and buy': authorization: end-user-identity-propagation"])
        #expect(result.notes("technical asset property").map(\.message) == ["'Shop API': owner: Shop team"])
        #expect(result.notes("risk tracking entry").map(\.message) == ["'missing-hardening@shop-db' is mitigated: Hardened image."])
        let runtime = try #require(result.notes("shared runtime").first)
        #expect(runtime.location == TrustFlowModel.SourceLocation(file: "shop.threagile.yaml", line: 77, column: 3))
    }

    @Test func importingTwiceGivesTheSameBytes() throws {
        let first = try Import.threagile(InteropFiles.fixture("shop.threagile.yaml"))
        let second = try Import.threagile(InteropFiles.fixture("shop.threagile.yaml"))
        #expect(ModelEncoder().encode(first.model, as: .yaml) == ModelEncoder().encode(second.model, as: .yaml))
        #expect(first.notes == second.notes)
    }

    @Test func titlesAndIdsThatAreNotTrustFlowIdsAreRenamedReadablyAndKeptInTheDescription() throws {
        let yaml = """
            title: Renames
            technical_assets:
              Web Server:
                id: 1st web server
                type: process
                communication_links:
                  Calls the API:
                    target: api
              API:
                id: api
                type: process
              Second:
                id: web-server
                type: process
            """
        let model = try ThreagileReader().read(Array(yaml.utf8), file: "renames.yaml").model
        // The valid id 'web-server' is kept by its owner; the renamed one gets the next free id.
        #expect(model.elements.map(\.id) == ["web-server-2", "api", "web-server"])
        #expect(try model.element("web-server-2").description == "Threagile id: 1st web server")
        #expect(model.flows.map(\.id) == ["web-server-2-to-api"])
    }

    @Test(arguments: [
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\ntrust_boundaries:\n  X:\n    id: x\n    trust_boundaries_nested: 1️⃣[y]\n  Y:\n    id: y\n    trust_boundaries_nested: [x]\n",
         "trust boundaries nest in a cycle: x › y › x"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\ntrust_boundaries:\n  X:\n    id: x\n    technical_assets_inside: [a]\n  Y:\n    id: y\n    technical_assets_inside: [1️⃣a]\n",
         "the technical asset 'a' is already inside the trust boundary 'x'"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\n  B:\n    id: 1️⃣a\n    type: process\n",
         "duplicate technical asset id 'a' (first used at 4:9)"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\n    communication_links:\n      L:\n        target: 1️⃣b\n",
         "no technical asset with id 'b'"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: 1️⃣proces\n", "'proces' is not a valid type; did you mean 'process'?"),
        ("title: T\ntechnical_assets: 1️⃣[a, b]\n", "expected the technical_assets section (a mapping), found a list"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\n    used_as_client_by_human: 1️⃣yes please\n",
         "expected true or false"),
        ("1️⃣title: T\n", "nothing to import: the model has no technical assets"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\n    communication_links:\n      L:\n        target: a\n        data_assets_sent: [1️⃣secrets]\n",
         "no data asset with id 'secrets'"),
        ("title: T\ntechnical_assets:\n  A:\n    id: a\n    type: process\n    1️⃣id: b\n", "duplicate key 'id'"),
        ("1️⃣", "the file is empty; expected a Threagile model"),
    ])
    func brokenModelsFailWithALocatedError(marked: String, message: String) {
        Import.expectLocatedError(marked, message: message, file: "t.yaml") { bytes, file throws(ModelError) in
            try ThreagileReader().read(bytes, file: file)
        }
    }
}

/// Reaches the rank mapping through the public reader: one data asset per level, one link
/// carrying each, and the classification each link gets.
enum ThreagileVocabularyProbe {
    static var classifications: [Classification?] {
        let levels = ["public", "internal", "restricted", "confidential", "strictly-confidential"]
        var yaml = "title: Ranks\ndata_assets:\n"
        for level in levels { yaml += "  \(level):\n    id: \(level)\n    confidentiality: \(level)\n" }
        yaml += "technical_assets:\n  A:\n    id: a\n    type: process\n    communication_links:\n"
        for level in levels { yaml += "      \(level):\n        target: a\n        data_assets_sent: [\(level)]\n" }
        guard let model = try? ThreagileReader().read(Array(yaml.utf8), file: "ranks.yaml").model else { return [] }
        return model.flows.map(\.classification)
    }
}
