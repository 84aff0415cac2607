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

        /// Runs of characters between spaces, counted on the bytes.
        static func wordCount(_ line: Substring) -> Int {
            var count = 0
            var inWord = false
            for byte in line.utf8 {
                if byte == UInt8(ascii: " ") {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
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

    func contains(_ line: String) -> Bool { !keys.isEmpty && keys.contains(BatchBoilerplate.hash(line)) }
}
