/// Which source's record a merged place prefers when its records are equally recent, and which
/// record is a group's primary one (the one whose id the place answers to).
///
/// The national lieux files come first: their records are the most complete (opening hours,
/// services, publics, accessibility) and their ids are the national cartography's. The CNFS
/// list comes next (a register of structures with their SIRET), then Aidants Connect (structures
/// with no hours nor services of their own).
public enum SourcePriority {
    /// 0 for the lieux files (any source but the two national lists), 1 for CNFS, 2 for Aidants Connect.
    public static func rank(of source: String) -> Int {
        switch source {
        case "cnfs": 1
        case "aidants-connect": 2
        default: 0
        }
    }
}
