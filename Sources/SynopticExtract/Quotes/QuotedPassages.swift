import SynopticCore

/// A stretch of text between quotation marks, before anyone is attributed to it.
struct QuotedPassage: Hashable, Sendable {
    /// Token index of the opening mark.
    var open: Int
    /// Token index of the closing mark, or `nil` when the paragraph ends first.
    var close: Int?
    /// The quoted words, without the marks.
    var span: TextSpan
    /// Index of the block (paragraph) that holds it.
    var block: Int
    /// Whether double marks (“ ”) enclose it, rather than single ones.
    var isDouble: Bool
    /// The paragraph ends inside the quotation and the next paragraph opens with a mark: by the
    /// convention of news writing, the same speaker goes on.
    var continuesInNextBlock: Bool
}

/// Finds quoted passages, paragraph by paragraph.
///
/// Double marks come first; single marks count as quotation marks only in a paragraph that has
/// no double ones (headlines and some outlets quote with single marks), and a closing single mark
/// must not be a plural possessive (“the students’ union”). An opening mark left open at the end of
/// a paragraph quotes to its end: a quotation that runs on into the next paragraph reopens there.
/// The work is linear in the number of tokens, whatever the balance of the marks.
enum QuotedPassageFinder {
    static func passages(in text: TokenizedText) -> [QuotedPassage] {
        let tokens = text.tokens
        var result: [QuotedPassage] = []
        var t = 0
        for (blockIndex, block) in text.blocks.enumerated() {
            while t < tokens.count && tokens[t].start < block.start { t += 1 }
            let first = t
            while t < tokens.count && tokens[t].start < block.end { t += 1 }
            let range = first..<t
            guard !range.isEmpty else { continue }
            var hasDouble = false
            for i in range where tokens[i].isMark("“") || tokens[i].isMark("”") || tokens[i].isMark("\"") {
                hasDouble = true
                break
            }
            let found =
                hasDouble
                ? doublePassages(tokens, range, block: blockIndex, blockSpan: block)
                : singlePassages(tokens, text.lowers, range, block: blockIndex, blockSpan: block)
            result.append(contentsOf: found)
        }
        // A quotation left open at a paragraph's end runs on when the next paragraph opens one.
        for k in result.indices where result[k].close == nil {
            if k + 1 < result.count, result[k + 1].block == result[k].block + 1, isBlockOpening(result[k + 1], in: text) {
                result[k].continuesInNextBlock = true
            }
        }
        return result
    }

    private static func isBlockOpening(_ passage: QuotedPassage, in text: TokenizedText) -> Bool {
        text.tokens[passage.open].start == text.blocks[passage.block].start
    }

    private static func doublePassages(_ tokens: [Token], _ range: Range<Int>, block: Int, blockSpan: TextSpan) -> [QuotedPassage] {
        var found: [QuotedPassage] = []
        var open: Int?
        for i in range {
            let mark = tokens[i].mark
            if mark == "“" || (mark == "\"" && open == nil) {
                if let o = open {
                    // A second opening mark before any closing one: the first quotation ends here.
                    found.append(passage(o, nil, end: tokens[i].start, tokens, block: block, double: true))
                }
                open = i
            } else if mark == "”" || mark == "\"" {
                guard let o = open else { continue }  // a stray closing mark quotes nothing
                found.append(passage(o, i, end: tokens[i].start, tokens, block: block, double: true))
                open = nil
            }
        }
        if let o = open { found.append(passage(o, nil, end: trimmedEnd(tokens, range), tokens, block: block, double: true)) }
        return found.filter { !$0.span.isEmpty }
    }

    private static func singlePassages(
        _ tokens: [Token], _ lowers: [String], _ range: Range<Int>, block: Int, blockSpan: TextSpan
    ) -> [QuotedPassage] {
        var found: [QuotedPassage] = []
        var open: Int?
        for i in range {
            let mark = tokens[i].mark
            if mark == "‘" {
                open = i
            } else if mark == "’", let o = open, i > o + 1 {
                // “students’ union”: a closing mark glued to a word ending in s, followed by a
                // lowercase word, is an apostrophe.
                let next = i + 1 < range.upperBound ? tokens[i + 1] : nil
                let previous = tokens[i - 1]
                if previous.end == tokens[i].start, lowers[i - 1].endsWith("s"), let next, next.kind == .word, !next.isCapitalized,
                    next.start > tokens[i].end
                {
                    continue
                }
                found.append(passage(o, i, end: tokens[i].start, tokens, block: block, double: false))
                open = nil
            }
        }
        return found.filter { !$0.span.isEmpty }
    }

    private static func trimmedEnd(_ tokens: [Token], _ range: Range<Int>) -> Int {
        tokens[range.upperBound - 1].end
    }

    private static func passage(_ open: Int, _ close: Int?, end: Int, _ tokens: [Token], block: Int, double: Bool) -> QuotedPassage {
        let start = tokens[open].end
        return QuotedPassage(
            open: open, close: close, span: TextSpan(start: min(start, end), end: end), block: block, isDouble: double,
            continuesInNextBlock: false)
    }
}
