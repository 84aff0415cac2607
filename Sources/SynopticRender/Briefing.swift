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

    func article(_ id: String) -> Article? { articles.first { $0.id == id } }

    /// 1-based reference numbers of articles, as the renderers cite them.
    var referenceNumbers: [String: Int] {
        Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0 + 1) })
    }
}
