import SynopticCore

/// Writes a briefing as plain text for a terminal, wrapped to a width.
public struct TextRenderer: Sendable {
    public var width: Int

    public init(width: Int = 80) { self.width = max(width, 40) }

    public func render(_ briefing: Briefing) -> String {
        var out = ""
        let numbers = briefing.referenceNumbers
        if briefing.stories.isEmpty { out += "No articles could be read.\n" }
        for story in briefing.stories {
            let members = briefing.members(of: story)
            out += story.title.uppercased() + "\n"
            out += String(repeating: "=", count: min(width, story.title.count)) + "\n\n"
            out += "SUMMARY\n"
            for sentence in story.summary {
                let cites = sentence.sources.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
                out += wrap("\(sentence.text) \(cites)", first: "  * ", rest: "    ")
            }
            out += "\nSOURCES\n"
            for article in members {
                var facts = [article.provenance.outlet, article.dateline, article.provenance.published].compactMap { $0 }
                facts.append("\(article.wordCount) words")
                out += wrap("\(article.title ?? article.id) (\(facts.joined(separator: ", ")))", first: "  [\(numbers[article.id] ?? 0)] ", rest: "      ")
            }
            out += "\n"
        }
        for diagnostic in briefing.diagnostics { out += "! \(diagnostic)\n" }
        return out
    }

    /// Greedy word wrap with a first-line and a continuation indent.
    func wrap(_ text: String, first: String, rest: String) -> String {
        var out = ""
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > width {
                out += line + "\n"
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }
}
