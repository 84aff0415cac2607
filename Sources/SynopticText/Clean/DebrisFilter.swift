import SynopticCore

/// Takes the page debris out of the blocks of one normalized article: mastheads, captions, promo
/// headlines, explainer modules, link lists, comment forms, footers, credit lines and repeated
/// paragraphs. Each block is kept or removed with a reason.
///
/// Every rule reads structure (a block's length and position, its closing punctuation, its
/// capitalisation, the shape of its neighbours, a few words of boilerplate vocabulary, recurrence in
/// the batch), never a phrase of one outlet. Removing a sentence of reporting is worse than leaving
/// a piece of debris, so each rule asks for two kinds of evidence, and the rules that only look at
/// wording (comment prompts, footers, credits) only look at the end of the article.
public struct DebrisFilter: Sendable {
    public var segmenter = SentenceSegmenter()

    public init() {}

    /// A block the filter took out, and why.
    public struct RemovedBlock: Hashable, Sendable {
        public var block: RawBlock
        public var reason: String
    }

    public struct Outcome: Hashable, Sendable {
        /// The blocks that remain, in order.
        public var kept: [RawBlock]
        /// The blocks taken out, in order, with their reasons.
        public var removed: [RemovedBlock]
        /// The outlet's name, when the article opened with its masthead.
        public var outlet: String?
        /// Credit sentences (`… contributed reporting from …`) taken from the end of the article.
        public var credits: [String]
    }

    /// Classifies `blocks` of the normalized `text`. `outletIsKnown` says whether the input already
    /// named the outlet (a masthead is then only removed); `recurring` is the batch's evidence for
    /// the article's outlet. `headingsAreMarked` says the blocks come from markup (an HTML page),
    /// so a block of kind heading is one the page's author marked as such.
    public func clean(
        _ blocks: [RawBlock], in text: [Unicode.Scalar], outletIsKnown: Bool, recurring: RecurringLines = .none, headingsAreMarked: Bool = false
    ) -> Outcome {
        var pass = Pass(shapes: blocks.map { BlockShape($0, in: text) }, text: text, segmenter: segmenter, recurring: recurring)
        pass.headingsAreMarked = headingsAreMarked
        pass.removeMasthead(outletIsKnown: outletIsKnown)
        pass.removeExplainerModules()
        pass.removeRelatedLinkLists()
        pass.removeCaptionsAndPromos()
        pass.removeTail()
        pass.removeRecurringLines()
        pass.removeRepeatedParagraphs()
        var outcome = Outcome(kept: [], removed: [], outlet: pass.outlet, credits: pass.credits)
        for (shape, reason) in zip(pass.shapes, pass.reasons) {
            if let reason {
                outcome.removed.append(RemovedBlock(block: shape.block, reason: reason))
            } else {
                outcome.kept.append(shape.block)
            }
        }
        return outcome
    }

    /// The reasons, in words for a reader.
    public enum Reason {
        public static let mastheadKeptAsOutlet = "masthead: kept as the outlet"
        public static let masthead = "masthead"
        public static let explainerModule = "explainer module"
        public static let relatedLinks = "related-links list"
        public static let videoCaption = "video caption"
        public static let photoCaption = "photo caption"
        public static let promoHeadline = "promo headline"
        public static let commentPrompt = "comment prompt"
        public static let linkFooter = "link footer"
        public static let pageFooter = "page footer"
        public static let credit = "credit line: moved to credits"
        public static let recurring = "recurs in other articles from the same source"
        public static let repeatsPrevious = "repeats the previous paragraph"

        /// Every reason the filter gives, for tools that score its removals.
        public static let all: Set<String> = [
            mastheadKeptAsOutlet, masthead, explainerModule, relatedLinks, videoCaption, photoCaption, promoHeadline, commentPrompt,
            linkFooter, pageFooter, credit, recurring, repeatsPrevious,
        ]
    }
}

/// One run of the rules over one article: the blocks' shapes and the verdict so far for each.
private struct Pass {
    let shapes: [BlockShape]
    let text: [Unicode.Scalar]
    let segmenter: SentenceSegmenter
    let recurring: RecurringLines
    /// `nil` while a block is kept.
    var reasons: [String?]
    var outlet: String?
    var credits: [String] = []
    var headingsAreMarked = false

    init(shapes: [BlockShape], text: [Unicode.Scalar], segmenter: SentenceSegmenter, recurring: RecurringLines) {
        self.shapes = shapes
        self.text = text
        self.segmenter = segmenter
        self.recurring = recurring
        reasons = Array(repeating: nil, count: shapes.count)
    }

    func isKept(_ index: Int) -> Bool { shapes.indices.contains(index) && reasons[index] == nil }

    /// The nearest kept block before or after `index`.
    func keptNeighbour(of index: Int, step: Int) -> Int? {
        var i = index + step
        while shapes.indices.contains(i) {
            if reasons[i] == nil { return i }
            i += step
        }
        return nil
    }

    // MARK: - Masthead

    /// A masthead is a short first line standing before the headline: the outlet's name, often glued
    /// to its slogan by a lost line break (`The Gazette` + `Truth Since 1850` → `The GazetteTruth
    /// Since 1850`). Evidence: the line is followed by another headline-shaped line, and either it
    /// has such a glued seam after a run of capitalised words that reads as a publication's name, or
    /// it recurs at the top of other articles of the same source. The name before the seam becomes
    /// the outlet; the slogan goes.
    mutating func removeMasthead(outletIsKnown: Bool) {
        guard shapes.count >= 3, shapes[0].isSingleLine, shapes[1].isHeadlineShaped else { return }
        let first = shapes[0]
        // A headline glued to a copy of itself has a seam too; the title rule keeps it once.
        guard ArticleAssembler.undoubled(first.text) == first.text else { return }
        var name: Substring?
        if let seam = Self.gluedSeam(in: first.text) {
            name = first.text[..<seam]
        } else if recurring.contains(keyHash: first.keyHash), first.wordCount <= 8, first.words.allSatisfy(Self.isNameWord) {
            name = Substring(first.text)
        }
        guard let name else { return }
        reasons[0] = outletIsKnown ? DebrisFilter.Reason.masthead : DebrisFilter.Reason.mastheadKeptAsOutlet
        if !outletIsKnown { outlet = String(name) }
    }

    /// Where a name of two to six capitalised words runs into a slogan without a space: a lower-case
    /// letter followed by a capital, after at least three letters of the word and before two more
    /// words. Brand names such as `YouTube` glue two capitals too, so the name must also read as a
    /// publication's: it opens with `The` or ends with a word publications are named with.
    static func gluedSeam(in line: String) -> String.Index? {
        var previous: Character?
        var lettersInWord = 0
        for index in line.indices {
            let character = line[index]
            if character == " " {
                lettersInWord = 0
            } else if let before = previous, before.isLowercase, character.isUppercase, lettersInWord >= 3 {
                let name = line[..<index].split(separator: " ")
                let slogan = line[index...].split(separator: " ")
                guard (2...6).contains(name.count), name.allSatisfy(isNameWord), slogan.count >= 2,
                    name[0] == "The" || Vocabulary.publication.contains(BlockShape.bare(name[name.count - 1]))
                else { return nil }
                return index
            } else if character.isLetter {
                lettersInWord += 1
            }
            previous = character
        }
        return nil
    }

    /// A capitalised word, or one of the short words names keep in lower case (`of`, `the`, `and`).
    static func isNameWord(_ word: Substring) -> Bool {
        BlockShape.isCapitalized(word) || ["of", "the", "and", "de", "la", "du", "for", "on"].contains(word)
    }

    // MARK: - Explainer modules

    /// A recurring explainer is announced by an ordinal marker (`Panel 1 of 3`, `Slide 2 of 4`),
    /// optionally under a heading line, and holds the cards the marker counts: each card is either one
    /// paragraph opening with a short label sentence (`A long dispute. …`) or a short label line (a
    /// question, a phrase) with one paragraph under it. The module ends when the cards the last
    /// marker promised have been read, or at the first block that is not shaped like a card.
    mutating func removeExplainerModules() {
        var index = 0
        while index < shapes.count {
            guard isKept(index), let marker = Self.ordinalMarker(shapes[index]) else {
                index += 1
                continue
            }
            var (card, count) = marker
            var moduleRange = index..<(index + 1)
            if index > 0, isKept(index - 1), shapes[index - 1].isHeadlineShaped, shapes[index - 1].wordCount <= 12 {
                moduleRange = (index - 1)..<moduleRange.upperBound
            }
            var cursor = index + 1
            var cardsRead = 0
            while cursor < shapes.count {
                if let (next, total) = Self.ordinalMarker(shapes[cursor]), total == count, next == card + 1 {
                    (card, count) = (next, total)
                    cardsRead = 0
                    cursor += 1
                    continue
                }
                guard cardsRead < count - card + 1, let length = cardLength(at: cursor) else { break }
                cardsRead += 1
                cursor += length
            }
            moduleRange = moduleRange.lowerBound..<cursor
            for i in moduleRange { reasons[i] = reasons[i] ?? DebrisFilter.Reason.explainerModule }
            index = cursor
        }
    }

    /// `Word N of M` as a whole block, with 1 ≤ N ≤ M ≤ 30.
    static func ordinalMarker(_ shape: BlockShape) -> (card: Int, count: Int)? {
        // Every kept block is asked: its words are made only when their number fits.
        guard shape.isSingleLine, (3...5).contains(shape.wordCount) else { return nil }
        let words = shape.words
        guard words[words.count - 2] == "of",
            let card = Int(words[words.count - 3]), let count = Int(words[words.count - 1]),
            card >= 1, card <= count, count <= 30,
            words.dropLast(3).allSatisfy({ BlockShape.isCapitalized($0) && $0.allSatisfy(\.isLetter) })
        else { return nil }
        return (card, count)
    }

    /// The number of blocks of the card starting at `index`, or `nil` if it is not shaped like one.
    func cardLength(at index: Int) -> Int? {
        let shape = shapes[index]
        if shape.isSingleLine, shape.wordCount <= 12, !shape.endsLikeStatement, index + 1 < shapes.count,
            Self.ordinalMarker(shapes[index + 1]) == nil, shapes[index + 1].endsLikeSentence
        {
            return 2
        }
        let sentences = segmenter.sentences(in: text, range: shape.block.pieces[0])
        if sentences.count >= 2, let label = sentences.first,
            String(String.UnicodeScalarView(text[label.start..<label.end])).split(separator: " ").count <= 6
        {
            return 1
        }
        return nil
    }

    // MARK: - Related links

    /// `Read more:` (or any short lead-in ending in a colon that uses link vocabulary) followed by a
    /// run of headline-shaped lines: a list of links to other articles.
    mutating func removeRelatedLinkLists() {
        for index in shapes.indices where isKept(index) {
            let shape = shapes[index]
            guard shape.isSingleLine, shape.lastCharacter == ":", shape.wordCount <= 5,
                Vocabulary.linkListLeadIn.containsAny(shape.bareWords)
            else { continue }
            var end = index + 1
            while end < shapes.count, isKept(end), shapes[end].isHeadlineShaped { end += 1 }
            guard end > index + 1 else { continue }
            for i in index..<end { reasons[i] = DebrisFilter.Reason.relatedLinks }
        }
    }

    // MARK: - Captions and promos

    mutating func removeCaptionsAndPromos() {
        for index in shapes.indices where isKept(index) {
            if let caption = Self.captionReason(shapes[index]) {
                reasons[index] = caption
            } else if index > 0, isLabelledPromo(shapes[index]) || isUnlabelledPromo(at: index) {
                reasons[index] = DebrisFilter.Reason.promoHeadline
            }
        }
    }

    /// A caption ends with (or is) a parenthesised media credit: `(Video: Agency)`, `(Photo by …)`,
    /// `(Agency Photo/Name)`.
    static func captionReason(_ shape: BlockShape) -> String? {
        guard shape.lastCharacter == ")", shape.wordCount <= 80, let open = shape.text.lastIndex(of: "(") else { return nil }
        let credit = shape.text[shape.text.index(after: open)...].dropLast()
        let head = credit.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "/" }).prefix(2)
        guard let media = head.first(where: { Vocabulary.videoMedia.contains($0.lowercased()) || Vocabulary.photoMedia.contains($0.lowercased()) })
        else { return nil }
        // The media word must introduce a credit: `Video:`, `Photo/`, `Photo by`.
        let after = credit[media.endIndex...]
        guard after.hasPrefix(":") || after.hasPrefix("/") || after.hasPrefix(" by ") else { return nil }
        return Vocabulary.videoMedia.contains(media.lowercased()) ? DebrisFilter.Reason.videoCaption : DebrisFilter.Reason.photoCaption
    }

    /// `RELATED: Council delays the vote`: a promo label of link vocabulary, a colon, a headline.
    func isLabelledPromo(_ shape: BlockShape) -> Bool {
        guard shape.isHeadlineShaped, let colon = shape.text.firstIndex(of: ":") else { return false }
        let label = shape.text[..<colon].split(separator: " ")
        let headline = shape.text[shape.text.index(after: colon)...].split(separator: " ")
        return (1...3).contains(label.count) && label.allSatisfy { Vocabulary.promoLabel.contains(BlockShape.bare($0)) } && headline.count >= 3
    }

    /// A headline of another article dropped between two paragraphs without a label. It is told from
    /// a section heading by three things together: it stands between two paragraphs of prose, it is
    /// as long as a headline (eight words or more, where section headings are short), and it shares
    /// no word of four letters or more with the paragraph after it, which a heading introduces and a
    /// promo does not. A line ending in a full stop or a closing quotation mark is prose, never a promo.
    /// A word that closes a sentence inside a line: `?`, `!`, or a period after a lower-case word.
    static func endsSentence(_ word: Substring) -> Bool {
        guard let last = word.last else { return false }
        if last == "?" || last == "!" { return true }
        let stem = word.dropLast()
        return last == "." && stem.count >= 3 && stem.allSatisfy { $0.isLowercase }
    }

    static func isHeadlineLength(_ shape: BlockShape, words: [Substring]) -> Bool {
        let innerEnds = words.dropLast().filter(endsSentence).count
        return innerEnds == 0 || (innerEnds == 1 && shape.wordCount <= 16)
    }

    func isUnlabelledPromo(at index: Int) -> Bool {
        let shape = shapes[index]
        // A heading the page's markup declares, a lead-in ending in a colon, a numbered step or a
        // `Q:` line introduces what follows: it is the article's own structure, not a promo.
        guard shape.isHeadlineShaped, shape.block.kind != .listItem, !(headingsAreMarked && shape.block.kind == .heading),
            (8...25).contains(shape.wordCount)
        else { return false }
        // The words are made once, and only for blocks of a promo's length.
        let words = shape.words
        guard BlockShape.isCapitalized(words[0]), ![":", "]"].contains(shape.lastCharacter),
            !words.prefix(2).contains(where: { $0.hasSuffix(":") }),
            // A promo is a headline, at most a short statement and a teaser question; a longer run
            // of sentences is the article talking (a period after "U.S." is not an end).
            Self.isHeadlineLength(shape, words: words),
            !(words[0].first?.isNumber ?? false),
            let before = keptNeighbour(of: index, step: -1), shapes[before].isProse,
            let after = keptNeighbour(of: index, step: 1), shapes[after].isProse
        else { return false }
        let following = Set(shapes[after].bareWords)
        return !shape.bareWords.contains { $0.count >= 4 && following.contains($0) }
    }

    // MARK: - The end of the article

    /// Walks back from the end over what follows the last paragraph of reporting: comment forms,
    /// footers, credit lines and recurring lines. Wording alone is trusted only here, where nothing
    /// of the story follows.
    mutating func removeTail() {
        var index = shapes.count - 1
        while index > 0 {
            defer { index -= 1 }
            guard isKept(index) else { continue }
            let shape = shapes[index]
            if let reason = Self.tailReason(shape) {
                reasons[index] = reason
            } else if let sentences = creditSentences(shape) {
                reasons[index] = DebrisFilter.Reason.credit
                credits.insert(contentsOf: sentences, at: 0)
            } else if shape.isSingleLine, recurring.contains(keyHash: shape.keyHash) {
                reasons[index] = DebrisFilter.Reason.recurring
            } else {
                return
            }
        }
    }

    /// Comment prompts and form fields, link and page footers.
    static func tailReason(_ shape: BlockShape) -> String? {
        guard shape.isSingleLine, shape.wordCount <= 20 else { return nil }
        let words = shape.bareWords
        // A form field or a form notice ends with the required-field star.
        if shape.lastCharacter == "*" { return DebrisFilter.Reason.commentPrompt }
        guard !shape.endsLikeSentence else { return nil }
        if Vocabulary.comment.containsAny(words) { return DebrisFilter.Reason.commentPrompt }
        guard shape.wordCount <= 5 else { return nil }
        if Vocabulary.link.containsAny(words) { return DebrisFilter.Reason.linkFooter }
        if Vocabulary.page.containsAny(words) { return DebrisFilter.Reason.pageFooter }
        return nil
    }

    /// The sentences of a short closing paragraph made only of credits, or `nil`.
    func creditSentences(_ shape: BlockShape) -> [String]? {
        guard shape.block.kind == .paragraph || shape.block.kind == .heading, shape.wordCount <= 60, shape.block.length <= 600,
            CreditLine.mayMatch(shape.text)
        else { return nil }
        // Sentence by sentence, stopping at the first that is not a credit (most closing
        // paragraphs have one), instead of making every sentence's string first.
        var sentences: [String] = []
        for piece in shape.block.pieces {
            for span in segmenter.sentences(in: text, range: piece) {
                let sentence = String(String.UnicodeScalarView(text[span.start..<span.end]))
                guard CreditLine.matches(sentence) else { return nil }
                sentences.append(sentence)
            }
        }
        return sentences.isEmpty ? nil : sentences
    }

    // MARK: - Batch evidence and repeats

    /// Single lines that recur in other articles of the same source (see ``BatchBoilerplate``). The
    /// first block is left to the masthead and title rules: versions of one report share it.
    mutating func removeRecurringLines() {
        for index in shapes.indices.dropFirst()
        where isKept(index) && shapes[index].isSingleLine && recurring.contains(keyHash: shapes[index].keyHash) {
            reasons[index] = DebrisFilter.Reason.recurring
        }
    }

    /// A paragraph printed twice (a dek, a pull quote) is kept once. The first kept block is the
    /// headline candidate: a repeat of it is the title rule's to report (`repeats the title`).
    mutating func removeRepeatedParagraphs() {
        guard let first = shapes.indices.first(where: isKept) else { return }
        var seen: [Int: Int] = [:]
        var previousKept: Int?
        for index in shapes.indices.dropFirst(first + 1) where isKept(index) {
            let key = shapes[index].keyHash
            // Only right after itself is a repeat a printing slip: further away, articles repeat
            // their own lines (an interview's recurring question, a recipe's "Drink within 30
            // minutes"), as the extraction benchmark's annotations show.
            if shapes[index].wordCount >= 3, let earlier = seen[key], earlier == previousKept {
                reasons[index] = DebrisFilter.Reason.repeatsPrevious
                continue
            }
            seen[key] = seen[key] ?? index
            previousKept = index
        }
    }
}

/// Boilerplate words, by the kind of debris they mark. They are trusted only together with shape
/// and position: a sentence of reporting may use any of them.
private enum Vocabulary {
    static let linkListLeadIn: Set<String> = [
        "read", "more", "related", "see", "also", "watch", "listen", "recommended", "coverage", "stories", "popular", "latest", "explore",
    ]
    static let promoLabel: Set<String> = [
        "related", "read", "more", "also", "see", "watch", "listen", "recommended", "explore", "latest", "don’t", "miss",
        "photos", "video", "videos", "gallery", "podcast",
    ]
    static let publication: Set<String> = [
        "times", "post", "news", "journal", "herald", "tribune", "gazette", "daily", "chronicle", "observer", "guardian", "telegraph",
        "sentinel", "courier", "dispatch", "review", "star", "sun", "mail", "express", "record", "register", "press", "reporter",
        "monitor", "standard", "inquirer", "examiner", "bulletin", "wire", "radio", "magazine", "weekly", "today", "online",
    ]
    static let videoMedia: Set<String> = ["video", "footage", "audio"]
    static let photoMedia: Set<String> = ["photo", "photos", "photograph", "image", "picture", "graphic", "illustration"]
    static let comment: Set<String> = ["comment", "comments", "reply", "replies", "discussion", "conversation", "email", "e-mail", "required", "fields"]
    static let link: Set<String> = ["source", "link", "links", "original", "via", "view", "continue", "reading"]
    static let page: Set<String> = ["share", "print", "subscribe", "newsletter", "advertisement", "follow", "sign"]
}
