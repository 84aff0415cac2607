import SynopticCore

/// Writes a briefing as Markdown: per story a summary whose every line cites its sources, then the
/// sources themselves.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ briefing: Briefing) -> String {
        var out = ""
        let numbers = briefing.referenceNumbers
        if briefing.stories.isEmpty {
            out += "# Briefing\n\nNo articles could be read.\n"
        }
        for story in briefing.stories {
            let members = briefing.members(of: story)
            let outlets = Set(members.compactMap(\.provenance.outlet))
            out += "# \(escape(story.title))\n\n"
            var line = "\(members.count) article\(members.count == 1 ? "" : "s")"
            if !outlets.isEmpty { line += " from \(outlets.count) outlet\(outlets.count == 1 ? "" : "s")" }
            out += "_\(line)._\n\n"
            out += "## Summary\n\n"
            if story.summary.isEmpty {
                out += "_No sentence could stand alone as a summary._\n\n"
            }
            for sentence in story.summary {
                let cites = sentence.sources.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
                out += "- \(escape(sentence.text)) \(cites)\n"
            }
            out += whoSaidWhat(story, numbers: numbers, members: members)
            out += versions(story, numbers: numbers, members: members)
            out += duplicates(story, numbers: numbers)
            out += "\n## Sources\n\n"
            out += "| # | Title | Outlet | Dateline | Published | Words |\n|---|---|---|---|---|---|\n"
            for article in members {
                let cells = [
                    "\(numbers[article.id] ?? 0)", article.title ?? "—", article.provenance.outlet ?? "—", article.dateline ?? "—",
                    article.provenance.published ?? article.provenance.publishedRaw ?? "—", "\(article.wordCount)",
                ]
                out += "| " + cells.map { tableCell($0) }.joined(separator: " | ") + " |\n"
            }
            out += "\n"
            for article in members {
                var where_ = article.provenance.url ?? article.provenance.location
                if where_ == "-" { where_ = "standard input" }
                out += "\(numbers[article.id] ?? 0). `\(article.id)` — `\(where_.replacingBackticks)`\n"
            }
            out += "\n"
        }
        if !briefing.diagnostics.isEmpty {
            out += "## Inputs not read in full\n\n"
            for diagnostic in briefing.diagnostics { out += "- \(escape(diagnostic.description))\n" }
            out += "\n"
        }
        return out
    }

    /// Quotations grouped by speaker (most quoted first), each with the outlet that carries it;
    /// quotations whose speaker the text does not name come last.
    func whoSaidWhat(_ story: Story, numbers: [String: Int], members: [Article]) -> String {
        guard !story.quotes.isEmpty else { return "" }
        let outlets = Dictionary(members.map { ($0.id, $0.provenance.outlet) }, uniquingKeysWith: { first, _ in first })
        var order: [String?] = []
        var bySpeaker: [String?: [Quote]] = [:]
        for quote in story.quotes {
            if bySpeaker[quote.speaker] == nil { order.append(quote.speaker) }
            bySpeaker[quote.speaker, default: []].append(quote)
        }
        order.sort { a, b in
            if (a == nil) != (b == nil) { return b == nil }
            let ca = bySpeaker[a]?.count ?? 0, cb = bySpeaker[b]?.count ?? 0
            return ca != cb ? ca > cb : (a ?? "") < (b ?? "")
        }
        let roles = Dictionary(story.people.map { ($0.name, $0.roles.first) }, uniquingKeysWith: { first, _ in first })
        var out = "\n## Who said what\n\n"
        for speaker in order {
            var heading = speaker.map(escape) ?? "Unattributed"
            if let speaker, let role = roles[speaker] ?? nil { heading += " — \(escape(role))" }
            out += "### \(heading)\n\n"
            for quote in bySpeaker[speaker] ?? [] {
                let outlet = outlets[quote.article].flatMap { $0 } ?? quote.article
                let cite = numbers[quote.article].map { " [\($0)]" } ?? ""
                let fragment = quote.partial ? " _(fragment)_" : ""
                out += "- “\(escape(quote.text))”\(fragment) — \(escape(outlet))\(cite)\n"
            }
            out += "\n"
        }
        return out
    }

    /// Versions of one article among the sources, each pair with its main changes.
    func versions(_ story: Story, numbers: [String: Int], members: [Article]) -> String {
        guard !story.versionChanges.isEmpty else { return "" }
        let titles = Dictionary(members.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var out = "\n## Versions\n\n"
        for change in story.versionChanges {
            func name(_ id: String) -> String { "`\(id.replacingBackticks)`" + (numbers[id].map { " [\($0)]" } ?? "") }
            var facts: [String] = []
            if change.headlineChanged, let old = titles[change.earlier] ?? nil, let new = titles[change.later] ?? nil {
                facts.append("headline changed from “\(escape(old))” to “\(escape(new))”")
            }
            if change.dekChanged { facts.append("dek rewritten") }
            var paragraphs: [String] = []
            if change.paragraphsAdded > 0 { paragraphs.append("\(change.paragraphsAdded) added") }
            if change.paragraphsRemoved > 0 { paragraphs.append("\(change.paragraphsRemoved) removed") }
            if change.paragraphsRewritten > 0 { paragraphs.append("\(change.paragraphsRewritten) rewritten") }
            if change.paragraphsMoved > 0 { paragraphs.append("\(change.paragraphsMoved) moved") }
            let total = change.paragraphsAdded + change.paragraphsRemoved + change.paragraphsRewritten + change.paragraphsMoved
            if total > 0 { facts.append("paragraphs: " + paragraphs.joined(separator: ", ")) }
            let figures = change.figuresChanged.prefix(5).map { edit -> String in
                let counts = edit.counts.map { " \(escape($0))" } ?? ""
                switch (edit.earlier, edit.later) {
                case let (old?, new?): return "\(escape(old)) → \(escape(new))\(counts)"
                case let (nil, new?): return "new \(escape(new))\(counts)"
                case let (old?, nil): return "\(escape(old))\(counts) dropped"
                default: return ""
                }
            }
            if !figures.isEmpty {
                let more = change.figuresChanged.count > 5 ? " and \(change.figuresChanged.count - 5) more" : ""
                facts.append("figures: " + figures.joined(separator: "; ") + more)
            }
            let added = change.quotesChanged.filter { $0.earlier == nil }.count
            let removed = change.quotesChanged.filter { $0.later == nil }.count
            let reworded = change.quotesChanged.count - added - removed
            var quotes: [String] = []
            if added > 0 { quotes.append("\(added) added") }
            if removed > 0 { quotes.append("\(removed) removed") }
            if reworded > 0 { quotes.append("\(reworded) reworded") }
            if !quotes.isEmpty { facts.append("quotations: " + quotes.joined(separator: ", ")) }
            out += "- \(name(change.earlier)) → \(name(change.later)): \(facts.isEmpty ? "wording only" : facts.joined(separator: "; ")).\n"
        }
        return out
    }

    /// Articles of the story that carry the same text, each pair with how and how much.
    func duplicates(_ story: Story, numbers: [String: Int]) -> String {
        guard !story.duplicates.isEmpty else { return "" }
        var out = "\n## Duplicates\n\n"
        for pair in story.duplicates.prefix(20) where pair.articles.count == 2 {
            let names = pair.articles.map { id in "`\(id.replacingBackticks)`" + (numbers[id].map { " [\($0)]" } ?? "") }
            let how: String
            switch pair.kind {
            case .exact: how = "the same text"
            case .near: how = String(format: "near-duplicates (%.0f%% of their word runs shared)", pair.similarity * 100)
            case .copy: how = String(format: "a copy (%.0f%% of the shorter inside the longer)", pair.similarity * 100)
            }
            out += "- \(names[0]) and \(names[1]): \(how).\n"
        }
        if story.duplicates.count > 20 { out += "- and \(story.duplicates.count - 20) more pairs (all in the JSON).\n" }
        return out
    }

    /// Escapes characters Markdown would read as markup inside running text.
    func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": out.append("\\"); out.append(c)
            case "\n": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }

    private func tableCell(_ text: String) -> String { escape(text) }
}

extension String {
    /// Backticks would end a code span early.
    var replacingBackticks: String { String(map { $0 == "`" ? "\u{2018}" : $0 }) }
}
