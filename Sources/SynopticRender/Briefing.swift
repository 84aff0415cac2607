import SynopticCore

/// Everything a run produced: the articles, the stories made of them, and what went wrong.
public struct Briefing: Sendable {
    public var articles: [Article]
    public var stories: [Story]
    public var diagnostics: [Diagnostic]

    public init(articles: [Article], stories: [Story], diagnostics: [Diagnostic]) {
        self.articles = articles
        self.stories = stories
        self.diagnostics = diagnostics
    }

    /// The version string written into documents.
    public static let generator = "synoptic 0.1.0"

    /// The JSON contract's view of this briefing.
    public var document: BriefingDocument {
        BriefingDocument(
            generator: Self.generator, articles: articles.map(ArticleRecord.init), stories: stories.map(StoryRecord.init),
            diagnostics: diagnostics)
    }

    /// The articles of `story`, in its order, looked up once through an index.
    func members(of story: Story) -> [Article] {
        let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return story.articleIDs.compactMap { byID[$0] }
    }

    /// 1-based reference numbers of articles, as the renderers cite them.
    var referenceNumbers: [String: Int] {
        Dictionary(articles.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    }
}
