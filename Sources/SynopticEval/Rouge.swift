/// ROUGE-N and ROUGE-L (Lin, 2004) as Google's `rouge-score` computes them with
/// `RougeScorer(['rouge1', 'rouge2', 'rougeL'], use_stemmer=True)`: the same tokens
/// (``RougeTokenizer``), ROUGE-N from clipped n-gram counts, ROUGE-L from the longest common
/// subsequence of the two whole token sequences (not the summary-level `rougeLsum`). Checked
/// against rouge-score to three decimals in `RougeTests`.
///
/// ```swift
/// let scores = Rouge().score(reference: "The cat sat on the mat.", candidate: "A cat sat on a mat.")
/// scores.rouge1.f1  // 0.667
/// ```
public struct Rouge: Sendable {
    /// Precision, recall and their harmonic mean, each in 0…1.
    public struct Score: Sendable, Hashable {
        public var precision: Double
        public var recall: Double
        public var f1: Double

        public init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
            f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }

        public static let zero = Score(precision: 0, recall: 0)
    }

    /// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
    public struct Scores: Sendable, Hashable {
        public var rouge1: Score
        public var rouge2: Score
        public var rougeL: Score

        public init(rouge1: Score, rouge2: Score, rougeL: Score) {
            self.rouge1 = rouge1
            self.rouge2 = rouge2
            self.rougeL = rougeL
        }
    }

    public var tokenizer: RougeTokenizer

    public init(tokenizer: RougeTokenizer = RougeTokenizer()) { self.tokenizer = tokenizer }

    /// The three scores of `candidate` against `reference`.
    public func score(reference: String, candidate: String) -> Scores {
        score(referenceTokens: tokenizer.tokens(reference), candidate: candidate)
    }

    /// The same, with the reference already tokenized (it is scored against several systems).
    public func score(referenceTokens: [String], candidate: String) -> Scores {
        // Tokens become small integers shared by both sides, so n-grams and the LCS compare numbers.
        var ids: [String: Int] = [:]
        let reference = referenceTokens.map { token in
            ids[token]
                ?? {
                    ids[token] = ids.count; return ids.count - 1
                }()
        }
        let candidate = tokenizer.tokens(candidate).map { token in
            ids[token]
                ?? {
                    ids[token] = ids.count; return ids.count - 1
                }()
        }
        return Scores(
            rouge1: Self.ngrams(reference: reference, candidate: candidate, n: 1),
            rouge2: Self.ngrams(reference: reference, candidate: candidate, n: 2),
            rougeL: Self.longestCommonSubsequence(reference: reference, candidate: candidate))
    }

    /// ROUGE-N: the n-grams the two share, each counted at most as often as the rarer side has it,
    /// over the candidate's n-grams (precision) and the reference's (recall). A side without n-grams
    /// counts as one in the division, as in rouge-score.
    public static func ngrams(reference: [Int], candidate: [Int], n: Int) -> Score {
        let referenceCounts = counts(reference, n: n)
        let candidateCounts = counts(candidate, n: n)
        var overlap = 0
        for (gram, count) in referenceCounts { overlap += min(count, candidateCounts[gram] ?? 0) }
        let referenceTotal = max(reference.count - n + 1, 0), candidateTotal = max(candidate.count - n + 1, 0)
        return Score(precision: Double(overlap) / Double(max(candidateTotal, 1)), recall: Double(overlap) / Double(max(referenceTotal, 1)))
    }

    static func counts(_ tokens: [Int], n: Int) -> [ArraySlice<Int>: Int] {
        var counts: [ArraySlice<Int>: Int] = [:]
        guard tokens.count >= n else { return counts }
        for start in 0...(tokens.count - n) { counts[tokens[start..<(start + n)], default: 0] += 1 }
        return counts
    }

    /// ROUGE-L: the length of the longest common subsequence over the candidate's length
    /// (precision) and the reference's (recall); zero when either side is empty.
    public static func longestCommonSubsequence(reference: [Int], candidate: [Int]) -> Score {
        guard !reference.isEmpty, !candidate.isEmpty else { return .zero }
        // One row of the dynamic-programming table at a time.
        var previous = [Int](repeating: 0, count: candidate.count + 1)
        var current = previous
        for token in reference {
            for j in 1...candidate.count {
                current[j] = token == candidate[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        let length = previous[candidate.count]
        return Score(precision: Double(length) / Double(candidate.count), recall: Double(length) / Double(reference.count))
    }
}
