import SynopticCore

/// The paragraphs of two versions of an article, lined up: what stayed, what went, what came.
/// A rewritten paragraph shows as one removed and one added, next to each other.
struct VersionDiff: Sendable, Hashable, Codable {
    enum Operation: String, Sendable, Hashable, Codable {
        case same, removed, added
    }

    struct Line: Sendable, Hashable, Codable {
        var op: Operation
        var text: String
    }

    var lines: [Line]

    init(lines: [Line]) { self.lines = lines }

    /// The diff from `earlier`'s paragraphs to `later`'s (Myers' shortest edit script).
    init(from earlier: Article, to later: Article) {
        self.init(from: Self.paragraphs(of: earlier), to: Self.paragraphs(of: later))
    }

    init(from old: [String], to new: [String]) {
        let difference = new.difference(from: old)
        var removed: Set<Int> = []
        var inserted: Set<Int> = []
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [Line] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                lines.append(Line(op: .removed, text: old[i]))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                lines.append(Line(op: .added, text: new[j]))
                j += 1
            } else if i < old.count, j < new.count {
                lines.append(Line(op: .same, text: new[j]))
                i += 1
                j += 1
            } else {
                break  // cannot happen with a consistent difference; never loop forever
            }
        }
        self.lines = lines
    }

    static func paragraphs(of article: Article) -> [String] {
        var texts = article.title.map { [$0] } ?? []
        texts += article.blocks.map { String(article[$0.span]) }
        return texts
    }

    var changed: Int { lines.filter { $0.op != .same }.count }
}
