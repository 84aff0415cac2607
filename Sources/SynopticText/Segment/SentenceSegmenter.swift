import SynopticCore

/// Splits a block of clean text into sentences, in a way that holds up on news copy.
///
/// A sentence ends at `.`, `!`, `?`, `…` or `...` (with any closing quotes or brackets that follow)
/// when what comes next starts a sentence. It does not end:
/// - after titles and other abbreviations (`Mr.`, `Gen.`, `Sen.`, `No. 5`, `Jan. 12`);
/// - after an initial in a name (`Sergei A. Ryabkov`, `David E. Sanger`);
/// - after dotted acronyms (`U.S. officials`, `O.S.C.E. members`), unless a common sentence opener
///   follows (`… in the U.S. The talks …`);
/// - inside decimals, times and URLs (no space follows the period);
/// - inside a quotation that closes later in the same block: a quoted passage is never cut, and its
///   closing mark stays with the sentence (`“… results.”`, `“…,” he said.`).
///
/// A block that is a quotation with its attribution (it opens with a quotation mark and quoted text
/// makes up most of it, `“…,” she said. “…”`) stays one unit.
public struct SentenceSegmenter: Sendable {
    /// Whether quoted passages are never cut and quotation paragraphs stay one unit (what a
    /// briefing needs: no half quotations). Off, the segmenter splits grammatical sentences inside
    /// quotations too, as sentence-segmentation benchmarks count them.
    public var keepsQuotationsWhole: Bool

    public init(keepsQuotationsWhole: Bool = true) {
        self.keepsQuotationsWhole = keepsQuotationsWhole
    }

    /// Sentence spans inside `range` of `text`, trimmed of surrounding spaces.
    public func sentences(in text: [Unicode.Scalar], range: Range<Int>) -> [TextSpan] {
        var spans: [TextSpan] = []
        appendSentences(in: text, range: range, to: &spans)
        return spans
    }

    /// Appends the sentence spans inside `range` to `spans` (no array per block on the hot path).
    /// Returns true when the block is a quotation paragraph kept whole as one unit.
    @discardableResult
    public func appendSentences(in text: [Unicode.Scalar], range: Range<Int>, to spans: inout [TextSpan]) -> Bool {
        let range = trimmed(range, text)
        guard !range.isEmpty else { return false }
        // Quotations only matter once an opening mark is seen: the regions are built then, from
        // that mark on, so most blocks are scanned once.
        var quotes: QuotationRegions?
        if keepsQuotationsWhole, text[range.lowerBound] == "\u{201C}" {
            let regions = QuotationRegions(text, range)
            if regions.isQuotationParagraph(range) {
                spans.append(TextSpan(start: range.lowerBound, end: range.upperBound))
                return true
            }
            quotes = regions
        }
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            // Skip to the next terminal mark (or first opening quote) without bounds checks: this
            // is the hot loop.
            let lookForQuote = keepsQuotationsWhole && quotes == nil
            i = text.withUnsafeBufferPointer { buffer in
                var k = i
                while k < range.upperBound {
                    let v = buffer[k].value
                    if v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || (lookForQuote && v == 0x201C) { break }
                    k += 1
                }
                return k
            }
            guard i < range.upperBound else { break }
            if text[i] == "\u{201C}" {
                quotes = QuotationRegions(text, i..<range.upperBound)
                i += 1
                continue
            }
            // Take the whole run of terminal marks, then closing quotes and brackets.
            var end = i + 1
            while end < range.upperBound, Self.isTerminal(text[end]) { end += 1 }
            while end < range.upperBound, Self.isClosing(text[end]) { end += 1 }
            if let quotes, quotes.isInsideOpenQuotation(i, closingBefore: end) {
                i = end
                continue
            }
            if end >= range.upperBound {
                break
            }
            if isBoundary(text, terminator: i, terminatorEnd: end, limit: range.upperBound) {
                spans.append(TextSpan(start: start, end: end))
                var next = end
                while next < range.upperBound, text[next] == " " { next += 1 }
                start = next
            }
            i = end
        }
        if start < range.upperBound {
            spans.append(TextSpan(start: start, end: range.upperBound))
        }
        return false
    }

    // MARK: - The boundary decision

    private func isBoundary(_ text: [Unicode.Scalar], terminator: Int, terminatorEnd: Int, limit: Int) -> Bool {
        let mark = text[terminator]
        let runLength = terminatorEnd - terminator
        let afterSpace = text[terminatorEnd] == " "
        var nextStart = terminatorEnd
        while nextStart < limit, text[nextStart] == " " { nextStart += 1 }
        guard nextStart < limit else { return true }
        let next = text[nextStart]

        if !afterSpace {
            // Glued sentences from scraping (`out…Everyone`, `talks.The`) split only when a
            // capitalized word follows a lower-case word or an ellipsis; `U.S.A`, `3.5` and
            // `example.com` do not.
            guard ScalarClass.isUppercase(next), nextStart + 1 < limit, ScalarClass.isLowercase(text[nextStart + 1]) else { return false }
            if mark == "\u{2026}" || (mark == "." && runLength >= 3) { return true }
            guard mark == "." || mark == "!" || mark == "?" else { return false }
            let previous = wordBefore(terminator, text)
            return previous.count >= 2 && text[previous].allSatisfy(ScalarClass.isLowercase)
        }

        // What follows must open a sentence: a capital or a digit, possibly behind opening quotes
        // or brackets (`… the U.S. (but) …` is no boundary).
        var first = nextStart
        while first < limit, Self.isOpening(text[first]) { first += 1 }
        guard first < limit, ScalarClass.isUppercase(text[first]) || ScalarClass.isDigit(text[first]) || first > nextStart && !ScalarClass.isLetter(text[first])
        else { return false }
        if mark == "!" || mark == "?" || mark == "\u{2026}" || runLength > 1 {
            return true
        }
        // A period: look at the word it closes. Only short words can be abbreviations.
        let previous = wordBefore(terminator, text)
        if previous.isEmpty { return true }
        let hasInnerPeriod = text[previous].contains(".")
        guard previous.count <= 8 || hasInnerPeriod else { return true }
        let key = Abbreviations.key(text[previous])
        // Whether a common sentence opener follows; only the ambiguous cases need to know.
        func startsNewSentence() -> Bool {
            Abbreviations.sentenceStarters.contains(Self.lowercased(text[word(startingAt: nextStart, text, limit)]))
        }
        if let key, Abbreviations.neverFinalKeys.contains(key) {
            return false
        }
        if let key, Abbreviations.monthKeys.contains(key), ScalarClass.isUppercase(text[previous.lowerBound]) {
            return !ScalarClass.isDigit(next) && startsNewSentence()
        }
        if previous.count == 1, ScalarClass.isUppercase(text[previous.lowerBound]) {
            // An initial inside a name (`Sergei A. Ryabkov`), unless a plain sentence opener follows.
            return startsNewSentence()
        }
        if hasInnerPeriod || key.map(Abbreviations.sometimesFinalKeys.contains) == true {
            // `… at 8 a.m. “Usually …` : a quotation opening after an abbreviation starts anew.
            return next == "\u{201C}" || startsNewSentence()
        }
        return true
    }

    /// The word that ends at `index` (exclusive), with inner periods kept (`U.S`, `a.m`).
    private func wordBefore(_ index: Int, _ text: [Unicode.Scalar]) -> Range<Int> {
        var start = index
        while start > 0 {
            let s = text[start - 1]
            if ScalarClass.isLetter(s) || (s == "." && start - 1 > 0 && ScalarClass.isLetter(text[start - 2])) {
                start -= 1
            } else {
                break
            }
        }
        return start..<index
    }

    /// The run of letters starting at `index` (after any opening quote or bracket).
    private func word(startingAt index: Int, _ text: [Unicode.Scalar], _ limit: Int) -> Range<Int> {
        var start = index
        while start < limit, Self.isOpening(text[start]) { start += 1 }
        var end = start
        while end < limit, end - start <= 12, ScalarClass.isLetter(text[end]) { end += 1 }
        return start..<end
    }

    static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for s in scalars {
            if s.value >= 0x41 && s.value <= 0x5A {
                out.append(Unicode.Scalar(UInt8(s.value + 0x20)))
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    static func isTerminal(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ".", "!", "?", "\u{2026}": true
        default: false
        }
    }

    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ")", "]", "\u{201D}", "\u{2019}", "\"": true
        default: false
        }
    }

    static func isOpening(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\u{201C}", "\u{2018}", "(", "[", "\"", "'": true
        default: false
        }
    }

    private func trimmed(_ range: Range<Int>, _ text: [Unicode.Scalar]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower] == " " || text[lower] == "\n" { lower += 1 }
        while upper > lower, text[upper - 1] == " " || text[upper - 1] == "\n" { upper -= 1 }
        return lower..<upper
    }
}

/// Matched double quotations inside one block.
struct QuotationRegions {
    /// Pairs of (opening index, closing index), in order.
    private(set) var pairs: [(open: Int, close: Int)] = []

    init(_ text: [Unicode.Scalar], _ range: Range<Int>) {
        var open: Int?
        for i in range {
            switch text[i] {
            case "\u{201C}":
                open = i
            case "\u{201D}":
                if let start = open {
                    pairs.append((start, i))
                    open = nil
                }
            default:
                break
            }
        }
    }

    /// Whether the terminator at `index` lies inside a quotation that is still open after the
    /// terminator run (which ends before `closingBefore`): then the quotation goes on and the
    /// sentence does not end here.
    func isInsideOpenQuotation(_ index: Int, closingBefore runEnd: Int) -> Bool {
        // Pairs never overlap and are sorted, so only the last one opening before `index` can
        // hold it: a binary search keeps hostile input with thousands of quotes linear.
        var low = 0
        var high = pairs.count
        while low < high {
            let mid = (low + high) / 2
            if pairs[mid].open < index { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return false }
        let pair = pairs[low - 1]
        return index < pair.close && pair.close >= runEnd
    }

    /// A paragraph that opens with a quotation and is mostly quoted text (the rest being short
    /// attributions) is one unit.
    func isQuotationParagraph(_ range: Range<Int>) -> Bool {
        guard let first = pairs.first, first.open == range.lowerBound else { return false }
        let quoted = pairs.reduce(0) { $0 + ($1.close - $1.open + 1) }
        guard quoted * 2 >= range.count else { return false }
        // Every stretch outside the quotes must be attribution-sized.
        var previousEnd = range.lowerBound
        for pair in pairs {
            if pair.open - previousEnd > 160 { return false }
            previousEnd = pair.close + 1
        }
        if range.upperBound - previousEnd > 160 { return false }
        return true
    }
}
