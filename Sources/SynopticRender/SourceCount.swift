import SynopticCore

/// The line under a story's title that counts its articles and outlets. Articles that name no
/// outlet (a pasted text without a masthead) are counted as such, so that "from 1 outlet" is
/// never said of a story most of whose articles name none.
public enum SourceCount {
    public static func line(_ members: [Article]) -> String {
        let outlets = Set(members.compactMap(\.provenance.outlet))
        let named = members.filter { $0.provenance.outlet != nil }.count
        let articles = plural(members.count, "article")
        if outlets.isEmpty { return members.isEmpty ? articles : "\(articles), naming no outlet" }
        let from = "from \(plural(outlets.count, "outlet"))"
        if named == members.count { return "\(articles) \(from)" }
        return "\(articles): \(named) \(from), \(members.count - named) naming no outlet"
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
