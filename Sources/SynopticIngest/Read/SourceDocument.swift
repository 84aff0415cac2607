import SynopticCore

/// One article's worth of input, decoded, before normalization.
public struct SourceDocument: Sendable, Hashable {
    /// The id the input suggests (JSONL `id`, front matter `id`, or the file name); the caller makes
    /// ids unique across a batch.
    public var suggestedID: String
    public var provenance: Provenance
    public var metadata: SourceMetadata
    /// The article text, after any front matter.
    public var text: String

    public init(suggestedID: String, provenance: Provenance, metadata: SourceMetadata, text: String) {
        self.suggestedID = suggestedID
        self.provenance = provenance
        self.metadata = metadata
        self.text = text
    }
}

/// Limits that keep memory bounded and nothing hanging.
public struct IngestLimits: Sendable, Hashable {
    /// Largest single article (a text file, a JSONL line, or standard input) read, in bytes.
    public var maxArticleBytes: Int

    public static let `default` = IngestLimits(maxArticleBytes: 32 * 1024 * 1024)

    public init(maxArticleBytes: Int) { self.maxArticleBytes = maxArticleBytes }
}
