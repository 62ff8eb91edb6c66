import TrustFlowModel

extension Rule {
    /// TF108: a container with neither seccomp nor AppArmor.
    public static let containerWithoutSyscallFiltering = Rule(
        id: "TF108", name: "ContainerWithoutSyscallFiltering",
        title: "Container with neither seccomp nor AppArmor",
        defaultSeverity: .medium,
        rationale: """
            The container runtime isolates a process only as far as the kernel lets it. Without \
            a seccomp profile or an AppArmor profile, a compromised container can use the whole \
            system-call surface to attack the kernel and escape to the node.
            """,
        remediation: """
            Run the container with the RuntimeDefault seccomp profile (or a tighter one) and an \
            AppArmor profile; add a control of kind `seccomp` or `apparmor` to the container.
            """
    ) { context, rule in
        context.model.boundaries.compactMap { boundary in
            guard boundary.kind == .container, !context.has(boundary.controls, anyOf: .seccomp, .apparmor) else { return nil }
            return rule.finding(
                "\(context.describe(boundary)) has neither a seccomp nor an apparmor control", about: context.target(boundary))
        }
    }
}
