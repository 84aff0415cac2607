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
        /// The speaker's entity when no mention carries it (a transcript's “PENCE:” label).
        var entity: Int?
    }

    func quotes(in text: TokenizedText, passages: [QuotedPassage], entities: EntityAnalysis) -> [QuoteAnnotation] {
        let tokens = text.tokens
        var result: [QuoteAnnotation] = []
        var previousByBlock: [Int: Int] = [:]  // block → index in result of its last quote
        // Per block, computed once however many quotations it holds.
        var blockCache: (block: Int, range: Range<Int>, hasNoCue: Bool, signature: Attribution?)?
        for (k, passage) in passages.enumerated() {
            let nextOpen = k + 1 < passages.count && passages[k + 1].block == passage.block ? passages[k + 1].open : nil
            let previousClose = k > 0 && passages[k - 1].block == passage.block ? (passages[k - 1].close ?? passages[k - 1].open) : nil
            if blockCache?.block != passage.block {
                let range = tokenRange(ofBlock: passage.block, in: text)
                blockCache = (passage.block, range, Self.hasNoCue(tokens, text.lowers, range), Self.signature(tokens, entities, range))
            }
            let blockRange = blockCache!.range
            let context = Context(
                text: text, tokens: tokens, lowers: text.lowers, entities: entities, passage: passage, nextOpen: nextOpen,
                previousClose: previousClose,
                block: blockRange)

            var attribution: Attribution? = context.transcriptLabel() ?? context.accordingAfter()
            if attribution != nil {
            } else if context.opensSentence || context.endsWithComma {
                // “…,” the union wrote: a quotation that ends in a comma is followed by its
                // attribution, whatever cue the sentence had before it.
                attribution = context.after() ?? context.before()
            } else {
                attribution = context.before() ?? context.after()
            }
            // “…. …” — Name: a paragraph of quotation signed at its end speaks for its signer
            // throughout.
            if attribution == nil, let signature = blockCache!.signature, signature.speakerToken.map({ $0 > passage.open }) ?? false {
                attribution = signature
            }
            // “…,” he said. “…”: the same speaker goes on within the paragraph.
            if attribution == nil, let p = previousByBlock[passage.block], result[p].speakerSpan != nil || result[p].speaker != nil {
                result.append(
                    QuoteAnnotation(
                        span: passage.span, speaker: result[p].speaker, speakerSpan: result[p].speakerSpan, cueSpan: result[p].cueSpan,
                        partial: context.isPartial, confidence: min(result[p].confidence, 0.8)))
                previousByBlock[passage.block] = result.count - 1
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
                continue
            }
            // “Schiff said the administration may wait. “The other factor …””, “The Times
            // reports: ¶ “…””: a quotation standing alone after the writer's sentence that
            // reports someone's words takes that sentence's speaker.
            if attribution == nil, previousByBlock[passage.block] == nil {
                attribution = context.reportedBefore(in: text) ?? context.colonIntroduction(in: text)
            }
            guard let attribution else {
                // No one is named: a whole statement stays a quotation with an unknown speaker; a
                // short fragment with no cue is a title or a scare quote, not a quotation.
                if context.wordCount >= 4 && !context.isPartial {
                    result.append(QuoteAnnotation(span: passage.span, partial: false, confidence: 0))
                    previousByBlock[passage.block] = result.count - 1
                }
                continue
            }
            var speaker = attribution.entity
            if speaker == nil, let t = attribution.speakerToken, t >= 0, let mention = entities.mention(atToken: t) { speaker = mention.entity }
            var speakerSpan = attribution.speaker
            var confidence = attribution.confidence
            if speaker == nil, attribution.speakerToken == nil, let span = speakerSpan, span.length == 2, text[span].lowercased() == "it" {
                // “…,” it added: the organisation or document quoted last, within the two
                // paragraphs before; a person is never “it”, and with no one to refer to the
                // speaker stays unknown.
                let floor = text.blocks[max(0, passage.block - 2)].start
                // A description naming people (“council members”, “a spokesman”) is no “it” either.
                let lastIsThing = { (last: QuoteAnnotation) -> Bool in
                    if let e = last.speaker { return entities.entities[e].kind != .person }
                    guard let span = last.speakerSpan, let head = text[span].split(separator: " ").last?.lowercased() else { return false }
                    return !head.endsWith("s") && !Lexicon.isRoleNoun(head)
                }
                if let last = result.last, last.span.start >= floor, last.speakerSpan != nil, lastIsThing(last) {
                    speaker = last.speaker
                    speakerSpan = last.speakerSpan
                    confidence = min(last.confidence, 0.6)
                } else if let subject = Self.organizationOpening(sentenceOf: span.start, in: text, entities: entities) {
                    // “The Security Council … condemned the test as what it called “…””: the
                    // organisation that opens the sentence.
                    speaker = subject.entity
                    speakerSpan = subject.span
                    confidence = 0.6
                } else {
                    speakerSpan = nil
                    confidence = 0
                }
            }
            result.append(
                QuoteAnnotation(
                    span: passage.span, speaker: speaker, speakerSpan: speakerSpan, cueSpan: attribution.cue,
                    partial: context.isPartial, confidence: confidence))
            previousByBlock[passage.block] = result.count - 1
        }
        return result
    }

    /// The organisation named at the opening of the sentence holding `offset` (its first words,
    /// after “The”), before `offset`.
    static func organizationOpening(sentenceOf offset: Int, in text: TokenizedText, entities: EntityAnalysis) -> Mention? {
        let tokens = text.tokens
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        guard low < tokens.count else { return nil }
        let sentence = tokens[low].sentence
        guard sentence >= 0, sentence < text.sentenceTokens.count else { return nil }
        let range = text.sentenceTokens[sentence]
        guard var t = range.first(where: { tokens[$0].kind == .word }) else { return nil }
        if text.lowers[t] == "the" { t += 1 }
        guard t < low, let mention = entities.mention(atToken: t), entities.entities[mention.entity].kind == .organization else { return nil }
        return mention
    }

    /// The signature that ends a paragraph of quotation: a closing mark, a dash and a person's
    /// name (“… money.” ― Christina Lastra).
    static func signature(_ tokens: [Token], _ entities: EntityAnalysis, _ block: Range<Int>) -> Attribution? {
        var t = block.upperBound - 1
        while t > block.lowerBound && tokens[t].isMark(".") { t -= 1 }
        guard t > block.lowerBound + 1, let mention = entities.mention(atToken: t), entities.entities[mention.entity].kind == .person,
            mention.form == .name
        else { return nil }
        var first = t
        while first > block.lowerBound && tokens[first - 1].start >= mention.span.start { first -= 1 }
        guard first >= block.lowerBound + 2 else { return nil }
        let dash = tokens[first - 1]
        guard dash.isMark("—") || dash.isMark("―") || dash.isMark("–") || dash.isMark("-"),
            tokens[first - 2].kind == .closeQuote || tokens[first - 2].kind == .straightQuote
        else { return nil }
        return Attribution(speaker: mention.span, speakerToken: first, cue: nil, confidence: 0.85)
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
extension QuoteAttributor {
    /// Words after which a cue's bare form is no verb when a plural noun follows it (a token
    /// trait too, ``WordTraits/modifierContext``).
    static let modifierContexts: Set<String> = ["when", "where", "while", "of", "for", "by", "in", "on", "at", "with", "from", "and", "as"]
    /// Determiners that make what follows a possessed noun (“their report”, “his comments”; a
    /// token trait too, ``WordTraits/possessiveDeterminer``).
    static let possessiveDeterminers: Set<String> = ["their", "his", "its", "our", "my", "your"]
}

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
    /// Plural nouns after a cue that are its audience, not its speaker (“told reporters”).
    static let audiences: Set<String> = ["reporters", "journalists", "lawmakers", "supporters"]
    /// Words that end a description after a cue (“said a senior official in …”).
    static let descriptionEnds: Set<String> = ["in", "on", "at", "that", "after", "before", "during", "when", "while", "who"]
    static let questionWords: Set<String> = ["whether", "if", "how", "why", "what", "about", "when", "where", "which"]
    static let possessives: Set<String> = ["his", "its", "this", "was", "has", "is", "as", "us", "yes", "thus", "plus"]
    /// Words after which a cue's bare form is no verb when a plural noun follows it.
    static let modifierContexts = QuoteAttributor.modifierContexts
    /// Determiners that make what follows a possessed noun (“their report”, “his comments”).
    static let possessiveDeterminers = QuoteAttributor.possessiveDeterminers
    /// Adverbs that stand between a subject and its cue (“it further wrote”), never a subject.
    static let adverbs: Set<String> = [
        "further", "later", "then", "again", "still", "even", "just", "only", "now", "earlier", "previously", "repeatedly", "once",
        "first", "finally", "recently", "often", "never", "always", "already", "also", "initially", "reportedly", "publicly", "privately",
    ]
    /// Words no description of a speaker runs back over: verbs, relatives, subordinators and
    /// prepositions that begin another phrase (“… had been involved with what multiple lawmakers called”).
    static let descriptionStoppers: Set<String> = [
        "had", "has", "have", "been", "be", "was", "were", "is", "are", "will", "would", "could", "should", "did", "does", "do", "what",
        "which", "who", "whom", "whose", "when", "where", "why", "how", "that", "because", "if", "while", "although", "though", "with",
        "about", "after", "before", "during", "to", "by", "into", "than", "as",
    ]
    /// Adjectives of party and persuasion, capitalised but no one's name (“Republican claims”).
    static let politicalAdjectives: Set<String> = ["republican", "democratic", "democrat", "conservative", "liberal", "progressive", "socialist"]
    /// Singular nouns that name a group and speak without a determiner (“police said”).
    static let collectives: Set<String> = ["police", "staff", "management", "security"]

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

    /// Whether the quotation ends in a comma, inside or right after its closing mark (“…,” said).
    var endsWithComma: Bool {
        guard let close = passage.close else { return false }
        if close > passage.open + 1, tokens[close - 1].isMark(",") { return true }
        // ““…?” asked Dunn”: a question or exclamation the sentence runs on after, in lowercase.
        if close > passage.open + 1, tokens[close - 1].isMark("?") || tokens[close - 1].isMark("!"), close + 1 < block.upperBound,
            tokens[close + 1].kind == .word, !tokens[close + 1].isCapitalized, tokens[close + 1].sentence == tokens[close].sentence
        {
            return true
        }
        return close + 1 < block.upperBound && tokens[close + 1].isMark(",")
    }

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
        if previous.kind == .word && (isCue(passage.open - 1) || lowers[passage.open - 1] == "that") {
            // `said “We …` is whole; `called it “a …` is not, and was decided above.
            return false
        }
        return previous.kind == .word || previous.kind == .number
    }

    // MARK: Patterns

    /// “WALLACE: Let's start …” — a transcript quoted whole names each speaker in capitals
    /// before a colon; the label is the speaker, the person of that surname when the article
    /// names one.
    func transcriptLabel() -> QuoteAttributor.Attribution? {
        var t = passage.open + 1
        var label: [Int] = []
        while t < block.upperBound, label.count < 3, tokens[t].kind == .word, tokens[t].isAllCaps, tokens[t].end - tokens[t].start >= 2 {
            label.append(t)
            t += 1
        }
        guard let last = label.last, t < block.upperBound, tokens[t].isMark(":") else { return nil }
        let span = TextSpan(start: tokens[label[0]].start, end: tokens[last].end)
        let surname = lowers[last]
        let person = entities.entities.indices.first { e in
            entities.entities[e].kind == .person && entities.entities[e].name.split(separator: " ").last?.lowercased() == surname
        }
        return .init(speaker: span, speakerToken: nil, cue: nil, confidence: person == nil ? 0.6 : 0.9, entity: person)
    }

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
        // ““…,” noting …”, ““…,” adding …”: a participle after the quotation has the
        // sentence's subject, named before the quotation: the speaker of the sentence's own cue
        // (“Trump told Newsmax that Romney “…,” adding”), else its first person.
        if tokens[start].kind == .word, isCue(start), lowers[start].endsWith("ing"), !opensSentence {
            if let attribution = before() { return attribution }
            if let subject = sentenceSubject(before: passage.open) {
                return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[start].span, confidence: subject.confidence)
            }
        }
        // `said X` / `according to X`
        if tokens[start].kind == .word && isCue(start) {
            if let subject = phrase(from: start + 1, limit: limit) {
                return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[start].span, confidence: subject.confidence)
            }
            // “…,” stated Roman Smbatyan, a …: right after a cue that follows the quotation, two
            // to four capitalised words that end the clause are a name the recognizer does not know.
            if let name = unknownName(from: start + 1, limit: limit) {
                return .init(speaker: name, speakerToken: nil, cue: tokens[start].span, confidence: 0.6)
            }
            return nil
        }
        if lowers[start] == "according", start + 1 < limit, lowers[start + 1] == "to",
            let subject = accordingPhrase(from: start + 2, limit: limit)
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
            if token.kind == .word && isCue(c) && c > start && !isNotAVerb(c) {
                // ““…,” like the recent volatility of markets, said Richard Curtin, …”: an aside set
                // off by commas, then the cue before its subject.
                // The name must follow the cue directly (“X, after a long pause, said of Cruz” is
                // X's, about Cruz).
                if tokens[c - 1].isMark(","), let head = leadingMention(from: c + 1, limit: far),
                    let mention = entities.mention(atToken: head), mention.form != .pronoun, entities.entities[mention.entity].kind == .person
                {
                    // ““…?” CNN's correspondent, Kaitlan Collins, asked Biden”: a person's name
                    // set off by commas right before the cue, after a description, is the subject
                    // in apposition; the name after the cue is then the object.
                    if c - 2 > start, let named = entities.mention(atToken: c - 2), named.form != .pronoun,
                        entities.entities[named.entity].kind == .person, tokens[c - 2].end == named.span.end
                    {
                        var first = c - 2
                        while first > start, tokens[first - 1].start >= named.span.start { first -= 1 }
                        if first > start, tokens[first - 1].isMark(",") {
                            return .init(speaker: named.span, speakerToken: first, cue: cueSpan(at: c), confidence: 0.9)
                        }
                    }
                    return .init(speaker: mention.span, speakerToken: head, cue: tokens[c].span, confidence: 0.85)
                }
                // A name or pronoun right after the quotation is the subject, whatever apposition
                // follows it; otherwise the words before the cue are read for one.
                if let lead = leadingMention(from: start, limit: c), let mention = entities.mention(atToken: lead) {
                    let isPronoun = mention.form == .pronoun
                    if isPronoun, tokens[lead].is(.nonSubjectPronoun), let owned = possessedSubject(from: lead, limit: c) {
                        return .init(speaker: owned.span, speakerToken: owned.head, cue: cueSpan(at: c), confidence: owned.confidence)
                    }
                    return .init(speaker: mention.span, speakerToken: lead, cue: cueSpan(at: c), confidence: isPronoun ? 0.85 : 0.95)
                }
                guard c - start <= 12, let subject = subject(in: start..<c) else { return nil }
                return .init(speaker: subject.span, speakerToken: subject.head, cue: cueSpan(at: c), confidence: subject.confidence)
            }
            c += 1
        }
        return nil
    }

    /// `“…” at a conference last month, according to X`: “according to” later in the sentence,
    /// with no cue before it.
    func accordingAfter() -> QuoteAttributor.Attribution? {
        let far = min(nextOpen ?? block.upperBound, block.upperBound, afterClose + 40)
        var c = afterClose
        while c + 1 < far {
            let token = tokens[c]
            // A quotation that ends its sentence (“… without delay.” Clinton plans …) leaves the
            // next sentence alone.
            if token.sentence != tokens[passage.open].sentence { return nil }
            if token.isMark(".") && !isAbbreviationPeriod(c) || token.isMark("?") || token.isMark("!") || token.isMark(";") { return nil }
            if token.kind == .openQuote || token.kind == .straightQuote { return nil }
            if token.kind == .word && isCue(c) && !isNotAVerb(c) { return nil }
            if lowers[c] == "according", lowers[c + 1] == "to", let subject = accordingPhrase(from: c + 2, limit: far) {
                return .init(
                    speaker: subject.span, speakerToken: subject.head, cue: TextSpan(start: token.start, end: tokens[c + 1].end),
                    confidence: subject.confidence * 0.9)
            }
            c += 1
        }
        return nil
    }

    /// The speaker of the sentence before a quotation that opens its own sentence: in the same
    /// paragraph, or the paragraph before when that one ends with a colon. The sentence must
    /// carry no quotation of its own (that one's speaker carries on by another rule).
    func reportedBefore(in text: TokenizedText) -> QuoteAttributor.Attribution? {
        guard opensSentence else { return nil }
        var end = passage.open  // exclusive
        var floor = block.lowerBound
        if passage.open == block.lowerBound {
            guard passage.block > 0, passage.open > 0, tokens[passage.open - 1].isMark(":") else { return nil }
            let previousBlock = text.blocks[passage.block - 1]
            guard tokens[passage.open - 1].start >= previousBlock.start else { return nil }
            floor = passage.open - 1
            while floor > 0 && tokens[floor - 1].start >= previousBlock.start { floor -= 1 }
            end = passage.open
        }
        guard end - 1 >= floor else { return nil }
        let sentence = tokens[end - 1].sentence
        var start = end - 1
        // A reporting sentence is short; a walk of more than 60 tokens finds none (and would
        // make a paragraph of thousands of quotations quadratic).
        while start - 1 >= floor && tokens[start - 1].sentence == sentence {
            start -= 1
            if end - start > 60 { return nil }
        }
        for t in start..<end where tokens[t].kind == .openQuote || tokens[t].kind == .closeQuote || tokens[t].kind == .straightQuote {
            return nil
        }
        var c = start
        while c < end {
            if isCue(c) && !isNotAVerb(c) && !(c > start && lowers[c - 1] == "to") {
                // “The New York Times reports: ¶ “…””: a sentence that ends in a colon introduces
                // the quotation, so a description or an outlet the recognizer does not know
                // speaks too.
                let introduces = tokens[end - 1].isMark(":")
                if c > start, let subject = subject(in: start..<c), subject.head != nil || introduces {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: cueSpan(at: c), confidence: 0.7)
                }
                if let subject = phrase(from: c + 1, limit: end), subject.head != nil {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[c].span, confidence: 0.7)
                }
                return nil
            }
            c += 1
        }
        return nil
    }

    /// “Trump leaned in and boomed: “…””, “He then listed the qualities …: ¶ “…””, “— Carl
    /// Bialik: “…””: a quotation right after a colon, with no speech verb to go by, is the words of
    /// the person the introducing sentence is about: the person named right before the colon, else
    /// the person or personal pronoun that is the sentence's subject (not a possessor, not after a
    /// preposition). Organisations and descriptions are left alone here, since a sentence naming
    /// one before a colon as often shows a document as quotes a speaker (“NBC News has proof:”).
    func colonIntroduction(in text: TokenizedText) -> QuoteAttributor.Attribution? {
        let colon = passage.open - 1
        guard colon >= 0, tokens[colon].isMark(":") else { return nil }
        // The colon ends this paragraph's words before the quotation, or the paragraph before.
        let floorBlock = passage.open == block.lowerBound ? passage.block - 1 : passage.block
        guard floorBlock >= 0, tokens[colon].start >= text.blocks[floorBlock].start else { return nil }
        let sentence = tokens[colon].sentence
        var start = colon
        while start - 1 >= 0, tokens[start - 1].sentence == sentence, tokens[start - 1].start >= text.blocks[floorBlock].start {
            start -= 1
            // An introduction is short; a long walk finds none and keeps 10,000 quotations linear.
            if colon - start > 40 { return nil }
        }
        guard start < colon else { return nil }
        for t in start..<colon where tokens[t].kind == .openQuote || tokens[t].kind == .closeQuote || tokens[t].kind == .straightQuote {
            return nil
        }
        // “Pollsters agree - Carl Bialik:”, “More from Jones:”: the name the colon follows.
        if let mention = entities.mention(atToken: colon - 1), mention.form != .pronoun, mention.form != .description,
            entities.entities[mention.entity].kind == .person,
            !isObjectOfPreposition(mention.span, from: colon - 1)
                || lowers[max(start, colon - 1 - 3)..<(colon - 1)].contains("from")
        {
            return .init(speaker: mention.span, speakerToken: colon - 1, cue: nil, confidence: 0.7)
        }
        // The subject: the first person or personal pronoun that opens a clause of the sentence.
        var t = start
        while t < colon && t - start < 16 {
            if let mention = entities.mention(atToken: t) {
                let entity = entities.entities[mention.entity]
                if entity.kind == .person, mention.form != .description, !isPossessed(t), !isObjectOfPreposition(mention.span, from: t) {
                    if mention.form == .pronoun {
                        guard tokens[t].is(.speakerPronoun), t == start || tokens[t - 1].isMark(",") else { return nil }
                        return .init(speaker: mention.span, speakerToken: t, cue: nil, confidence: 0.6)
                    }
                    return .init(speaker: mention.span, speakerToken: t, cue: nil, confidence: 0.65)
                }
                t = max(t + 1, tokenIndex(from: t, after: mention.span))
                continue
            }
            t += 1
        }
        return nil
    }

    /// `X said: “…”`, `X told reporters that “…”`, `X called it “…”`, `According to X, “…”`.
    func before() -> QuoteAttributor.Attribution? {
        let open = passage.open
        var sentence = tokens[open].sentence
        var lower = open - 1
        let floor = max(block.lowerBound, (previousClose ?? -1) + 1)
        // “According to Limbaugh, “[I]f …”: no sentence begins after a comma, whatever the
        // segmenter made of the quotation.
        if lower >= floor, tokens[lower].sentence != sentence, tokens[lower].isMark(",") { sentence = tokens[lower].sentence }
        while lower >= floor && tokens[lower].sentence == sentence { lower -= 1 }
        var start = lower + 1
        // “PORT ELLIS — State engineers warned …”: a dateline names a place, never the speaker.
        if start == block.lowerBound, let dash = datelineDash() { start = max(start, dash + 1) }
        guard start < open else { return nil }
        // The nearest cue before the quotation, not inside another quotation.
        var c = open - 1
        while c >= start {
            let token = tokens[c]
            if token.kind == .closeQuote { break }
            if token.kind == .word && isCue(c) && !isNotAVerb(c) {
                if let possessor = possessorSpeaks(c) {
                    return .init(speaker: possessor.span, speakerToken: possessor.head, cue: tokens[c].span, confidence: possessor.confidence)
                }
                // `said X: “…”` (cue first, subject after) or `X said that “…”`.
                if let subject = subject(in: start..<c) {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: cueSpan(at: c), confidence: subject.confidence * 0.95)
                }
                // “The former candidate continued, saying, “…””: a participle after another cue
                // shares that cue's subject.
                if c - 2 > start, tokens[c - 1].isMark(","), isCue(c - 2), !isNotAVerb(c - 2), let subject = subject(in: start..<(c - 2)) {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: cueSpan(at: c - 2), confidence: subject.confidence * 0.9)
                }
                // `said X: “…”`, not `said Clinton was “justified”`: a name that a verb follows
                // is the reported clause's subject, not the speaker.
                if let subject = phrase(from: c + 1, limit: open), !isFollowedByVerb(subject.span, limit: open) {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[c].span, confidence: subject.confidence * 0.9)
                }
                // “Mr. Trump hardly clarified the matter, … ''…'' -- and, when questioned,
                // asserting, ''…''”: a participle after a comma has the sentence's subject, even
                // before an earlier quotation.
                if cueIsParticiple(c), let subject = sentenceSubject(before: c) {
                    return .init(speaker: subject.span, speakerToken: subject.head, cue: tokens[c].span, confidence: 0.7)
                }
                return nil
            }
            if lowers[c] == "according", c + 1 < open, lowers[c + 1] == "to", let subject = accordingPhrase(from: c + 2, limit: open) {
                return .init(
                    speaker: subject.span, speakerToken: subject.head, cue: TextSpan(start: token.start, end: tokens[c + 1].end),
                    confidence: subject.confidence * 0.9)
            }
            c -= 1
        }
        return nil
    }

    /// The first person named in the sentence of token `c` before it, outside quotations, who can
    /// be its subject (not a possessor, not after a preposition).
    func sentenceSubject(before c: Int) -> Phrase? {
        let sentence = tokens[c].sentence
        var t = c - 1
        while t > block.lowerBound && tokens[t - 1].sentence == sentence && c - t < 80 { t -= 1 }
        var inside = false
        while t < c {
            let token = tokens[t]
            if token.kind == .openQuote || token.kind == .straightQuote && !inside {
                inside = true
            } else if token.kind == .closeQuote || token.kind == .straightQuote {
                inside = false
            } else if !inside, let mention = entities.mention(atToken: t), mention.form != .pronoun,
                entities.entities[mention.entity].kind == .person, !isPossessed(t), !isObjectOfPreposition(mention.span, from: t)
            {
                return Phrase(span: mention.span, head: t, confidence: 0.7)
            }
            t += 1
        }
        return nil
    }

    /// The dash after a dateline that opens the paragraph (“VIENNA —”, “PORT ELLIS —”): words
    /// in capitals, perhaps with a comma and a date, then a dash, within the first eight tokens.
    func datelineDash() -> Int? {
        var t = block.lowerBound
        var capitals = 0
        while t < block.upperBound && t - block.lowerBound < 8 {
            let token = tokens[t]
            if token.kind == .word && token.isAllCaps {
                capitals += 1
            } else if token.isMark("—") || token.isMark("–") || token.isMark("-") {
                return capitals > 0 ? t : nil
            } else if !(token.isMark(",") || token.isMark(".") || token.kind == .number || token.kind == .word && token.isCapitalized) {
                return nil
            }
            t += 1
        }
        return nil
    }

    /// The person or pronoun that opens the words after a quotation, past titles and honorifics
    /// (“Senate Majority Leader Mitch McConnell, R-Ky., said”).
    /// “his family said”, “his daughter, Ingrid Brekke, said”, “her spokesman said”: a possessive
    /// pronoun before a noun owns the speaker and is not it. The person named in apposition right
    /// after the noun when there is one, else the description itself (nobody named); `nil` when no
    /// noun follows the pronoun.
    func possessedSubject(from pronoun: Int, limit: Int) -> Phrase? {
        // Only before a cue that is a verb for certain (“his past comments” ends in a cue that
        // is a noun, and there the possessor speaks).
        guard limit < tokens.count else { return nil }
        let cue = lowers[limit]
        guard cue.endsWith("ed") || ["said", "says", "told", "tells", "wrote", "writes", "added", "adds"].contains(cue) else { return nil }
        var k = pronoun + 1
        while k < limit, k - pronoun <= 4, tokens[k].kind == .word, !tokens[k].isCapitalized, !isCue(k) { k += 1 }
        guard k > pronoun + 1 else { return nil }
        // “Given his past comments …”: before a cue word of its own the possessor is the one who
        // speaks (see ``possessorSpeaks(_:)``).
        if k < limit, tokens[k].kind == .word, isCue(k) { return nil }
        let head = k - 1
        // “his daughter Ingrid Brekke”, “his daughter, Ingrid Brekke,”
        let named = k < limit && tokens[k].isMark(",") ? k + 1 : k
        if named < limit, let mention = entities.mention(atToken: named), mention.form != .pronoun,
            entities.entities[mention.entity].kind == .person
        {
            return Phrase(span: mention.span, head: named, confidence: 0.95)
        }
        return Phrase(span: TextSpan(start: tokens[pronoun].start, end: tokens[head].end), head: nil, confidence: 0.7)
    }

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
            // “the economist Jared Bernstein, a former adviser …, wrote”: an article may open the
            // title in front of the name.
            let isArticle = t == start && (lowers[t] == "the" || lowers[t] == "a" || lowers[t] == "an")
            if !(isTitle || isArticle || token.isMark(".") && isAbbreviationPeriod(t) || lowers[t] == "'s") { return fallback }
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

    /// A speech verb as the writer uses it: in lowercase (“State” in “State Department” is none),
    /// or capitalised where it opens a sentence.
    func isCue(_ t: Int) -> Bool {
        let token = tokens[t]
        guard token.kind == .word, token.is(.speechCue) else { return false }
        return !token.isCapitalized || opensItsSentence(t)
    }

    /// One to four capitalised words from `start`, none a calendar word, ended by a comma, a
    /// sentence's end or the paragraph's: a name, whether or not the recognizer knows it.
    func unknownName(from start: Int, limit: Int) -> TextSpan? {
        var end = start
        while end < limit, end - start < 4, tokens[end].kind == .word, tokens[end].isCapitalized,
            !tokens[end].isAllCaps || tokens[end].end - tokens[end].start == 1,
            !tokens[end].is(.calendarWord)
        {
            end += 1
        }
        // One word only when the lists know it as no common word (“said Hollande,”).
        guard end - start >= 2 || end - start == 1 && !tokens[start].isAny([.commonWord, .demonym, .roleNoun]) else { return nil }
        if end < block.upperBound, !(tokens[end].isMark(",") || tokens[end].isMark(".") && !isAbbreviationPeriod(end)) { return nil }
        return TextSpan(start: tokens[start].start, end: tokens[end - 1].end)
    }

    /// “Said Ellis: …”: a cue may open a sentence, where any word is capitalised.
    func opensItsSentence(_ t: Int) -> Bool {
        guard t > block.lowerBound else { return true }
        let previous = tokens[t - 1]
        return previous.sentence != tokens[t].sentence || previous.kind == .openQuote || previous.kind == .closeQuote || previous.isMark(":")
    }

    /// The period of “Mr.”, “Rep.” or an initial, which ends no sentence.
    func isAbbreviationPeriod(_ t: Int) -> Bool {
        guard t > 0, tokens[t - 1].end == tokens[t].start else { return false }
        // “R-Ky., said”, “(D-Wis.) said”: a period a comma or a closing bracket follows ends no
        // sentence, nor one the segmenter kept inside its sentence (“Del. Stacey Plaskett”).
        if t + 1 < tokens.count {
            let next = tokens[t + 1]
            if next.isMark(",") || next.isMark(")") { return true }
            if next.sentence == tokens[t].sentence && next.sentence >= 0 && next.kind == .word { return true }
        }
        let previous = tokens[t - 1]
        return previous.is(.honorific) || (previous.kind == .word && previous.end - previous.start == 1 && previous.isCapitalized)
    }

    /// A cue word used as a noun or adjective (“the said”, “a call”, “to call”) is no cue.
    func isNotAVerb(_ c: Int) -> Bool {
        guard c > 0 else { return false }
        // “At one point”, “pointed to the report”: “point” reports speech only as “point out”.
        if lowers[c].startsWith("point"), c + 1 >= tokens.count || lowers[c + 1] != "out" { return true }
        // “charged a $100,000 fee”: “charge” reports speech only with no object after it.
        if lowers[c].startsWith("charg"), c + 1 < tokens.count,
            tokens[c + 1].kind == .word || tokens[c + 1].kind == .number || tokens[c + 1].isMark("$"),
            !tokens[c + 1].isCapitalized, lowers[c + 1] != "that", lowers[c + 1] != "and"
        {
            return true
        }
        let previous = lowers[c - 1]
        if previous == "the" || previous == "a" || previous == "an" || previous == "to" && lowers[c] == "call" { return true }
        // “Trump's tweet”, “his comments”, “of late-night tweets”: after a possessive, or a
        // preposition or a possessive before a hyphenated modifier, a cue is a noun — a cue
        // still when what was said follows it (“Trump's claim that …”, see ``possessorSpeaks``).
        if previous == "'s" && !isContraction(c - 1) || tokens[c - 1].is(.possessiveDeterminer) && previous != "her" {
            return !opensContent(after: c)
        }
        if c > 1, tokens[c - 1].shape.contains(.hyphen), tokens[c - 1].kind == .word,
            lowers[c - 2] == "'s" || tokens[c - 2].is(.possessiveDeterminer) || RecognitionState.prepositions.contains(lowers[c - 2])
        {
            return true
        }
        // “when state engineers rated”: after a subordinator or a preposition, a cue's bare form
        // before a plural noun is a modifier (“to tell reporters” is a verb, so not after “to”).
        let bare = lowers[c]
        if tokens[c - 1].is(.modifierContext), !bare.endsWith("ed"), !bare.endsWith("s"), !bare.endsWith("ing"), c + 1 < tokens.count,
            tokens[c + 1].kind == .word, !tokens[c + 1].isCapitalized, lowers[c + 1].endsWith("s"), !tokens[c + 1].is(.speechCue)
        {
            return true
        }
        // “state engineers”, “report cards”: a cue's bare form before a title or a plural
        // noun modifies it.
        let cue = lowers[c]
        if !cue.endsWith("ed") && !cue.endsWith("s") && !cue.endsWith("ing"), c + 1 < tokens.count {
            let next = tokens[c + 1]
            let nextLower = lowers[c + 1]
            if next.kind == .word && !next.isCapitalized
                && (next.is(.roleNoun) || nextLower.endsWith("s") && Lexicon.isRoleNoun(String(nextLower.dropLast())))
            {
                return true
            }
        }
        return false
    }

    /// “He's claiming”: the “'s” of a pronoun is “is” or “has”, not a possessive.
    func isContraction(_ s: Int) -> Bool {
        s > 0 && (tokens[s - 1].is(.speakerPronoun) || ["it", "that", "there", "what", "who", "here"].contains(lowers[s - 1]))
    }

    /// Whether what was said follows the word at `c` directly: “that”, a colon or a quotation,
    /// perhaps after “for” or “of” and a word or two (“his call for a “…””, “his promise of
    /// “…””).
    func opensContent(after c: Int) -> Bool {
        func isQuote(_ t: Int) -> Bool { t < tokens.count && (tokens[t].kind == .openQuote || tokens[t].kind == .straightQuote) }
        guard c + 1 < tokens.count else { return false }
        if lowers[c + 1] == "for" || lowers[c + 1] == "of" {
            // “for a “deportation force””: a determiner or a modifier may come first.
            var t = c + 2
            while t < tokens.count && t - c <= 4 && tokens[t].kind == .word && !tokens[t].isCapitalized { t += 1 }
            return isQuote(t)
        }
        return lowers[c + 1] == "that" || tokens[c + 1].isMark(":") || isQuote(c + 1)
    }

    /// “Donald Trump's claim that “…””, “his call for “…””: a cue noun after a possessive has the
    /// possessor for its speaker.
    func possessorSpeaks(_ c: Int) -> Phrase? {
        guard c > 1, opensContent(after: c) else { return nil }
        if lowers[c - 1] == "'s", !isContraction(c - 1), let mention = entities.mention(atToken: c - 2) {
            return Phrase(span: mention.span, head: c - 2, confidence: 0.8)
        }
        if tokens[c - 1].is(.possessiveDeterminer), lowers[c - 1] != "her" {
            guard let mention = entities.mention(atToken: c - 1) else { return Phrase(span: tokens[c - 1].span, head: nil, confidence: 0.4) }
            return Phrase(span: mention.span, head: c - 1, confidence: 0.7)
        }
        return nil
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
        // “as The Daily Beast called them”, “what it called”, “as he put it”: a cue in a clause
        // of its own has that clause's subject, not a name earlier in the sentence.
        var range = range
        // “Rucker Culpepper, who runs the campaign's outreach, said”: the relative clause is no
        // part of the subject.
        if range.count > 2, tokens[range.upperBound - 1].isMark(",") {
            var w = range.upperBound - 2
            while w > range.lowerBound && range.upperBound - w < 30 {
                if tokens[w].isMark(","), ["who", "which", "whose"].contains(lowers[w + 1]) {
                    range = range.lowerBound..<w
                    break
                }
                w -= 1
            }
        }
        var k = range.upperBound - 1
        while k > range.lowerBound && range.upperBound - k < 7 && (tokens[k].kind == .word || isAbbreviationPeriod(k)) {
            if (lowers[k] == "as" || lowers[k] == "what") && !tokens[k].isCapitalized {
                range = (k + 1)..<range.upperBound
                break
            }
            k -= 1
        }
        var bestPerson: Int?
        var bestOther: Int?
        var pronoun: Int?
        // A person after a preposition (“sings to Clinton before asking her”, “after meeting
        // with Vladimir Putin”) is an object; the speaker only when no one else is named.
        var objectPerson: Int?
        var objectOther: Int?
        var t = range.upperBound - 1
        while t >= range.lowerBound {
            let token = tokens[t]
            if token.kind == .closeQuote || token.kind == .openQuote { break }
            if let mention = entities.mention(atToken: t) {
                let kind = entities.entities[mention.entity].kind
                // “critical of Obama's stance, telling …”: a possessor is not the speaker.
                if kind == .person && mention.form != .pronoun && !isPossessed(t) {
                    // A participle after a comma (“…, telling Breitbart: ”) has the clause's
                    // subject for its speaker: the first person, not the nearest.
                    if isObjectOfPreposition(mention.span, from: t) {
                        if objectPerson == nil || cueIsParticiple(range.upperBound) { objectPerson = t }
                    } else if bestPerson == nil || cueIsParticiple(range.upperBound) {
                        bestPerson = t
                    }
                }
                // “At a forum … in Virginia, one questioner claimed”: a place or organisation after a
                // preposition is no subject either.
                if kind != .person && bestOther == nil && !isPossessed(t) {
                    if !isObjectOfPreposition(mention.span, from: t) {
                        bestOther = t
                    } else if objectOther == nil {
                        objectOther = t
                    }
                }
                if mention.form == .pronoun && pronoun == nil && token.is(.speakerPronoun) { pronoun = t }
            } else if token.is(.speakerPronoun) && pronoun == nil && (t == range.upperBound - 1 || t == range.lowerBound) {
                pronoun = t
            }
            t -= 1
        }
        if bestPerson == nil { bestPerson = objectPerson }
        // “a senior U.S. official said”, “Kremlin officials said”: the description is the speaker,
        // not the place or organisation inside it.
        // “officials have said”, “it further wrote”: auxiliaries and adverbs before the cue belong
        // to it, not to the subject.
        while range.count > 1, Self.cueAuxiliaries.contains(lowers[range.upperBound - 1]) || Self.adverbs.contains(lowers[range.upperBound - 1]) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let head = tokens[range.upperBound - 1]
        let headLower = lowers[range.upperBound - 1]
        let headIsNoun =
            head.kind == .word && !head.isCapitalized && entities.mention(atToken: range.upperBound - 1) == nil
            && (head.is(.roleNoun) || headLower.endsWith("s") && Lexicon.isRoleNoun(String(headLower.dropLast())))
        if headIsNoun && bestPerson.map({ $0 < range.upperBound - 4 }) ?? true {
            var first = range.upperBound - 1
            while first - 1 >= range.lowerBound, range.upperBound - first < 7, tokens[first - 1].kind == .word || lowers[first - 1] == "'s",
                entities.mention(atToken: first - 1)?.form != .pronoun, !isCue(first - 1), !Self.descriptionStoppers.contains(lowers[first - 1])
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
        // “…,” it added: the organisation or document quoted just before, which the caller knows.
        if lowers[range.upperBound - 1] == "it", range.upperBound - 1 == range.lowerBound || tokens[range.upperBound - 2].kind != .word {
            return Phrase(span: tokens[range.upperBound - 1].span, head: nil, confidence: 0.6)
        }
        // A description: “a senior State Department official”, “officials”, “the ministry”.
        var first = range.upperBound - 1
        while first - 1 >= range.lowerBound, tokens[first - 1].kind == .word || lowers[first - 1] == "'s",
            range.upperBound - first < 7, !Self.descriptionStoppers.contains(lowers[first - 1])
        {
            first -= 1
        }
        // “Officials at Homeland Security Investigations, a division of …, said”: with no
        // description ending at the cue, the organisation named after a preposition.
        let objectFallback = objectOther.flatMap { o in entities.mention(atToken: o).map { Phrase(span: $0.span, head: o, confidence: 0.7) } }
        guard tokens[range.upperBound - 1].kind == .word, isDescriptionHead(range.upperBound - 1) else { return objectFallback }
        while first < range.upperBound - 1, !tokens[first].is(.determiner), !tokens[first].isCapitalized,
            !tokens[first].isAny([.roleModifier, .roleNoun])
        {
            first += 1
        }
        // “Republican claims”, “critic said”: one singular word with no determiner is no noun
        // phrase; plurals (“officials”), collectives (“police”) and names are.
        if first == range.upperBound - 1, !lowers[first].endsWith("s"), !Self.collectives.contains(lowers[first]),
            !tokens[first].isCapitalized || tokens[first].is(.demonym) || Self.politicalAdjectives.contains(lowers[first])
        {
            return objectFallback
        }
        return Phrase(span: TextSpan(start: tokens[first].start, end: tokens[range.upperBound - 1].end), head: nil, confidence: 0.7)
    }

    /// Whether a description can end at `t`: a noun (“the announcer”, “officials”, “the
    /// Kremlin”), never a function word, a preposition or a common word capitalised only
    /// because it opens the sentence (“After saying …”, “despite admitting …”).
    func isDescriptionHead(_ t: Int) -> Bool {
        let token = tokens[t]
        let lower = lowers[t]
        if Self.functionWords.contains(lower) || Self.possessiveDeterminers.contains(lower) || Self.adverbs.contains(lower)
            || Self.descriptionStoppers.contains(lower) || lower == "the" || lower == "a" || lower == "an"
            || RecognitionState.prepositions.contains(lower) || Self.conjunctions.contains(lower)
        {
            return false
        }
        // “disrespectful”, “dangerous”: an adjective ends no noun phrase, nor does an adverb
        // (“what some erroneously call”), though a few nouns end in -ly too.
        if !token.isCapitalized, lower.endsWith("ful") || lower.endsWith("ous") { return false }
        if !token.isCapitalized, lower.count > 4, lower.endsWith("ly"), !Self.nounsInLy.contains(lower) { return false }
        if token.isCapitalized, t == block.lowerBound || tokens[t - 1].sentence != token.sentence, Lexicon.isCommonWord(lowers[t]) {
            return false
        }
        return true
    }

    static let conjunctions: Set<String> = ["and", "but", "or", "nor", "so", "yet"]

    static let nounsInLy: Set<String> = ["family", "assembly", "supply", "rally", "monopoly", "bully", "elderly", "anomaly", "tally", "homily"]

    static let functionWords: Set<String> = [
        "it", "this", "that", "which", "who", "also", "not", "and", "but", "has", "have", "had", "was", "is", "to", "by", "after", "before",
        "despite", "during", "while", "percent", "when", "where", "whom", "whose", "if", "because", "since", "though", "although",
    ]

    /// Whether the cue at `c` is a participle set off by a comma (“…, saying”, “…, telling”).
    func cueIsParticiple(_ c: Int) -> Bool {
        c > block.lowerBound && c < tokens.count && lowers[c].endsWith("ing") && tokens[c - 1].isMark(",")
    }

    /// Whether the mention with `span` (holding token `t`) is the object of a preposition (“to
    /// Clinton”, “with Russian President Vladimir Putin”), titles in between allowed.
    func isObjectOfPreposition(_ span: TextSpan, from t: Int) -> Bool {
        var k = t
        while k > block.lowerBound && tokens[k - 1].start >= span.start { k -= 1 }
        let sentence = tokens[k].sentence
        var steps = 0
        while k > block.lowerBound && steps < 5 {
            k -= 1
            steps += 1
            if tokens[k].sentence != sentence { return false }
            let token = tokens[k]
            if token.kind == .word && RecognitionState.prepositions.contains(lowers[k]) { return true }
            if token.kind == .word && (token.isCapitalized || token.isAny([.roleNoun, .roleModifier])) || token.isMark(".") || lowers[k] == "'s" {
                continue
            }
            return false
        }
        return false
    }

    /// “Russia’s” in “Russia’s deputy foreign minister”: a possessor, not the speaker.
    func isPossessed(_ t: Int) -> Bool {
        t + 1 < tokens.count && lowers[t + 1] == "'s"
    }

    func pronounPhrase(_ t: Int) -> Phrase {
        let resolved = entities.mention(atToken: t) != nil
        return Phrase(span: tokens[t].span, head: t, confidence: resolved ? 0.85 : 0.5)
    }

    /// Whether an auxiliary or a copula follows `span` (“Clinton was”, “Trump would”).
    func isFollowedByVerb(_ span: TextSpan, limit: Int) -> Bool {
        var t = passage.open
        while t > block.lowerBound && tokens[t - 1].start >= span.end { t -= 1 }
        guard t < limit, tokens[t].kind == .word, !tokens[t].isCapitalized else { return false }
        return Self.clauseVerbs.contains(lowers[t])
    }

    static let clauseVerbs: Set<String> = [
        "was", "is", "were", "are", "would", "will", "could", "should", "can", "had", "has", "have", "did", "does", "do", "might", "may",
        "must",
    ]

    /// The source after “according to”: as after a cue, or else a name the recognizer does not
    /// know, the capitalised words that follow (“according to Limbaugh”).
    func accordingPhrase(from start: Int, limit: Int) -> Phrase? {
        if let phrase = phrase(from: start, limit: limit) { return phrase }
        var end = start
        while end < limit && end - start < 5, tokens[end].kind == .word, tokens[end].isCapitalized, !tokens[end].is(.calendarWord) { end += 1 }
        guard end > start else { return nil }
        return Phrase(span: TextSpan(start: tokens[start].start, end: tokens[end - 1].end), head: nil, confidence: 0.6)
    }

    /// The speaker after a cue: `said Lavrov`, `said Michael Carpenter, the U.S. ambassador`,
    /// `said a senior official`, `he said`.
    func phrase(from start: Int, limit: Int) -> Phrase? {
        guard start < limit else { return nil }
        // “Asked whether Clinton “has the integrity …””: the person is asked about, not speaking.
        if Self.questionWords.contains(lowers[start]) { return nil }
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
                // “told reporters in Moscow”, “noting conditions in China”: a place after a
                // preposition is where, not who.
                if t > start, (start..<t).contains(where: { tokens[$0].kind == .word && RecognitionState.prepositions.contains(lowers[$0]) }) {
                    break
                }
                if entities.entities[mention.entity].kind == .person || !isPossessed(t) {
                    return Phrase(span: mention.span, head: t, confidence: mention.form == .pronoun ? 0.85 : 0.95)
                }
            }
            if token.is(.speakerPronoun) && t == start { return pronounPhrase(t) }
            t += 1
        }
        // A description right after the cue: “said a senior official”.
        t = start
        guard t < limit, tokens[t].kind == .word, !Self.possessives.contains(lowers[t]),
            tokens[t].isAny([.determiner, .roleNoun])
                || lowers[t].endsWith("s") && !Self.audiences.contains(lowers[t])
        else { return nil }
        var end = t
        while end + 1 < limit && end - t < 8, tokens[end + 1].kind == .word || lowers[end + 1] == "'s" {
            if Self.descriptionEnds.contains(lowers[end + 1]) || Self.descriptionStoppers.contains(lowers[end + 1]) || isCue(end + 1) { break }
            end += 1
        }
        while end > t, !isDescriptionHead(end) { end -= 1 }
        guard isDescriptionHead(end) else { return nil }
        return Phrase(span: TextSpan(start: tokens[t].start, end: tokens[end].end), head: nil, confidence: 0.7)
    }
}
