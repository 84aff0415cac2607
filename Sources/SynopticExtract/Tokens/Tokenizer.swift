import SynopticCore

/// One word, number, punctuation mark or quotation mark of an article's clean text: where it is,
/// what kind it is, and what the tokenizer learnt of it once for every rule that asks.
///
/// Every extractor of the stage reads the same token array, built once per article, so the text is
/// scanned once. A token holds no reference (its lowercase form is in ``TokenizedText/lowers``, its
/// text as written comes from ``TokenizedText/tokenText(_:)``), so it is 24 bytes that copy without
/// reference counting, and the extractors' passes over the array touch few cache lines.
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

    // Offsets in 32 bits: `TokenizedText` takes no text of 2³¹ scalars or more.
    private let startOffset: Int32
    private let endOffset: Int32
    private let sentenceIndex: Int32
    public let kind: Kind
    /// What the tokenizer saw of the letters, once, so rules need not look at them again.
    let shape: Shape
    /// The word lists `lower` belongs to, looked up once by the tokenizer.
    let traits: WordTraits
    /// A punctuation or quotation token's one scalar, as `String` equality reads it (U+037E and
    /// U+1FEF are canonically ";" and "`"); NUL for words and numbers.
    let mark: Unicode.Scalar

    init(start: Int, end: Int, kind: Kind, shape: Shape, traits: WordTraits, mark: Unicode.Scalar, sentence: Int) {
        self.startOffset = Int32(start)
        self.endOffset = Int32(end)
        self.sentenceIndex = Int32(sentence)
        self.kind = kind
        self.shape = shape
        self.traits = traits
        self.mark = mark
    }

    /// Scalar offsets into the clean text.
    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }
    /// Index of the sentence that holds the token, `-1` between sentences.
    public var sentence: Int { Int(sentenceIndex) }

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

    /// Whether the token is the punctuation or quotation mark `mark` (a U+037E GREEK QUESTION MARK
    /// is ";", as `String` equality has it).
    public func isMark(_ mark: Unicode.Scalar) -> Bool { self.mark == mark }
}

/// An article's clean text cut into tokens, with the sentence each token belongs to.
public struct TokenizedText: Sendable {
    public let text: ScalarText
    /// The clean text as scalars, for extractors that look at characters between tokens.
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    /// Each token lowercased, with one apostrophe (') whatever mark the text used: the key the
    /// lexicons and rules look up. `lowers[i]` is token `i`. Numbers and marks are as written.
    public let lowers: [String]
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
        precondition(scalars.count < Int(Int32.max), "a text of 2³¹ scalars or more")
        self.scalars = scalars
        self.sentences = sentences
        self.blocks = blocks
        let tokenized = Tokenizer.tokens(of: scalars, sentences: sentences)
        let tokens = tokenized.tokens
        self.tokens = tokens
        self.lowers = tokenized.lowers
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

    /// Token `i` as written (made when asked: the rules read ``lowers``).
    public func tokenText(_ i: Int) -> String { self[tokens[i].span] }

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
    struct Output {
        var tokens: [Token] = []
        var lowers: [String] = []
    }

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

    /// `ScalarClass.isDigit`, inlined.
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v &- 0x30 < 10 }
        return ScalarClass.isDigit(s)
    }

    /// `ScalarClass.isLetter`, inlined.
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
        return ScalarClass.isLetter(s)
    }

    /// Space, newline, tab, carriage return, or a non-ASCII space; U+2010–U+2027 are none.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D }
        if v &- 0x2010 < 0x18 { return false }
        return s.properties.isWhitespace
    }

    static func tokens(of scalars: [Unicode.Scalar], sentences: [TextSpan]) -> Output {
        scalars.withUnsafeBufferPointer { tokens(in: $0, sentences: sentences) }
    }

    /// Appends tokens to the output, one at a time, with what is learnt of each.
    private struct Writer {
        let scalars: UnsafeBufferPointer<Unicode.Scalar>
        let sentences: [TextSpan]
        let table = WordTraitTable.shared
        var output = Output()
        var sentence = 0
        /// The traits of the non-ASCII marks met so far (curly quotes, dashes): a few per text,
        /// each looked up once.
        var markTraits: [(mark: Unicode.Scalar, traits: WordTraits)] = []

        init(scalars: UnsafeBufferPointer<Unicode.Scalar>, sentences: [TextSpan]) {
            self.scalars = scalars
            self.sentences = sentences
            output.tokens.reserveCapacity(scalars.count / 5)
            output.lowers.reserveCapacity(scalars.count / 5)
        }

        mutating func sentenceIndex(_ offset: Int) -> Int {
            while sentence < sentences.count && sentences[sentence].end <= offset { sentence += 1 }
            return sentence < sentences.count && sentences[sentence].start <= offset ? sentence : -1
        }

        mutating func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            var nonASCII = 0
            var apostrophes = 0
            var hasUppercase = false
            for k in start..<end {
                let v = scalars[k].value
                if v >= 0x80 {
                    nonASCII += 1
                    if v == 0x2019 { apostrophes += 1 }
                } else if v &- 0x41 < 26 {
                    hasUppercase = true
                }
            }
            let isWord = kind == .word
            var lower: String
            var traits: WordTraits = []
            var shape: Token.Shape = []
            if nonASCII == 0 || (isWord && nonASCII == apostrophes) {
                // Most tokens: ASCII, or words whose one other scalar is the typographic apostrophe
                // (“don’t”, “’s”), whose lowercase form is ASCII. Short strings are stored inline
                // (no allocation); the bytes are hashed on the way and looked up in place.
                let length = end - start
                lower = String(unsafeUninitializedCapacity: length) { bytes in
                    var hash = WordTraitTable.emptyHash
                    for k in start..<end {
                        let v = scalars[k].value
                        // One apostrophe for lookups, whatever mark the text used.
                        var byte = v == 0x2019 ? 0x27 : UInt8(truncatingIfNeeded: v)
                        if isWord && byte &- 0x41 < 26 { byte |= 0x20 }
                        bytes[k - start] = byte
                        hash = WordTraitTable.hash(hash, byte)
                        if byte == 0x2D { shape.insert(.hyphen) }
                    }
                    traits = table.traits(ofASCII: UnsafeBufferPointer(rebasing: bytes[0..<length]), hash: hash)
                    return length
                }
                if isWord && hasUppercase {
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
                let written = String(utf8Of: UnsafeBufferPointer(rebasing: scalars[start..<end]))
                lower = written
                if isWord {
                    lower = written.lowercased()
                    // One apostrophe for lookups, whatever mark the text used.
                    if apostrophes > 0 { lower = lower.replacingApostrophes }
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
                if kind != .word && kind != .number {
                    // A mark is one scalar.
                    let mark = scalars[start]
                    if let known = markTraits.first(where: { $0.mark == mark }) {
                        traits = known.traits
                    } else {
                        traits = table.traits(of: lower)
                        markTraits.append((mark, traits))
                    }
                } else {
                    traits = table.traits(of: lower)
                }
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
            output.tokens.append(
                Token(start: start, end: end, kind: kind, shape: shape, traits: traits, mark: mark, sentence: sentenceIndex(start)))
            output.lowers.append(lower)
        }
    }

    private static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>, sentences: [TextSpan]) -> Output {
        var writer = Writer(scalars: scalars, sentences: sentences)
        let n = scalars.count
        var i = 0
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
                        if !isDigit(c) { allDigits = false }
                        j += 1
                        continue
                    }
                    let next = j + 1 < n ? scalars[j + 1] : " "
                    let previous = scalars[j - 1]
                    switch c {
                    case ",", ".":
                        // Thousands separators and decimals, inside numbers only.
                        if allDigits && isDigit(previous) && isDigit(next) {
                            j += 1
                            continue
                        }
                        // Dotted initials: "U.S.", "U.N.", "e.g.": one letter, a period, a letter.
                        if c == ".", isLetter(previous), isLetter(next),
                            j - 1 == start || scalars[j - 2] == ".",
                            j + 2 >= n || !isLetter(scalars[j + 2])
                        {
                            j += 2
                            if j < n && scalars[j] == "." { j += 1 }
                            allDigits = false
                            break
                        }
                    case "-", "/", "\u{2010}", "\u{2011}":
                        if isWordScalar(next) && (c == "-" || c == "\u{2010}" || c == "\u{2011}" || allDigits) {
                            if !(allDigits && isDigit(next)) { allDigits = false }
                            j += 1
                            continue
                        }
                    case "'", "’":
                        // "’s" after a word is its own token; other inner apostrophes stay ("don’t", "O’Brien").
                        if isLetter(next) && !allDigits {
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
                writer.emit(start, j, allDigits ? .number : .word)
                i = j
                // The possessive "’s".
                if i + 1 < n, scalars[i] == "’" || scalars[i] == "'", scalars[i + 1] == "s" || scalars[i + 1] == "S",
                    i + 2 >= n || !isWordScalar(scalars[i + 2])
                {
                    writer.emit(i, i + 2, .word)
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
            writer.emit(i, i + 1, kind)
            i += 1
        }
        return writer.output
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

extension String {
    /// `hasSuffix` for an ASCII literal, compared on UTF-8 bytes. The rules ask it of token forms
    /// at almost every candidate; `hasSuffix` compares by canonical equivalence, a call into the
    /// runtime each time. The bytes settle it unless a non-ASCII scalar stands right before the
    /// suffix (a prepended mark could join the suffix's first letter): then `hasSuffix` decides.
    @inline(__always)
    func endsWith(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let utf8 = self.utf8
        guard utf8.count >= count else { return false }
        guard suffix.withUTF8Buffer({ tail in utf8.suffix(count).elementsEqual(tail) }) else { return false }
        if utf8.count > count, utf8[utf8.index(utf8.endIndex, offsetBy: -count - 1)] >= 0x80 {
            return hasSuffix(suffix.description)
        }
        return true
    }

    /// `hasPrefix` for an ASCII literal, compared on UTF-8 bytes (see ``endsWith(_:)``); a
    /// non-ASCII scalar right after the prefix (a combining mark on its last letter) leaves it to
    /// `hasPrefix`.
    @inline(__always)
    func startsWith(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        let utf8 = self.utf8
        guard utf8.count >= count else { return false }
        guard prefix.withUTF8Buffer({ head in utf8.prefix(count).elementsEqual(head) }) else { return false }
        if utf8.count > count, utf8[utf8.index(utf8.startIndex, offsetBy: count)] >= 0x80 {
            return hasPrefix(prefix.description)
        }
        return true
    }
}
