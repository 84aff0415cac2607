/// How `synoptic diff` prints an ``ArticleDiff``: as text for a reader, or as a JSON document
/// (described in docs/json.md, “The diff document”).
extension ArticleDiff {
    /// The diff as text. Paragraphs are numbered from 1 (¶1 is the first block of the body);
    /// unchanged paragraphs are summarised as a count. With `colors`, deleted words are red and
    /// inserted words green (ANSI), instead of `[-…-]` and `{+…+}`.
    public func text(colors: Bool = false) -> String {
        let deleted = colors ? ("\u{1B}[31m", "\u{1B}[0m") : ("[-", "-]")
        let inserted = colors ? ("\u{1B}[32m", "\u{1B}[0m") : ("{+", "+}")
        func marked(_ words: WordDiff) -> String { words.marked(deleted: deleted, inserted: inserted) }
        func plus(_ text: String) -> String { colors ? "\u{1B}[32m" + text + "\u{1B}[0m" : text }
        func minus(_ text: String) -> String { colors ? "\u{1B}[31m" + text + "\u{1B}[0m" : text }
        var out = ""
        out += minus("--- earlier: \(describe(earlier))") + "\n"
        out += plus("+++ later:   \(describe(later))") + "\n\n"
        if headline.isChanged {
            out += "Headline changed:\n  \(marked(headline.words))\n"
        } else {
            out += "Headline unchanged: \(headline.later ?? "(none)")\n"
        }
        if let dek {
            out += dek.isChanged ? "Dek changed:\n  \(marked(dek.words))\n" : "Dek unchanged.\n"
        }
        out += "\nParagraphs: \(count(.unchanged)) unchanged, \(count(.added)) added, \(count(.removed)) removed, "
        out += "\(count(.rewritten)) rewritten, \(count(.moved)) moved\n"
        var unchangedRun = 0
        func flushUnchanged() {
            if unchangedRun > 0 { out += "  … \(unchangedRun) unchanged paragraph\(unchangedRun == 1 ? "" : "s") …\n" }
            unchangedRun = 0
        }
        for change in paragraphs {
            let from = change.earlierIndex.map { "¶\($0 + 1)" } ?? ""
            let to = change.laterIndex.map { "¶\($0 + 1)" } ?? ""
            switch change.kind {
            case .unchanged:
                unchangedRun += 1
                continue
            case .added:
                flushUnchanged()
                out += "\n" + plus("+ \(to) added") + "\n    " + plus(change.laterText ?? "") + "\n"
            case .removed:
                flushUnchanged()
                out += "\n" + minus("- \(from) removed") + "\n    " + minus(change.earlierText ?? "") + "\n"
            case .rewritten:
                flushUnchanged()
                out += "\n~ \(from) → \(to) rewritten (similarity \(Self.decimal(change.similarity ?? 0)))\n"
                out += "    \(change.words.map(marked) ?? "")\n"
            case .moved:
                flushUnchanged()
                out += "\n> \(from) → \(to) moved\(change.isRewritten ? " and rewritten" : "")\n"
                out += "    \(change.words.map(marked) ?? change.laterText ?? "")\n"
            }
        }
        flushUnchanged()
        out += "\nFigures changed: \(figures.isEmpty ? "none" : "")\n"
        for figure in figures {
            let counts = figure.counts.map { " (\($0))" } ?? ""
            switch figure.kind {
            case .changed: out += "  ~ \(figure.earlier ?? "") → \(figure.later ?? "")\(counts)\n"
            case .added: out += plus("  + \(figure.later ?? "")\(counts)") + "\n"
            case .removed: out += minus("  - \(figure.earlier ?? "")\(counts)") + "\n"
            }
        }
        out += "\nQuotes changed: \(quotes.isEmpty ? "none" : "")\n"
        for quote in quotes {
            let speaker = quote.speaker.map { " — \($0)" } ?? ""
            switch quote.kind {
            case .changed: out += "  ~ “\(quote.words.map(marked) ?? "")”\(speaker)\n"
            case .added: out += plus("  + “\(quote.later ?? "")”\(speaker)") + "\n"
            case .removed: out += minus("  - “\(quote.earlier ?? "")”\(speaker)") + "\n"
            }
        }
        return out
    }

    private func describe(_ side: Side) -> String {
        var parts = [side.id]
        if let path = side.path, path != side.id { parts.append("(\(path))") }
        var facts: [String] = []
        if let outlet = side.outlet { facts.append(outlet) }
        if let date = side.modified ?? side.published { facts.append(date) }
        return (parts + (facts.isEmpty ? [] : ["·", facts.joined(separator: " · ")])).joined(separator: " ")
    }

    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The JSON document of the diff.
    public var record: DiffRecord { DiffRecord(self) }
}

/// The JSON document `synoptic diff --format json` prints. Keys are snake_case like the briefing
/// document's; every field is always present (`null` when it does not apply).
public struct DiffRecord: Encodable, Sendable {
    public struct SideRecord: Encodable, Sendable {
        var id: String
        var path: String?
        var title: String?
        var outlet: String?
        var published: String?
        var modified: String?
        var dek: Int?

        enum CodingKeys: String, CodingKey { case id, path, title, outlet, published, modified, dek }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(path, forKey: .path)
            try c.encode(title, forKey: .title)
            try c.encode(outlet, forKey: .outlet)
            try c.encode(published, forKey: .published)
            try c.encode(modified, forKey: .modified)
            try c.encode(dek, forKey: .dek)
        }
    }

    public struct RunRecord: Encodable, Sendable {
        var op: String
        var text: String
    }

    public struct TextChangeRecord: Encodable, Sendable {
        var changed: Bool
        var earlier: String?
        var later: String?
        var words: [RunRecord]

        enum CodingKeys: String, CodingKey { case changed, earlier, later, words }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(changed, forKey: .changed)
            try c.encode(earlier, forKey: .earlier)
            try c.encode(later, forKey: .later)
            try c.encode(words, forKey: .words)
        }
    }

    public struct ParagraphRecord: Encodable, Sendable {
        var change: String
        var earlierIndex: Int?
        var laterIndex: Int?
        var earlierText: String?
        var laterText: String?
        var similarity: Double?
        var rewritten: Bool
        var words: [RunRecord]?

        enum CodingKeys: String, CodingKey {
            case change
            case earlierIndex = "earlier_index"
            case laterIndex = "later_index"
            case earlierText = "earlier_text"
            case laterText = "later_text"
            case similarity, rewritten, words
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change, forKey: .change)
            try c.encode(earlierIndex, forKey: .earlierIndex)
            try c.encode(laterIndex, forKey: .laterIndex)
            try c.encode(earlierText, forKey: .earlierText)
            try c.encode(laterText, forKey: .laterText)
            try c.encode(similarity.map { ($0 * 100).rounded() / 100 }, forKey: .similarity)
            try c.encode(rewritten, forKey: .rewritten)
            try c.encode(words, forKey: .words)
        }
    }

    public struct CountsRecord: Encodable, Sendable {
        var unchanged: Int
        var added: Int
        var removed: Int
        var rewritten: Int
        var moved: Int
    }

    public struct EditRecord: Encodable, Sendable {
        var change: String
        var earlier: String?
        var later: String?
        /// `counts` for a figure, `speaker` for a quotation.
        var detail: (key: String, value: String?)
        var earlierParagraph: Int?
        var laterParagraph: Int?
        var words: [RunRecord]?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(change, forKey: Key("change"))
            try c.encode(earlier, forKey: Key("earlier"))
            try c.encode(later, forKey: Key("later"))
            try c.encode(detail.value, forKey: Key(detail.key))
            try c.encode(earlierParagraph, forKey: Key("earlier_paragraph"))
            try c.encode(laterParagraph, forKey: Key("later_paragraph"))
            if detail.key == "speaker" { try c.encode(words, forKey: Key("words")) }
        }
    }

    var earlier: SideRecord
    var later: SideRecord
    var headline: TextChangeRecord
    var dek: TextChangeRecord?
    var counts: CountsRecord
    var paragraphs: [ParagraphRecord]
    var figures: [EditRecord]
    var quotes: [EditRecord]

    enum CodingKeys: String, CodingKey { case earlier, later, headline, dek, counts, paragraphs, figures, quotes }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(earlier, forKey: .earlier)
        try c.encode(later, forKey: .later)
        try c.encode(headline, forKey: .headline)
        try c.encode(dek, forKey: .dek)
        try c.encode(counts, forKey: .counts)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(figures, forKey: .figures)
        try c.encode(quotes, forKey: .quotes)
    }

    init(_ diff: ArticleDiff) {
        func side(_ s: ArticleDiff.Side) -> SideRecord {
            SideRecord(id: s.id, path: s.path, title: s.title, outlet: s.outlet, published: s.published, modified: s.modified, dek: s.dekIndex)
        }
        func runs(_ words: WordDiff) -> [RunRecord] { words.runs.map { RunRecord(op: $0.operation.rawValue, text: $0.text) } }
        func change(_ t: ArticleDiff.TextChange) -> TextChangeRecord {
            TextChangeRecord(changed: t.isChanged, earlier: t.earlier, later: t.later, words: runs(t.words))
        }
        earlier = side(diff.earlier)
        later = side(diff.later)
        headline = change(diff.headline)
        dek = diff.dek.map(change)
        counts = CountsRecord(
            unchanged: diff.count(.unchanged), added: diff.count(.added), removed: diff.count(.removed), rewritten: diff.count(.rewritten),
            moved: diff.count(.moved))
        paragraphs = diff.paragraphs.map {
            ParagraphRecord(
                change: $0.kind.rawValue, earlierIndex: $0.earlierIndex, laterIndex: $0.laterIndex, earlierText: $0.earlierText,
                laterText: $0.laterText,
                similarity: $0.similarity, rewritten: $0.isRewritten, words: $0.words.map(runs))
        }
        figures = diff.figures.map {
            EditRecord(
                change: $0.kind.rawValue, earlier: $0.earlier, later: $0.later, detail: ("counts", $0.counts), earlierParagraph: $0.earlierParagraph,
                laterParagraph: $0.laterParagraph, words: nil)
        }
        quotes = diff.quotes.map {
            EditRecord(
                change: $0.kind.rawValue, earlier: $0.earlier, later: $0.later, detail: ("speaker", $0.speaker),
                earlierParagraph: $0.earlierParagraph,
                laterParagraph: $0.laterParagraph, words: $0.words.map(runs))
        }
    }
}
