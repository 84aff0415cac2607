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
