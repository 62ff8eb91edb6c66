import TrustFlowModel

extension Rule {
    /// TF118: an image named by a tag rather than a digest, or by `latest` or no tag at all.
    public static let unpinnedImage = Rule(
        id: "TF118", name: "UnpinnedImage",
        title: "Image without digest or with latest",
        defaultSeverity: .low,
        rationale: """
            A tag can be moved: whoever can push to the registry decides what runs the next \
            time a pod starts, and two nodes can run different code under one name. `latest`, or \
            no tag, changes by design.
            """,
        remediation: """
            Name the image by digest (`image: name@sha256:…`, optionally with its tag before the \
            digest) and let automation update the digest in review.
            """
    ) { context, rule in
        WeakeningSetting.all([.unpinnedImage, .latestImage], in: context).map { setting in
            let latest = setting.controls.contains { $0.kind == .latestImage }
            return rule.finding(
                "\(setting.item) runs an image \(latest ? "by latest or no tag at all" : "by tag, without a digest") (\(setting.labels))",
                about: setting.target, severity: latest ? .medium : nil)
        }
    }
}
