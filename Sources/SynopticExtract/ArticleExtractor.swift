import SynopticCore

/// Runs the extraction stage over one article: entities, then quotations and their speakers.
///
/// ```swift
/// var article = …
/// article.annotations = ArticleExtractor().annotations(of: article)
/// ```
public struct ArticleExtractor: Sendable {
    public var entities = EntityRecognizer()
    public var quotes = QuoteAttributor()

    public init() {}

    public func annotations(of article: Article) -> ArticleAnnotations {
        annotations(of: TokenizedText(article: article))
    }

    public func annotations(of text: TokenizedText) -> ArticleAnnotations {
        let passages = QuotedPassageFinder.passages(in: text)
        let analysis = entities.recognize(text, quoted: passages.map(\.span))
        let quoted = quotes.quotes(in: text, passages: passages, entities: analysis)
        return ArticleAnnotations(entities: analysis.entities, mentions: analysis.mentions, quotes: quoted)
    }
}
