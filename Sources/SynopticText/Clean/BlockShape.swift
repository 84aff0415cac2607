import SynopticCore

/// The facts the debris rules read from one block: its text, its words and how it ends.
///
/// Debris is recognised by shape (length, position, capitalisation, closing punctuation), so these
/// facts are computed once per block and shared by every rule.
struct BlockShape {
    let block: RawBlock
    let text: String
    /// The text split at spaces, punctuation kept.
    let words: [Substring]
    let lastCharacter: Character?

    init(_ block: RawBlock, in scalars: [Unicode.Scalar]) {
        self.block = block
        text = ArticleAssembler.text(of: block, in: scalars)
        words = text.split(separator: " ")
        lastCharacter = text.last
    }

    var wordCount: Int { words.count }
    var isSingleLine: Bool { block.isSingleLine }

    /// Ends as a sentence of running text does, a question included.
    var endsLikeSentence: Bool {
        guard let last = lastCharacter else { return false }
        return last == "?" || endsLikeStatement
    }

    /// Ends with a full stop, an exclamation, an ellipsis or a closing quotation mark or bracket:
    /// the endings a headline does not have. (A headline may end with a question mark.)
    var endsLikeStatement: Bool {
        guard let last = lastCharacter else { return false }
        return ".!\u{2026}\u{201D}\u{2019}\")".contains(last)
    }

    /// Running text: a paragraph or quotation of some length that ends like a sentence.
    var isProse: Bool {
        (block.kind == .paragraph || block.kind == .blockQuote) && wordCount >= 8 && endsLikeSentence
    }

    /// Shaped like a headline: one line, not too long, not ending like a statement.
    var isHeadlineShaped: Bool {
        isSingleLine && (2...30).contains(wordCount) && !endsLikeStatement
    }

    /// The words in lower case with the punctuation around them stripped (`“Russia’s,”` → `russia’s`).
    var bareWords: [String] { words.map(Self.bare) }

    static func bare(_ word: Substring) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: ScalarClass.isLetterOrDigit),
            let last = scalars.lastIndex(where: ScalarClass.isLetterOrDigit)
        else { return "" }
        return String(scalars[first...last]).lowercased()
    }

    /// Whether a word starts with a capital letter or a digit, after any opening punctuation.
    static func isCapitalized(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first(where: ScalarClass.isLetterOrDigit) else { return false }
        return ScalarClass.isUppercase(first) || ScalarClass.isDigit(first)
    }

    /// Letters and digits only, lower-cased, runs of anything else as one space: two texts with the
    /// same key say the same words.
    static func key(_ text: some StringProtocol) -> String {
        // Built as UTF-8 bytes: appending scalar by scalar to a String's scalar view made this the
        // most expensive step of cleaning (every line of a batch is keyed, most of them twice).
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var gap = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let isUpper = v >= 0x41 && v <= 0x5A
                guard isUpper || (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) else {
                    gap = true
                    continue
                }
                if gap && !key.isEmpty { key.append(0x20) }
                gap = false
                key.append(UInt8(truncatingIfNeeded: isUpper ? v + 32 : v))
            } else {
                guard ScalarClass.isLetterOrDigit(scalar) else {
                    gap = true
                    continue
                }
                if gap && !key.isEmpty { key.append(0x20) }
                gap = false
                key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}

extension Set<String> {
    /// Whether any of `words` is in the set.
    func containsAny(_ words: [String]) -> Bool { words.contains(where: contains) }
}
