internal import CGraphviz

/// The object IDs of one root graph, given in order of creation.
///
/// cgraph's default discipline makes the ID of a named object the address of its interned name,
/// and orders subgraphs by ID: clusters come out in the order of heap addresses, which in a
/// long-lived process changes from one render to the next (so do dot's layouts with clusters, and
/// fdp's). The default also numbers anonymous objects from one process-wide counter, so an
/// anonymous graph is named `%3` once and `%1871` later. Numbering per graph, in order of creation
/// (even for names, odd for anonymous objects, as the default does), gives the same drawing for
/// the same DOT text every time, and the same as a fresh `dot` process.
///
/// Used only by cgraph's callbacks, which run with ``GraphvizLibrary``'s lock held.
final class GraphIdentifiers {
    private let graph: UnsafeMutablePointer<Agraph_t>?
    private var idByName: [UnsafeMutablePointer<CChar>: IDTYPE] = [:]
    private var names: [IDTYPE: (name: UnsafeMutablePointer<CChar>, uses: Int)] = [:]
    private var nextNamed: IDTYPE = 2
    /// 3, as in a fresh `dot` process where the prototype graph holding attribute defaults took 1:
    /// an anonymous graph is named `%3` in SVG titles and JSON, as the `dot` program names it.
    private var nextAnonymous: IDTYPE = 3

    private init(graph: UnsafeMutablePointer<Agraph_t>?) {
        self.graph = graph
    }

    /// Installs the discipline for every graph opened from now on.
    static func install() {
        cgraphviz_set_id_discipline(Agiddisc_t(
            open: { graph, _ in Unmanaged.passRetained(GraphIdentifiers(graph: graph)).toOpaque() },
            map: { state, _, name, id, create in
                guard let state, let id else { return 0 }
                return GraphIdentifiers.table(state).map(name, to: id, create: create != 0) ? 1 : 0
            },
            alloc: { _, _, _ in 0 },  // IDs chosen by the caller are refused, as by default
            free: { state, _, id in state.map { GraphIdentifiers.table($0).free(id) } },
            print: { state, _, id in state.flatMap { GraphIdentifiers.table($0).name(of: id) } },
            close: { state in state.map { Unmanaged<GraphIdentifiers>.fromOpaque($0).release() } },
            idregister: { _, _, _ in }
        ))
    }

    private static func table(_ state: UnsafeMutableRawPointer) -> GraphIdentifiers {
        Unmanaged<GraphIdentifiers>.fromOpaque(state).takeUnretainedValue()
    }

    /// The ID of `name` (a new odd one when `name` is nil), interning the name when `create` is
    /// set; false when looking up a name that no object has.
    private func map(_ name: UnsafeMutablePointer<CChar>?, to id: UnsafeMutablePointer<IDTYPE>, create: Bool) -> Bool {
        guard let name else {
            id.pointee = nextAnonymous
            nextAnonymous += 2
            return true
        }
        guard create else {
            guard let interned = agstrbind(graph, name), let known = idByName[interned] else { return false }
            id.pointee = known
            return true
        }
        // Each creation holds one reference to the interned name, released by `free`, as by default.
        guard let interned = agstrdup(graph, name) else { return false }
        if let known = idByName[interned] {
            names[known]?.uses += 1
            id.pointee = known
        } else {
            idByName[interned] = nextNamed
            names[nextNamed] = (interned, 1)
            id.pointee = nextNamed
            nextNamed += 2
        }
        return true
    }

    private func free(_ id: IDTYPE) {
        guard id % 2 == 0, let entry = names[id] else { return }
        agstrfree(graph, entry.name)
        if entry.uses > 1 {
            names[id]?.uses -= 1
        } else {
            names[id] = nil
            idByName[entry.name] = nil
        }
    }

    private func name(of id: IDTYPE) -> UnsafeMutablePointer<CChar>? {
        id % 2 == 0 ? names[id]?.name : nil
    }
}
