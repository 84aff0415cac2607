import Foundation
import SynopticCore

/// Writes a briefing as one self-contained HTML file: inline CSS, no scripts, nothing loaded from
/// anywhere, readable on a phone. Void elements are closed (`<br />`) so that the page is also
/// well-formed XML, which lets tests check its structure with a strict parser. Every piece of text that comes from an article goes through
/// ``HTMLText/escape(_:)``; a URL becomes a link only when it is http(s).
public struct HTMLRenderer: Sendable {
    /// Where a source's entry links besides its own URL: the server gives each article a page of
    /// its own (`/articles/ID`); the self-contained file has none (`nil`).
    public var articlePage: (@Sendable (String) -> String)?

    public init(articlePage: (@Sendable (String) -> String)? = nil) {
        self.articlePage = articlePage
    }

    public func render(_ briefing: Briefing) -> String {
        let title = briefing.stories.count == 1 ? "Briefing: \(briefing.stories[0].title)" : "Briefing"
        var body = ""
        if briefing.stories.isEmpty {
            body += "<h1>Briefing</h1>\n<p>No articles could be read.</p>\n"
        }
        for story in briefing.stories { body += storyArticle(story, in: briefing) }
        if !briefing.diagnostics.isEmpty {
            body += "<section class=\"diagnostics\">\n<h2>Inputs not read in full</h2>\n<ul>\n"
            for diagnostic in briefing.diagnostics { body += "<li>\(HTMLText.escape(diagnostic.description))</li>\n" }
            body += "</ul>\n</section>\n"
        }
        return page(title: title, main: body)
    }

    /// One story as an `<article class="story">`: summary with source chips, agreement matrix,
    /// disagreements, exclusives, who said what, figures, timeline, sources and versions. The one
    /// place these sections are written, for the self-contained file and the server's story page.
    /// Chips cite articles by their 1-based number in `briefing.articles`.
    public func storyArticle(_ story: Story, in briefing: Briefing) -> String {
        let members = briefing.members(of: story)
        let page = StoryPage(sections: StorySections(story: story, members: members), numbers: briefing.referenceNumbers, articlePage: articlePage)
        return page.render()
    }

    /// A whole page around `main` (already HTML): doctype, viewport, the shared style plus
    /// `extraStyle`, and `header` (already HTML) above the `<main>` element. `title` is escaped here.
    public func page(title: String, main: String, header: String = "", extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="\(HTMLText.escape(Briefing.generator))" />
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(Self.style)\(extraStyle.isEmpty ? "" : "\n" + extraStyle)
        </style>
        </head>
        <body>
        \(header)<main>

        \(main)</main>
        </body>
        </html>

        """
    }

    /// System fonts only (no web fonts), a readable measure, tables that scroll sideways on a narrow
    /// screen instead of widening the page, and sides of a disagreement that stack when there is no room.
    public static let style = """
        :root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --paper: #ffffff;
          --chip: #eef1f5; --yes: #1a7f37; --accent: #0b57d0; --warn: #9a3412; }
        @media (prefers-color-scheme: dark) { :root { --ink: #e8eaed; --muted: #a6abb3; --line: #3c4043; --paper: #15171a;
          --chip: #2a2d31; --yes: #4ac26b; --accent: #8ab4f8; --warn: #fdba74; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.5rem 0 .25rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        a { color: var(--accent); }
        .meta, .note, .empty, .legend { color: var(--muted); }
        .empty, .note { font-style: italic; }
        .legend { font-size: .9rem; }
        article.story + article.story { margin-top: 3rem; border-top: 3px double var(--line); }
        ul { padding-left: 1.2rem; }
        li { margin: .3rem 0; }
        .chip { display: inline-block; margin: 0 .15rem; padding: 0 .4rem; border-radius: .6rem; background: var(--chip);
          font-size: .75rem; line-height: 1.4rem; color: var(--ink); text-decoration: none; white-space: nowrap; }
        .chip b { color: var(--accent); }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; font-size: .9rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; }
        th { font-weight: 600; }
        td.mark { text-align: center; }
        td.yes { color: var(--yes); font-weight: 700; }
        td.no { color: var(--muted); }
        td.count { text-align: right; }
        td.fact { min-width: 14rem; }
        .status { font-size: .75rem; color: var(--warn); }
        .disagreement { margin: 1rem 0; }
        .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: .5rem; }
        .side { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem; }
        .side blockquote { margin: 0 0 .3rem; }
        .kind { font-size: .75rem; font-weight: 400; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .value { font-size: .85rem; color: var(--muted); }
        .date { font-weight: 600; white-space: nowrap; }
        .sources li { overflow-wrap: anywhere; }
        .outlet { font-weight: 600; }
        code { font-size: .85em; overflow-wrap: anywhere; }
        """
}

/// Escaping for text and attribute values, and the one check that decides whether a URL may be a link.
public enum HTMLText {
    /// The text safe inside an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` become
    /// references, and control characters that HTML forbids become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `url` without surrounding spaces when it is an http or https URL, else `nil`: anything else
    /// (`javascript:`, `data:`, a file path) is shown as text, never linked.
    public static func linkableURL(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
        // A space or control character inside is not a URL a browser would take as written.
        guard !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return trimmed
    }
}

/// One story as an `<article>`: its sections in the order of the Markdown briefing, then its sources.
private struct StoryPage {
    let sections: StorySections
    let numbers: [String: Int]
    let articlePage: (@Sendable (String) -> String)?

    var story: Story { sections.story }

    func escape(_ text: String) -> String { HTMLText.escape(text) }

    func render() -> String {
        let members = sections.members
        let meta = SourceCount.line(members)
        var out = "<article class=\"story\" id=\"\(escape(story.id))\">\n"
        out += "<header>\n<h1>\(escape(story.title))</h1>\n<p class=\"meta\">\(meta)</p>\n</header>\n"
        out += summary()
        out += agreementMatrix()
        out += disagreements()
        out += exclusives()
        out += whoSaidWhat()
        out += figures()
        out += timeline()
        out += sources()
        out += "</article>\n"
        return out
    }

    func section(_ heading: String, _ body: String) -> String {
        "<section>\n<h2>\(heading)</h2>\n\(body)</section>\n"
    }

    func empty(_ note: String) -> String { "<p class=\"empty\">\(escape(note))</p>\n" }

    /// A small label per cited article, linking to the article in the sources list; `numbersOnly`
    /// drops the outlet where the columns already name it (the agreement matrix).
    func chips(_ ids: [String], numbersOnly: Bool = false) -> String {
        var seen: Set<String> = []
        let labels = ids.filter { seen.insert($0).inserted }.compactMap { id -> String? in
            guard let number = numbers[id] else { return nil }
            let outlet = sections.outletName(ofArticle: id)
            let label = numbersOnly ? "" : " \(escape(outlet))"
            return "<a class=\"chip\" href=\"#source-\(number)\" title=\"\(escape(outlet))\"><b>\(number)</b>\(label)</a>"
        }
        return labels.isEmpty ? "" : "<span class=\"chips\">\(labels.joined())</span>"
    }

    func summary() -> String {
        guard !story.summary.isEmpty else { return section("Summary", empty(EmptySection.summary)) }
        var body = "<ul class=\"summary\">\n"
        for sentence in story.summary { body += "<li>\(escape(sentence.shownText)) \(chips(sentence.sources))</li>\n" }
        return section("Summary", body + "</ul>\n")
    }

    func agreementMatrix() -> String {
        guard !story.facts.isEmpty else { return section("Agreement matrix", empty(EmptySection.facts)) }
        let columns = sections.matrixColumns
        let (facts, hidden) = sections.matrixFacts()
        var body = "<div class=\"scroll\">\n<table class=\"matrix\">\n<thead>\n<tr><th>#</th><th>Fact</th>"
        for outlet in columns {
            let numbersOfOutlet = sections.articles(of: outlet).compactMap { numbers[$0] }.map(String.init).joined(separator: ", ")
            let title = numbersOfOutlet.isEmpty ? "" : " title=\"articles \(numbersOfOutlet)\""
            body += "<th scope=\"col\"\(title)>\(escape(outlet))</th>"
        }
        body += "<th scope=\"col\">Sources</th></tr>\n</thead>\n<tbody>\n"
        for (row, fact) in facts.enumerated() {
            let reporting = Set(fact.outlets)
            let status = fact.status == .disputed ? " <span class=\"status\">disputed</span>" : ""
            body +=
                "<tr><td class=\"count\">\(row + 1)</td><td class=\"fact\">\(escape(fact.text))\(status) \(chips(fact.sources, numbersOnly: true))</td>"
            for outlet in columns {
                body +=
                    reporting.contains(outlet)
                    ? "<td class=\"mark yes\" title=\"reports it\">✓</td>" : "<td class=\"mark no\" title=\"does not report it\">·</td>"
            }
            body += "<td class=\"count\">\(reporting.count)</td></tr>\n"
        }
        body += "</tbody>\n</table>\n</div>\n"
        if hidden > 0 { body += "<p class=\"note\">And \(hidden) more fact\(hidden == 1 ? "" : "s"), less salient (all in the JSON).</p>\n" }
        body += """
            <p class="legend">✓ the source reports the fact, · it does not; Sources counts the sources that report it \
            (versions of one article count once). A disputed fact is one a disagreement below involves.</p>

            """
        return section("Agreement matrix", body)
    }

    func disagreements() -> String {
        guard !story.disagreements.isEmpty else { return section("Disagreements", empty(EmptySection.disagreements)) }
        var body = ""
        for disagreement in story.disagreements {
            let subject = disagreement.subject.isEmpty ? disagreement.kind.rawValue.capitalized : disagreement.subject
            body += "<div class=\"disagreement\">\n<h3>\(escape(subject)) <span class=\"kind\">\(disagreement.kind.rawValue)</span></h3>\n"
            body += "<div class=\"sides\">\n"
            for side in disagreement.sides {
                body += "<div class=\"side\">\n<blockquote>“\(escape(side.text))”</blockquote>\n"
                if let value = side.value { body += "<div class=\"value\">value: \(escape(value))</div>\n" }
                let outlets = side.outlets.map(escape).joined(separator: ", ")
                body += "<div class=\"who\">\(outlets.isEmpty ? "" : "<span class=\"outlet\">\(outlets)</span> ")\(chips(side.sources))</div>\n"
                body += "</div>\n"
            }
            body += "</div>\n"
            if !disagreement.note.isEmpty { body += "<p class=\"note\">\(escape(disagreement.note))</p>\n" }
            body += "</div>\n"
        }
        return section("Disagreements", body)
    }

    func exclusives() -> String {
        let groups = sections.exclusiveGroups
        guard !groups.isEmpty else { return section("Exclusives", empty(EmptySection.exclusives)) }
        var body = ""
        for (group, facts) in groups {
            body += "<h3>\(escape(group.outlet))</h3>\n<ul>\n"
            for fact in facts.prefix(StorySections.exclusivesPerSourceLimit) {
                body += "<li>\(escape(fact.text)) \(chips(fact.sources.isEmpty ? group.articles : fact.sources))</li>\n"
            }
            let hidden = facts.count - StorySections.exclusivesPerSourceLimit
            if hidden > 0 { body += "<li class=\"note\">and \(hidden) more from this source (all in the JSON)</li>\n" }
            body += "</ul>\n"
        }
        return section("Exclusives", body)
    }

    func whoSaidWhat() -> String {
        let groups = sections.speakerGroups
        guard !groups.isEmpty else { return section("Who said what", empty(EmptySection.quotes)) }
        var body = ""
        for group in groups {
            body += "<h3>\(group.speaker.map(escape) ?? "Unattributed")"
            if let role = group.role { body += " <span class=\"meta\">— \(escape(role))</span>" }
            body += "</h3>\n<ul>\n"
            for quote in group.quotes {
                let fragment = quote.partial ? " <span class=\"meta\">(fragment)</span>" : ""
                body += "<li>“\(escape(quote.text))”\(fragment) \(chips([quote.article]))</li>\n"
            }
            body += "</ul>\n"
        }
        return section("Who said what", body)
    }

    func figures() -> String {
        let (groups, hidden) = sections.figureGroups
        guard !groups.isEmpty else { return section("Figures", empty(EmptySection.figures)) }
        var body = "<ul class=\"figures\">\n"
        for group in groups {
            let figures = group.figures.map { figure in
                let source = figure.source.map { " <span class=\"meta\">(\(escape($0)))</span>" } ?? ""
                return "\(escape(figure.text))\(source) \(chips(figure.articles))"
            }
            body += "<li><strong>\(escape(group.label))</strong>: \(figures.joined(separator: "; "))</li>\n"
        }
        if hidden > 0 { body += "<li>and \(hidden) more (all in the JSON)</li>\n" }
        return section("Figures", body + "</ul>\n")
    }

    func timeline() -> String {
        guard !story.timeline.isEmpty else { return section("Timeline", empty(EmptySection.timeline)) }
        var body = "<ol class=\"timeline\">\n"
        for entry in story.timeline {
            let written = entry.when.isEmpty ? "" : " title=\"\(escape(entry.when))\""
            body += "<li><span class=\"date\"\(written)>\(escape(ReadableDate.text(for: entry.date)))</span> — "
            body += "\(escape(entry.text)) \(chips(entry.sources))</li>\n"
        }
        return section("Timeline", body + "</ol>\n")
    }

    /// An article's name in the versions and duplicates lists, linking to its entry.
    func articleLink(_ id: String) -> String {
        guard let number = numbers[id] else { return "<code>\(escape(id))</code>" }
        return "<a href=\"#source-\(number)\"><code>\(escape(id))</code> [\(number)]</a>"
    }

    func sources() -> String {
        var body = "<ol class=\"sources\">\n"
        for article in sections.members {
            let number = numbers[article.id] ?? 0
            let provenance = article.provenance
            body += "<li id=\"source-\(number)\" value=\"\(number)\">"
            body += "<span class=\"outlet\">\(escape(provenance.outlet ?? "Unknown outlet"))</span> — "
            body += "<cite>\(escape(article.title ?? article.id))</cite><br />\n"
            var facts: [String] = []
            if let url = provenance.url {
                if let link = HTMLText.linkableURL(url) {
                    facts.append("<a href=\"\(escape(link))\" rel=\"noreferrer\">\(escape(link))</a>")
                } else {
                    facts.append("<code>\(escape(url))</code>")
                }
            } else {
                facts.append("<code>\(escape(provenance.location == "-" ? "standard input" : provenance.location))</code>")
            }
            if let published = provenance.published ?? provenance.publishedRaw { facts.append("published \(escape(published))") }
            if let dateline = article.dateline { facts.append(escape(dateline)) }
            facts.append("\(article.wordCount) words")
            if let articlePage {
                facts.append("<a class=\"article-link\" href=\"\(escape(articlePage(article.id)))\">id <code>\(escape(article.id))</code></a>")
            } else {
                facts.append("id <code>\(escape(article.id))</code>")
            }
            body += "<span class=\"meta\">\(facts.joined(separator: " · "))</span></li>\n"
        }
        body += "</ol>\n"
        if !story.versionChanges.isEmpty {
            body += "<h3>Versions</h3>\n<ul>\n"
            for change in story.versionChanges {
                body += "<li>\(articleLink(change.earlier)) → \(articleLink(change.later)): "
                body += "\(sections.changeDescription(change, escape: escape)).</li>\n"
            }
            body += "</ul>\n"
        }
        if !story.duplicates.isEmpty {
            body += "<h3>Duplicates</h3>\n<ul>\n"
            let limit = StorySections.duplicateLimit
            for pair in story.duplicates.prefix(limit) where pair.articles.count == 2 {
                body += "<li>\(articleLink(pair.articles[0])) and \(articleLink(pair.articles[1])): "
                body += "\(StorySections.duplicateDescription(pair)).</li>\n"
            }
            if story.duplicates.count > limit { body += "<li>and \(story.duplicates.count - limit) more pairs (all in the JSON).</li>\n" }
            body += "</ul>\n"
        }
        return section("Sources", body)
    }
}
