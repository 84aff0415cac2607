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
    public let start: Int
    public let end: Int
    public let kind: Kind
    /// What the tokenizer saw of the letters, once, so rules need not look at them again.
    let shape: Shape
    /// The word lists `lower` belongs to, looked up once by the tokenizer.
    let traits: WordTraits
    /// A punctuation or quotation token's one scalar, as `String` equality reads it (U+037E and
    /// U+1FEF are canonically ";" and "`"); NUL for words and numbers.
    let mark: Unicode.Scalar
    /// The token as written.
    public let text: String
    /// The token lowercased (the key lexicons and rules look up).
    public let lower: String
    /// Index of the sentence that holds the token, `-1` between sentences.
    public let sentence: Int

    public var span: TextSpan { TextSpan(start: start, end: end) }

    struct Shape: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        /// A word whose first letter is uppercase.
        static let capitalized = Shape(rawValue: 1 << 0)
        /// A word whose letters are all uppercase, two or more of them.
        static let allCaps = Shape(rawValue: 1 << 1)
        /// `lower` begins with an ASCII digit.
        static let leadingDigit = Shape(rawValue: 1 << 2)
        /// `lower` holds an ASCII hyphen.
        static let hyphen = Shape(rawValue: 1 << 3)
    }

    /// First letter uppercase ("Lavrov", "U.S.", "NATO").
    public var isCapitalized: Bool { shape.contains(.capitalized) }

    /// Every letter uppercase and at least two letters ("NATO", "U.S.").
    public var isAllCaps: Bool { shape.contains(.allCaps) }

    /// Whether the word is in every one of the lists of `traits`.
    func `is`(_ traits: WordTraits) -> Bool { self.traits.isSuperset(of: traits) }

    /// Whether the word is in any of the lists of `traits`.
    func isAny(_ traits: WordTraits) -> Bool { !self.traits.isDisjoint(with: traits) }

    /// Whether the token is punctuation (or a quotation mark) equal to `mark`.
    public func isMark(_ mark: String) -> Bool { kind != .word && kind != .number && text == mark }

    /// Whether the token is the punctuation or quotation mark `mark`: ``isMark(_:)`` without
    /// comparing strings.
    func hasMark(_ mark: Unicode.Scalar) -> Bool { self.mark == mark }
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
        // Written as UTF-8 in one go: neither a String rebuilt scalar by scalar nor a walk to the
        // span's start in the string.
        scalars.withUnsafeBufferPointer { String(utf8Of: UnsafeBufferPointer(rebasing: $0[max(0, span.start)..<min(scalars.count, span.end)])) }
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
    /// `ScalarClass.isLetterOrDigit`, inlined, with the general punctuation of news text (dashes,
    /// curly quotes, ellipsis: U+2010–U+2027, none a letter or digit) answered without a Unicode
    /// property lookup.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v &- 0x30 < 10 || (v | 0x20) &- 0x61 < 26 }
        if v &- 0x2010 < 0x18 { return false }
        return ScalarClass.isLetterOrDigit(s)
    }

    /// Space, newline, tab, carriage return, or a non-ASCII space; U+2010–U+2027 are none.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D }
        if v &- 0x2010 < 0x18 { return false }
        return s.properties.isWhitespace
    }

    static func tokens(of scalars: [Unicode.Scalar], sentences: [TextSpan]) -> [Token] {
        scalars.withUnsafeBufferPointer { tokens(in: $0, sentences: sentences) }
    }

    private static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>, sentences: [TextSpan]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var sentence = 0
        let n = scalars.count
        var i = 0

        func sentenceIndex(_ offset: Int) -> Int {
            while sentence < sentences.count && sentences[sentence].end <= offset { sentence += 1 }
            return sentence < sentences.count && sentences[sentence].start <= offset ? sentence : -1
        }

        let table = WordTraitTable.shared
        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            var ascii = true
            var hasUppercase = false
            var apostrophe = false
            for k in start..<end {
                let v = scalars[k].value
                if v >= 0x80 {
                    ascii = false
                    if v == 0x2019 { apostrophe = true }
                } else if v &- 0x41 < 26 {
                    hasUppercase = true
                }
            }
            let written: String
            var lower: String
            var traits: WordTraits = []
            var shape: Token.Shape = []
            if ascii {
                // Most tokens: ASCII, and short enough to be stored inline in the String (no
                // allocation). The lowercase bytes are hashed on the way and looked up in place.
                let length = end - start
                let lowercases = kind == .word && hasUppercase
                written = String(unsafeUninitializedCapacity: length) { bytes in
                    var hash = WordTraitTable.emptyHash
                    for k in start..<end {
                        let v = UInt8(truncatingIfNeeded: scalars[k].value)
                        bytes[k - start] = v
                        hash = WordTraitTable.hash(hash, v)
                        if v == 0x2D { shape.insert(.hyphen) }
                    }
                    if !lowercases { traits = table.traits(ofASCII: UnsafeBufferPointer(rebasing: bytes[0..<length]), hash: hash) }
                    return length
                }
                lower = written
                if lowercases {
                    lower = String(unsafeUninitializedCapacity: length) { bytes in
                        var hash = WordTraitTable.emptyHash
                        for k in start..<end {
                            var v = UInt8(truncatingIfNeeded: scalars[k].value)
                            if v &- 0x41 < 26 { v |= 0x20 }
                            bytes[k - start] = v
                            hash = WordTraitTable.hash(hash, v)
                        }
                        traits = table.traits(ofASCII: UnsafeBufferPointer(rebasing: bytes[0..<length]), hash: hash)
                        return length
                    }
                    if scalars[start].value &- 0x41 < 26 { shape.insert(.capitalized) }
                    var letters = 0
                    var allCaps = true
                    for k in start..<end {
                        let v = scalars[k].value
                        if v &- 0x61 < 26 {
                            allCaps = false
                            break
                        }
                        if v &- 0x41 < 26 { letters += 1 }
                    }
                    if allCaps && letters >= 2 { shape.insert(.allCaps) }
                }
                if scalars[start].value &- 0x30 < 10 { shape.insert(.leadingDigit) }
            } else {
                written = String(utf8Of: UnsafeBufferPointer(rebasing: scalars[start..<end]))
                lower = written
                if kind == .word {
                    lower = written.lowercased()
                    // One apostrophe for lookups, whatever mark the text used.
                    if apostrophe { lower = lower.replacingApostrophes }
                    if ScalarClass.isUppercase(scalars[start]) { shape.insert(.capitalized) }
                    var letters = 0
                    var allCaps = true
                    for k in start..<end where ScalarClass.isLetter(scalars[k]) {
                        if !ScalarClass.isUppercase(scalars[k]) {
                            allCaps = false
                            break
                        }
                        letters += 1
                    }
                    if allCaps && letters >= 2 { shape.insert(.allCaps) }
                }
                traits = table.traits(of: lower)
                if let first = lower.utf8.first, first &- 0x30 < 10 { shape.insert(.leadingDigit) }
                if lower.utf8.contains(0x2D) { shape.insert(.hyphen) }
            }
            var mark: Unicode.Scalar = "\0"
            if kind != .word && kind != .number {
                switch scalars[start] {
                case "\u{037E}": mark = ";"
                case "\u{1FEF}": mark = "`"
                default: mark = scalars[start]
                }
            }
            tokens.append(
                Token(
                    start: start, end: end, kind: kind, shape: shape, traits: traits, mark: mark,
                    text: written, lower: lower, sentence: sentenceIndex(start)))
        }

        while i < n {
            let s = scalars[i]
            if isSpace(s) {
                i += 1
                continue
            }
            if isWordScalar(s) {
                let start = i
                var allDigits = true
                var j = i
                while j < n {
                    let c = scalars[j]
                    if isWordScalar(c) {
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
                        if isWordScalar(next) && (c == "-" || c == "\u{2010}" || c == "\u{2011}" || allDigits) {
                            if !(allDigits && ScalarClass.isDigit(next)) { allDigits = false }
                            j += 1
                            continue
                        }
                    case "'", "’":
                        // "’s" after a word is its own token; other inner apostrophes stay ("don’t", "O’Brien").
                        if ScalarClass.isLetter(next) && !allDigits {
                            let isPossessive = (next == "s" || next == "S") && (j + 2 >= n || !isWordScalar(scalars[j + 2]))
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
                    i + 2 >= n || !isWordScalar(scalars[i + 2])
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
    /// The string of `scalars`, written as UTF-8 in one allocation.
    init(utf8Of scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { bytes in
            var o = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    bytes[o] = byte
                    o += 1
                }
            }
            return o
        }
    }

    /// The string with typographic apostrophes made straight.
    var replacingApostrophes: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "’" ? "'" : $0 }))
    }
}
