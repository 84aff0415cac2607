import SynopticCore

/// Turns decoded text into an ``Article``: normalizes it, splits it into blocks, removes the page
/// debris, takes the title, assembles the clean text, finds the dateline and segments sentences.
///
/// The clean text is the kept blocks, their lines joined by a space and the blocks by a blank line.
/// Its ``Article/sourceMap`` composes the assembly map with the normalization map, so a span of
/// the clean text leads back to the decoded input.
public struct ArticleAssembler: Sendable {
    public var normalizer = TextNormalizer()
    public var splitter = BlockSplitter()
    public var debris = DebrisFilter()
    public var segmenter = SentenceSegmenter()
    public var datelines = DatelineDetector()

    public init() {}

    /// What the input said about the article besides its text.
    public struct Metadata: Sendable, Hashable {
        public var title: String?
        /// Whether the text was extracted from markup (an HTML page): its headline was read from
        /// the page, so a short first line is not taken as the title, and its headings are the
        /// page's own.
        public var isExtractedFromMarkup: Bool

        public init(title: String? = nil, isExtractedFromMarkup: Bool = false) {
            self.title = title
            self.isExtractedFromMarkup = isExtractedFromMarkup
        }
    }

    /// Assembles one article. `boilerplate` is what the batch it came in taught about its outlet's
    /// recurring lines (``BatchBoilerplate``); an article read alone goes without.
    public func assemble(
        id: String, provenance: Provenance, metadata: Metadata = .init(), original: String, boilerplate: BatchBoilerplate = .none
    ) -> Article {
        let normalized = normalizer.normalize(original)
        let text = normalized.scalars
        var provenance = provenance
        // Debris goes first, so that a masthead or a caption is never read as the headline.
        let cleaned = debris.clean(
            splitter.split(text), in: text, outletIsKnown: provenance.outlet != nil, recurring: boilerplate.lines(for: provenance),
            headingsAreMarked: metadata.isExtractedFromMarkup)
        var blocks = cleaned.kept
        var removed = cleaned.removed.map {
            Removal(text: Self.text(of: $0.block, in: text), reason: $0.reason, sourceSpan: sourceSpan(of: $0.block, normalized))
        }
        provenance.outlet = provenance.outlet ?? cleaned.outlet
        provenance.credits += cleaned.credits
        var titleIsBodyText = false

        // The title: metadata first, else the first non-empty line, which then leaves the body.
        var title = metadata.title.map { Self.undoubled(normalizer.normalize($0).string) }.flatMap { $0.isEmpty ? nil : $0 }
        if let first = blocks.first {
            // Headlines are short: only a short first block is read as one.
            let isShort = first.length <= 400
            let firstText = isShort ? Self.text(of: first, in: text) : ""
            if let known = title {
                if isShort && Self.sameWords(known, firstText) {
                    removed.append(Removal(text: firstText, reason: "repeats the title", sourceSpan: sourceSpan(of: first, normalized)))
                    blocks.removeFirst()
                }
            } else if !metadata.isExtractedFromMarkup, isShort && first.isSingleLine && WordCounter.count(in: firstText) <= 40 && blocks.count > 1 {
                // A headline glued to a copy of itself (a lost line break) is kept once.
                title = Self.undoubled(firstText)
                let reason = title == firstText ? "headline: kept as the title" : "headline printed twice: kept once as the title"
                removed.append(Removal(text: firstText, reason: reason, sourceSpan: sourceSpan(of: first, normalized)))
                blocks.removeFirst()
            } else {
                // A first line that is a whole paragraph (or all there is) is body text; its first
                // sentence names the article.
                titleIsBodyText = true
                let spans = segmenter.sentences(in: text, range: first.pieces[0])
                if let lead = spans.first {
                    title = String(String.UnicodeScalarView(text[lead.start..<lead.end]))
                }
            }
        }

        // Scraped pages often print the headline twice.
        if !titleIsBodyText, blocks.count > 1, let known = title, let first = blocks.first, first.length <= 400,
            Self.sameWords(known, Self.text(of: first, in: text))
        {
            removed.append(Removal(text: Self.text(of: first, in: text), reason: "repeats the title", sourceSpan: sourceSpan(of: first, normalized)))
            blocks.removeFirst()
        }

        removed.sort { ($0.sourceSpan?.start ?? 0) < ($1.sourceSpan?.start ?? 0) }

        // Assemble the clean text and the map from it to the normalized text.
        var clean: [Unicode.Scalar] = []
        clean.reserveCapacity(text.count)
        var builder = OffsetMap.Builder()
        var cleanBlocks: [Block] = []
        var consumed = 0
        for block in blocks {
            if !clean.isEmpty {
                clean.append("\n")
                clean.append("\n")
            }
            let separator = clean.isEmpty ? 0 : 2
            let start = clean.count
            for (index, piece) in block.pieces.enumerated() {
                if index > 0 { clean.append(" ") }
                let joint = index == 0 ? separator : 1
                builder.replace(source: piece.lowerBound - consumed, derived: joint)
                clean.append(contentsOf: text[piece])
                builder.copy(piece.count)
                consumed = piece.upperBound
            }
            cleanBlocks.append(Block(kind: block.kind, span: TextSpan(start: start, end: clean.count)))
        }
        // Text removed after the last kept block gets no edit of its own: the map ends with the clean
        // text, and an edit there would stretch a closing sentence's source span over the removed text.
        let sourceMap = builder.finish(sourceLength: text.count).composed(with: normalized.map)

        // Sentences, block by block.
        var sentences: [Sentence] = []
        var spans: [TextSpan] = []
        for index in cleanBlocks.indices {
            let span = cleanBlocks[index].span
            let first = sentences.count
            let isQuotationBlock = cleanBlocks[index].kind == .blockQuote
            spans.removeAll(keepingCapacity: true)
            let keptWhole = segmenter.appendSentences(in: clean, range: span.start..<span.end, to: &spans)
            for sentence in spans {
                sentences.append(Sentence(span: sentence, block: index, isQuotation: isQuotationBlock || keptWhole))
            }
            cleanBlocks[index].sentences = first..<sentences.count
        }

        // The dateline opens the story's lead: one of the first six prose paragraphs (a dek, a byline or a
        // caption may stand before it).
        var dateline: String?
        for block in cleanBlocks.lazy.filter({ $0.kind == .paragraph }).prefix(6) {
            if let found = datelines.dateline(in: clean, range: block.span.start..<block.span.end) {
                dateline = found.place
                break
            }
        }

        return Article(
            id: id, provenance: provenance, title: title, dateline: dateline, text: ScalarText(scalars: clean[...]),
            blocks: cleanBlocks, sentences: sentences, removed: removed, sourceMap: sourceMap, original: original)
    }

    // MARK: - Helpers

    static func text(of block: RawBlock, in text: [Unicode.Scalar]) -> String {
        if block.pieces.count == 1 { return String(scalars: text[block.pieces[0]]) }
        var scalars: [Unicode.Scalar] = []
        for (index, piece) in block.pieces.enumerated() {
            if index > 0 { scalars.append(" ") }
            scalars.append(contentsOf: text[piece])
        }
        return String(scalars: scalars[...])
    }

    private func sourceSpan(of block: RawBlock, _ normalized: NormalizedText) -> TextSpan {
        let start = block.pieces.first!.lowerBound
        let end = block.pieces.last!.upperBound
        return normalized.map.sourceSpan(for: TextSpan(start: start, end: end))
    }

    /// The first half of a string that is the same headline twice over (`ABAB` → `AB`, with or without
    /// a space between the copies); otherwise the string itself. A copy must have three words or more,
    /// so that a name such as `Bora Bora` stays whole.
    static func undoubled(_ string: String) -> String {
        let characters = Array(string)
        let half = characters.count / 2
        guard characters[..<half].split(separator: " ").count >= 3 else { return string }
        let second = characters.count % 2 == 0 ? half : half + 1
        if characters.count % 2 == 1 && characters[half] != " " { return string }
        return characters[..<half] == characters[second...] ? String(characters[..<half]) : string
    }

    /// Whether two strings have the same words, ignoring case and punctuation.
    static func sameWords(_ a: String, _ b: String) -> Bool {
        // Walk both strings' letters and digits, treating any run of other characters as one gap.
        var left = a.unicodeScalars.makeIterator()
        var right = b.unicodeScalars.makeIterator()
        func nextToken(_ iterator: inout String.UnicodeScalarView.Iterator, _ pendingGap: inout Bool) -> Unicode.Scalar? {
            while let scalar = iterator.next() {
                if ScalarClass.isLetterOrDigit(scalar) { return scalar }
                pendingGap = true
            }
            return nil
        }
        var sawWord = false
        var leftGap = false
        var rightGap = false
        while true {
            let l = nextToken(&left, &leftGap)
            let r = nextToken(&right, &rightGap)
            guard let l, let r else { return l == nil && r == nil && sawWord }
            // A gap on one side only means the words split differently.
            if sawWord && leftGap != rightGap { return false }
            leftGap = false
            rightGap = false
            if l != r && String(l).lowercased() != String(r).lowercased() { return false }
            sawWord = true
        }
    }
}
