/// Two articles of one story that carry the same text: an exact duplicate, a near-duplicate, or a
/// copy (one text mostly inside the other: a trimmed or extended reprint).
public struct DuplicatePair: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The same words in the same order (case, punctuation and quotation style aside).
        case exact
        /// Most of both texts is shared: a reprint with edits (word-shingle Jaccard at least 0.5).
        case near
        /// Most of the smaller text is inside the larger: a reprint cut short or with paragraphs added.
        case copy
    }

    /// The ids of the two articles, the earlier one in reading order first.
    public var articles: [String]
    public var kind: Kind
    /// 1 for `exact`, the Jaccard similarity of the word shingles for `near`, and the share of the
    /// smaller text's shingles found in the larger (containment) for `copy`.
    public var similarity: Double

    public init(articles: [String], kind: Kind, similarity: Double) {
        self.articles = articles
        self.kind = kind
        self.similarity = similarity
    }
}
