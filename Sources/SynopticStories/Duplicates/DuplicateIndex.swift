import SynopticCore

/// A match between a text just added to a `DuplicateIndex` and one added before it.
public struct DuplicateMatch: Sendable, Hashable {
    /// The position of the earlier text (the order in which texts were added, from 0).
    public var earlier: Int
    public var kind: DuplicatePair.Kind
    /// 1 for `exact`, the Jaccard similarity for `near`, the containment for `copy`.
    public var similarity: Double
}

/// Finds exact duplicates, near-duplicates and copies among texts as they arrive.
///
/// `add` files a text and returns its matches among the texts added before it, so a stream is
/// checked once, in order, without all-pairs work:
///
/// 1. **Exact duplicates** are found by the hash of the word sequence (checked against the stored
///    shingles). Each group of exact duplicates has one representative, its first member; a new
///    member is linked to it alone and is not indexed again, so a thousand copies of a wire story
///    cost a thousand lookups. What holds for the representative holds for every member.
/// 2. **Candidates** for the others come from LSH: the text's MinHash signature, cut into bands
///    (see `MinHashScheme`), is looked up band by band, and so are its two opening runs of twelve
///    words (`DuplicateFingerprint.leadKeys`), which find a reprint cut to a fraction of its
///    original even when their Jaccard similarity is too low for the bands. Only the most recent entries of each bucket
///    are read (`bucketScanLimit`) and at most `verificationLimit` candidates are verified per text,
///    so a crowd of near-identical texts costs a constant per query.
/// 3. **Verification** is exact: the shared shingles of the two sorted sets are counted, and the
///    pair is reported as `near` when their Jaccard similarity reaches `nearJaccard`, or as `copy`
///    when most of the smaller text is inside the larger (`copyContainment`, `copySizeRatio`).
///    LSH's estimate is never reported.
public struct DuplicateIndex: Sendable {
    public let scheme: MinHashScheme

    /// What the index has done so far: tests hold these to linear growth.
    public struct Work: Sendable, Hashable {
        /// Texts added.
        public var texts = 0
        /// Texts linked to an exact-duplicate group already in the index.
        public var exactHits = 0
        /// Signatures computed (texts that were not exact duplicates of an earlier one).
        public var signatures = 0
        /// Bucket entries read during queries.
        public var bucketEntriesRead = 0
        /// Candidate pairs whose shingle sets were compared.
        public var verifications = 0
        /// Candidates dropped because a query reached `verificationLimit`.
        public var candidatesSkipped = 0
    }

    public private(set) var work = Work()

    /// Per text: its shingles (empty for a member of an exact group, which is never compared) and
    /// the representative of its exact group (itself when it is the first).
    private var shingles: [[UInt64]] = []
    private var representatives: [Int32] = []
    /// Exact key → the group's representative.
    private var exactGroups: [UInt64: Int32] = [:]
    /// LSH buckets as linked lists, newest first: band key → newest entry; entry → text and the
    /// next older entry of the same bucket (-1 ends the list). One allocation for every bucket.
    private var bucketHeads: [UInt64: Int32] = [:]
    private var entryTexts: [Int32] = []
    private var entryNext: [Int32] = []
    /// Per text, the last query that met it: a candidate is verified once per query.
    private var lastQuery: [Int32] = []

    public init(scheme: MinHashScheme = .standard) {
        self.scheme = scheme
    }

    /// Number of texts added.
    public var count: Int { representatives.count }

    /// The first text added with exactly the same words as the text at `position`.
    public func exactRepresentative(of position: Int) -> Int { Int(representatives[position]) }

    /// Adds a text and returns its matches among the texts added before it, earliest first.
    public mutating func add(_ text: DuplicateFingerprint) -> [DuplicateMatch] {
        let position = Int32(truncatingIfNeeded: representatives.count)
        work.texts += 1
        lastQuery.append(-1)
        // An empty text matches nothing, not even another empty one.
        guard text.wordCount > 0 else {
            shingles.append([])
            representatives.append(position)
            return []
        }
        if let representative = exactGroups[text.exactKey], shingles[Int(representative)] == text.shingles {
            work.exactHits += 1
            shingles.append([])
            representatives.append(representative)
            return [DuplicateMatch(earlier: Int(representative), kind: .exact, similarity: 1)]
        }
        exactGroups[text.exactKey] = position
        shingles.append(text.shingles)
        representatives.append(position)
        // Short texts match only word for word.
        guard text.wordCount >= scheme.minimumWords else { return [] }

        work.signatures += 1
        let keys = scheme.bandKeys(of: scheme.signature(of: text.shingles)) + text.leadKeys
        var matches: [DuplicateMatch] = []
        var verified = 0
        for key in keys {
            var entry = bucketHeads[key] ?? -1
            var read = 0
            while entry >= 0 && read < scheme.bucketScanLimit {
                let candidate = entryTexts[Int(entry)]
                entry = entryNext[Int(entry)]
                read += 1
                guard lastQuery[Int(candidate)] != position else { continue }
                lastQuery[Int(candidate)] = position
                guard verified < scheme.verificationLimit else {
                    work.candidatesSkipped += 1
                    continue
                }
                verified += 1
                if let match = verify(text.shingles, against: Int(candidate)) { matches.append(match) }
            }
            work.bucketEntriesRead += read
            entryTexts.append(position)
            entryNext.append(bucketHeads[key] ?? -1)
            bucketHeads[key] = Int32(truncatingIfNeeded: entryTexts.count - 1)
        }
        work.verifications += verified
        return matches.sorted { $0.earlier < $1.earlier }
    }

    /// Compares a new text's shingles with an earlier text's, exactly.
    private func verify(_ new: [UInt64], against earlier: Int) -> DuplicateMatch? {
        let overlap = ShingleOverlap(new, shingles[earlier])
        let jaccard = overlap.jaccard
        if jaccard >= scheme.nearJaccard {
            return DuplicateMatch(earlier: earlier, kind: .near, similarity: jaccard)
        }
        if overlap.containment >= scheme.copyContainment && overlap.sizeRatio >= scheme.copySizeRatio {
            return DuplicateMatch(earlier: earlier, kind: .copy, similarity: overlap.containment)
        }
        return nil
    }
}

/// Duplicate pairs among the articles of one story.
public enum DuplicateFinder {
    /// The duplicate pairs among `articles`, in reading order: each article is compared with those
    /// before it. An exact duplicate is paired with the first article of its group only.
    public static func pairs(among articles: [Article], scheme: MinHashScheme = .standard) -> [DuplicatePair] {
        var index = DuplicateIndex(scheme: scheme)
        var pairs: [DuplicatePair] = []
        for article in articles {
            for match in index.add(DuplicateFingerprint(article, shingleSize: scheme.shingleSize)) {
                pairs.append(DuplicatePair(articles: [articles[match.earlier].id, article.id], kind: match.kind, similarity: match.similarity))
            }
        }
        return pairs
    }
}
