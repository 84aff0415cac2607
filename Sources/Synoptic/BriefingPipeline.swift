import Foundation
@_exported import SynopticCore
@_exported import SynopticExtract
@_exported import SynopticHTML
@_exported import SynopticIngest
@_exported import SynopticRender
@_exported import SynopticStories
@_exported import SynopticSynthesis
@_exported import SynopticText

/// Runs the stages in order: read the inputs, learn the batch's recurring boilerplate, assemble each
/// article (normalize, split, clean, segment), build the stories and their summaries.
///
/// ```swift
/// let briefing = BriefingPipeline().run(["Examples/harbor-bridge"])
/// print(try OutputFormat.markdown.render(briefing))
/// ```
public struct BriefingPipeline: Sendable {
    public var limits: IngestLimits
    public var summary: ExtractiveSummarizer.Options

    public init(limits: IngestLimits = .default, summary: ExtractiveSummarizer.Options = .init()) {
        self.limits = limits
        self.summary = summary
    }

    /// Reads `inputs` and builds the briefing. `diagnostic` hears about each problem as it happens,
    /// so a long batch can report as it goes; the briefing lists them all too.
    ///
    /// `documents` are inputs already read elsewhere (web pages and feed items fetched by
    /// `SynopticSources`); they are cleaned with the files, as one batch.
    public func run(
        _ inputs: [String], documents: [SourceDocument] = [], standardInput: () -> FileHandle = { FileHandle.standardInput },
        diagnostic: (Diagnostic) -> Void = { _ in }
    ) -> Briefing {
        var diagnostics: [Diagnostic] = []
        let articles = cleanArticles(inputs, documents: documents, standardInput: standardInput) { problem in
            diagnostics.append(problem)
            diagnostic(problem)
        }
        let annotated = annotate(articles)
        var stories = StoryBuilder(summarizer: nil).stories(for: annotated)
        let dated = Self.anchorUndated(annotated, in: stories)
        // Each story reads its own members, found by id once: a batch of thousands of stories
        // must not scan every article for each.
        let byID = Dictionary(dated.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in stories.indices { StoryEntities.fill(&stories[index], articles: stories[index].articleIDs.compactMap { byID[$0] }) }
        StoryVersions.fill(&stories, articles: dated)
        Self.markDuplicates(in: &stories, articles: dated)
        for index in stories.indices {
            StorySynthesis.fill(
                &stories[index], articles: stories[index].articleIDs.compactMap { byID[$0] }, summarizer: ExtractiveSummarizer(options: summary))
        }
        return Briefing(articles: dated, stories: stories, diagnostics: diagnostics)
    }

    /// Briefs already-assembled articles as one story, without clustering: extraction, time
    /// anchoring, people across the story, versions, copies, then the synthesis (summary, facts,
    /// disagreements, exclusives, timeline). What `synoptic-bench --briefing` times.
    public func briefOneStory(_ articles: [Article], id: String = "story-1") -> (story: Story, articles: [Article]) {
        let annotated = annotate(articles)
        var stories = [Story(id: id, title: StoryBuilder.title(for: annotated), articleIDs: annotated.map(\.id))]
        let dated = Self.anchorUndated(annotated, in: stories)
        StoryEntities.fill(&stories[0], articles: dated)
        StoryVersions.fill(&stories, articles: dated)
        Self.markDuplicates(in: &stories, articles: dated)
        StorySynthesis.fill(&stories[0], articles: dated, summarizer: ExtractiveSummarizer(options: summary))
        return (stories[0], dated)
    }

    /// Resolves the time expressions of articles that carry no publication date against an
    /// anchor inferred from the other articles of their story (never from another story).
    static func anchorUndated(_ articles: [Article], in stories: [Story]) -> [Article] {
        var articles = articles
        let index = Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let extractor = ArticleExtractor()
        for story in stories {
            let members = story.articleIDs.compactMap { index[$0] }
            let undated = members.filter { ArticleExtractor.anchor(of: articles[$0]) == nil }
            guard !undated.isEmpty else { continue }
            // One anchor per story, from every member's publication date and explicit dates (an
            // undated article adds only the dates it writes out in full).
            let evidence = members.map { o in
                (published: articles[o].provenance.published, explicitDates: articles[o].annotations.times.filter { $0.anchor == .explicit })
            }
            guard let anchor = StoryTimeAnchor.infer(from: evidence) else { continue }
            for m in undated { articles[m].annotations.times = extractor.times(of: articles[m], anchor: anchor) }
        }
        return articles
    }

    /// Runs the extraction stage over each article: entities, quotations and their speakers,
    /// figures, and time expressions against each article's publication date.
    public func annotate(_ articles: [Article]) -> [Article] {
        let extractor = ArticleExtractor()
        return articles.map { article in
            var article = article
            article.annotations = extractor.annotations(of: article)
            return article
        }
    }

    /// Reads `inputs` and cleans each article (what `synoptic clean` prints), with ids unique
    /// across the batch. Read errors are reported as they happen; the whole batch is read before
    /// any article is assembled, because lines that recur across one outlet's articles are debris
    /// only the batch can show. `documents` (already read, e.g. fetched from the web) join the
    /// batch after the files.
    public func cleanArticles(
        _ inputs: [String], documents: [SourceDocument] = [], standardInput: () -> FileHandle = { FileHandle.standardInput },
        diagnostic: (Diagnostic) -> Void
    ) -> [Article] {
        let cleaner = ArticleCleaner()
        var prepared: [ArticleCleaner.Prepared] = []
        InputReader(limits: limits).read(
            inputs, standardInput: standardInput,
            document: { source in
                if let ready = cleaner.prepare(source, diagnostic: diagnostic) { prepared.append(ready) }
            },
            diagnostic: diagnostic)
        for source in documents {
            if let ready = cleaner.prepare(source, diagnostic: diagnostic) { prepared.append(ready) }
        }
        return assemble(prepared, diagnostic: diagnostic)
    }

    /// Cleans documents already read (a fetched page, a posted article, a stored record) as one
    /// batch, the way ``cleanArticles(_:documents:standardInput:diagnostic:)`` cleans files.
    public func cleanArticles(documents: [SourceDocument], diagnostic: (Diagnostic) -> Void) -> [Article] {
        let cleaner = ArticleCleaner()
        return assemble(documents.compactMap { cleaner.prepare($0, diagnostic: diagnostic) }, diagnostic: diagnostic)
    }

    /// Assembles prepared documents with the boilerplate their batch shows, ids unique in the batch.
    func assemble(_ prepared: [ArticleCleaner.Prepared], diagnostic: (Diagnostic) -> Void) -> [Article] {
        let cleaner = ArticleCleaner()
        let boilerplate = BatchBoilerplate(documents: prepared.map { ($0.provenance, $0.text) })
        var articles: [Article] = []
        var ids = UniqueIDs()
        for document in prepared {
            guard var article = cleaner.article(from: document, boilerplate: boilerplate, diagnostic: diagnostic) else { continue }
            // Only articles that are kept claim their id.
            article.id = ids.claim(document.source.suggestedID)
            articles.append(article)
        }
        return articles
    }
}

/// Makes article ids unique within a run: the second `report` becomes `report-2`.
struct UniqueIDs {
    private var taken: Set<String> = []

    mutating func claim(_ suggested: String) -> String {
        let base = suggested.isEmpty ? "article" : suggested
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }
}
