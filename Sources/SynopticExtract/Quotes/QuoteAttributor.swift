import SynopticCore

/// Attributes quoted passages to their speakers.
///
/// For each passage it reads the words around the marks for the patterns news writing uses:
/// `“…,” X said` and `“…,” said X, the …` after the quotation; `X said: “…”`, `X told reporters
/// that “…”` and `X called it “…”` before it; `according to X` on either side. The speaker is the
/// name, pronoun or description in subject position of the cue; a name or pronoun leads to its
/// entity through the recognizer's mentions. A passage with no cue of its own continues the
/// quotation before it (`“…,” he said. “…”`) or, when it opens a paragraph of quotation alone, the
/// speaker of the paragraph before. Otherwise the speaker stays unknown: never a guess.
public struct QuoteAttributor: Sendable {
    public init() {}

    /// Pronouns that can be a speaker.
    static let speakerPronouns: Set<String> = ["he", "she", "they", "i", "we"]
    /// Words that open a description of a speaker (“a senior official”, “two diplomats”).
    static let determiners: Set<String> = ["a", "an", "the", "one", "two", "three", "several", "some", "many", "other", "another"]

    /// One attributed passage with the token positions the rules used.
    struct Attribution {
        var speaker: TextSpan?
        var speakerToken: Int?
        var cue: TextSpan?
        var confidence: Double
    }

    func quotes(in text: TokenizedText, passages: [QuotedPassage], entities: EntityAnalysis) -> [QuoteAnnotation] {
        let tokens = text.tokens
        var result: [QuoteAnnotation] = []
        var previousByBlock: [Int: Int] = [:]  // block → index in result of its last quote
        var resultBlocks: [Int] = []  // block of each quote in result
        // Per block, computed once however many quotations it holds.
        var blockCache: (block: Int, range: Range<Int>, hasNoCue: Bool)?
        for (k, passage) in passages.enumerated() {
            let nextOpen = k + 1 < passages.count && passages[k + 1].block == passage.block ? passages[k + 1].open : nil
            let previousClose = k > 0 && passages[k - 1].block == passage.block ? (passages[k - 1].close ?? passages[k - 1].open) : nil
            if blockCache?.block != passage.block {
                let range = tokenRange(ofBlock: passage.block, in: text)
                blockCache = (passage.block, range, Self.hasNoCue(tokens, text.lowers, range))
            }
            let blockRange = blockCache!.range
            let context = Context(
                text: text, tokens: tokens, lowers: text.lowers, entities: entities, passage: passage, nextOpen: nextOpen,
                previousClose: previousClose,
                block: blockRange)

            var attribution: Attribution?
            if context.opensSentence {
                attribution = context.after() ?? context.before()
            } else {
                attribution = context.before() ?? context.after()
            }
            // “…,” he said. “…”: the same speaker goes on within the paragraph.
            if attribution == nil, let p = previousByBlock[passage.block], result[p].speakerSpan != nil || result[p].speaker != nil {
                result.append(
                    QuoteAnnotation(
                        span: passage.span, speaker: result[p].speaker, speakerSpan: result[p].speakerSpan, cueSpan: result[p].cueSpan,
                        partial: context.isPartial, confidence: min(result[p].confidence, 0.8)))
                previousByBlock[passage.block] = result.count - 1
                resultBlocks.append(passage.block)
                continue
            }
            // A paragraph that is quotation alone carries on the speaker of the paragraph before.
            if attribution == nil, context.passageOpensBlock, blockCache!.hasNoCue,
                let last = result.last, passages.indices.contains(k - 1), passages[k - 1].block == passage.block - 1,
                last.speaker != nil || last.speakerSpan != nil
            {
                let confidence = passages[k - 1].continuesInNextBlock ? 0.85 : 0.6
                result.append(
                    QuoteAnnotation(
                        span: passage.span, speaker: last.speaker, speakerSpan: last.speakerSpan, cueSpan: last.cueSpan, partial: false,
                        confidence: min(last.confidence, confidence)))
                previousByBlock[passage.block] = result.count - 1
                resultBlocks.append(passage.block)
                continue
            }
            guard let attribution else {
                // No one is named: a whole statement stays a quotation with an unknown speaker; a
                // short fragment with no cue is a title or a scare quote, not a quotation.
                if context.wordCount >= 4 && !context.isPartial {
                    result.append(QuoteAnnotation(span: passage.span, partial: false, confidence: 0))
                    previousByBlock[passage.block] = result.count - 1
                    resultBlocks.append(passage.block)
                    resultBlocks.append(passage.block)
                }
                continue
            }
            var speaker: Int?
            if let t = attribution.speakerToken, t >= 0, let mention = entities.mention(atToken: t) { speaker = mention.entity }
            result.append(
                QuoteAnnotation(
                    span: passage.span, speaker: speaker, speakerSpan: attribution.speaker, cueSpan: attribution.cue,
                    partial: context.isPartial, confidence: attribution.confidence))
            previousByBlock[passage.block] = result.count - 1
            resultBlocks.append(passage.block)
        }
        return result
    }

    /// Whether a paragraph has no speech verb outside its quotations.
    static func hasNoCue(_ tokens: [Token], _ lowers: [String], _ block: Range<Int>) -> Bool {
        var inside = false
        for t in block {
            let token = tokens[t]
            if token.kind == .openQuote || (token.kind == .straightQuote && !inside) {
                inside = true
            } else if token.kind == .closeQuote || token.kind == .straightQuote {
                inside = false
            } else if !inside, token.kind == .word, !token.isCapitalized, token.is(.speechCue) || lowers[t] == "according" {
                return false
            }
        }
        return true
    }

    func tokenRange(ofBlock block: Int, in text: TokenizedText) -> Range<Int> {
        let span = text.blocks[block]
        let tokens = text.tokens
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < span.start { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < tokens.count && tokens[end].start < span.end { end += 1 }
        return low..<end
    }
}

/// The words around one passage, and the attribution patterns read over them.
private struct Context {
    let text: TokenizedText
    let tokens: [Token]
    let lowers: [String]
    let entities: EntityAnalysis
    let passage: QuotedPassage
    let nextOpen: Int?
    let previousClose: Int?
    let block: Range<Int>

    /// Words after a cue that belong to it (“pointed out”).
    static let cueParticles: Set<String> = ["out", "on", "back"]
    /// Auxiliaries and adverbs before a cue that belong to it (“has said”, “later told”).
    static let cueAuxiliaries: Set<String> = ["has", "have", "had", "was", "is", "were", "will", "would", "also", "later", "then"]
    /// Function words that cannot end a description of a speaker.
    static let nonNounEnds: Set<String> = ["it", "this", "that", "which", "who", "also", "not", "and", "but", "has", "have", "had", "was", "is"]
    /// Plural nouns after a cue that are its audience, not its speaker (“told reporters”).
    static let audiences: Set<String> = ["reporters", "journalists", "lawmakers", "supporters"]
    /// Words that end a description after a cue (“said a senior official in …”).
    static let descriptionEnds: Set<String> = ["in", "on", "at", "that", "after", "before", "during", "when", "while", "who"]

    /// The first token after the passage's closing mark (or after its last word).
    var afterClose: Int { (passage.close ?? lastInsideToken) + 1 }
    var lastInsideToken: Int {
        var t = passage.open
        while t + 1 < block.upperBound && tokens[t + 1].start < passage.span.end { t += 1 }
        return t
    }

    var wordCount: Int {
        var n = 0
        var t = passage.open + 1
        while t < tokens.count && tokens[t].start < passage.span.end {
            if tokens[t].kind == .word || tokens[t].kind == .number { n += 1 }
            t += 1
        }
        return n
    }

    /// Whether the quotation opens its sentence (nothing but an opening bracket before it).
    var opensSentence: Bool {
        let open = passage.open
        guard open > block.lowerBound else { return true }
        let previous = tokens[open - 1]
        if previous.sentence != tokens[open].sentence { return true }
        if let previousClose, previousClose == open - 1 { return true }
        return false
    }

    var passageOpensBlock: Bool { passage.open == block.lowerBound }

    /// A fragment woven into the writer's sentence: it follows a word of that sentence, or starts
    /// in lowercase.
    var isPartial: Bool {
        let first = passage.open + 1
        if first < tokens.count, tokens[first].kind == .word, !tokens[first].isCapitalized, lowers[first] != "i" {
            // “…and we will answer”: a lowercase start is a fragment unless a colon introduces it,
            // or a comma after an attribution carries on a sentence cut in two (“If …,” he said,
            // “we will …”).
            if passage.open == block.lowerBound { return false }
            let previous = tokens[passage.open - 1]
            if previous.isMark(":") { return false }
            if previous.isMark(","), let previousClose, previousClose < passage.open - 1,
                tokens[previousClose - 1].isMark(",") || tokens[previousClose - 1].isMark("…")
            {
                return false
            }
            return true
        }
        guard passage.open > block.lowerBound else { return false }
        let previous = tokens[passage.open - 1]
        if previous.sentence != tokens[passage.open].sentence { return false }
        if previous.isMark(":") || previous.isMark(",") || previous.kind == .closeQuote { return false }
        if previous.kind == .word && (isCue(previous) || lowers[passage.open - 1] == "that") {
            // `said “We …` is whole; `called it “a …` is not, and was decided above.
            return false
        }
        return previous.kind == .word || previous.kind == .number
    }

    // MARK: Patterns

    /// `“…,” X said`, `“…,” said X`, `“…,” according to X`.
    func after() -> QuoteAttributor.Attribution? {
        var t = afterClose
        let limit = min(nextOpen ?? block.upperBound, block.upperBound, t + 16)
        // “…” — Name: a quotation signed with a dash, as in a collection of reactions.
        if t < limit, tokens[t].isMark("—") || tokens[t].isMark("―") || tokens[t].isMark("–") || tokens[t].isMark("-"),
            let lead = leadingMention(from: t + 1, limit: limit),
            let mention = entities.mention(atToken: lead), entities.entities[mention.entity].kind == .person
        {
            return .init(speaker: mention.span, speakerToken: lead, cue: nil, confidence: 0.85)
        }
        while t < limit && (tokens[t].isMark(",") || tokens[t].isMark("—") || tokens[t].isMark("-")) { t += 1 }
        guard t < limit else { return nil }
        let start = t
        // `said X` / `according to X`
        if tokens[start].kind == .word && isCue(tokens[start]) {
            if let subject = phrase(from: start + 1, limit: limit) {
                return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[start].span, confidence: subject.confidence)
            }
            return nil
        }
        if lowers[start] == "according", start + 1 < limit, lowers[start + 1] == "to",
            let subject = phrase(from: start + 2, limit: limit)
        {
            return .init(
                speaker: subject.span, speakerToken: subject.head, cue: TextSpan(start: tokens[start].start, end: tokens[start + 1].end),
                confidence: subject.confidence * 0.95)
        }
        // `X said`, `X, the …, said`: a subject, perhaps with a long apposition, then the cue.
        let far = min(nextOpen ?? block.upperBound, block.upperBound, start + 40)
        var c = start
        while c < far {
            let token = tokens[c]
            if token.isMark(".") && !isAbbreviationPeriod(c) || token.isMark("?") || token.isMark("!") || token.isMark(";") { break }
            if token.kind == .openQuote { break }
            if token.kind == .word && isCue(token) && c > start && !isNotAVerb(c) {
                // A name or pronoun right after the quotation is the subject, whatever apposition
                // follows it; otherwise the words before the cue are read for one.
                if let lead = leadingMention(from: start, limit: c), let mention = entities.mention(atToken: lead) {
                    let isPronoun = mention.form == .pronoun
                    return .init(speaker: mention.span, speakerToken: lead, cue: cueSpan(at: c), confidence: isPronoun ? 0.85 : 0.95)
                }
                guard c - start <= 12, let subject = subject(in: start..<c) else { return nil }
                return .init(speaker: subject.span, speakerToken: subject.head, cue: cueSpan(at: c), confidence: subject.confidence)
            }
            c += 1
        }
        return nil
    }

    /// `X said: “…”`, `X told reporters that “…”`, `X called it “…”`, `According to X, “…”`.
    func before() -> QuoteAttributor.Attribution? {
        let open = passage.open
        let sentence = tokens[open].sentence
        var lower = open - 1
        let floor = max(block.lowerBound, (previousClose ?? -1) + 1)
        while lower >= floor && tokens[lower].sentence == sentence { lower -= 1 }
        let start = lower + 1
        guard start < open else { return nil }
        // The nearest cue before the quotation, not inside another quotation.
        var c = open - 1
        while c >= start {
            let token = tokens[c]
            if token.kind == .closeQuote { break }
            if token.kind == .word && isCue(token) && !isNotAVerb(c) {
                // `said X: “…”` (cue first, subject after) or `X said that “…”`.
                if let subject = subject(in: start..<c) {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: cueSpan(at: c), confidence: subject.confidence * 0.95)
                }
                if let subject = phrase(from: c + 1, limit: open) {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[c].span, confidence: subject.confidence * 0.9)
                }
                return nil
            }
            if lowers[c] == "according", c + 1 < open, lowers[c + 1] == "to", let subject = phrase(from: c + 2, limit: open) {
                return .init(
                    speaker: subject.span, speakerToken: subject.head, cue: TextSpan(start: token.start, end: tokens[c + 1].end),
                    confidence: subject.confidence * 0.9)
            }
            c -= 1
        }
        return nil
    }

    /// The person or pronoun that opens the words after a quotation, past titles and honorifics
    /// (“Senate Majority Leader Mitch McConnell, R-Ky., said”).
    func leadingMention(from start: Int, limit: Int) -> Int? {
        var t = start
        var fallback: Int?
        while t < limit && t - start < 8 {
            let token = tokens[t]
            if let mention = entities.mention(atToken: t) {
                let kind = entities.entities[mention.entity].kind
                if kind == .person { return t }
                // “U.S. national security adviser Jake Sullivan”: a place or organisation in front
                // of a title; the person may follow.
                if fallback == nil && !isPossessed(t) { fallback = t }
                t = max(t + 1, tokenIndex(from: t, after: mention.span))
                continue
            }
            let isTitle =
                token.kind == .word && (token.isCapitalized || token.isAny([.roleNoun, .roleModifier]))
            if !(isTitle || token.isMark(".") && isAbbreviationPeriod(t) || lowers[t] == "'s") { return fallback }
            t += 1
        }
        return fallback
    }

    /// The first token from `t` on that starts at or after the end of `span`.
    func tokenIndex(from t: Int, after span: TextSpan) -> Int {
        var t = t
        while t < block.upperBound && tokens[t].start < span.end { t += 1 }
        return t
    }

    /// A speech verb as the writer uses it: in lowercase (“State” in “State Department” is none).
    func isCue(_ token: Token) -> Bool {
        token.kind == .word && !token.isCapitalized && token.is(.speechCue)
    }

    /// The period of “Mr.”, “Rep.” or an initial, which ends no sentence.
    func isAbbreviationPeriod(_ t: Int) -> Bool {
        guard t > 0, tokens[t - 1].end == tokens[t].start else { return false }
        let previous = tokens[t - 1]
        return previous.is(.honorific) || (previous.kind == .word && previous.end - previous.start == 1 && previous.isCapitalized)
    }

    /// A cue word used as a noun or adjective (“the said”, “a call”, “to call”) is no cue.
    func isNotAVerb(_ c: Int) -> Bool {
        guard c > 0 else { return false }
        let previous = lowers[c - 1]
        return previous == "the" || previous == "a" || previous == "an" || previous == "to" && lowers[c] == "call"
    }

    func cueSpan(at c: Int) -> TextSpan {
        var end = tokens[c].end
        // “told reporters”, “said in a statement” keep their object out; “pointed out” keeps it.
        if c + 1 < tokens.count, Self.cueParticles.contains(lowers[c + 1]) { end = tokens[c + 1].end }
        var start = tokens[c].start
        if c > 0, Self.cueAuxiliaries.contains(lowers[c - 1]) {
            start = tokens[c - 1].start
        }
        return TextSpan(start: start, end: end)
    }

    struct Phrase {
        var span: TextSpan
        /// The token whose mention names the speaker (a name or pronoun), if any.
        var head: Int?
        var confidence: Double
    }

    /// The speaker in the words before a cue: the person named nearest to the cue (over an
    /// apposition: “Sergei Ryabkov, Russia’s deputy foreign minister, said”), else an
    /// organisation, a pronoun, or the noun phrase that ends at the cue.
    func subject(in range: Range<Int>) -> Phrase? {
        guard !range.isEmpty else { return nil }
        var bestPerson: Int?
        var bestOther: Int?
        var pronoun: Int?
        var t = range.upperBound - 1
        while t >= range.lowerBound {
            let token = tokens[t]
            if token.kind == .closeQuote || token.kind == .openQuote { break }
            if let mention = entities.mention(atToken: t) {
                let kind = entities.entities[mention.entity].kind
                if kind == .person && mention.form != .pronoun && bestPerson == nil { bestPerson = t }
                if kind != .person && bestOther == nil && !isPossessed(t) { bestOther = t }
                if mention.form == .pronoun && pronoun == nil && token.is(.speakerPronoun) { pronoun = t }
            } else if token.is(.speakerPronoun) && pronoun == nil && (t == range.upperBound - 1 || t == range.lowerBound) {
                pronoun = t
            }
            t -= 1
        }
        // “a senior U.S. official said”, “Kremlin officials said”: the description is the speaker,
        // not the place or organisation inside it.
        let head = tokens[range.upperBound - 1]
        let headLower = lowers[range.upperBound - 1]
        let headIsNoun =
            head.kind == .word && !head.isCapitalized && entities.mention(atToken: range.upperBound - 1) == nil
            && (head.is(.roleNoun) || headLower.hasSuffix("s") && Lexicon.isRoleNoun(String(headLower.dropLast())))
        if headIsNoun && bestPerson.map({ $0 < range.upperBound - 4 }) ?? true {
            var first = range.upperBound - 1
            while first - 1 >= range.lowerBound, range.upperBound - first < 7, tokens[first - 1].kind == .word || lowers[first - 1] == "'s",
                entities.mention(atToken: first - 1)?.form != .pronoun, !isCue(tokens[first - 1])
            {
                first -= 1
                if tokens[first].is(.determiner) { break }
            }
            return Phrase(span: TextSpan(start: tokens[first].start, end: head.end), head: nil, confidence: 0.75)
        }
        if let p = bestPerson, let mention = entities.mention(atToken: p) {
            // Ignore a person named inside a subordinate phrase far from the cue when a pronoun
            // sits right before it (“Asked about Biden, he said”).
            if let pronoun, pronoun > p, pronoun == range.upperBound - 1 { return pronounPhrase(pronoun) }
            return Phrase(span: mention.span, head: p, confidence: 0.95)
        }
        if let pronoun { return pronounPhrase(pronoun) }
        if let o = bestOther, let mention = entities.mention(atToken: o) { return Phrase(span: mention.span, head: o, confidence: 0.9) }
        // A description: “a senior State Department official”, “officials”, “the ministry”.
        var first = range.upperBound - 1
        while first - 1 >= range.lowerBound, tokens[first - 1].kind == .word || lowers[first - 1] == "'s",
            range.upperBound - first < 7
        {
            first -= 1
        }
        guard tokens[range.upperBound - 1].kind == .word else { return nil }
        // A description must end in a noun-like word, not a function word.
        let lastLower = lowers[range.upperBound - 1]
        if Self.nonNounEnds.contains(lastLower) { return nil }
        while first < range.upperBound - 1, !tokens[first].is(.determiner), !tokens[first].isCapitalized,
            !tokens[first].isAny([.roleModifier, .roleNoun])
        {
            first += 1
        }
        return Phrase(span: TextSpan(start: tokens[first].start, end: tokens[range.upperBound - 1].end), head: nil, confidence: 0.7)
    }

    /// “Russia’s” in “Russia’s deputy foreign minister”: a possessor, not the speaker.
    func isPossessed(_ t: Int) -> Bool {
        t + 1 < tokens.count && lowers[t + 1] == "'s"
    }

    func pronounPhrase(_ t: Int) -> Phrase {
        let resolved = entities.mention(atToken: t) != nil
        return Phrase(span: tokens[t].span, head: t, confidence: resolved ? 0.85 : 0.5)
    }

    /// The speaker after a cue: `said Lavrov`, `said Michael Carpenter, the U.S. ambassador`,
    /// `said a senior official`, `he said`.
    func phrase(from start: Int, limit: Int) -> Phrase? {
        guard start < limit else { return nil }
        var t = start
        // “said on Tuesday”, “told reporters”: skip to a name within a few words.
        while t < limit && t - start < 6 {
            let token = tokens[t]
            if token.isMark(".") && !isAbbreviationPeriod(t) || token.isMark(",") || token.isMark(":") || token.kind == .openQuote
                || token.kind == .closeQuote
            {
                break
            }
            if let mention = entities.mention(atToken: t), mention.form != .description || t == start {
                if entities.entities[mention.entity].kind == .person || !isPossessed(t) {
                    return Phrase(span: mention.span, head: t, confidence: mention.form == .pronoun ? 0.85 : 0.95)
                }
            }
            if token.is(.speakerPronoun) && t == start { return pronounPhrase(t) }
            t += 1
        }
        // A description right after the cue: “said a senior official”.
        t = start
        guard t < limit, tokens[t].kind == .word,
            tokens[t].isAny([.determiner, .roleNoun])
                || lowers[t].hasSuffix("s") && !Self.audiences.contains(lowers[t])
        else { return nil }
        var end = t
        while end + 1 < limit && end - t < 8, tokens[end + 1].kind == .word || lowers[end + 1] == "'s" {
            if Self.descriptionEnds.contains(lowers[end + 1]) { break }
            end += 1
        }
        return Phrase(span: TextSpan(start: tokens[t].start, end: tokens[end].end), head: nil, confidence: 0.7)
    }
}
