import SynopticCore
import SynopticHTML
import SynopticText

/// Cleans an HTML page into an ``Article``: the page's article blocks (``HTMLExtractor``) go through
/// the same assembly as text input (normalization, text debris, title, sentences), and the page's
/// metadata fills whatever the provenance does not already say.
///
/// For HTML input the article's `original` is the extracted text (one block per paragraph, with
/// `#`, `-` and `>` marking headings, list items and quotations), so offsets lead back to it rather
/// than to the markup.
public struct HTMLCleaner: Sendable {
    public var assembler = ArticleAssembler()
    public var extractor = HTMLExtractor()

    public init() {}

    public func clean(_ bytes: [UInt8], id: String = "page", provenance: Provenance = Provenance(origin: .htmlFile), declaredCharset: String? = nil)
        -> Article
    {
        let page = extractor.extract(bytes, declaredCharset: declaredCharset)
        return assemble(page, id: id, provenance: provenance)
    }

    public func assemble(
        _ page: HTMLArticle, id: String, provenance: Provenance, title: String? = nil, boilerplate: BatchBoilerplate = .none
    ) -> Article {
        assemble(
            page, text: Self.text(of: page.blocks), id: id, provenance: Self.provenance(provenance, filledFrom: page), title: title,
            boilerplate: boilerplate)
    }

    /// Assembles a page whose text (``text(of:)``) and completed provenance are already in hand.
    func assemble(
        _ page: HTMLArticle, text: String, id: String, provenance: Provenance, title: String?, boilerplate: BatchBoilerplate
    ) -> Article {
        var article = assembler.assemble(
            id: id, provenance: provenance, metadata: .init(title: title ?? page.metadata.title, isExtractedFromMarkup: true),
            original: text, boilerplate: boilerplate)
        article.removed = page.removed + article.removed
        return article
    }

    /// What the input said, completed by what the page says (the input wins).
    static func provenance(_ provenance: Provenance, filledFrom page: HTMLArticle) -> Provenance {
        var provenance = provenance
        let metadata = page.metadata
        if provenance.outlet == nil { provenance.outlet = metadata.outlet }
        if provenance.url == nil { provenance.url = metadata.url }
        if provenance.authors.isEmpty { provenance.authors = metadata.authors }
        if provenance.published == nil { provenance.published = metadata.published }
        if provenance.modified == nil { provenance.modified = metadata.modified }
        if provenance.language == nil { provenance.language = metadata.language }
        provenance.encoding = page.encoding
        return provenance
    }

    /// The blocks as light Markdown, which the block splitter reads back with their kinds.
    static func text(of blocks: [ExtractedBlock]) -> String {
        var text = ""
        for block in blocks {
            if !text.isEmpty { text += "\n\n" }
            switch block.kind {
            case .heading: text += "## "
            case .listItem: text += "- "
            case .blockQuote: text += "> "
            case .paragraph: break
            }
            text += block.text
        }
        return text
    }
}
