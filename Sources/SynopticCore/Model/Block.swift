/// A block of an article's clean text: a paragraph, a heading, a list item or a block quotation.
public struct Block: Hashable, Sendable {
    /// What kind of block this is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case paragraph
        case heading
        case listItem = "list_item"
        case blockQuote = "block_quote"
    }

    public var kind: Kind
    /// The block's text in the article's clean text.
    public var span: TextSpan
    /// Range of indices into the article's ``Article/sentences``.
    public var sentences: Range<Int>

    public init(kind: Kind, span: TextSpan, sentences: Range<Int> = 0..<0) {
        self.kind = kind
        self.span = span
        self.sentences = sentences
    }
}

/// A sentence, or a unit that must stay whole: a paragraph-long quotation with its attribution.
public struct Sentence: Hashable, Sendable {
    /// The sentence's text in the article's clean text.
    public var span: TextSpan
    /// Index of the block that holds it.
    public var block: Int
    /// Whether this unit is a quotation paragraph kept whole with its attribution
    /// (`“…,” she said. “…”`), rather than a single grammatical sentence.
    public var isQuotation: Bool

    public init(span: TextSpan, block: Int, isQuotation: Bool = false) {
        self.span = span
        self.block = block
        self.isQuotation = isQuotation
    }
}

/// Text taken out of an article, with the reason; nothing leaves an article without one.
public struct Removal: Hashable, Sendable, Codable {
    /// The removed text, as normalized.
    public var text: String
    /// Why it was removed, in words a reader understands.
    public var reason: String
    /// Where it was in the original (decoded) text.
    public var sourceSpan: TextSpan?

    public init(text: String, reason: String, sourceSpan: TextSpan? = nil) {
        self.text = text
        self.reason = reason
        self.sourceSpan = sourceSpan
    }
}
