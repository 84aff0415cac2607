import Foundation
import Synoptic
import SynopticTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The briefing's sections in Markdown, HTML and text, rendered from hand-built stories about an
/// invented lighthouse (no real text), so that each section can be checked on known content.
@Suite("Briefing render")
struct BriefingRenderTests {
    // MARK: Fixtures

    static func article(
        _ id: String, outlet: String?, title: String, url: String? = nil, published: String? = nil,
        body: String = "An invented report about the Marrowick lighthouse."
    ) -> Article {
        let text = ScalarText(body)
        return Article(
            id: id, provenance: Provenance(origin: .textFile, path: "\(id).txt", url: url, outlet: outlet, published: published),
            title: title, dateline: nil, text: text, blocks: [], sentences: [], removed: [], sourceMap: .identity(length: text.scalarCount),
            original: body)
    }

    static func reference(_ article: String) -> SourceReference { SourceReference(article: article, span: TextSpan(start: 0, end: 10)) }

    static func fact(_ id: String, _ text: String, sources: [String], outlets: [String], status: Fact.Status, salience: Double) -> Fact {
        Fact(
            id: id, text: text, origin: reference(sources[0]), mentions: sources.map(reference), sources: sources, outlets: outlets,
            status: status, salience: salience)
    }

    static func timelineEntry(_ date: String, _ text: String, sources: [String], resolved: Bool = true, when: String = "") -> TimelineEntry {
        var entry = TimelineEntry(date: date, text: text, sources: sources)
        entry.resolved = resolved
        entry.when = when
        entry.outlets = sources
        entry.references = sources.map(reference)
        return entry
    }

    /// Three sources: one outlet with two versions of its report, a wire, and a blog without an outlet name.
    static let articles = [
        article(
            "gazette-1", outlet: "Gull Point Gazette", title: "Marrowick lighthouse to reopen", url: "https://gazette.example/lighthouse",
            published: "2031-05-15"),
        article("gazette-2", outlet: "Gull Point Gazette", title: "Marrowick lighthouse reopens", url: "https://gazette.example/lighthouse"),
        article("wire", outlet: "Coastal Wire", title: "Lighthouse lit again after restoration"),
        article("keeper-blog", outlet: nil, title: "Notes from the lamp room"),
    ]

    static var fullStory: Story {
        var story = Story(
            id: "story-1", title: "Marrowick lighthouse reopens", articleIDs: articles.map(\.id),
            summary: [
                SummarySentence(
                    text: "The Marrowick lighthouse reopened on Saturday.", sources: ["gazette-2", "wire", "keeper-blog"],
                    origin: reference("gazette-2"))
            ],
            quotes: [
                Quote(text: "The lamp turns again", speaker: "Ilse Varrow", article: "wire", cue: "said"),
                Quote(text: "a long winter", speaker: nil, article: "keeper-blog", partial: true),
            ],
            people: [Person(name: "Ilse Varrow", aliases: [], roles: ["harbour master"])],
            versions: [["gazette-1", "gazette-2"]],
            timeline: [
                timelineEntry("2031-05-16", "Scaffolding came down on Friday.", sources: ["wire"]),
                timelineEntry(
                    "XXXX-WXX-4", "The new lamp was tested on Thursday night.", sources: ["keeper-blog"], resolved: false, when: "Thursday"),
                timelineEntry("2031-05-17", "The lighthouse reopened to visitors.", sources: ["gazette-2", "wire"]),
            ])
        story.facts = [
            fact(
                "fact-1", "The lighthouse reopened on Saturday.", sources: ["gazette-1", "wire", "keeper-blog"],
                outlets: ["Gull Point Gazette", "Coastal Wire", "keeper-blog"], status: .corroborated, salience: 0.9),
            fact(
                "fact-2", "The restoration cost 1.2 million crowns.", sources: ["gazette-2"], outlets: ["Gull Point Gazette"], status: .disputed,
                salience: 0.7),
            fact(
                "fact-3", "The restoration cost 1.5 million crowns.", sources: ["wire"], outlets: ["Coastal Wire"], status: .disputed,
                salience: 0.6),
            fact(
                "fact-4", "A keeper's logbook from 1911 was found behind a wall panel.", sources: ["keeper-blog"], outlets: ["keeper-blog"],
                status: .exclusive, salience: 0.4),
        ]
        story.disagreements = [
            Disagreement(
                kind: .figure, subject: "restoration cost",
                sides: [
                    Disagreement.Side(
                        text: "1.2 million crowns", value: "1200000", sources: ["gazette-2"], outlets: ["Gull Point Gazette"],
                        references: [reference("gazette-2")]),
                    Disagreement.Side(
                        text: "1.5 million crowns", value: "1500000", sources: ["wire"], outlets: ["Coastal Wire"], references: [reference("wire")]),
                ], note: "The same cost given as two figures that cannot both hold.", facts: ["fact-2", "fact-3"])
        ]
        story.exclusives = [ExclusiveGroup(outlet: "keeper-blog", articles: ["keeper-blog"], facts: ["fact-4", "fact-missing"])]
        story.figures = [
            StoryFigure(
                article: "gazette-2", text: "1.2 million crowns",
                figure: Figure(span: TextSpan(start: 0, end: 5), value: 1_200_000, counts: "crowns"), source: nil),
            StoryFigure(
                article: "wire", text: "1.5 million crowns", figure: Figure(span: TextSpan(start: 0, end: 5), value: 1_500_000, counts: "crowns"),
                source: "the council"),
        ]
        story.versionChanges = [VersionChange(earlier: "gazette-1", later: "gazette-2", headlineChanged: true, paragraphsAdded: 2)]
        return story
    }

    static var fullBriefing: Briefing { Briefing(articles: articles, stories: [fullStory], diagnostics: []) }

    /// A story of one article in which no later stage found anything.
    static var bareBriefing: Briefing {
        let only = article("lone", outlet: "Coastal Wire", title: "A quiet day at the lighthouse")
        return Briefing(
            articles: [only], stories: [Story(id: "story-1", title: "A quiet day at the lighthouse", articleIDs: ["lone"])], diagnostics: [])
    }

    static let emptyNotes = [
        "No sentence could stand alone as a summary.", "No facts were aligned across the articles.", "No disagreements found between the sources.",
        "No fact is reported by only one source.", "No quotations found.", "No figures found.", "No dated events found.",
    ]

    // MARK: Markdown

    @Test("Markdown, HTML and text: the count line says how many articles name no outlet")
    func sourceCountLine() {
        // Four articles: three from two outlets, one (the blog) naming none.
        let expected = "4 articles: 3 from 2 outlets, 1 naming no outlet"
        #expect(MarkdownRenderer().render(Self.fullBriefing).contains("_\(expected)._"))
        #expect(TextRenderer().render(Self.fullBriefing).contains(expected))
        #expect(HTMLRenderer().render(Self.fullBriefing).contains("<p class=\"meta\">\(expected)</p>"))
        let named = Array(Self.articles.prefix(3))
        let unnamed = [Self.articles[3]]
        #expect(SourceCount.line(named) == "3 articles from 2 outlets")
        #expect(SourceCount.line(unnamed) == "1 article, naming no outlet")
    }

    @Test("Markdown and HTML: figures that count nothing named are grouped as percentages or as other")
    func uncountedFigures() {
        var story = Self.fullStory
        story.figures.append(contentsOf: [
            StoryFigure(
                article: "wire", text: "61%", figure: Figure(span: TextSpan(start: 0, end: 3), value: 61, unit: "percent"), source: nil),
            StoryFigure(article: "wire", text: "seven", figure: Figure(span: TextSpan(start: 0, end: 5), value: 7), source: nil),
        ])
        let briefing = Briefing(articles: Self.articles, stories: [story], diagnostics: [])
        let markdown = MarkdownRenderer().render(briefing)
        #expect(markdown.contains("- **crowns**: "))
        #expect(markdown.contains("- **percentages**: 61% [3]"))
        #expect(markdown.contains("- **other**: seven [3]"))
        let html = HTMLRenderer().render(briefing)
        #expect(html.contains("<strong>percentages</strong>") && html.contains("<strong>other</strong>"))
    }

    @Test("Markdown: the matrix marks ✓ under the sources that report a fact and · under the others")
    func markdownMatrix() throws {
        let markdown = MarkdownRenderer().render(Self.fullBriefing)
        let lines = markdown.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("| # | Fact |") })
        // Columns follow reading order; the blog without an outlet goes by its article id.
        #expect(header == "| # | Fact | Gull Point Gazette [1][2] | Coastal Wire [3] | keeper-blog [4] | Sources |")
        let everyone = try #require(lines.first { $0.contains("The lighthouse reopened on Saturday.") && $0.hasPrefix("| ") })
        #expect(everyone.hasSuffix("| ✓ | ✓ | ✓ | 3 |"))
        #expect(everyone.contains("[1][3][4]"))
        let wireOnly = try #require(lines.first { $0.contains("1.5 million crowns.") && $0.hasPrefix("| ") })
        #expect(wireOnly.hasSuffix("| · | ✓ | · | 1 |"))
        #expect(wireOnly.contains("_(disputed)_"))
        let blogOnly = try #require(lines.first { $0.contains("logbook from 1911") && $0.hasPrefix("| ") })
        #expect(blogOnly.hasSuffix("| · | · | ✓ | 1 |"))
        #expect(markdown.contains("_✓ the source reports the fact, · it does not;"))
    }

    @Test("Markdown: sections come in order, a disagreement shows both sides with their sources")
    func markdownSections() throws {
        let markdown = MarkdownRenderer().render(Self.fullBriefing)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(
            headings == [
                "## Summary", "## Agreement matrix", "## Disagreements", "## Exclusives", "## Who said what", "## Figures", "## Timeline",
                "## Versions", "## Sources",
            ])
        #expect(markdown.contains("### restoration cost (figure)"))
        #expect(markdown.contains("| Says | “1.2 million crowns” | “1.5 million crowns” |"))
        #expect(markdown.contains("| Value | 1200000 | 1500000 |"))
        #expect(markdown.contains("| Sources | Gull Point Gazette [2] | Coastal Wire [3] |"))
        #expect(markdown.contains("_The same cost given as two figures that cannot both hold._"))
        // The exclusive fact is listed under its source; an id that names no fact is skipped.
        #expect(markdown.contains("### keeper-blog\n\n- A keeper's logbook from 1911 was found behind a wall panel. [4]\n"))
        #expect(markdown.contains("### Ilse Varrow — harbour master\n\n- “The lamp turns again” — Coastal Wire [3]"))
        #expect(markdown.contains("- **crowns**: 1.2 million crowns [2]; 1.5 million crowns (the council) [3]"))
    }

    @Test("Markdown: the timeline keeps its order and writes dates for a reader")
    func markdownTimeline() throws {
        let markdown = MarkdownRenderer().render(Self.fullBriefing)
        let friday = try #require(markdown.range(of: "- **Fri 16 May 2031** — Scaffolding came down on Friday. [3]"))
        let thursday = try #require(markdown.range(of: "- **Thursday (week not dated)** — The new lamp was tested on Thursday night. [4]"))
        let saturday = try #require(markdown.range(of: "- **Sat 17 May 2031** — The lighthouse reopened to visitors. [2][3]"))
        #expect(friday.lowerBound < thursday.lowerBound && thursday.lowerBound < saturday.lowerBound)
    }

    @Test("Markdown: every empty section says so in one line")
    func markdownEmptySections() {
        let markdown = MarkdownRenderer().render(Self.bareBriefing)
        for note in Self.emptyNotes { #expect(markdown.contains("_\(note)_"), "\(note)") }
        #expect(!markdown.contains("## Versions") && !markdown.contains("## Duplicates"))
    }

    @Test("Markdown and HTML: the matrix shows the 15 most salient facts and the exclusives 5 per source, and count the rest")
    func caps() {
        var story = Story(id: "story-1", title: "Many small facts", articleIDs: ["wire"])
        story.facts = (1...20).map { n in
            Self.fact(
                "fact-\(n)", "Invented fact number \(n).", sources: ["wire"], outlets: ["Coastal Wire"], status: .exclusive, salience: Double(n) / 100
            )
        }
        story.exclusives = [ExclusiveGroup(outlet: "Coastal Wire", articles: ["wire"], facts: story.facts.reversed().map(\.id))]
        let briefing = Briefing(articles: [Self.articles[2]], stories: [story], diagnostics: [])
        let markdown = MarkdownRenderer().render(briefing)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("Invented fact number") }
        #expect(rows.count == 15)
        // Most salient first: fact 20 heads the matrix, facts 1 to 5 are left out.
        #expect(rows.first?.contains("Invented fact number 20.") == true)
        #expect(!markdown.contains("Invented fact number 5.") && markdown.contains("Invented fact number 6."))
        #expect(markdown.contains("_And 5 more facts, less salient (all in the JSON)._"))
        #expect(markdown.contains("- _and 15 more from this source (all in the JSON)._"))
        let html = HTMLRenderer().render(briefing)
        #expect(html.contains("And 5 more facts, less salient (all in the JSON)."))
        #expect(html.contains("and 15 more from this source (all in the JSON)"))
    }

    // MARK: HTML

    @Test("HTML: the same sections, with chips that link to the sources list")
    func htmlSections() throws {
        let html = HTMLRenderer().render(Self.fullBriefing)
        let headings = html.split(separator: "\n").filter { $0.hasPrefix("<h2>") }.map(String.init)
        #expect(
            headings == [
                "<h2>Summary</h2>", "<h2>Agreement matrix</h2>", "<h2>Disagreements</h2>", "<h2>Exclusives</h2>", "<h2>Who said what</h2>",
                "<h2>Figures</h2>", "<h2>Timeline</h2>", "<h2>Sources</h2>",
            ])
        #expect(html.contains(##"<a class="chip" href="#source-3" title="Coastal Wire"><b>3</b> Coastal Wire</a>"##))
        #expect(html.contains(#"<li id="source-3" value="3">"#))
        #expect(html.contains(#"<a href="https://gazette.example/lighthouse" rel="noreferrer">https://gazette.example/lighthouse</a>"#))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1" />"#))
        #expect(html.contains(#"<div class="scroll">"#))
        #expect(html.contains("<h3>Versions</h3>"))
    }

    @Test("HTML: matrix cells, disagreement sides side by side, timeline order and the unanchored weekday")
    func htmlContent() throws {
        let html = HTMLRenderer().render(Self.fullBriefing)
        let rows = html.split(separator: "\n").filter { $0.hasPrefix("<tr><td") }.map(String.init)
        let yes = #"<td class="mark yes" title="reports it">✓</td>"#
        let no = #"<td class="mark no" title="does not report it">·</td>"#
        let everyone = try #require(rows.first { $0.contains("The lighthouse reopened on Saturday.") })
        #expect(everyone.contains(yes + yes + yes + #"<td class="count">3</td>"#))
        let wireOnly = try #require(rows.first { $0.contains("1.5 million crowns.") })
        #expect(wireOnly.contains(no + yes + no + #"<td class="count">1</td>"#))

        let disagreement = try #require(html.range(of: #"<div class="disagreement">"#))
        let sides = html[disagreement.upperBound...]
        let first = try #require(sides.range(of: "<blockquote>“1.2 million crowns”</blockquote>"))
        let second = try #require(sides.range(of: "<blockquote>“1.5 million crowns”</blockquote>"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(
            sides.contains(
                ##"<span class="outlet">Gull Point Gazette</span> <span class="chips"><a class="chip" href="#source-2" title="Gull Point Gazette">"##)
        )
        #expect(
            sides.contains(##"<span class="outlet">Coastal Wire</span> <span class="chips"><a class="chip" href="#source-3" title="Coastal Wire">"##))

        let friday = try #require(html.range(of: ">Fri 16 May 2031</span> — Scaffolding came down"))
        let thursday = try #require(html.range(of: #"<span class="date" title="Thursday">Thursday (week not dated)</span>"#))
        let saturday = try #require(html.range(of: ">Sat 17 May 2031</span> — The lighthouse reopened to visitors."))
        #expect(friday.lowerBound < thursday.lowerBound && thursday.lowerBound < saturday.lowerBound)
    }

    @Test("HTML: every empty section says so")
    func htmlEmptySections() {
        let html = HTMLRenderer().render(Self.bareBriefing)
        for note in Self.emptyNotes { #expect(html.contains("<p class=\"empty\">\(note)</p>"), "\(note)") }
        Self.expectSelfContainedAndWellFormed(html)
    }

    @Test("HTML: hostile titles, quotes, outlets and URLs are escaped, and only http(s) URLs are links")
    func htmlHostileText() throws {
        let script = "<script>alert(1)</script>"
        let articles = [
            Self.article(
                "evil", outlet: "Evil \"Outlet\" & <b>Co</b>", title: "\(script) & \"quoted\" title", url: "javascript:alert(1)"),
            Self.article("odd", outlet: "Plain & Simple", title: "Odd URL", url: "https://odd.example/a?b=1&c=\"2\"><script>"),
            Self.article("spaced", outlet: "Spaced", title: "Spaced URL", url: "  JavaScript:alert(2)"),
        ]
        var story = Story(
            id: "story-\"1\"", title: "\(script) & \"quoted\"", articleIDs: articles.map(\.id),
            summary: [SummarySentence(text: "Sentence with \(script) & \"marks\".", sources: ["evil", "odd"], origin: Self.reference("evil"))],
            quotes: [Quote(text: "\(script) said & \"done\"", speaker: "<img src=x onerror=alert(1)>", article: "evil")],
            timeline: [Self.timelineEntry("2031-05-16\"><script>", "Event \(script)", sources: ["evil"], when: "\"><script>")])
        story.facts = [
            Self.fact(
                "fact-1", "Fact <img src=http://tracker.example/x.png>", sources: ["evil"], outlets: ["Evil \"Outlet\" & <b>Co</b>"],
                status: .exclusive, salience: 1)
        ]
        story.disagreements = [
            Disagreement(
                kind: .quote, subject: "\(script) subject",
                sides: [
                    .init(text: "side \(script)", value: "<v>", sources: ["evil"], outlets: ["<i>one</i>"], references: []),
                    .init(text: "side & \"two\"", value: nil, sources: ["odd"], outlets: ["Plain & Simple"], references: []),
                ], note: "note \(script)")
        ]
        story.exclusives = [ExclusiveGroup(outlet: "Evil \"Outlet\" & <b>Co</b>", articles: ["evil"], facts: ["fact-1"])]
        story.figures = [
            StoryFigure(
                article: "evil", text: "<b>3</b>", figure: Figure(span: TextSpan(start: 0, end: 1), value: 3, counts: "<u>x</u>"), source: script)
        ]
        let briefing = Briefing(articles: articles, stories: [story], diagnostics: [])
        let html = HTMLRenderer().render(briefing)

        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>Co</b>") && !html.contains("<img") && !html.contains("<i>one</i>") && !html.contains("<u>x</u>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; title"))
        #expect(html.contains("Evil &quot;Outlet&quot; &amp; &lt;b&gt;Co&lt;/b&gt;"))
        #expect(html.contains(#"id="story-&quot;1&quot;""#))
        #expect(html.contains(#"title="&quot;&gt;&lt;script&gt;""#))
        // Not http(s): shown as text, never linked.
        #expect(!html.lowercased().contains("href=\"javascript:") && !html.lowercased().contains("href=\"  javascript:"))
        #expect(html.contains("<code>javascript:alert(1)</code>"))
        #expect(html.contains("<code>  JavaScript:alert(2)</code>"))
        // http(s): linked, with the attribute escaped.
        #expect(html.contains(#"href="https://odd.example/a?b=1&amp;c=&quot;2&quot;&gt;&lt;script&gt;""#))
        Self.expectSelfContainedAndWellFormed(html)
    }

    @Test("HTML: only http and https URLs may become links")
    func linkableURLs() {
        #expect(HTMLText.linkableURL("https://a.example/x") == "https://a.example/x")
        #expect(HTMLText.linkableURL(" HTTP://a.example/ ") == "HTTP://a.example/")
        for url in [
            "javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "a.example", "https://a b", "//a.example",
        ] {
            #expect(HTMLText.linkableURL(url) == nil, "\(url)")
        }
        #expect(HTMLText.escape("<a href='x'>&\"</a>\u{01}") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\u{FFFD}")
    }

    @Test("HTML of the bundled example: self-contained, well-formed, and clean under xmllint when installed")
    func bundledExample() throws {
        let example = SharedData.repositoryRoot.appendingPathComponent("Examples/harbor-bridge").path
        let briefing = BriefingPipeline().run([example])
        let html = try OutputFormat.html.render(briefing)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        Self.expectSelfContainedAndWellFormed(html)

        let xmllint = URL(fileURLWithPath: "/usr/bin/xmllint")
        guard FileManager.default.isExecutableFile(atPath: xmllint.path) else {
            print("notice: xmllint is not installed (apt libxml2-utils); skipping its check of the example's HTML")
            return
        }
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("briefing.html")
        try Data(html.utf8).write(to: file)
        let process = Process()
        process.executableURL = xmllint
        process.arguments = ["--html", "--noout", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // libxml2's HTML parser knows HTML 4 only: it names each HTML5 element it meets, and that is all it may say.
        let html5 = ["main", "article", "header", "section"]
        let problems = output.split(separator: "\n").filter { $0.contains("error") }.filter { line in
            !html5.contains { line.hasSuffix("Tag \($0) invalid") }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    // MARK: Text

    @Test("text: compact agreement, disagreements, exclusives and timeline")
    func textSections() {
        // Wide enough that no line under test wraps.
        let text = TextRenderer(width: 120).render(Self.fullBriefing)
        #expect(text.contains("AGREEMENT\n  3/3   The lighthouse reopened on Saturday. [1][3][4]\n"))
        #expect(text.contains("restoration cost (figure): “1.2 million crowns” [2] vs “1.5 million crowns” [3]"))
        #expect(text.contains("EXCLUSIVES\n  keeper-blog\n    * A keeper's logbook from 1911 was found behind a wall panel. [4]\n"))
        #expect(text.contains("  * Thursday (week not dated): The new lamp was tested on Thursday night. [4]\n"))
        let bare = TextRenderer().render(Self.bareBriefing)
        #expect(bare.contains("DISAGREEMENTS\n  No disagreements found between the sources.\n"))
    }

    // MARK: Command line

    @Test("synoptic brief --format html --out writes one page")
    func commandLine() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("briefing.html")
        let result = try SynopticProcess.run(["brief", "Examples/harbor-bridge", "--format", "html", "--out", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<h2>Agreement matrix</h2>"))
    }

    // MARK: Helpers

    /// No scripts, nothing fetched from elsewhere, and a structure a strict XML parser accepts.
    static func expectSelfContainedAndWellFormed(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lowered = html.lowercased()
        #expect(!lowered.contains("<script"), sourceLocation: sourceLocation)
        #expect(!lowered.contains("<link") && !lowered.contains("@import") && !lowered.contains("url("), sourceLocation: sourceLocation)
        // Every `<` in the page opens a real tag (article text is escaped), so a tag with a `src`
        // attribute would show here.
        #expect(lowered.range(of: #"<[a-z][^>]*\ssrc\s*="#, options: .regularExpression) == nil, sourceLocation: sourceLocation)
        for tag in ["main", "article", "section", "table", "ul", "ol", "div", "li", "tr"] {
            let opened = lowered.components(separatedBy: "<\(tag)>").count + lowered.components(separatedBy: "<\(tag) ").count - 2
            let closed = lowered.components(separatedBy: "</\(tag)>").count - 1
            #expect(opened == closed, "<\(tag)> opened \(opened) times, closed \(closed)", sourceLocation: sourceLocation)
        }
        // On Linux, XMLDocument logs errors and returns a document anyway, and XMLParser.parse() may
        // return true for a tag left open: only `parserError` tells.
        let parser = XMLParser(data: Data(html.utf8))
        let parsed = parser.parse()
        #expect(
            parsed && parser.parserError == nil, "not well-formed at line \(parser.lineNumber): \(String(describing: parser.parserError))",
            sourceLocation: sourceLocation)
    }
}
