/// A refused form sent back to its page: which form it was (`formulaire`), what the editor typed,
/// and why nothing changed. Only that form shows them; the page's other forms show what is stored.
struct FormEcho: Sendable {
    /// The name of the form, as its hidden `formulaire` field says.
    var form: String
    var typed: QueryString
    var failure: String

    /// The field's name that says which form was sent.
    static let field = "formulaire"

    /// What was typed in `name`, when this echo is of `form`; else nil.
    func typed(_ name: String, in form: String) -> String? {
        self.form == form ? typed.all(name).last ?? "" : nil
    }

    /// The failure, when this echo is of `form`.
    func failure(of form: String) -> String? {
        self.form == form ? failure : nil
    }
}
