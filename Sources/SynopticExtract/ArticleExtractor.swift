import SynopticCore

/// Runs the extraction stage over one article: entities, quotations and their speakers, figures,
/// and (with ``TimeTagger``) time expressions; every extractor reads one shared token array.
///
/// ```swift
/// var article = …
/// article.annotations = ArticleExtractor().annotations(of: article)
/// ```
public struct ArticleExtractor: Sendable {
    public var entities = EntityRecognizer()
    public var quotes = QuoteAttributor()
    public var figures = FigureExtractor()

    public init() {}

    public var times = TimeTagger()

    /// Annotates an article; relative time expressions resolve against its publication date when
    /// it has one, else against `storyAnchor` (see ``StoryTimeAnchor``), else stay unresolved.
    public func annotations(of article: Article, storyAnchor: TimeAnchor? = nil) -> ArticleAnnotations {
        let text = TokenizedText(article: article)
        var annotations = annotations(of: text)
        annotations.times = times.tag(text, anchor: Self.anchor(of: article) ?? storyAnchor)
        return annotations
    }

    /// Time expressions alone, for an article whose anchor became known later.
    public func times(of article: Article, anchor: TimeAnchor?) -> [TimeExpression] {
        times.tag(TokenizedText(article: article), anchor: anchor)
    }

    /// The article's publication date as an anchor.
    public static func anchor(of article: Article) -> TimeAnchor? {
        article.provenance.published.flatMap { TimeAnchor(iso8601: $0, kind: .publication) }
    }

    /// Entities, quotations and figures of tokenized text (time expressions need an anchor: see
    /// ``annotations(of:storyAnchor:)``).
    public func annotations(of text: TokenizedText) -> ArticleAnnotations {
        let passages = QuotedPassageFinder.passages(in: text)
        let analysis = entities.recognize(text, quoted: passages.map(\.span))
        let quoted = quotes.quotes(in: text, passages: passages, entities: analysis)
        return ArticleAnnotations(entities: analysis.entities, mentions: analysis.mentions, quotes: quoted, figures: figures.figures(in: text))
    }
}
