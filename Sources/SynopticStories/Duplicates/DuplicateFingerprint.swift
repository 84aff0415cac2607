import SynopticCore

/// What duplicate detection keeps of a text: its word count, a key for exact duplicates, and the
/// set of its word shingles.
///
/// Only the body counts: the headline is left out, because a syndicated copy is retitled more often
/// than not. Words are compared as `WordHashes` reads them (lowercase, punctuation and quotation
/// style ignored), so a reprint that only changes case or quote marks is an exact duplicate.
public struct DuplicateFingerprint: Sendable, Hashable {
    public let wordCount: Int
    /// A hash of the whole word sequence: equal for exact duplicates.
    public let exactKey: UInt64
    /// The hashes of the text's word shingles, sorted, each once.
    public let shingles: [UInt64]
    /// Hashes of the text's first two runs of `leadRunLength` words (fewer for a shorter text): a
    /// reprint cut short keeps its lead word for word, however little of the rest it keeps.
    public let leadKeys: [UInt64]

    /// Words in each lead run.
    public static let leadRunLength = 12

    /// The fingerprint of the words of `paragraphs`, read in order as one text.
    public init(paragraphs: some Sequence<some StringProtocol>, shingleSize: Int = MinHashScheme.standard.shingleSize) {
        var words: [UInt64] = []
        for paragraph in paragraphs {
            WordHashes.forEachWord(in: paragraph) { words.append($0) }
        }
        self.init(words: words, shingleSize: shingleSize)
    }

    /// The fingerprint of one text.
    public init(text: some StringProtocol, shingleSize: Int = MinHashScheme.standard.shingleSize) {
        self.init(words: WordHashes.of(text), shingleSize: shingleSize)
    }

    /// The fingerprint of an article's clean body (its headline left out).
    public init(_ article: Article, shingleSize: Int = MinHashScheme.standard.shingleSize) {
        self.init(text: article.body, shingleSize: shingleSize)
    }

    /// The fingerprint of a sequence of word hashes.
    public init(words: [UInt64], shingleSize: Int) {
        wordCount = words.count
        var key = WordHashes.mix(UInt64(words.count))
        for word in words { key = WordHashes.mix(key ^ word) }
        exactKey = key
        var leadKeys: [UInt64] = []
        for run in 0..<2 where words.count >= (run + 1) * Self.leadRunLength {
            var lead = WordHashes.mix(0x1EAD &+ UInt64(run))
            for word in words[(run * Self.leadRunLength)..<((run + 1) * Self.leadRunLength)] { lead = WordHashes.mix(lead ^ word) }
            leadKeys.append(lead)
        }
        self.leadKeys = leadKeys
        var shingles = WordHashes.shingles(words, size: max(1, shingleSize))
        shingles.sort()
        self.shingles = Self.uniqued(shingles)
    }

    /// A sorted array with each value once.
    static func uniqued(_ sorted: [UInt64]) -> [UInt64] {
        guard sorted.count > 1 else { return sorted }
        var result = sorted
        var kept = 1
        for index in 1..<result.count where result[index] != result[kept - 1] {
            result[kept] = result[index]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }
}

/// How much two shingle sets share, counted exactly.
public struct ShingleOverlap: Sendable, Hashable {
    public let shared: Int
    public let smaller: Int
    public let larger: Int

    /// Counts the values two sorted, duplicate-free arrays share, in one merge.
    public init(_ a: [UInt64], _ b: [UInt64]) {
        var shared = 0
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var i = 0, j = 0
                while i < x.count && j < y.count {
                    let u = x[i], v = y[j]
                    if u == v {
                        shared += 1
                        i += 1
                        j += 1
                    } else if u < v {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        self.shared = shared
        self.smaller = min(a.count, b.count)
        self.larger = max(a.count, b.count)
    }

    /// Shared shingles over all distinct shingles of the two texts.
    public var jaccard: Double {
        let union = smaller + larger - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Share of the smaller text's shingles found in the larger.
    public var containment: Double { smaller == 0 ? 0 : Double(shared) / Double(smaller) }

    /// The smaller text's size over the larger's.
    public var sizeRatio: Double { larger == 0 ? 0 : Double(smaller) / Double(larger) }
}
