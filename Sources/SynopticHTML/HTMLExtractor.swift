import SynopticCore

/// The article read out of an HTML page: its blocks in order, its metadata, and what was left out.
public struct HTMLArticle: Sendable {
    public var blocks: [ExtractedBlock]
    public var metadata: PageMetadata
    /// What extraction left out, with reasons.
    public var removed: [Removal]
    /// The encoding the page was read in.
    public var encoding: String
    /// Problems worth telling the user (a wrong declared charset, replaced bytes).
    public var notes: [String]
    /// Why there is no article, when ``blocks`` is empty.
    public var emptyReason: String?
}

/// Reads the article and its metadata out of an HTML page.
///
/// ```swift
/// let article = HTMLExtractor().extract(pageBytes)
/// for block in article.blocks { print(block.text) }
/// ```
public struct HTMLExtractor: Sendable {
    public init() {}

    /// `declaredCharset` is what the transport said (an HTTP `Content-Type`); the page's own
    /// declaration and the bytes decide otherwise.
    public func extract(_ bytes: [UInt8], declaredCharset: String? = nil) -> HTMLArticle {
        let decoded = PageDecoder.decode(bytes, declaredCharset: declaredCharset)
        var notes: [String] = []
        if let note = decoded.note { notes.append(note) }
        if decoded.replacements > 0 { notes.append("\(decoded.replacements) byte(s) invalid in \(decoded.encoding) replaced with U+FFFD") }
        var article = HTMLArticle(blocks: [], metadata: PageMetadata(), removed: [], encoding: decoded.encoding, notes: notes)
        guard decoded.utf8.contains(where: { $0 > 0x20 }) else {
            article.emptyReason = "empty page"
            return article
        }
        let reader = PageReader()
        guard MarkupStream.parse(decoded.utf8, into: reader), reader.sawElement else {
            article.emptyReason = "no HTML document could be parsed"
            return article
        }
        reader.finish()
        article.metadata = MetadataExtractor().metadata(from: reader.evidence)
        let walk = reader.walk
        let content = ContentExtractor().extract(walk, title: article.metadata.title)
        article.blocks = content.blocks
        article.removed = walk.skipped + content.removed
        if content.blocks.isEmpty {
            article.emptyReason = walk.runs.isEmpty ? "page has no text" : "no article found: no region of the page reads as prose"
        }
        return article
    }
}
