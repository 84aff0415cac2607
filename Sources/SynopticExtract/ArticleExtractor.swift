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

    public func annotations(of article: Article) -> ArticleAnnotations {
        annotations(of: TokenizedText(article: article))
    }

    public func annotations(of text: TokenizedText) -> ArticleAnnotations {
        let passages = QuotedPassageFinder.passages(in: text)
        let analysis = entities.recognize(text, quoted: passages.map(\.span))
        let quoted = quotes.quotes(in: text, passages: passages, entities: analysis)
        return ArticleAnnotations(entities: analysis.entities, mentions: analysis.mentions, quotes: quoted, figures: figures.figures(in: text))
    }
}
