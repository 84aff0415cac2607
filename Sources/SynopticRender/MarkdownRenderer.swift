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
            out += "# \(escape(story.title))\n\n"
            out += "_\(SourceCount.line(members))._\n\n"
            out += "## Summary\n\n"
            if story.summary.isEmpty {
                out += "_\(EmptySection.summary)_\n"
            }
            for sentence in story.summary {
                out += "- \(escape(sentence.shownText)) \(cites(sentence.sources, numbers))\n"
            }
            let sections = StorySections(story: story, members: members)
            out += agreementMatrix(sections, numbers: numbers)
            out += disagreements(story, numbers: numbers)
            out += exclusives(sections, numbers: numbers)
            out += whoSaidWhat(sections, numbers: numbers)
            out += figures(sections, numbers: numbers)
            out += timeline(story, numbers: numbers)
            out += versions(sections, numbers: numbers)
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

    /// Citations of articles by their reference numbers: `[1][3]`.
    func cites(_ ids: [String], _ numbers: [String: Int]) -> String {
        ids.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
    }

    /// Facts by source: a row per fact (the most salient, capped), a column per source, ✓ where
    /// the source reports the fact and · where it does not.
    func agreementMatrix(_ sections: StorySections, numbers: [String: Int]) -> String {
        var out = "\n## Agreement matrix\n\n"
        guard !sections.story.facts.isEmpty else { return out + "_\(EmptySection.facts)_\n" }
        let columns = sections.matrixColumns
        let (facts, hidden) = sections.matrixFacts()
        let headers = columns.map { outlet in
            let label = cites(sections.articles(of: outlet), numbers)
            return escape(outlet) + (label.isEmpty ? "" : " \(label)")
        }
        out += "| # | Fact | " + headers.joined(separator: " | ") + " | Sources |\n"
        out += "|---:|---|" + String(repeating: ":---:|", count: columns.count) + "---:|\n"
        for (row, fact) in facts.enumerated() {
            let reporting = Set(fact.outlets)
            let disputed = fact.status == .disputed ? " _(disputed)_" : ""
            let cells = columns.map { reporting.contains($0) ? "✓" : "·" }
            out += "| \(row + 1) | \(escape(fact.text)) \(cites(fact.sources, numbers))\(disputed) | " + cells.joined(separator: " | ")
            out += " | \(reporting.count) |\n"
        }
        out += "\n"
        if hidden > 0 { out += "_And \(hidden) more fact\(hidden == 1 ? "" : "s"), less salient (all in the JSON)._\n\n" }
        out += "_✓ the source reports the fact, · it does not; Sources counts the sources that report it (versions of one article count once)."
        out += " A disputed fact is one a disagreement below involves._\n"
        return out
    }

    /// Each disagreement as a table with a column per side: its wording, its value and its sources.
    func disagreements(_ story: Story, numbers: [String: Int]) -> String {
        var out = "\n## Disagreements\n\n"
        guard !story.disagreements.isEmpty else { return out + "_\(EmptySection.disagreements)_\n" }
        for (index, disagreement) in story.disagreements.enumerated() {
            if index > 0 { out += "\n" }
            let subject = disagreement.subject.isEmpty ? disagreement.kind.rawValue.capitalized : escape(disagreement.subject)
            out += "### \(subject) (\(disagreement.kind.rawValue))\n\n"
            let sides = disagreement.sides
            out += "| | " + sides.indices.map { "Side \($0 + 1)" }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---|", count: sides.count) + "\n"
            out += "| Says | " + sides.map { "“\(escape($0.text))”" }.joined(separator: " | ") + " |\n"
            if sides.contains(where: { $0.value != nil }) {
                out += "| Value | " + sides.map { $0.value.map(escape) ?? "—" }.joined(separator: " | ") + " |\n"
            }
            out +=
                "| Sources | "
                + sides.map { side in
                    let names = side.outlets.map(escape).joined(separator: ", ")
                    return [names, cites(side.sources, numbers)].filter { !$0.isEmpty }.joined(separator: " ")
                }.joined(separator: " | ") + " |\n"
            if !disagreement.note.isEmpty { out += "\n_\(escape(disagreement.note))_\n" }
        }
        return out
    }

    /// The facts only one source reports, under that source's name.
    func exclusives(_ sections: StorySections, numbers: [String: Int]) -> String {
        var out = "\n## Exclusives\n\n"
        let groups = sections.exclusiveGroups
        guard !groups.isEmpty else { return out + "_\(EmptySection.exclusives)_\n" }
        for (group, facts) in groups {
            out += "### \(escape(group.outlet))\n\n"
            for fact in facts.prefix(StorySections.exclusivesPerSourceLimit) {
                out += "- \(escape(fact.text)) \(cites(fact.sources.isEmpty ? group.articles : fact.sources, numbers))\n"
            }
            let hidden = facts.count - StorySections.exclusivesPerSourceLimit
            if hidden > 0 { out += "- _and \(hidden) more from this source (all in the JSON)._\n" }
            out += "\n"
        }
        return String(out.dropLast())
    }

    /// Quotations grouped by speaker (most quoted first), each with the outlet that carries it;
    /// quotations whose speaker the text does not name come last.
    func whoSaidWhat(_ sections: StorySections, numbers: [String: Int]) -> String {
        var out = "\n## Who said what\n\n"
        let groups = sections.speakerGroups
        guard !groups.isEmpty else { return out + "_\(EmptySection.quotes)_\n" }
        for group in groups {
            var heading = group.speaker.map(escape) ?? "Unattributed"
            if let role = group.role { heading += " — \(escape(role))" }
            out += "### \(heading)\n\n"
            for quote in group.quotes {
                let cite = numbers[quote.article].map { " [\($0)]" } ?? ""
                let fragment = quote.partial ? " _(fragment)_" : ""
                out += "- “\(escape(quote.text))”\(fragment) — \(escape(sections.outletName(ofArticle: quote.article)))\(cite)\n"
            }
            out += "\n"
        }
        return String(out.dropLast())
    }

    /// Figures by what they count, each as written with the articles that write it so.
    func figures(_ sections: StorySections, numbers: [String: Int]) -> String {
        var out = "\n## Figures\n\n"
        let (groups, hidden) = sections.figureGroups
        guard !groups.isEmpty else { return out + "_\(EmptySection.figures)_\n" }
        for group in groups {
            let figures = group.figures.map { figure in
                let source = figure.source.map { " (\(escape($0)))" } ?? ""
                return "\(escape(figure.text))\(source) \(cites(figure.articles, numbers))"
            }
            out += "- **\(escape(group.label))**: " + figures.joined(separator: "; ") + "\n"
        }
        if hidden > 0 { out += "- and \(hidden) more (all in the JSON).\n" }
        return out
    }

    /// Dated events in the order the timeline stage gives, each date written for a reader.
    func timeline(_ story: Story, numbers: [String: Int]) -> String {
        var out = "\n## Timeline\n\n"
        guard !story.timeline.isEmpty else { return out + "_\(EmptySection.timeline)_\n" }
        for entry in story.timeline {
            out += "- **\(escape(ReadableDate.text(for: entry.date)))** — \(escape(entry.text)) \(cites(entry.sources, numbers))\n"
        }
        return out
    }

    /// Versions of one article among the sources, each pair with its main changes.
    func versions(_ sections: StorySections, numbers: [String: Int]) -> String {
        guard !sections.story.versionChanges.isEmpty else { return "" }
        var out = "\n## Versions\n\n"
        for change in sections.story.versionChanges {
            func name(_ id: String) -> String { "`\(id.replacingBackticks)`" + (numbers[id].map { " [\($0)]" } ?? "") }
            out += "- \(name(change.earlier)) → \(name(change.later)): \(sections.changeDescription(change, escape: escape)).\n"
        }
        return out
    }

    /// Articles of the story that carry the same text, each pair with how and how much.
    func duplicates(_ story: Story, numbers: [String: Int]) -> String {
        guard !story.duplicates.isEmpty else { return "" }
        var out = "\n## Duplicates\n\n"
        let limit = StorySections.duplicateLimit
        for pair in story.duplicates.prefix(limit) where pair.articles.count == 2 {
            let names = pair.articles.map { id in "`\(id.replacingBackticks)`" + (numbers[id].map { " [\($0)]" } ?? "") }
            out += "- \(names[0]) and \(names[1]): \(StorySections.duplicateDescription(pair)).\n"
        }
        if story.duplicates.count > limit { out += "- and \(story.duplicates.count - limit) more pairs (all in the JSON).\n" }
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
