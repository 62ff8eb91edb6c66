import TrustFlowModel

extension ImportRun {
    /// What a container's manifest says about its isolation, as controls of its boundary.
    mutating func addContainerControls(_ container: Container, of workload: Workload) {
        let owner = Self.containerKey(workload, container)
        let base = "ctr-" + Self.elementCandidate(workload, container)
        let security = workload.template.effectiveSecurity(of: container)
        let contextLocation = container.securityContext?.location ?? workload.template.securityContext?.location ?? container.location
        func add(_ fact: String, _ label: String, _ kind: ControlKind, _ description: String, _ location: SourceLocation) {
            attach(ControlDraft(key: "control:\(owner):\(fact)", candidate: "\(base).\(fact)", label: label, kind: kind,
                description: description, location: location), to: owner)
        }
        if let seccomp = security.seccomp, seccomp.confines {
            add("seccomp", "seccomp \(seccomp.summary)", .seccomp, "seccompProfile \(seccomp.summary).", seccomp.location)
        }
        if let appArmor = security.appArmor, appArmor.confines {
            add("apparmor", "AppArmor \(appArmor.summary)", .apparmor, "AppArmor profile \(appArmor.summary).", appArmor.location)
        }
        if security.isNonRoot {
            let how = security.runAsUser.map { "runAsUser: \($0)" } ?? "runAsNonRoot: true"
            let stated = container.securityContext.flatMap { $0.runAsNonRoot != nil || $0.runAsUser != nil ? $0.location : nil }
            add("non-root", "non-root", .nonRoot, "The container cannot run as root (\(how)).",
                stated ?? workload.template.securityContext?.location ?? contextLocation)
        }
        if security.readOnlyRootFilesystem {
            add("read-only-root", "read-only root", .readOnlyRoot, "readOnlyRootFilesystem: true.", contextLocation)
        }
        if security.allowPrivilegeEscalation == false, security.dropsAllCapabilities, !security.privileged {
            let lowerCase = security.dropsAllInLowerCase
                ? " The list says 'all' in lower case: container runtimes drop every capability, but Pod Security 'restricted' wants 'ALL'."
                : ""
            add("least-privilege", "no privilege escalation, drop ALL", .leastPrivilege,
                "allowPrivilegeEscalation: false and capabilities drop ALL.\(lowerCase)", contextLocation)
        }
        let secrets = secretNames(usedBy: container, in: workload.template)
        if !secrets.isEmpty {
            add("secrets", "Secret " + Self.names(secrets), .secretsManagement,
                "Secrets come from Secret objects (\(secrets.joined(separator: ", "))), not from the manifest's text.", container.location)
        }
        if security.privileged {
            add("privileged", "privileged", .privileged,
                "privileged: true — the container has every capability and the node's devices.", contextLocation)
        }
        let missing = ["cpu", "memory"].filter { container.resources.limits[$0] == nil }
        if !missing.isEmpty {
            let label = missing.count == 2 ? "no CPU or memory limit" : missing == ["cpu"] ? "no CPU limit" : "no memory limit"
            add("no-resource-limits", label, .noResourceLimits,
                "resources.limits sets no \(missing.joined(separator: " or ")) limit: the container can take what the node has.",
                container.location)
        }
        if let image = container.image.map(ImageReference.init) {
            switch image.pinning {
            case .digest: break
            case .tag(let tag):
                add("image", "image tag \(tag), no digest", .unpinnedImage,
                    "Image \(image.text) is named by a tag, which can be moved to other bytes; a digest cannot.", container.location)
            case .latest:
                add("image", image.tag == nil ? "image without tag" : "image tag latest", .latestImage,
                    "Image \(image.text) is the latest one pushed, whatever that is when the pod starts.", container.location)
            }
        }
        for variable in plaintextSecrets(in: container) {
            add("plaintext-secret.\(variable.name)", "plain env \(variable.name)", .plaintextSecret,
                "Environment variable \(variable.name) holds a secret written into the manifest (the value is not copied here); take it from a Secret.",
                variable.location)
        }
    }

    /// The Secrets a container reads: by `secretKeyRef`, `envFrom`, or a mounted volume.
    func secretNames(usedBy container: Container, in template: PodTemplate) -> [String] {
        var names: Set<String> = []
        for variable in container.env {
            if case .secretKey(let name, _, _) = variable.source { names.insert(name) }
        }
        for source in container.envFrom where source.kind == .secret { names.insert(source.name) }
        for mount in container.volumeMounts {
            switch template.volume(mount.name)?.source {
            case .secret(let name): names.insert(name)
            case .projected(_, let secrets, _): names.formUnion(secrets)
            default: break
            }
        }
        return names.filter { !$0.isEmpty }.sorted()
    }

    /// Variables whose literal value is a secret: a name that says so (`DB_PASSWORD`,
    /// `API_KEY`) with a value that is not a reference or a path, or a URL with a password.
    func plaintextSecrets(in container: Container) -> [EnvironmentVariable] {
        container.env.filter { variable in
            guard case .literal(let value) = variable.source else { return false }
            return ServiceAddress.containsURLPassword(value) || (Self.namesASecret(variable.name) && Self.looksLikeASecret(value))
        }
    }

    static let secretWords: Set<String> = ["PASSWORD", "PASSWD", "PWD", "PASS", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS"]
    static let keyQualifiers: Set<String> = ["API", "ACCESS", "PRIVATE", "SECRET", "ENCRYPTION", "SIGNING", "MASTER", "CLIENT"]
    /// Last words that make a variable about a secret rather than the secret itself.
    static let notASecret: Set<String> = [
        "FILE", "PATH", "DIR", "FILENAME", "NAME", "REF", "KEYREF", "LENGTH", "TTL", "TIMEOUT", "ENABLED", "REQUIRED", "EXPIRY",
        "HEADER", "MODE", "POLICY", "TYPE", "ID",
    ]

    /// Whether a variable's name says it holds a secret.
    static func namesASecret(_ name: String) -> Bool {
        let words = name.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let last = words.last, !notASecret.contains(last) else { return false }
        if words.contains(where: secretWords.contains) { return true }
        return zip(words, words.dropFirst()).contains { keyQualifiers.contains($0) && $1 == "KEY" }
    }

    /// Whether a value could be a secret: not empty, not a `$(VAR)` reference, a flag or a path.
    static func looksLikeASecret(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: " \t")
        guard !trimmed.isEmpty, !trimmed.hasPrefix("$("), !trimmed.hasPrefix("/") else { return false }
        return !["true", "false", "yes", "no", "0", "1", "none", "null"].contains(trimmed.lowercased())
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        return String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
