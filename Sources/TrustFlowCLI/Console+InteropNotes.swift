import TrustFlow

extension Console {
    /// Prints what an import or export could not carry over: notes meant to be read one by
    /// one, then a count per category of the others, or with `--verbose` every note located.
    /// Nothing under `--quiet`.
    func print(notes: [InteropNote]) {
        let shown = verbose ? notes : notes.filter { $0.category.treatment == .shown }
        print(shown.map(\.diagnostic))
        guard !verbose else { return }
        let summaries: [(InteropNote.Category.Treatment, String)] = [(.notKept, "not kept"), (.changed, "kept in another form")]
        for (treatment, heading) in summaries {
            let counts = InteropNote.counts(notes, treatment: treatment)
            guard !counts.isEmpty else { continue }
            let list = counts.map { category, count in category.counted(count) }.joined(separator: ", ")
            note("\(heading): \(list); --verbose lists each")
        }
    }
}
