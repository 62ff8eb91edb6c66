import TrustFlowModel

extension Rule {
    /// TF120: a secret written as a plain environment value.
    public static let plaintextSecret = Rule(
        id: "TF120", name: "PlaintextSecret",
        title: "Secret passed as a plain environment value",
        defaultSeverity: .high,
        rationale: """
            A password or key written into a manifest is in the repository, in every copy of \
            it, in the object that anyone who may read the workload can read, and in the \
            process's environment — readable far beyond who should know it.
            """,
        remediation: """
            Move the value into a Secret (or an external secret store) and take it with \
            `valueFrom.secretKeyRef`, better as a mounted file; rotate the value that was exposed.
            """
    ) { context, rule in
        WeakeningSetting.all([.plaintextSecret], in: context).flatMap { setting in
            // One finding per variable: each is a secret to move and rotate. The control's label
            // names the variable; no model holds the value.
            setting.controls.map { control in
                rule.finding("\(setting.item) passes a secret as a plain environment value: '\(control.label)'", about: setting.target)
            }
        }
    }
}
