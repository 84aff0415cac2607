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
            out += String(repeating: "=", count: min(width, story.title.count)) + "\n"
            out += SourceCount.line(members) + "\n\n"
            out += "SUMMARY\n"
            for sentence in story.summary {
                let cites = sentence.sources.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
                out += wrap("\(sentence.shownText) \(cites)", first: "  * ", rest: "    ")
            }
            let sections = StorySections(story: story, members: members)
            out += agreement(sections, numbers: numbers)
            out += disagreements(story, numbers: numbers)
            out += exclusives(sections, numbers: numbers)
            out += timeline(story, numbers: numbers)
            out += "\nSOURCES\n"
            for article in members {
                var facts = [article.provenance.outlet, article.dateline, article.provenance.published].compactMap { $0 }
                facts.append("\(article.wordCount) words")
                out += wrap(
                    "\(article.title ?? article.id) (\(facts.joined(separator: ", ")))", first: "  [\(numbers[article.id] ?? 0)] ", rest: "      ")
            }
            out += "\n"
        }
        for diagnostic in briefing.diagnostics { out += "! \(diagnostic)\n" }
        return out
    }

    func cites(_ ids: [String], _ numbers: [String: Int]) -> String {
        ids.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
    }

    /// The most salient facts, each with how many of the story's sources report it.
    func agreement(_ sections: StorySections, numbers: [String: Int]) -> String {
        var out = "\nAGREEMENT\n"
        guard !sections.story.facts.isEmpty else { return out + "  \(EmptySection.facts)\n" }
        let total = sections.matrixColumns.count
        let (facts, hidden) = sections.matrixFacts(limit: 8)
        for fact in facts {
            let disputed = fact.status == .disputed ? " (disputed)" : ""
            let count = "\(fact.outlets.count)/\(total)"
            out += wrap("\(fact.text) \(cites(fact.sources, numbers))\(disputed)", first: "  \(count.padding(5)) ", rest: "        ")
        }
        if hidden > 0 { out += "  and \(hidden) more\n" }
        return out
    }

    func disagreements(_ story: Story, numbers: [String: Int]) -> String {
        var out = "\nDISAGREEMENTS\n"
        guard !story.disagreements.isEmpty else { return out + "  \(EmptySection.disagreements)\n" }
        for disagreement in story.disagreements {
            let sides = disagreement.sides.map { "“\($0.text)” \(cites($0.sources, numbers))" }.joined(separator: " vs ")
            out += wrap("\(disagreement.subject) (\(disagreement.kind.rawValue)): \(sides)", first: "  * ", rest: "    ")
        }
        return out
    }

    func exclusives(_ sections: StorySections, numbers: [String: Int]) -> String {
        var out = "\nEXCLUSIVES\n"
        let groups = sections.exclusiveGroups
        guard !groups.isEmpty else { return out + "  \(EmptySection.exclusives)\n" }
        for (group, facts) in groups {
            out += "  \(group.outlet)\n"
            for fact in facts.prefix(3) { out += wrap("\(fact.text) \(cites(fact.sources, numbers))", first: "    * ", rest: "      ") }
            if facts.count > 3 { out += "    and \(facts.count - 3) more\n" }
        }
        return out
    }

    func timeline(_ story: Story, numbers: [String: Int]) -> String {
        var out = "\nTIMELINE\n"
        guard !story.timeline.isEmpty else { return out + "  \(EmptySection.timeline)\n" }
        for entry in story.timeline {
            out += wrap("\(ReadableDate.text(for: entry.date)): \(entry.text) \(cites(entry.sources, numbers))", first: "  * ", rest: "    ")
        }
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

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
