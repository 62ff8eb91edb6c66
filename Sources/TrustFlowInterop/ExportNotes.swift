import TrustFlowModel

/// Collects what an export cannot write, each note located in the model file through its
/// source map.
struct ExportNotes {
    let sourceMap: SourceMap?
    private(set) var notes: [InteropNote] = []

    init(sourceMap: SourceMap?) { self.sourceMap = sourceMap }

    mutating func note(_ category: InteropNote.Category, _ message: String, at path: ModelPath) {
        notes.append(InteropNote(category, message, location: sourceMap?.location(of: path)))
    }

    /// Notes the model's controls, threat actors and accepted risks, which neither export
    /// format has a place for.
    mutating func noteControlsActorsAndRisks(of model: Model) {
        for (index, control) in model.controls.enumerated() {
            note(Self.control, "'\(control.id)' (\(control.kind.rawValue))", at: ModelPath("controls").appending(index))
        }
        for (index, actor) in model.threatActors.enumerated() {
            note(Self.threatActor, "'\(actor.id)' (\(actor.kind.rawValue))", at: ModelPath("threatActors").appending(index))
        }
        for (index, risk) in model.acceptedRisks.enumerated() {
            note(Self.acceptedRisk, "\(risk.rule) on '\(risk.target)'", at: ModelPath("acceptedRisks").appending(index))
        }
    }

    static let control = InteropNote.Category("control (and the references to it)", plural: "controls (and the references to them)")
    static let threatActor = InteropNote.Category("threat actor")
    static let acceptedRisk = InteropNote.Category("accepted risk")
}
