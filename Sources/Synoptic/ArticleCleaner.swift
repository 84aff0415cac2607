import SynopticCore
import SynopticHTML
import SynopticIngest
import SynopticText

/// Turns source documents into clean ``Article``s, whatever they were: text goes through the
/// assembler (normalization, debris, title, sentences), an HTML page through the extractor first.
/// `brief` and `clean` both use it, so they clean alike.
///
/// Cleaning is two steps because some debris only shows across a batch (a line that recurs in one
/// outlet's articles): ``prepare(_:diagnostic:)`` reads each document's text (extracting pages),
/// ``BatchBoilerplate`` learns from all of them, then ``article(from:boilerplate:diagnostic:)``
/// assembles each.
public struct ArticleCleaner: Sendable {
    public var assembler = ArticleAssembler()
    public var html = HTMLCleaner()

    public init() {}

    /// A document with its text in hand: a page already extracted.
    public struct Prepared: Sendable {
        public var source: SourceDocument
        public var page: HTMLArticle?
        /// The provenance, completed by the page's metadata.
        public var provenance: Provenance
        /// The text the assembler reads.
        public var text: String
    }

    /// Extracts a page's article (or takes a text document as it is). Nil when a page has no
    /// article; the reason goes to `diagnostic`, as does a wrong charset (a warning).
    public func prepare(_ source: SourceDocument, diagnostic: (Diagnostic) -> Void) -> Prepared? {
        guard let bytes = source.html else {
            return Prepared(source: source, page: nil, provenance: source.provenance, text: source.text)
        }
        let path = source.provenance.path ?? "-"
        let page = html.extractor.extract(bytes, declaredCharset: source.htmlCharset)
        for note in page.notes { diagnostic(Diagnostic(.warning, path: path, line: source.provenance.line, reason: note)) }
        if let reason = page.emptyReason {
            diagnostic(Diagnostic(.error, path: path, line: source.provenance.line, reason: reason))
            return nil
        }
        var source = source
        source.html = nil  // the bytes are not needed once the page is read
        var provenance = HTMLCleaner.provenance(source.provenance, filledFrom: page)
        // What the transport said about the page (a feed item's date, author and feed title) fills
        // only what neither the caller nor the page itself said.
        let fallback = source.metadata
        if provenance.published == nil, let date = fallback.published.flatMap(DateNormalizer.iso8601) { provenance.published = date }
        if provenance.outlet == nil { provenance.outlet = fallback.outlet }
        if provenance.authors.isEmpty { provenance.authors = fallback.authors }
        return Prepared(source: source, page: page, provenance: provenance, text: HTMLCleaner.text(of: page.blocks))
    }

    /// The clean article, or nil when nothing of it is left.
    public func article(from prepared: Prepared, boilerplate: BatchBoilerplate = .none, diagnostic: (Diagnostic) -> Void) -> Article? {
        let source = prepared.source
        let article: Article
        if let page = prepared.page {
            article = html.assemble(
                page, text: prepared.text, id: source.suggestedID, provenance: prepared.provenance, title: source.metadata.title,
                boilerplate: boilerplate)
        } else {
            article = assembler.assemble(
                id: source.suggestedID, provenance: source.provenance, metadata: .init(title: source.metadata.title), original: source.text,
                boilerplate: boilerplate)
        }
        guard !article.blocks.isEmpty else {
            diagnostic(
                Diagnostic(.error, path: source.provenance.path ?? "-", line: source.provenance.line, reason: "no article text after the title"))
            return nil
        }
        return article
    }
}
