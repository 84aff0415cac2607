import SynopticCore

/// What changed from one version of an article to another: headline, dek, paragraphs added,
/// removed, moved and rewritten (with a word-level diff), and the figures and quotations that
/// changed.
///
/// Paragraphs are aligned by ``ParagraphAlignment``. Figures come from the extraction stage's
/// annotations when the articles carry them (numbers with what they count; years and dates are
/// not figures), else from the digits in the text. Quotations are the passages between typographic
/// quotation marks (the clean text uses only those), with their speaker when the extraction stage
/// found one.
public struct ArticleDiff: Hashable, Sendable {
    /// The article on one side of the diff, as the reports name it.
    public struct Side: Hashable, Sendable {
        public var id: String
        public var path: String?
        public var title: String?
        public var outlet: String?
        public var published: String?
        public var modified: String?
        /// Index of the block taken for the dek, when both sides have one.
        public var dekIndex: Int?
    }

    /// A headline or a dek on both sides.
    public struct TextChange: Hashable, Sendable {
        public var earlier: String?
        public var later: String?
        public var words: WordDiff
        public var isChanged: Bool { earlier != later }
    }

    public enum ParagraphChangeKind: String, Hashable, Sendable, Codable {
        case unchanged, added, removed, rewritten, moved
    }

    /// One paragraph of either version and what became of it. Indices are into each article's
    /// paragraphs (its blocks, as the JSON document's `paragraphs` lists them), from 0.
    public struct ParagraphChange: Hashable, Sendable {
        public var kind: ParagraphChangeKind
        public var earlierIndex: Int?
        public var laterIndex: Int?
        public var earlierText: String?
        public var laterText: String?
        /// For a matched pair: 1 when the words are the same, else the bigram Jaccard similarity.
        public var similarity: Double?
        /// Whether the words changed (always for `rewritten`; a `moved` paragraph may be rewritten too).
        public var isRewritten: Bool
        /// The word-level diff of a rewritten paragraph.
        public var words: WordDiff?
    }

    public enum EditKind: String, Hashable, Sendable, Codable {
        case added, removed, changed
    }

    public struct FigureChange: Hashable, Sendable {
        public var kind: EditKind
        public var earlier: String?
        public var later: String?
        public var counts: String?
        public var earlierParagraph: Int?
        public var laterParagraph: Int?
    }

    public struct QuoteChange: Hashable, Sendable {
        /// `changed` is a quotation reworded.
        public var kind: EditKind
        public var earlier: String?
        public var later: String?
        public var speaker: String?
        public var earlierParagraph: Int?
        public var laterParagraph: Int?
        /// The word-level diff of a reworded quotation.
        public var words: WordDiff?
    }

    /// Word-set Jaccard similarity from which a quotation only in the earlier version and one only
    /// in the later are taken for one quotation reworded.
    public static let quoteRewordThreshold = 0.5
    /// Most quotation pairs compared for rewording (a hostile article with thousands of
    /// quotations gets added and removed ones instead).
    public static let maxQuotePairs = 250_000

    public var earlier: Side
    public var later: Side
    public var headline: TextChange
    /// `nil` unless both versions open with a dek.
    public var dek: TextChange?
    /// Every paragraph of both versions (deks excepted), in the later version's order, removed
    /// paragraphs where they stood in the earlier one.
    public var paragraphs: [ParagraphChange]
    public var figures: [FigureChange]
    public var quotes: [QuoteChange]

    public init(earlier a: Article, later b: Article) {
        let dekA = Self.dekIndex(of: a), dekB = Self.dekIndex(of: b)
        let bothDeks = dekA != nil && dekB != nil
        earlier = Side(article: a, dekIndex: bothDeks ? dekA : nil)
        later = Side(article: b, dekIndex: bothDeks ? dekB : nil)
        headline = TextChange(earlier: a.title, later: b.title, words: WordDiff(from: a.title ?? "", to: b.title ?? ""))
        let textsA = a.paragraphTexts.map(String.init), textsB = b.paragraphTexts.map(String.init)
        if let dekA = earlier.dekIndex, let dekB = later.dekIndex {
            dek = TextChange(earlier: textsA[dekA], later: textsB[dekB], words: WordDiff(from: textsA[dekA], to: textsB[dekB]))
        } else {
            dek = nil
        }
        let skippedA = bothDeks ? dekA : nil, skippedB = bothDeks ? dekB : nil
        let indicesA = textsA.indices.filter { $0 != skippedA }
        let indicesB = textsB.indices.filter { $0 != skippedB }
        let alignment = ParagraphAlignment(earlier: indicesA.map { ParagraphPrint(textsA[$0]) }, later: indicesB.map { ParagraphPrint(textsB[$0]) })

        // Paragraphs in the later order. Between two paragraphs that kept their place, as in a
        // unified diff: first the removed ones (in their earlier order), then the added and moved ones.
        var changes: [ParagraphChange] = []
        var pending: [ParagraphChange] = []
        var matchOfLater: [Int: ParagraphAlignment.Match] = [:]
        for match in alignment.matches { matchOfLater[match.later] = match }
        var removedQueue = alignment.removed[...]
        func emitGap(before earlierPosition: Int) {
            while let next = removedQueue.first, next < earlierPosition {
                removedQueue.removeFirst()
                let index = indicesA[next]
                changes.append(
                    ParagraphChange(
                        kind: .removed, earlierIndex: index, laterIndex: nil, earlierText: textsA[index], laterText: nil, similarity: nil,
                        isRewritten: false, words: nil))
            }
            changes += pending
            pending.removeAll()
        }
        var pairs: [(earlier: Int, later: Int)] = []
        for position in indicesB.indices {
            let laterIndex = indicesB[position]
            guard let match = matchOfLater[position] else {
                pending.append(
                    ParagraphChange(
                        kind: .added, earlierIndex: nil, laterIndex: laterIndex, earlierText: nil, laterText: textsB[laterIndex], similarity: nil,
                        isRewritten: false, words: nil))
                continue
            }
            let earlierIndex = indicesA[match.earlier]
            pairs.append((earlierIndex, laterIndex))
            let rewritten = textsA[earlierIndex] != textsB[laterIndex]
            let kind: ParagraphChangeKind = !match.inOrder ? .moved : (rewritten ? .rewritten : .unchanged)
            let change = ParagraphChange(
                kind: kind, earlierIndex: earlierIndex, laterIndex: laterIndex, earlierText: textsA[earlierIndex], laterText: textsB[laterIndex],
                similarity: match.similarity, isRewritten: rewritten,
                words: rewritten ? WordDiff(from: textsA[earlierIndex], to: textsB[laterIndex]) : nil)
            if match.inOrder {
                emitGap(before: match.earlier)
                changes.append(change)
            } else {
                pending.append(change)
            }
        }
        emitGap(before: Int.max)
        paragraphs = changes
        if let dekA = earlier.dekIndex, let dekB = later.dekIndex { pairs.append((dekA, dekB)) }
        var added: Set<Int> = []
        var removed: Set<Int> = []
        for change in changes {
            if change.kind == .added, let index = change.laterIndex { added.insert(index) }
            if change.kind == .removed, let index = change.earlierIndex { removed.insert(index) }
        }
        figures = Self.figureChanges(a, b, pairs: pairs, added: added, removed: removed)
        quotes = Self.quoteChanges(a, b)
    }

    /// Counts of paragraphs by kind (a moved paragraph counts as moved only).
    public func count(_ kind: ParagraphChangeKind) -> Int { paragraphs.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// The main changes, as the briefing lists them per pair of versions.
    public var summary: VersionChange {
        VersionChange(
            earlier: earlier.id, later: later.id, headlineChanged: headline.isChanged, dekChanged: dek?.isChanged ?? false,
            paragraphsAdded: count(.added), paragraphsRemoved: count(.removed), paragraphsRewritten: count(.rewritten),
            paragraphsMoved: count(.moved), paragraphsUnchanged: count(.unchanged),
            figuresChanged: figures.map { VersionChange.FigureEdit(earlier: $0.earlier, later: $0.later, counts: $0.counts) },
            quotesChanged: quotes.map { VersionChange.QuoteEdit(earlier: $0.earlier, later: $0.later, speaker: $0.speaker) })
    }

    /// Whether nothing changed at all: the same headline and the same paragraphs in the same order.
    public var isIdentical: Bool {
        !headline.isChanged && !(dek?.isChanged ?? false) && paragraphs.allSatisfy { $0.kind == .unchanged }
    }

    // MARK: Dek

    /// The block that is the article's dek (a subheading standing before the story), if any: the
    /// first block, when the dateline opens the second or third block (what stands before the
    /// dateline is not the story yet), or when the first block is a heading of four words or more
    /// that is not a byline. Never the only block.
    public static func dekIndex(of article: Article) -> Int? {
        guard article.blocks.count >= 2 else { return nil }
        let first = article[article.blocks[0].span]
        guard WordHashes.of(first).count <= 60 else { return nil }
        if let dateline = article.dateline, !dateline.isEmpty {
            for index in 1..<min(3, article.blocks.count) where article[article.blocks[index].span].hasPrefix(dateline) {
                return article[article.blocks[0].span].hasPrefix(dateline) ? nil : 0
            }
        }
        if article.blocks[0].kind == .heading && WordHashes.of(first).count >= 4 && !first.hasPrefix("By ") { return 0 }
        return nil
    }

    // MARK: Figures

    struct FigureItem {
        var text: String
        var counts: String?
        var unit: String?
        var paragraph: Int
    }

    /// The figures of each block of `article`.
    static func figures(of article: Article) -> [[FigureItem]] {
        var result = [[FigureItem]](repeating: [], count: article.blocks.count)
        if !article.annotations.isEmpty {
            for figure in article.annotations.figures {
                guard let block = blockIndex(containing: figure.span.start, in: article) else { continue }
                let text = String(article[figure.span])
                result[block].append(FigureItem(text: text, counts: figure.counts, unit: figure.unit, paragraph: block))
            }
            return result
        }
        for (index, text) in article.paragraphTexts.enumerated() {
            result[index] = numbers(in: text).map { FigureItem(text: $0, counts: nil, unit: nil, paragraph: index) }
        }
        return result
    }

    /// Numbers written in digits (`106,000`, `2.5`, `30`), years (four digits from 1800 to 2199)
    /// left out: what an article without extraction annotations offers as figures.
    static func numbers(in text: some StringProtocol) -> [String] {
        var result: [String] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        while i < scalars.count {
            guard isDigit(scalars[i]) else {
                i += 1
                continue
            }
            // Digits inside a name (F16, COVID19) are not a figure.
            if i > 0 && scalars[i - 1].properties.isAlphabetic {
                while i < scalars.count && (isDigit(scalars[i]) || scalars[i].properties.isAlphabetic) { i += 1 }
                continue
            }
            var j = i
            while j < scalars.count
                && (isDigit(scalars[j]) || ((scalars[j] == "," || scalars[j] == ".") && j + 1 < scalars.count && isDigit(scalars[j + 1])))
            {
                j += 1
            }
            var token = String(String.UnicodeScalarView(scalars[i..<j]))
            if j < scalars.count && scalars[j] == "%" { token += "%" }
            let isYear = token.count == 4 && (Int(token).map { (1800...2199).contains($0) } ?? false)
            if !isYear { result.append(token) }
            i = j
        }
        return result
    }

    static func blockIndex(containing offset: Int, in article: Article) -> Int? {
        var low = 0
        var high = article.blocks.count
        while low < high {
            let mid = (low + high) / 2
            if article.blocks[mid].span.end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < article.blocks.count && article.blocks[low].span.contains(offset) ? low : nil
    }

    /// Figures that differ between aligned paragraphs (paired as changed when they count the same
    /// thing, or are the only difference), and figures of added or removed paragraphs that the
    /// other version does not write anywhere.
    static func figureChanges(_ a: Article, _ b: Article, pairs: [(earlier: Int, later: Int)], added: Set<Int>, removed: Set<Int>) -> [FigureChange] {
        let figuresA = figures(of: a), figuresB = figures(of: b)
        let allA = Set(figuresA.joined().map(\.text)), allB = Set(figuresB.joined().map(\.text))
        var result: [FigureChange] = []
        var seen: Set<String> = []
        func append(_ change: FigureChange) {
            let key = "\(change.kind)|\(change.earlier ?? "")|\(change.later ?? "")"
            if seen.insert(key).inserted { result.append(change) }
        }
        func appeared(_ item: FigureItem) {
            if !allA.contains(item.text) {
                append(
                    FigureChange(
                        kind: .added, earlier: nil, later: item.text, counts: item.counts, earlierParagraph: nil, laterParagraph: item.paragraph))
            }
        }
        func disappeared(_ item: FigureItem) {
            if !allB.contains(item.text) {
                append(
                    FigureChange(
                        kind: .removed, earlier: item.text, later: nil, counts: item.counts, earlierParagraph: item.paragraph, laterParagraph: nil))
            }
        }
        for pair in pairs.sorted(by: { $0.later < $1.later }) {
            var onlyA = figuresA[pair.earlier], onlyB = figuresB[pair.later]
            // Remove the figures both paragraphs write, one for one.
            var index = 0
            while index < onlyA.count {
                if let match = onlyB.firstIndex(where: { $0.text == onlyA[index].text }) {
                    onlyB.remove(at: match)
                    onlyA.remove(at: index)
                } else {
                    index += 1
                }
            }
            let alone = onlyA.count == 1 && onlyB.count == 1
            for old in onlyA {
                let partner = onlyB.firstIndex { new in
                    alone || (old.counts != nil && new.counts == old.counts)
                        || (old.counts == nil && new.counts == nil && old.unit != nil && new.unit == old.unit)
                }
                if let partner {
                    let new = onlyB.remove(at: partner)
                    append(
                        FigureChange(
                            kind: .changed, earlier: old.text, later: new.text, counts: new.counts ?? old.counts, earlierParagraph: old.paragraph,
                            laterParagraph: new.paragraph))
                } else {
                    disappeared(old)
                }
            }
            onlyB.forEach(appeared)
        }
        for index in removed.sorted() { figuresA[index].forEach(disappeared) }
        for index in added.sorted() { figuresB[index].forEach(appeared) }
        return result
    }

    // MARK: Quotes

    struct QuoteItem {
        var text: String
        var key: UInt64
        var words: Set<UInt64>
        var speaker: String?
        var paragraph: Int
    }

    /// The quoted passages of `article`: text between “ and ” within one block (a quotation
    /// left open at the end of a block runs to its end, as news copy continues quotations over
    /// paragraphs).
    static func quotations(of article: Article) -> [QuoteItem] {
        var result: [QuoteItem] = []
        for (blockIndex, block) in article.blocks.enumerated() {
            let scalars = Array(article[block.span].unicodeScalars)
            var i = 0
            while i < scalars.count {
                guard scalars[i] == "\u{201C}" else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < scalars.count && scalars[j] != "\u{201D}" { j += 1 }
                let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
                let words = WordHashes.of(inner)
                if let key = WordHashes.shingles(words, size: max(words.count, 1)).first {
                    let span = TextSpan(start: block.span.start + i + 1, end: block.span.start + j)
                    result.append(
                        QuoteItem(
                            text: Self.quotationText(inner), key: key, words: Set(words), speaker: speaker(of: span, in: article),
                            paragraph: blockIndex))
                }
                i = j + 1
            }
        }
        return result
    }

    /// A quotation's words without the comma that closes it before its attribution (`“…,” she said`).
    static func quotationText(_ inner: String) -> String {
        var text = Substring(inner.trimmingWhitespace)
        while text.last == "," || text.last == " " { text.removeLast() }
        return String(text)
    }

    /// The speaker the extraction stage gave a quotation overlapping `span`.
    static func speaker(of span: TextSpan, in article: Article) -> String? {
        let annotations = article.annotations
        guard let quote = annotations.quotes.first(where: { $0.span.start < span.end && span.start < $0.span.end }) else { return nil }
        if let entity = quote.speaker, annotations.entities.indices.contains(entity) { return annotations.entities[entity].name }
        return quote.speakerSpan.map { String(article[$0]) }
    }

    /// Quotations only one version carries: pairs of them with similar words are one quotation
    /// reworded; the rest were added or removed.
    static func quoteChanges(_ a: Article, _ b: Article) -> [QuoteChange] {
        let quotesA = quotations(of: a), quotesB = quotations(of: b)
        let keysA = Set(quotesA.map(\.key)), keysB = Set(quotesB.map(\.key))
        var onlyA = quotesA.filter { !keysB.contains($0.key) }
        var onlyB = quotesB.filter { !keysA.contains($0.key) }
        var seenA: Set<UInt64> = [], seenB: Set<UInt64> = []
        onlyA = onlyA.filter { seenA.insert($0.key).inserted }
        onlyB = onlyB.filter { seenB.insert($0.key).inserted }
        var result: [QuoteChange] = []
        var pairedA: Set<Int> = []
        var partnerOfB: [Int: Int] = [:]
        if onlyA.count * onlyB.count <= maxQuotePairs {
            var candidates: [(similarity: Double, a: Int, b: Int)] = []
            for (i, old) in onlyA.enumerated() {
                for (j, new) in onlyB.enumerated() {
                    let shared = old.words.intersection(new.words).count
                    let similarity = Double(shared) / Double(max(old.words.count + new.words.count - shared, 1))
                    if similarity >= quoteRewordThreshold { candidates.append((similarity, i, j)) }
                }
            }
            // Most similar first; among equals, in the later version's order.
            candidates.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.b, $0.a) < ($1.b, $1.a) }
            for candidate in candidates where !pairedA.contains(candidate.a) && partnerOfB[candidate.b] == nil {
                pairedA.insert(candidate.a)
                partnerOfB[candidate.b] = candidate.a
            }
        }
        for old in onlyA.indices where !pairedA.contains(old) {
            let q = onlyA[old]
            result.append(
                QuoteChange(kind: .removed, earlier: q.text, later: nil, speaker: q.speaker, earlierParagraph: q.paragraph, laterParagraph: nil))
        }
        for (j, new) in onlyB.enumerated() {
            if let i = partnerOfB[j] {
                let old = onlyA[i]
                result.append(
                    QuoteChange(
                        kind: .changed, earlier: old.text, later: new.text, speaker: new.speaker ?? old.speaker, earlierParagraph: old.paragraph,
                        laterParagraph: new.paragraph, words: WordDiff(from: old.text, to: new.text)))
            } else {
                result.append(
                    QuoteChange(
                        kind: .added, earlier: nil, later: new.text, speaker: new.speaker, earlierParagraph: nil, laterParagraph: new.paragraph))
            }
        }
        return result
    }
}

extension ArticleDiff.Side {
    init(article: Article, dekIndex: Int?) {
        let p = article.provenance
        self.init(
            id: article.id, path: p.path, title: article.title, outlet: p.outlet, published: p.published, modified: p.modified, dekIndex: dekIndex)
    }
}
