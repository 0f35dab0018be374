/// How diagrams look: a shape and colour for each actor type, a colour and short
/// code for each national service (the "chips" under a relay's name), and the fixed colours of
/// places and coverage classes. Colours are from ColorBrewer's Set3 and Dark2 palettes.
public enum DiagramStyle {
    public struct Look: Sendable, Equatable {
        public var shape: String
        public var fill: String
    }

    /// By actor type slug; unknown types look like `other`. Shapes that keep a label's box compact
    /// (no triangles or diamonds, which grow around a wide label).
    public static let actorTypes: [String: Look] = [
        "conseiller-numerique": Look(shape: "ellipse", fill: "#8dd3c7"),
        "france-services": Look(shape: "house", fill: "#ffffb3"),
        "agent-accueil": Look(shape: "hexagon", fill: "#bebada"),
        "centre-social": Look(shape: "octagon", fill: "#fb8072"),
        "ecrivain-public": Look(shape: "note", fill: "#80b1d3"),
        "medico-social": Look(shape: "component", fill: "#fdb462"),
        "operateur-social": Look(shape: "box3d", fill: "#b3de69"),
        "education-populaire": Look(shape: "cds", fill: "#fccde5"),
        "service-civique": Look(shape: "folder", fill: "#d9d9d9"),
        "bibliothecaire": Look(shape: "tab", fill: "#bc80bd"),
        "service-a-la-personne": Look(shape: "cylinder", fill: "#ccebc5"),
        "controle-inspection": Look(shape: "rarrow", fill: "#ffed6f"),
        "aidant-familial": Look(shape: "egg", fill: "#f4cae4"),
    ]
    public static let otherActor = Look(shape: "ellipse", fill: "#ffffff")
    public static let place = Look(shape: "box", fill: "#f7f7f7")

    public static func look(ofActorType slug: String) -> Look { actorTypes[slug] ?? otherActor }

    /// National service slug → (chip colour, short code), in the national list's order.
    public static let serviceChips: [(slug: String, colour: String, code: String)] = [
        ("aide-aux-demarches-administratives", "#1b9e77", "AD"),
        ("maitrise-des-outils-numeriques-du-quotidien", "#d95f02", "OQ"),
        ("insertion-professionnelle-via-le-numerique", "#7570b3", "IP"),
        ("utilisation-securisee-du-numerique", "#e7298a", "US"),
        ("parentalite-et-education-avec-le-numerique", "#66a61e", "PE"),
        ("loisirs-et-creations-numeriques", "#e6ab02", "LC"),
        ("comprehension-du-monde-numerique", "#a6761d", "CM"),
        ("acces-internet-et-materiel-informatique", "#666666", "AI"),
        ("acquisition-de-materiel-informatique-a-prix-solidaire", "#386cb0", "AS"),
    ]

    /// Coverage classes of the `coverage` diagram.
    public static let covered = "#1a9641", singleRelay = "#fdae61", uncovered = "#d7191c"
    /// Accessibility quintiles, lowest first (RdYlGn).
    public static let quantiles = ["#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641"]
}
