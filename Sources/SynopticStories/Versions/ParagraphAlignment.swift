/// What the versions stage compares of one paragraph: its words as hashes, reduced to a key for
/// exact matching and a set of word pairs for near matching.
public struct ParagraphPrint: Hashable, Sendable {
    /// Equal for two paragraphs with the same words in the same order, whatever their case,
    /// punctuation and spacing; `nil` for a paragraph without words.
    public var exactKey: UInt64?
    /// The hashes of the paragraph's word bigrams (one shingle for a one-word paragraph).
    public var bigrams: Set<UInt64>
    public var wordCount: Int

    public init(_ text: some StringProtocol) {
        let words = WordHashes.of(text)
        wordCount = words.count
        exactKey = WordHashes.shingles(words, size: max(words.count, 1)).first
        bigrams = Set(WordHashes.shingles(words, size: 2))
    }

    /// Jaccard similarity of the two paragraphs' word bigrams.
    public func similarity(to other: ParagraphPrint) -> Double {
        let (small, large) = bigrams.count <= other.bigrams.count ? (bigrams, other.bigrams) : (other.bigrams, bigrams)
        guard !small.isEmpty else { return 0 }
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return Double(shared) / Double(small.count + large.count - shared)
    }
}

/// Which paragraphs of an earlier text become which of a later one.
///
/// Paragraphs are matched in two passes: first by exact equality of their normalized words (the
/// first unmatched copy in order, so a paragraph printed twice matches twice), then, among those
/// left, by near equality: the Jaccard similarity of their word bigrams at least
/// ``nearThreshold``, best pairs first. Matched paragraphs that keep their relative order (the
/// longest run of matches increasing in both texts, found as a longest increasing subsequence)
/// are in place; the other matches are moves. Unmatched earlier paragraphs were removed,
/// unmatched later ones added.
public struct ParagraphAlignment: Hashable, Sendable {
    public struct Match: Hashable, Sendable {
        /// Index into the earlier and later paragraph lists given to the alignment.
        public var earlier: Int
        public var later: Int
        /// 1 for an exact match, else the bigram Jaccard similarity.
        public var similarity: Double
        public var isExact: Bool
        /// `false` for a paragraph that moved relative to the other matched paragraphs.
        public var inOrder: Bool
    }

    /// Bigram Jaccard similarity from which two paragraphs count as one paragraph rewritten. On the
    /// seeds' two versions, rewritten paragraphs score 0.4 to 0.92 and the closest pair of
    /// paragraphs from different articles 0.2; 0.3 sits between.
    public static let nearThreshold = 0.3
    /// A word pair found in more unmatched earlier paragraphs than this ("of the") is not used to
    /// find near-match candidates: it would make the search quadratic in paragraphs and says
    /// little about which paragraph is which.
    public static let maxParagraphsPerBigram = 64

    /// Matches, in the later text's order.
    public var matches: [Match]
    /// Indices of earlier paragraphs with no match, in order.
    public var removed: [Int]
    /// Indices of later paragraphs with no match, in order.
    public var added: [Int]

    public init(earlier: [ParagraphPrint], later: [ParagraphPrint]) {
        var earlierMatch = [Int?](repeating: nil, count: earlier.count)
        var laterMatch = [Int?](repeating: nil, count: later.count)
        var found: [Match] = []
        // Pass 1: exact equality.
        var byKey: [UInt64: [Int]] = [:]
        for (index, print) in earlier.enumerated().reversed() {
            if let key = print.exactKey { byKey[key, default: []].append(index) }
        }
        for (index, print) in later.enumerated() {
            guard let key = print.exactKey, let e = byKey[key]?.popLast() else { continue }
            earlierMatch[e] = index
            laterMatch[index] = e
            found.append(Match(earlier: e, later: index, similarity: 1, isExact: true, inOrder: true))
        }
        // Pass 2: near equality among the rest, through an index of the earlier paragraphs' bigrams.
        var postings: [UInt64: [Int]] = [:]
        for (index, print) in earlier.enumerated() where earlierMatch[index] == nil {
            for bigram in print.bigrams { postings[bigram, default: []].append(index) }
        }
        var candidates: [(similarity: Double, earlier: Int, later: Int)] = []
        for (index, print) in later.enumerated() where laterMatch[index] == nil {
            var shared: [Int: Int] = [:]
            for bigram in print.bigrams {
                guard let list = postings[bigram], list.count <= Self.maxParagraphsPerBigram else { continue }
                for e in list { shared[e, default: 0] += 1 }
            }
            for (e, count) in shared {
                let union = earlier[e].bigrams.count + print.bigrams.count - count
                let similarity = Double(count) / Double(max(union, 1))
                if similarity >= Self.nearThreshold { candidates.append((similarity, e, index)) }
            }
        }
        // Best pairs first; among equals, the pair nearest in position, then the earliest.
        candidates.sort { a, b in
            if a.similarity != b.similarity { return a.similarity > b.similarity }
            let da = abs(a.earlier - a.later), db = abs(b.earlier - b.later)
            return da != db ? da < db : (a.later, a.earlier) < (b.later, b.earlier)
        }
        for candidate in candidates where earlierMatch[candidate.earlier] == nil && laterMatch[candidate.later] == nil {
            earlierMatch[candidate.earlier] = candidate.later
            laterMatch[candidate.later] = candidate.earlier
            found.append(Match(earlier: candidate.earlier, later: candidate.later, similarity: candidate.similarity, isExact: false, inOrder: true))
        }
        found.sort { $0.later < $1.later }
        let kept = Self.longestIncreasingRun(found.map(\.earlier))
        for index in found.indices { found[index].inOrder = kept.contains(index) }
        matches = found
        removed = earlier.indices.filter { earlierMatch[$0] == nil }
        added = later.indices.filter { laterMatch[$0] == nil }
    }

    /// Positions in `values` of one longest strictly increasing subsequence (patience sorting,
    /// n log n).
    static func longestIncreasingRun(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []  // positions in `values` ending the best run of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (position, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[position] = tails[low - 1] }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var result: Set<Int> = []
        var position = tails.last ?? -1
        while position >= 0 {
            result.insert(position)
            position = previous[position]
        }
        return result
    }
}
