import SynopticCore

/// A block found in normalized text, before the clean text is assembled: its kind and the pieces
/// of normalized text it is made of (lines of one paragraph, without markup such as `# ` or `> `).
public struct RawBlock: Hashable, Sendable {
    public var kind: Block.Kind
    /// Ranges of normalized scalars; consecutive pieces are joined by one space.
    public var pieces: [Range<Int>]
    /// Whether the block was a single line of the input (a headline candidate).
    public var isSingleLine: Bool { pieces.count == 1 }

    public init(kind: Block.Kind, pieces: [Range<Int>]) {
        self.kind = kind
        self.pieces = pieces
    }

    /// Scalars in the block's text.
    public var length: Int { pieces.reduce(0) { $0 + $1.count } + max(0, pieces.count - 1) }
}

/// Splits normalized text into blocks: paragraphs, headings, list items and block quotations.
///
/// Paragraphs are separated by blank lines. Inside a blank-line group, each line is its own block
/// (one paragraph per line is how most scraped text arrives) unless the text is hard-wrapped: then
/// lines are joined. A line is also joined to the one before when it plainly continues it (it
/// starts in lower case after a line with no closing punctuation). Markdown markers (`#`, `>`, `-`,
/// `*`, `•`) set the block kind and are left out of the text.
public struct BlockSplitter: Sendable {
    public init() {}

    struct Line {
        var range: Range<Int>
        var groupStart: Bool
    }

    public func split(_ text: [Unicode.Scalar]) -> [RawBlock] {
        let lines = Self.lines(of: text)
        guard !lines.isEmpty else { return [] }
        let hardWrapped = Self.isHardWrapped(lines, text)
        var blocks: [RawBlock] = []
        var current: RawBlock?
        for line in lines {
            var (kind, content) = Self.marker(of: line.range, in: text)
            if kind == .paragraph, current?.kind == .blockQuote, !line.groupStart, content == line.range {
                kind = .blockQuote  // a lazy continuation of a quotation
            }
            let hasMarker = content != line.range
            if var block = current, !line.groupStart,
                (kind == .paragraph && !hasMarker && block.kind != .listItem) || (kind == .blockQuote && block.kind == .blockQuote),
                block.kind != .heading,
                Self.continues(previous: block.pieces.last!, next: content, text: text, hardWrapped: hardWrapped)
            {
                block.pieces.append(content)
                current = block
                continue
            }
            if let block = current { blocks.append(block) }
            current = content.isEmpty ? nil : RawBlock(kind: kind, pieces: [content])
        }
        if let block = current { blocks.append(block) }
        return blocks.map(Self.classifyHeading(in: text))
    }

    // MARK: - Lines

    static func lines(of text: [Unicode.Scalar]) -> [Line] {
        text.withUnsafeBufferPointer { lines(of: $0) }
    }

    static func lines(of text: UnsafeBufferPointer<Unicode.Scalar>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var groupStart = true
        var i = 0
        while i <= text.count {
            if i == text.count || text[i] == "\n" {
                if i > start {
                    lines.append(Line(range: start..<i, groupStart: groupStart))
                    groupStart = false
                } else {
                    groupStart = true
                }
                start = i + 1
            }
            i += 1
        }
        return lines
    }

    /// Hard-wrapped text has lines of similar width that break mid-sentence: most lines of a
    /// multi-line group come close to the widest and do not end a sentence.
    static func isHardWrapped(_ lines: [Line], _ text: [Unicode.Scalar]) -> Bool {
        var widths: [Int] = []
        for (index, line) in lines.enumerated() where index + 1 < lines.count && !lines[index + 1].groupStart {
            widths.append(line.range.count)
        }
        guard widths.count >= 3 else { return false }
        let sorted = widths.sorted()
        let width = sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        guard width >= 30, width <= 110 else { return false }
        // Wrapped prose breaks mid-sentence, so many continuation lines start in lower case; a
        // list of headlines or links does not.
        var wrapped = 0
        var lowercaseContinuations = 0
        for (index, line) in lines.enumerated() where index + 1 < lines.count && !lines[index + 1].groupStart {
            if line.range.count * 4 >= width * 3 && !endsSentence(line.range, text) {
                wrapped += 1
                if ScalarClass.isLowercase(text[lines[index + 1].range.lowerBound]) { lowercaseContinuations += 1 }
            }
        }
        return wrapped * 2 >= widths.count && lowercaseContinuations * 10 >= wrapped * 3
    }

    static func continues(previous: Range<Int>, next: Range<Int>, text: [Unicode.Scalar], hardWrapped: Bool) -> Bool {
        guard let first = next.first.map({ text[$0] }) else { return false }
        if ScalarClass.isLowercase(first) && !endsSentence(previous, text) { return true }
        return hardWrapped
    }

    static func endsSentence(_ range: Range<Int>, _ text: [Unicode.Scalar]) -> Bool {
        guard let last = range.last else { return true }
        switch text[last] {
        case ".", "!", "?", "\u{2026}", "\u{201D}", "\u{2019}", ":", ")", "\"": return true
        default: return false
        }
    }

    // MARK: - Markers

    /// The block kind a line's markup announces, and the line without the markup.
    static func marker(of range: Range<Int>, in text: [Unicode.Scalar]) -> (Block.Kind, Range<Int>) {
        let start = range.lowerBound
        var i = start
        // `# ` … `###### ` headings.
        while i < range.upperBound, text[i] == "#", i - start < 6 { i += 1 }
        if i > start, i < range.upperBound, text[i] == " " {
            return (.heading, (i + 1)..<range.upperBound)
        }
        guard range.count >= 2 else { return (.paragraph, range) }
        let first = text[start]
        let second = text[start + 1]
        if first == ">" {
            let contentStart = second == " " ? start + 2 : start + 1
            return (.blockQuote, min(contentStart, range.upperBound)..<range.upperBound)
        }
        if second == " ", ["-", "*", "+", "\u{2022}", "\u{00B7}", "\u{25AA}", "\u{25CF}"].contains(first) {
            return (.listItem, (start + 2)..<range.upperBound)
        }
        // `1. ` or `1) ` numbered items keep their number: it is part of what they say.
        var j = start
        while j < range.upperBound, j - start < 3, text[j].properties.numericType != nil, text[j].isASCII { j += 1 }
        if j > start, j + 1 < range.upperBound, text[j] == "." || text[j] == ")", text[j + 1] == " " {
            return (.listItem, range)
        }
        return (.paragraph, range)
    }

    // MARK: - Headings

    /// A short single line that does not end like a sentence and is mostly capitalized words reads
    /// as a heading (a headline, a section title, a module label).
    static func classifyHeading(in text: [Unicode.Scalar]) -> (RawBlock) -> RawBlock {
        { block in
            guard block.kind == .paragraph, block.isSingleLine else { return block }
            let range = block.pieces[0]
            guard !endsSentence(range, text) || text[range.upperBound - 1] == "\u{2019}" else { return block }
            var words = 0
            var capitalized = 0
            var atWordStart = true
            for i in range {
                let s = text[i]
                if s == " " {
                    atWordStart = true
                    continue
                }
                if atWordStart {
                    words += 1
                    if ScalarClass.isUppercase(s) || ScalarClass.isDigit(s) { capitalized += 1 }
                    atWordStart = false
                }
            }
            guard words > 0, words <= 20 else { return block }
            let first = text[range.lowerBound]
            if ScalarClass.isLowercase(first) { return block }
            if capitalized * 2 >= words || words <= 4 { return RawBlock(kind: .heading, pieces: block.pieces) }
            return block
        }
    }
}
