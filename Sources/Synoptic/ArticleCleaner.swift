import SynopticCore
import SynopticIngest
import SynopticText

/// Turns one source document into a clean ``Article``, whatever it was: text goes through the
/// assembler (normalization, debris, title, sentences), an HTML page through the extractor first.
/// `brief` and `clean` both use it, so they clean alike.
public struct ArticleCleaner: Sendable {
    public var assembler = ArticleAssembler()
    public var html = HTMLCleaner()

    public init() {}

    /// The article, or nil when nothing of it is left; each problem goes to `diagnostic` (a wrong
    /// charset as a warning, a page with no article as an error naming the reason).
    public func article(from source: SourceDocument, diagnostic: (Diagnostic) -> Void) -> Article? {
        let path = source.provenance.path ?? "-"
        let article: Article
        if let bytes = source.html {
            let page = html.extractor.extract(bytes, declaredCharset: source.htmlCharset)
            for note in page.notes { diagnostic(Diagnostic(.warning, path: path, line: source.provenance.line, reason: note)) }
            if let reason = page.emptyReason {
                diagnostic(Diagnostic(.error, path: path, line: source.provenance.line, reason: reason))
                return nil
            }
            article = html.assemble(page, id: source.suggestedID, provenance: source.provenance, title: source.metadata.title)
        } else {
            article = assembler.assemble(
                id: source.suggestedID, provenance: source.provenance, metadata: .init(title: source.metadata.title), original: source.text)
        }
        guard !article.blocks.isEmpty else {
            diagnostic(Diagnostic(.error, path: path, line: source.provenance.line, reason: "no article text after the title"))
            return nil
        }
        return article
    }
}
