import Foundation
import SynopticCore

/// An article as a store keeps it: the cleaned, annotated article, the hash that makes ingest
/// idempotent, and where it sits in the store's order of commits.
public struct StoredArticle: Hashable, Sendable {
    /// The article: original and clean text, blocks, sentences, removals, provenance, annotations.
    public var article: Article
    /// Hex SHA-256 of the article's content (see ``ContentHash``): the same content twice is
    /// stored once, whatever file or URL it came from.
    public var contentHash: String
    /// The commit's place in the store's order (0 before it is committed).
    public var sequence: Int64
    /// The story it belongs to (nil before it is committed).
    public var storyID: String?
    /// When it was stored (ISO 8601, UTC).
    public var ingestedAt: String?

    public init(article: Article, contentHash: String, sequence: Int64 = 0, storyID: String? = nil, ingestedAt: String? = nil) {
        self.article = article
        self.contentHash = contentHash
        self.sequence = sequence
        self.storyID = storyID
        self.ingestedAt = ingestedAt
    }

    public var id: String { article.id }
}
