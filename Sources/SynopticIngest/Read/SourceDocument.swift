import SynopticCore

/// One article's worth of input, decoded, before normalization.
public struct SourceDocument: Sendable, Hashable {
    /// The id the input suggests (JSONL `id`, front matter `id`, or the file name); the caller makes
    /// ids unique across a batch.
    public var suggestedID: String
    public var provenance: Provenance
    public var metadata: SourceMetadata
    /// The article text, after any front matter; empty for an HTML page.
    public var text: String
    /// The page's bytes when the input is HTML (inflated if it was gzip-compressed); the HTML
    /// extractor turns them into text.
    public var html: [UInt8]?
    /// The charset the input declared for ``html`` outside the page (a JSON Lines record is UTF-8).
    public var htmlCharset: String?

    public init(suggestedID: String, provenance: Provenance, metadata: SourceMetadata, text: String, html: [UInt8]? = nil, htmlCharset: String? = nil) {
        self.suggestedID = suggestedID
        self.provenance = provenance
        self.metadata = metadata
        self.text = text
        self.html = html
        self.htmlCharset = htmlCharset
    }
}

/// Limits that keep memory bounded and nothing hanging.
public struct IngestLimits: Sendable, Hashable {
    /// Largest single article (a text file, a JSONL line, or standard input) read, in bytes.
    public var maxArticleBytes: Int

    public static let `default` = IngestLimits(maxArticleBytes: 32 * 1024 * 1024)

    public init(maxArticleBytes: Int) { self.maxArticleBytes = maxArticleBytes }
}
