/// The parameters of duplicate detection, and the MinHash signature they define.
///
/// A text is the set of its word 5-gram shingles. Its signature keeps, for each of 128 hash
/// functions, the smallest hash over those shingles; two texts agree at one position with
/// probability equal to the Jaccard similarity `s` of their shingle sets (Broder 1997). The
/// signature is cut into 64 bands of 2 rows and each band is a key into a table (LSH banding,
/// Indyk and Motwani 1998; Leskovec, Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3): two
/// texts become candidates when they agree on a whole band, which happens with probability
/// `1 - (1 - s^2)^64`, the S-curve:
///
/// | Jaccard `s` | 0.02 | 0.05 | 0.10 | 0.20 | 0.25 | 0.30 | 0.40 | 0.50 |
/// |---|---|---|---|---|---|---|---|---|
/// | candidate | 0.025 | 0.15 | 0.47 | 0.93 | 0.984 | 0.998 | 1.000 | 1.000 |
///
/// Its threshold `(1/64)^(1/2) = 0.125` sits low on purpose. A reported pair must have a Jaccard
/// of at least 0.5 (near-duplicate), or have 70 % of the smaller text inside a larger one at most
/// five times its size (a copy: a trimmed or extended reprint). A copy at 70 % containment and
/// 40 % of the larger's size has a Jaccard of 0.7·0.4 / (1 + 0.4 − 0.7·0.4) = 0.25, where the bands
/// find 98.4 % of pairs; a higher threshold (32 bands of 4 rows: 0.42) would lose most trimmed
/// reprints before they were verified. Smaller copies fall lower on the curve (0.13 at a fifth of
/// the size: 67 %), so the index also looks up each text's opening words (`leadKeys`): a reprint
/// cut short keeps its lead. The price of the low threshold is candidates that fail verification:
/// articles on one topic share a few percent of their 5-grams and meet 15 % of the time at 0.05,
/// each costing one merge of two sorted arrays. Texts that share no shingle never meet.
///
/// Five words per shingle: one edited word changes five shingles, so a reprint with a few edits
/// keeps most of them, while different articles on one topic rarely share five words in a row
/// beyond names and stock phrases. Over the 2,160 pairs of different articles of one AllSides story
/// or one PolNeAR day, the mean share of the smaller article's shingles found in the other is 0.0059
/// with five words, 0.0096 with four and 0.0204 with three; six words gain little (0.0040) and make
/// every edit cost six shingles.
public struct MinHashScheme: Sendable, Hashable {
    /// Words per shingle.
    public let shingleSize: Int
    /// Rows per band; `bands * rows` hash functions make the signature.
    public let bands: Int
    public let rows: Int
    /// A pair is a near-duplicate when the Jaccard similarity of its shingle sets is at least this.
    public let nearJaccard: Double
    /// A pair is a copy when at least this share of the smaller text's shingles is in the larger…
    public let copyContainment: Double
    /// …and the smaller text has at least this share of the larger's shingles.
    public let copySizeRatio: Double
    /// Texts with fewer words match only as exact duplicates: a few shared words prove nothing,
    /// and a one-line item inside a long article is a quotation more often than a copy.
    public let minimumWords: Int
    /// Most recent entries read from one LSH bucket per query: a bucket shared by thousands of
    /// near-identical texts costs a constant per query, not one verification per member.
    public let bucketScanLimit: Int
    /// Most candidates verified per query, whatever the buckets hold.
    public let verificationLimit: Int

    /// The multipliers and offsets of the hash functions (odd multipliers: each is a permutation
    /// of the 64-bit values).
    let multipliers: [UInt64]
    let offsets: [UInt64]

    public static let standard = MinHashScheme()

    public init(
        shingleSize: Int = 5, bands: Int = 64, rows: Int = 2, nearJaccard: Double = 0.5, copyContainment: Double = 0.7,
        copySizeRatio: Double = 0.2, minimumWords: Int = 20, bucketScanLimit: Int = 16, verificationLimit: Int = 64,
        seed: UInt64 = 0x5359_4E4F_5054_4943
    ) {
        self.shingleSize = max(1, shingleSize)
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        self.nearJaccard = nearJaccard
        self.copyContainment = copyContainment
        self.copySizeRatio = copySizeRatio
        self.minimumWords = minimumWords
        self.bucketScanLimit = max(1, bucketScanLimit)
        self.verificationLimit = max(1, verificationLimit)
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return WordHashes.mix(state)
        }
        let count = self.bands * self.rows
        multipliers = (0..<count).map { _ in next() | 1 }
        offsets = (0..<count).map { _ in next() }
    }

    /// Number of hash functions in a signature.
    public var permutations: Int { bands * rows }

    /// The probability that two texts of Jaccard similarity `s` share a band (become candidates).
    public func candidateProbability(jaccard s: Double) -> Double {
        var power = 1.0
        for _ in 0..<rows { power *= s }
        var miss = 1.0
        for _ in 0..<bands { miss *= 1 - power }
        return 1 - miss
    }

    /// The Jaccard similarity where the S-curve rises fastest, about `(1/bands)^(1/rows)`.
    public var threshold: Double {
        var low = 0.0, high = 1.0
        // Solve 1/bands = s^rows by bisection: no Foundation `pow` needed in this module.
        for _ in 0..<60 {
            let mid = (low + high) / 2
            var power = 1.0
            for _ in 0..<rows { power *= mid }
            if power < 1 / Double(bands) { low = mid } else { high = mid }
        }
        return low
    }

    /// The MinHash signature of a set of shingle hashes: for each hash function, the least value.
    /// `shingles` should hold each shingle once (a repeat changes nothing but costs time).
    public func signature(of shingles: [UInt64]) -> [UInt64] {
        var signature = [UInt64](repeating: .max, count: permutations)
        guard !shingles.isEmpty else { return signature }
        multipliers.withUnsafeBufferPointer { a in
            offsets.withUnsafeBufferPointer { b in
                signature.withUnsafeMutableBufferPointer { minimum in
                    for x in shingles {
                        // Shingle hashes are already mixed (`WordHashes.mix`), so one multiply-add
                        // per function orders them as independently as MinHash needs.
                        for i in 0..<minimum.count {
                            let h = x &* a[i] &+ b[i]
                            if h < minimum[i] { minimum[i] = h }
                        }
                    }
                }
            }
        }
        return signature
    }

    /// One key per band of `signature`, the band's number mixed in so that bands never share keys.
    public func bandKeys(of signature: [UInt64]) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var key = WordHashes.mix(UInt64(band) &+ 0x42)
            for row in 0..<rows {
                key = WordHashes.mix(key ^ signature[band * rows + row])
            }
            keys.append(key)
        }
        return keys
    }
}
