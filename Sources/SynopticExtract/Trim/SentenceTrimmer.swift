import SynopticCore

/// Shortens a sentence by leaving out parts that carry little of its content, so that a summary
/// with a small word budget fits more facts (sentence trimming in the manner of Zajic and Dorr's
/// Trimmer and Conroy's CLASSY): a trailing attribution (“…, officials said.”), a leading
/// connective (“However, …”) or time adverbial (“On Tuesday, …”), a parenthetical aside, an
/// appositive or non-restrictive relative clause after a name (“Smith, a former senator, said …”).
///
/// What is left is always whole pieces of the sentence in their order, so it still points back to
/// the exact words of the article; only the first letter may be raised to a capital when the
/// sentence's opening was left out. Rules work on the tokens of the sentence (``TokenizedText``)
/// and the word lists the extraction stage keeps (speech verbs, calendar words), never on strings
/// of particular articles. Nothing inside a quotation is ever left out, and a sentence holding a
/// quotation keeps its attribution: dropping it would leave a quotation without its speaker.
public struct SentenceTrimmer: Sendable, Hashable {
    /// Which parts may be left out.
    public struct Rules: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// “…, officials said.”, “…, a source told reporters.”, “…, according to the data.” when the
        /// sentence holds no quotation and the attribution names nobody (no capitalised word but
        /// a day or a month): a named speaker is content a reader (and a summary) keeps.
        public static let attribution = Rules(rawValue: 1 << 0)
        /// The same for attributions that name the speaker (“…, the Labor Department said.”).
        public static let namedAttribution = Rules(rawValue: 1 << 6)
        /// “However,”, “In addition,”, “Meanwhile,” opening the sentence.
        public static let connective = Rules(rawValue: 1 << 1)
        /// “On Tuesday,”, “Last week,”, “In March 2020,” opening the sentence.
        public static let timeOpener = Rules(rawValue: 1 << 2)
        /// An aside in parentheses, not opening the sentence.
        public static let parenthesis = Rules(rawValue: 1 << 3)
        /// “, a former senator,” or “, 45,” between a name and the rest of its clause.
        public static let appositive = Rules(rawValue: 1 << 4)
        /// “, who …,” after a name, “, which …,” after a noun, when the clause goes on after it.
        public static let relativeClause = Rules(rawValue: 1 << 5)

        public static let all: Rules = [.attribution, .namedAttribution, .connective, .timeOpener, .parenthesis, .appositive, .relativeClause]

        /// Names as the command line takes them.
        public static let names: [(String, Rules)] = [
            ("attribution", .attribution), ("named", .namedAttribution), ("connective", .connective), ("time", .timeOpener),
            ("parenthesis", .parenthesis),
            ("appositive", .appositive), ("relative", .relativeClause),
        ]
    }

    /// A sentence with parts left out.
    public struct Trimmed: Sendable, Hashable {
        /// The shortened sentence: the kept pieces joined, the first letter raised to a capital
        /// when the sentence's own first word was left out.
        public var text: String
        /// The kept pieces, in order, as scalar offsets into the sentence.
        public var kept: [TextSpan]
    }

    public var rules: Rules

    public init(rules: Rules = .all) { self.rules = rules }

    /// The sentence shortened, or `nil` when no rule applies.
    public func trim(_ sentence: String) -> Trimmed? {
        guard !rules.isEmpty else { return nil }
        let tokens = TokenizedText(sentence)
        let count = tokens.tokens.count
        guard count > 3 else { return nil }
        let sentenceEnd = tokens.scalars.count
        // Scalar ranges to leave out; each is checked to hold no quotation.
        var cuts: [TextSpan] = []
        // Whether each token lies inside a quotation (its marks included).
        var quoted = [Bool](repeating: false, count: count)
        var depth = 0
        var hasQuote = false
        for (i, token) in tokens.tokens.enumerated() {
            switch token.kind {
            case .openQuote:
                depth += 1
                hasQuote = true
                quoted[i] = true
            case .closeQuote:
                // A closing mark glued to a word's end is often an apostrophe (“the players’ union”).
                if depth > 0 {
                    quoted[i] = true
                    depth -= 1
                }
            case .straightQuote:
                hasQuote = true
                quoted[i] = true
            default:
                quoted[i] = depth > 0
            }
        }
        // A quotation left open goes on in the next sentence: all of this one may be quoted.
        if depth > 0 { return nil }
        func clean(_ range: Range<Int>) -> Bool { !range.contains { quoted[$0] } }
        let lowers = tokens.lowers
        func isMark(_ i: Int, _ mark: Unicode.Scalar) -> Bool { tokens.tokens.indices.contains(i) && tokens.tokens[i].isMark(mark) }
        func isWord(_ i: Int) -> Bool {
            tokens.tokens.indices.contains(i) && (tokens.tokens[i].kind == .word || tokens.tokens[i].kind == .number)
        }
        let last = count - 1
        let endsWithPeriod = isMark(last, ".")

        // Opening: a connective or a time adverbial up to the first comma.
        var opening = 0
        if let comma = (1..<min(count, 6)).first(where: { isMark($0, ",") }), (0..<comma).allSatisfy(isWord), clean(0..<(comma + 1)),
            comma + 1 < count, isWord(comma + 1)
        {
            let words = Array(lowers[0..<comma])
            let dropConnective = rules.contains(.connective) && Self.isConnective(words)
            let dropTime = rules.contains(.timeOpener) && isTimeOpener(tokens, 0..<comma)
            if dropConnective || dropTime {
                opening = comma + 1
                cuts.append(TextSpan(start: 0, end: tokens.tokens[comma + 1].start))
            }
        }

        // Parentheses: a balanced aside without quotation or nested parentheses, not the opening.
        if rules.contains(.parenthesis) {
            var i = max(opening, 1)
            while i < count {
                guard isMark(i, "(") else {
                    i += 1
                    continue
                }
                guard let close = (i + 1..<min(count, i + 16)).first(where: { isMark($0, ")") || isMark($0, "(") }), isMark(close, ")"),
                    close > i + 1, clean(i..<(close + 1))
                else {
                    i += 1
                    continue
                }
                // The space before the parenthesis goes with it.
                let start = i > 0 && tokens.tokens[i - 1].end < tokens.tokens[i].start ? tokens.tokens[i - 1].end : tokens.tokens[i].start
                cuts.append(TextSpan(start: start, end: tokens.tokens[close].end))
                i = close + 1
            }
        }

        // Appositives and relative clauses between commas after a name (or, for “which”, a noun).
        if !rules.isDisjoint(with: [.appositive, .relativeClause]) {
            var i = opening
            while i + 2 < count {
                guard isMark(i + 1, ","), isWord(i), i + 2 < count else {
                    i += 1
                    continue
                }
                let first = i + 2
                // A name, but not the second half of “Wuhan, China”, whose comma pairs with the one
                // after it: leaving the aside out would leave “Wuhan, China without …”.
                let name = tokens.tokens[i].isCapitalized && tokens.tokens[i].kind == .word && !isMark(i - 1, ",")
                let lower = lowers[first]
                let isAppositive =
                    rules.contains(.appositive) && name
                    && (Self.appositiveOpeners.contains(lower) || (tokens.tokens[first].kind == .number && isMark(first + 1, ",")))
                let isRelative =
                    rules.contains(.relativeClause) && ((name && (lower == "who" || lower == "whose")) || (lower == "which" && isWord(i)))
                guard isAppositive || isRelative,
                    let close = (first + 1..<min(count, first + 18)).first(where: { !isWord($0) }), isMark(close, ","),
                    clean(i..<(close + 1)), close + 1 < count, isWord(close + 1),
                    !tokens.tokens[close + 1].isCapitalized, !Self.notAVerb.contains(lowers[close + 1])
                else {
                    i += 1
                    continue
                }
                cuts.append(TextSpan(start: tokens.tokens[i + 1].start, end: tokens.tokens[close].end))
                i = close + 1
            }
        }

        // A trailing attribution after the last comma, in a sentence without quotation.
        if !rules.isDisjoint(with: [.attribution, .namedAttribution]), endsWithPeriod, !hasQuote,
            let comma = (opening..<last).last(where: { isMark($0, ",") }), comma >= opening + 5,
            !cuts.contains(where: { $0.end > tokens.tokens[comma].start })
        {
            let tail = Array((comma + 1)..<last)
            // Mid-sentence, a capitalised word other than a day or a month is a name.
            let named = tail.contains { tokens.tokens[$0].isCapitalized && !tokens.tokens[$0].is(.calendarWord) }
            if !tail.isEmpty, tail.count <= 10, tail.allSatisfy(isWord), rules.contains(named ? .namedAttribution : .attribution),
                isAttribution(tail, in: tokens, headHasComma: (opening..<comma).contains { isMark($0, ",") })
            {
                cuts.append(TextSpan(start: tokens.tokens[comma].start, end: tokens.tokens[last].start))
            }
        }

        guard !cuts.isEmpty else { return nil }
        cuts.sort()
        var kept: [TextSpan] = []
        var position = 0
        for cut in cuts where cut.start >= position {
            if cut.start > position { kept.append(TextSpan(start: position, end: cut.start)) }
            position = cut.end
        }
        if position < sentenceEnd { kept.append(TextSpan(start: position, end: sentenceEnd)) }
        var text = kept.map { tokens[$0] }.joined()
        if let first = kept.first, first.start > 0, let letter = text.first, letter.isLowercase {
            text = letter.uppercased() + text.dropFirst()
        }
        return Trimmed(text: text, kept: kept)
    }

    // MARK: - Word lists

    /// Sentence adverbs and connectives that link a sentence to the one before and carry no fact
    /// of their own; a closed class of English.
    static let connectives: Set<[String]> = [
        ["however"], ["meanwhile"], ["moreover"], ["furthermore"], ["additionally"], ["nevertheless"], ["nonetheless"], ["still"],
        ["instead"], ["separately"], ["similarly"], ["indeed"], ["also"], ["overall"], ["ultimately"], ["finally"], ["now"], ["so"],
        ["but"], ["and"], ["yet"], ["thus"], ["therefore"], ["besides"], ["likewise"], ["notably"], ["importantly"], ["specifically"],
        ["in", "addition"], ["in", "fact"], ["as", "a", "result"], ["at", "the", "same", "time"], ["for", "example"], ["for", "instance"],
        ["in", "contrast"], ["by", "contrast"], ["on", "the", "other", "hand"], ["in", "turn"], ["of", "course"], ["in", "other", "words"],
        ["to", "be", "sure"], ["after", "all"], ["even", "so"], ["that", "said"], ["in", "the", "meantime"], ["in", "particular"],
    ]

    static func isConnective(_ words: [String]) -> Bool { connectives.contains(words) }

    /// Words a time adverbial is made of besides calendar words and numbers.
    static let timeWords: Set<String> = [
        "on", "in", "at", "by", "since", "during", "late", "early", "earlier", "later", "last", "this", "next", "past", "previous",
        "week", "weeks", "month", "months", "year", "years", "day", "days", "weekend", "morning", "afternoon", "evening", "night",
        "today", "yesterday", "tonight", "overnight", "ago", "the", "a", "of", "that", "same", "recent", "mid",
    ]

    /// An opening made only of time words with at least one calendar word, number or time noun.
    func isTimeOpener(_ tokens: TokenizedText, _ range: Range<Int>) -> Bool {
        var anchored = false
        for i in range {
            let token = tokens.tokens[i]
            let lower = tokens.lowers[i]
            if token.kind == .number || token.is(.calendarWord) {
                anchored = true
            } else if Self.timeWords.contains(lower) {
                if !["on", "in", "at", "by", "since", "during", "the", "a", "of", "that", "this", "last", "next", "same", "past"].contains(lower) {
                    anchored = true
                }
            } else {
                return false
            }
        }
        return anchored
    }

    /// Words that open an appositive: an article or a possessive, then a description.
    static let appositiveOpeners: Set<String> = ["a", "an", "the", "his", "her", "their", "its", "whose"]

    /// Lowercase words that cannot follow a subject as its verb would, so the commas around the
    /// span are a list or a clause boundary, not an aside.
    static let notAVerb: Set<String> = [
        "and", "or", "but", "nor", "the", "a", "an", "who", "which", "that", "including", "as", "of", "in", "on", "at", "to", "for",
        "with", "from", "by", "while", "when", "where", "after", "before", "because", "if", "although", "though", "since", "than",
        "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "he", "she", "they", "it", "we", "i", "you",
    ]

    /// Reporting verbs an attribution tail is made with; “according to” is handled apart.
    static let sayings: Set<String> = [
        "said", "says", "say", "told", "added", "adds", "noted", "notes", "stated", "states", "explained", "reported", "reports",
        "announced", "confirmed", "wrote", "writes", "insisted", "argued", "claimed", "warned", "acknowledged", "contended",
    ]

    /// Words that may follow the speech verb of an attribution tail: a time or place adverbial
    /// (“said on Tuesday”, “said in a statement”), never the start of what was said.
    static let afterCue: Set<String> = [
        "in", "on", "at", "during", "via", "from", "through", "late", "early", "earlier", "later", "last", "this", "yesterday",
        "today", "tonight", "overnight", "recently", "previously",
    ]

    /// Whether the tokens after the last comma are an attribution: “officials said (on Tuesday)”,
    /// “the ministry told reporters”, “said the mayor”, “according to the ministry”.
    func isAttribution(_ tail: [Int], in tokens: TokenizedText, headHasComma: Bool) -> Bool {
        let words = tail.map { tokens.lowers[$0] }
        if words.count >= 3, words[0] == "according", words[1] == "to" { return words.count <= 9 }
        guard let cue = words.firstIndex(where: { Self.sayings.contains($0) }) else { return false }
        let before = words[..<cue]
        let after = Array(words[(cue + 1)...])
        if before.isEmpty {
            // “…, said the mayor.”: only when the head is one clause, since “The firm, which …, said
            // Tuesday.” has its subject before the comma.
            return !headHasComma && (1...6).contains(after.count) && ["said", "says", "added", "adds"].contains(words[cue])
        }
        guard before.count <= 6, after.count <= 6 else { return false }
        guard !before.contains(where: { ["that", "which", "who", "and", "but", "if", "whether", "it", "there"].contains($0) }) else {
            return false
        }
        // What follows the verb must be an adverbial, or (after “told”) the one told: otherwise the
        // words after the comma are a statement of their own (“officials said the ferry would stop”).
        var rest = after[...]
        if words[cue] == "told" { rest = rest.drop { !Self.afterCue.contains($0) } }
        guard let first = rest.first else { return words[cue] != "told" || after.count <= 3 }
        let firstIndex = tail[cue + 1 + (after.count - rest.count)]
        return Self.afterCue.contains(first) || tokens.tokens[firstIndex].is(.calendarWord)
    }
}
