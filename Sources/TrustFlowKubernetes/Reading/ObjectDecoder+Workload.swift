import TrustFlowModel

extension ObjectDecoder {
    /// A Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod.
    func workload(_ kind: WorkloadKind) -> Workload? {
        if kind == .pod {
            guard let spec = spec() else { return nil }
            let template = podTemplate(labels: metadata.labels, annotations: metadata.annotations, spec: spec)
            return Workload(kind: kind, metadata: metadata, selector: nil, template: template)
        }
        guard var spec = spec() else { return nil }
        if kind == .cronJob {
            guard let job = spec.mapping("jobTemplate", what: "a job template")?.mapping("spec", what: "the job's spec") else {
                scope.error("missing required key 'jobTemplate.spec'", at: spec.position, path: spec.path.appending("jobTemplate"))
                return nil
            }
            spec = job
        }
        let selector: LabelSelector?
        if kind == .replicationController {
            // A ReplicationController's selector is a plain map, and defaults to the template's labels.
            selector = spec.node("selector").map { node in
                LabelSelector(matchLabels: spec.stringMap("selector"), location: spec.location(node))
            }
        } else {
            selector = spec.selector("selector")
        }
        guard let templateMapping = spec.mapping("template", what: "a pod template") else {
            if !spec.contains("template") {
                scope.error("missing required key 'template'", at: spec.position, path: spec.path.appending("template"))
            }
            return nil
        }
        let templateMetadata = templateMapping.mapping("metadata", what: "the template's metadata")
        guard let podSpec = templateMapping.mapping("spec", what: "a pod spec") else {
            scope.error("missing required key 'spec'", at: templateMapping.position, path: templateMapping.path.appending("spec"))
            return nil
        }
        let template = podTemplate(
            labels: templateMetadata?.stringMap("labels") ?? [:], annotations: templateMetadata?.stringMap("annotations") ?? [:],
            spec: podSpec)
        return Workload(kind: kind, metadata: metadata, selector: selector, template: template)
    }

    func podTemplate(labels: [String: String], annotations: [String: String], spec: ManifestMapping) -> PodTemplate {
        var containers: [Container] = []
        for initial in spec.mappings("initContainers", what: "a container") {
            // A native sidecar is an init container that keeps running (`restartPolicy: Always`).
            let role: Container.Role = initial.string("restartPolicy") == "Always" ? .sidecar : .initialization
            if let container = container(initial, role: role) { containers.append(container) }
        }
        for app in spec.mappings("containers", what: "a container") {
            if let container = container(app, role: .app) { containers.append(container) }
        }
        if !spec.contains("containers") {
            scope.error("missing required key 'containers'", at: spec.position, path: spec.path.appending("containers"))
        }
        return PodTemplate(
            labels: labels, annotations: annotations,
            serviceAccountName: spec.name("serviceAccountName") ?? spec.name("serviceAccount"),
            automountServiceAccountToken: spec.boolean("automountServiceAccountToken"),
            hostNetwork: spec.boolean("hostNetwork") ?? false, hostPID: spec.boolean("hostPID") ?? false,
            hostIPC: spec.boolean("hostIPC") ?? false,
            securityContext: spec.mapping("securityContext", what: "a security context").map(securityContext),
            containers: containers,
            volumes: spec.mappings("volumes", what: "a volume").compactMap(volume),
            location: spec.location)
    }

    func securityContext(_ context: ManifestMapping) -> SecurityContext {
        let capabilities = context.mapping("capabilities", what: "capabilities")
        return SecurityContext(
            privileged: context.boolean("privileged"),
            allowPrivilegeEscalation: context.boolean("allowPrivilegeEscalation"),
            readOnlyRootFilesystem: context.boolean("readOnlyRootFilesystem"),
            runAsNonRoot: context.boolean("runAsNonRoot"),
            runAsUser: context.integer("runAsUser", in: 0...Int(Int32.max), what: "a user id"),
            addedCapabilities: capabilities?.stringList("add") ?? [],
            droppedCapabilities: capabilities?.stringList("drop") ?? [],
            seccompProfile: context.mapping("seccompProfile", what: "a seccomp profile").flatMap(profile),
            appArmorProfile: context.mapping("appArmorProfile", what: "an AppArmor profile").flatMap(profile),
            location: context.location)
    }

    func profile(_ profile: ManifestMapping) -> SecurityProfile? {
        guard let type = profile.string("type", required: true) else { return nil }
        let kind: SecurityProfile.Kind = switch type {
        case "RuntimeDefault": .runtimeDefault
        case "Localhost": .localhost(profile.string("localhostProfile"))
        case "Unconfined": .unconfined
        default: .other(type)
        }
        return SecurityProfile(kind: kind, location: profile.location)
    }

    func volume(_ volume: ManifestMapping) -> Volume? {
        guard let name = volume.name("name", required: true) else { return nil }
        let source: Volume.Source
        if let hostPath = volume.mapping("hostPath", what: "a hostPath volume") {
            source = .hostPath(hostPath.string("path", required: true) ?? "")
        } else if let map = volume.mapping("configMap", what: "a configMap volume") {
            source = .configMap(map.name("name") ?? "")
        } else if let secret = volume.mapping("secret", what: "a secret volume") {
            source = .secret(secret.name("secretName") ?? "")
        } else if volume.contains("emptyDir") {
            source = .emptyDir
        } else if let claim = volume.mapping("persistentVolumeClaim", what: "a persistentVolumeClaim volume") {
            source = .persistentVolumeClaim(claim.name("claimName") ?? "")
        } else if let projected = volume.mapping("projected", what: "a projected volume") {
            var maps: [String] = []
            var secrets: [String] = []
            var token = false
            for item in projected.mappings("sources", what: "a projected source") {
                if let map = item.mapping("configMap", what: "a configMap source")?.name("name") { maps.append(map) }
                if let secret = item.mapping("secret", what: "a secret source")?.name("name") { secrets.append(secret) }
                if item.contains("serviceAccountToken") { token = true }
            }
            source = .projected(configMaps: maps, secrets: secrets, serviceAccountToken: token)
        } else {
            source = .other(volume.entries.first { $0.key.text != "name" }?.key.text ?? "unknown")
        }
        return Volume(name: name, source: source, location: volume.location)
    }
}
