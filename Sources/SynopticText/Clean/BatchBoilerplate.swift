import SynopticCore

/// Lines that recur across the articles of one outlet in a batch and are shaped like page furniture:
/// learned from the whole batch before any article is assembled.
///
/// A line counts when it is short (at most four words) or does not end like a sentence (at most 20
/// words), and it recurs either at the end of two articles (after their last paragraph of prose:
/// comment forms, footers) or anywhere in two articles that are not versions of one report.
/// Successive versions of one report legitimately share headlines, subheadings and whole paragraphs,
/// so repetition between them alone proves nothing; two articles are taken for versions when they
/// share a paragraph of prose word for word. Full sentences of reporting never count, however often
/// they recur.
///
/// Articles are grouped by outlet, or by directory when the input names no outlet. Only hashes are
/// kept: one per candidate line and one per prose paragraph of the batch.
public struct BatchBoilerplate: Sendable {
    private let linesByGroup: [String: Set<Int>]

    /// No evidence: what a single article assembled on its own gets.
    public static let none = BatchBoilerplate(linesByGroup: [:])

    private init(linesByGroup: [String: Set<Int>]) { self.linesByGroup = linesByGroup }

    /// Learns from the decoded texts of one batch, each with its provenance.
    public init(documents: [(provenance: Provenance, text: String)]) {
        var tallies: [String: GroupTally] = [:]
        for (index, document) in documents.enumerated() {
            tallies[Self.group(of: document.provenance), default: GroupTally()].add(document: index, text: document.text)
        }
        linesByGroup = tallies.mapValues { $0.boilerplate() }
    }

    /// The lines learned for the group an article belongs to.
    public func lines(for provenance: Provenance) -> RecurringLines {
        RecurringLines(keys: linesByGroup[Self.group(of: provenance)] ?? [])
    }

    /// The outlet, or else the directory of the input: articles that share page furniture.
    public static func group(of provenance: Provenance) -> String {
        if let outlet = provenance.outlet { return "outlet:" + outlet }
        let path = provenance.path ?? "-"
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return "directory:" + directory
    }

    /// Whether a line has the shape of page furniture rather than of a sentence.
    static func isCandidate(wordCount: Int, endsLikeSentence: Bool) -> Bool {
        wordCount <= 4 || (wordCount <= 20 && !endsLikeSentence)
    }

    static func hash(_ line: some StringProtocol) -> Int { BlockShape.keyHash(line) }

    /// The text's lines, trimmed, empty ones left out: what `split(whereSeparator: \.isNewline)`
    /// gives, split on the newline scalars instead of on characters (which cost a grapheme break
    /// check per character). The same lines: a newline scalar is always a character of its own,
    /// but for CR LF, whose split leaves an empty line between, which is left out.
    static func lines(of text: String) -> [Substring] {
        // Found on the text's own bytes where they are at hand (every line of a batch goes
        // through here; stepping the scalar view checked each index it made).
        let fast: [Substring]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                // U+000A–U+000D; U+0085 (C2 85); U+2028 and U+2029 (E2 80 A8, E2 80 A9).
                var length = 0
                if byte &- 0x0A < 4 {
                    length = 1
                } else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {
                    length = 2
                } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] &- 0xA8 < 2 {
                    length = 3
                }
                guard length > 0 else {
                    i += 1
                    continue
                }
                if let line = trimmed(bytes, start..<i) { ranges.append(line) }
                i += length
                start = i
            }
            if let line = trimmed(bytes, start..<n) { ranges.append(line) }
            let utf8 = text.utf8
            return ranges.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
        }
        return fast ?? scalarLines(of: text)
    }

    /// `range` of valid UTF-8 without the whitespace scalars at either end (as
    /// `trimmedWhitespaceSlice` trims), or nil when nothing else is left.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            if bytes[lower] < 0x80 {
                guard isWhitespace(UInt32(bytes[lower])) else { break }
                lower += 1
            } else {
                let (value, length) = UTF8Scalar.decode(bytes, at: lower)
                guard isWhitespace(value) else { break }
                lower += length
            }
        }
        while upper > lower {
            var lead = upper - 1
            while lead > lower, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let value = bytes[lead] < 0x80 ? UInt32(bytes[lead]) : UTF8Scalar.decode(bytes, at: lead).value
            guard isWhitespace(value) else { break }
            upper = lead
        }
        return lower < upper ? lower..<upper : nil
    }

    @inline(__always)
    private static func isWhitespace(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.isWhitespaceScalar ?? false
    }

    /// ``lines(of:)`` for text whose bytes are not stored contiguously.
    static func scalarLines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            switch scalars[index].value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
                let line = Substring(scalars[start..<index]).trimmedWhitespaceSlice
                if !line.isEmpty { lines.append(line) }
                start = next
            default:
                break
            }
            index = next
        }
        let last = Substring(scalars[start..<scalars.endIndex]).trimmedWhitespaceSlice
        if !last.isEmpty { lines.append(last) }
        return lines
    }

    private struct GroupTally {
        /// For each candidate line: the articles it is in (a few are enough) and in how many it sits at the end.
        var candidates: [Int: (documents: [Int], atEnd: Int)] = [:]
        /// The first article each prose paragraph was seen in, to find versions of one report.
        var firstProseDocument: [Int: Int] = [:]
        /// Versions of one report, as a union-find forest: an article points towards an earlier
        /// version of the same report (versions of versions are one report).
        var earlierVersion: [Int: Int] = [:]

        mutating func add(document: Int, text: String) {
            let lines = BatchBoilerplate.lines(of: text)
            var lastProse = -1
            var seen: Set<Int> = []
            var found: [(hash: Int, index: Int)] = []
            for (index, line) in lines.enumerated() {
                let wordCount = Self.wordCount(line)
                let endsLikeSentence = line.last.map { ".!?\u{2026}\u{201D}\u{2019}\")".contains($0) } ?? false
                if endsLikeSentence && wordCount >= 8 { lastProse = index }
                // Only prose paragraphs (evidence of versions) and furniture-shaped lines are
                // hashed; the sentences between are neither.
                if endsLikeSentence && wordCount >= 15 {
                    let hash = BatchBoilerplate.hash(line)
                    if let earlier = firstProseDocument[hash] {
                        if earlier != document { joinVersions(earlier, document) }
                    } else {
                        firstProseDocument[hash] = document
                    }
                } else if BatchBoilerplate.isCandidate(wordCount: wordCount, endsLikeSentence: endsLikeSentence) {
                    let hash = BatchBoilerplate.hash(line)
                    if seen.insert(hash).inserted { found.append((hash, index)) }
                }
            }
            for (hash, index) in found {
                var entry = candidates[hash] ?? ([], 0)
                if entry.documents.count < 8 { entry.documents.append(document) }
                if index > lastProse { entry.atEnd += 1 }
                candidates[hash] = entry
            }
        }

        /// Runs of characters between spaces, counted on the bytes (the line's own, where they
        /// are at hand: stepping a substring's UTF-8 view checked every index).
        static func wordCount(_ line: Substring) -> Int {
            func count(_ bytes: some Sequence<UInt8>) -> Int {
                var count = 0
                var inWord = false
                for byte in bytes {
                    if byte == UInt8(ascii: " ") {
                        inWord = false
                    } else if !inWord {
                        inWord = true
                        count += 1
                    }
                }
                return count
            }
            return line.utf8.withContiguousStorageIfAvailable { count($0) } ?? count(line.utf8)
        }

        func report(of document: Int) -> Int {
            var current = document
            while let earlier = earlierVersion[current] { current = earlier }
            return current
        }

        mutating func joinVersions(_ a: Int, _ b: Int) {
            let (first, second) = (report(of: a), report(of: b))
            if first != second { earlierVersion[max(first, second)] = min(first, second) }
        }

        func boilerplate() -> Set<Int> {
            var lines: Set<Int> = []
            for (hash, entry) in candidates where entry.documents.count >= 2 {
                let unrelated = Set(entry.documents.map(report(of:))).count >= 2
                if entry.atEnd >= 2 || unrelated { lines.insert(hash) }
            }
            return lines
        }
    }
}

/// The recurring lines of one article's group.
public struct RecurringLines: Sendable {
    let keys: Set<Int>

    public static let none = RecurringLines(keys: [])

    func contains(_ line: String) -> Bool { contains(keyHash: BatchBoilerplate.hash(line)) }

    /// Whether the line whose ``BlockShape/keyHash(_:)`` is `keyHash` is one of them.
    func contains(keyHash: Int) -> Bool { !keys.isEmpty && keys.contains(keyHash) }
}
