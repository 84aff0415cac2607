/// One news article: its clean text, the blocks and sentences annotated over that text, and where
/// it came from.
///
/// The clean text (``body``) is the single source of truth; ``blocks``, ``sentences`` and every later
/// annotation are spans into it (spaCy's idea of one document that stages annotate). ``sourceMap``
/// leads any of those spans back to the text as it was decoded (``original``).
public struct Article: Hashable, Sendable {
    /// Unique within one run: the JSON Lines `id`, else the file name without its extension.
    public var id: String
    public var provenance: Provenance
    /// Headline: from metadata, else the first non-empty line.
    public var title: String?
    /// The dateline that opens the story (`VIENNA`, `NAIROBI, Kenya`), when there is one.
    public var dateline: String?
    /// The clean text with an index for span slicing; blocks are separated by a blank line.
    public var text: ScalarText
    public var blocks: [Block]
    public var sentences: [Sentence]
    /// What was taken out of the input, with reasons (the title line, debris, …).
    public var removed: [Removal]
    /// Maps offsets in ``body`` to offsets in ``original``.
    public var sourceMap: OffsetMap
    /// The text as decoded from the input, before normalization (after front matter, if any; for a
    /// JSON Lines record, its `text` value).
    public var original: String
    /// Entities, quotes, figures and time expressions (the extraction stage); empty before it runs.
    public var annotations = ArticleAnnotations()

    public init(
        id: String, provenance: Provenance, title: String?, dateline: String?, text: ScalarText, blocks: [Block],
        sentences: [Sentence], removed: [Removal], sourceMap: OffsetMap, original: String
    ) {
        self.id = id
        self.provenance = provenance
        self.title = title
        self.dateline = dateline
        self.text = text
        self.blocks = blocks
        self.sentences = sentences
        self.removed = removed
        self.sourceMap = sourceMap
        self.original = original
    }

    /// The clean text.
    public var body: String { text.string }

    /// The text a span of the clean text covers.
    public subscript(span: TextSpan) -> Substring { text[span] }

    /// Text of the sentence at `index`.
    public func sentenceText(_ index: Int) -> Substring { text[sentences[index].span] }

    /// Number of words in the clean text (runs of letters or digits, with inner apostrophes,
    /// hyphens and periods kept inside the word).
    public var wordCount: Int { WordCounter.count(in: body) }
}
