/// What a DSL handle stands for: one declaration in a Swift model, with where it was written.
///
/// Only the DSL's declarations create one, so a handle always names something that was
/// declared (a reference to something undeclared does not compile), and
/// ``Model/build(_:description:limits:fileID:line:column:content:)`` checks that the
/// declaration was also placed in the model.
public struct ItemReference: Sendable {
    /// Identity of the declaration: copies of a handle share it, two declarations never do.
    let token: DeclarationToken
    /// What the declaration declares.
    let kind: IdentifierKind
    /// The declared id; for a flow without an explicit id, its default `FROM-to-TO`.
    let id: String
    /// Where the declaration was written.
    let location: SourceLocation

    init(_ kind: IdentifierKind, id: String, location: SourceLocation) {
        self.token = DeclarationToken()
        self.kind = kind
        self.id = id
        self.location = location
    }
}

/// The identity of one declaration. A class only for its identity: two declarations with the
/// same id, or made by the same line inside a loop, are still different declarations.
final class DeclarationToken: Sendable {
    var identifier: ObjectIdentifier { ObjectIdentifier(self) }
}
