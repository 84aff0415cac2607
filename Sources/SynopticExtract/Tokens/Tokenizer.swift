import SynopticCore

/// One word, number, punctuation mark or quotation mark of an article's clean text.
///
/// Every extractor of the stage reads the same token array, built once per article, so the text is
/// scanned once and the extractors compare small strings instead of re-reading scalars.
public struct Token: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        /// Letters, possibly with digits, inner hyphens and apostrophes, or dotted initials ("U.S.").
        case word
        /// Digits with inner `,` `.` `-` `/` between digits ("106,000", "1.5", "2022-01-12").
        case number
        /// An opening quotation mark (“ ‘ « „).
        case openQuote
        /// A closing quotation mark (” ’ »).
        case closeQuote
        /// A straight quotation mark whose direction the text did not settle (" ').
        case straightQuote
        /// Any other mark (`,` `.` `:` `—` `(` …).
        case punctuation
    }

    /// Scalar offsets into the clean text.
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// The token as written.
    public var text: String
    /// The token lowercased (the key lexicons and rules look up).
    public var lower: String
    /// Index of the sentence that holds the token, `-1` between sentences.
    public var sentence: Int

    public var span: TextSpan { TextSpan(start: start, end: end) }

    /// First letter uppercase ("Lavrov", "U.S.", "NATO").
    public var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return ScalarClass.isUppercase(first)
    }

    /// Every letter uppercase and at least two letters ("NATO", "U.S.").
    public var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for s in text.unicodeScalars where ScalarClass.isLetter(s) {
            if !ScalarClass.isUppercase(s) { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Whether the token is punctuation (or a quotation mark) equal to `mark`.
    public func isMark(_ mark: String) -> Bool { kind != .word && kind != .number && text == mark }
}

/// An article's clean text cut into tokens, with the sentence each token belongs to.
public struct TokenizedText: Sendable {
    public let text: ScalarText
    /// The clean text as scalars, for extractors that look at characters between tokens.
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    /// Spans of the sentences, in order (one sentence over the whole text when none were given).
    public let sentences: [TextSpan]
    /// For each sentence, the range of its tokens.
    public let sentenceTokens: [Range<Int>]
    /// Spans of the blocks (paragraphs), in order.
    public let blocks: [TextSpan]

    public init(article: Article) {
        self.init(
            text: article.text, sentences: article.sentences.map(\.span), blocks: article.blocks.map(\.span))
    }

    /// Tokenizes `string` as one block; sentences are taken as given, or the whole text is one.
    public init(_ string: String, sentences: [TextSpan]? = nil) {
        let text = ScalarText(string)
        let whole = TextSpan(start: 0, end: text.scalarCount)
        self.init(text: text, sentences: sentences ?? [whole], blocks: [whole])
    }

    public init(text: ScalarText, sentences: [TextSpan], blocks: [TextSpan]) {
        self.text = text
        let scalars = text.string.scalarArray
        self.scalars = scalars
        self.sentences = sentences
        self.blocks = blocks
        let tokens = Tokenizer.tokens(of: scalars, sentences: sentences)
        self.tokens = tokens
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var t = 0
        for (index, _) in sentences.enumerated() {
            while t < tokens.count && tokens[t].sentence < index { t += 1 }
            let first = t
            while t < tokens.count && tokens[t].sentence == index { t += 1 }
            ranges.append(first..<t)
        }
        self.sentenceTokens = ranges
    }

    /// The text a span covers.
    public subscript(span: TextSpan) -> String {
        String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(scalars.count, span.end)]))
    }

    /// Index of the block holding the scalar at `offset`, by binary search.
    public func block(containing offset: Int) -> Int? {
        var low = 0
        var high = blocks.count
        while low < high {
            let mid = (low + high) / 2
            if blocks[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < blocks.count && blocks[low].start <= offset ? low : nil
    }
}

enum Tokenizer {
    static func tokens(of scalars: [Unicode.Scalar], sentences: [TextSpan]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var sentence = 0
        let n = scalars.count
        var i = 0

        func sentenceIndex(_ offset: Int) -> Int {
            while sentence < sentences.count && sentences[sentence].end <= offset { sentence += 1 }
            return sentence < sentences.count && sentences[sentence].start <= offset ? sentence : -1
        }

        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            let view = String.UnicodeScalarView(scalars[start..<end])
            let written = String(view)
            var lower = written
            if kind == .word {
                var ascii = true
                var apostrophe = false
                for s in view where s.value >= 0x80 {
                    ascii = false
                    if s == "’" { apostrophe = true }
                }
                if ascii {
                    var bytes = [UInt8]()
                    bytes.reserveCapacity(end - start)
                    var changed = false
                    for s in view {
                        let v = UInt8(s.value)
                        if v >= 0x41 && v <= 0x5A {
                            bytes.append(v | 0x20)
                            changed = true
                        } else {
                            bytes.append(v)
                        }
                    }
                    if changed { lower = String(decoding: bytes, as: UTF8.self) }
                } else {
                    lower = written.lowercased()
                }
                // One apostrophe for lookups, whatever mark the text used.
                if apostrophe { lower = lower.replacingApostrophes }
            }
            tokens.append(Token(start: start, end: end, kind: kind, text: written, lower: lower, sentence: sentenceIndex(start)))
        }

        while i < n {
            let s = scalars[i]
            if s.value == 0x20 || s.value == 0x0A || (s.value >= 0x80 && s.properties.isWhitespace) || s.value == 0x09 || s.value == 0x0D {
                i += 1
                continue
            }
            if ScalarClass.isLetterOrDigit(s) {
                let start = i
                var allDigits = true
                var j = i
                while j < n {
                    let c = scalars[j]
                    if ScalarClass.isLetterOrDigit(c) {
                        if !ScalarClass.isDigit(c) { allDigits = false }
                        j += 1
                        continue
                    }
                    let next = j + 1 < n ? scalars[j + 1] : " "
                    let previous = scalars[j - 1]
                    switch c {
                    case ",", ".":
                        // Thousands separators and decimals, inside numbers only.
                        if allDigits && ScalarClass.isDigit(previous) && ScalarClass.isDigit(next) {
                            j += 1
                            continue
                        }
                        // Dotted initials: "U.S.", "U.N.", "e.g.": one letter, a period, a letter.
                        if c == ".", ScalarClass.isLetter(previous), ScalarClass.isLetter(next),
                            j - 1 == start || scalars[j - 2] == ".",
                            j + 2 >= n || !ScalarClass.isLetter(scalars[j + 2])
                        {
                            j += 2
                            if j < n && scalars[j] == "." { j += 1 }
                            allDigits = false
                            break
                        }
                    case "-", "/", "\u{2010}", "\u{2011}":
                        if ScalarClass.isLetterOrDigit(next) && (c == "-" || c == "\u{2010}" || c == "\u{2011}" || allDigits) {
                            if !(allDigits && ScalarClass.isDigit(next)) { allDigits = false }
                            j += 1
                            continue
                        }
                    case "'", "’":
                        // "’s" after a word is its own token; other inner apostrophes stay ("don’t", "O’Brien").
                        if ScalarClass.isLetter(next) && !allDigits {
                            let isPossessive = (next == "s" || next == "S") && (j + 2 >= n || !ScalarClass.isLetterOrDigit(scalars[j + 2]))
                            if isPossessive { break }
                            j += 1
                            continue
                        }
                    default: break
                    }
                    break
                }
                // A word that grew dotted initials may end on the period ("U.S.").
                emit(start, j, allDigits ? .number : .word)
                i = j
                // The possessive "’s".
                if i + 1 < n, scalars[i] == "’" || scalars[i] == "'", scalars[i + 1] == "s" || scalars[i + 1] == "S",
                    i + 2 >= n || !ScalarClass.isLetterOrDigit(scalars[i + 2])
                {
                    emit(i, i + 2, .word)
                    i += 2
                }
                continue
            }
            let kind: Token.Kind
            switch s {
            case "“", "‘", "«", "„", "‹": kind = .openQuote
            case "”", "’", "»", "›": kind = .closeQuote
            case "\"", "'": kind = .straightQuote
            default: kind = .punctuation
            }
            emit(i, i + 1, kind)
            i += 1
        }
        return tokens
    }
}

extension String {
    /// The string with typographic apostrophes made straight.
    var replacingApostrophes: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "’" ? "'" : $0 }))
    }
}
