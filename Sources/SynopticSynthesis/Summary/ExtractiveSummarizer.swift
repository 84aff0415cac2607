import SynopticCore
import SynopticExtract

/// An extractive summary of a story: every sentence quoted exactly from one article, scored by a
/// learned model of what summaries keep (``SummaryModel`` over ``SummaryFeatures``: lead position,
/// centrality, how much of the sentence the other outlets carry, closeness to the headlines,
/// length), chosen by maximal marginal relevance against redundancy, within a sentence and word
/// budget.
///
/// Every sentence lists every article that carries a close match (TF-IDF cosine at or above
/// ``Options/corroborationThreshold``); facts more outlets carry score higher through the model's
/// cross-article features. Sentences a reader could not follow out of context are never chosen:
/// those opening with a pronoun or a connective, those holding half a quotation, fragments without
/// closing punctuation, and headings.
public struct ExtractiveSummarizer: Sendable {
    public struct Options: Sendable, Hashable {
        /// The order of the summary's sentences.
        public enum Order: String, Sendable, Hashable {
            /// Article order, then position in the article: an order a reader can follow.
            case reading
            /// Most likely first (what a length-truncated evaluation reads).
            case rank
        }

        /// Most sentences in the summary.
        public var maxSentences: Int
        /// Most words in the summary (`nil` for no word budget).
        public var maxWords: Int?
        /// Cosine above which two sentences state the same thing.
        public var corroborationThreshold: Double
        /// Sentences of one article considered, from the top (news puts the facts first).
        public var sentencesPerArticle: Int
        public var order: Order
        /// Whether the last sentence may run past ``maxWords`` (for evaluations that cut every
        /// system's text at the budget); a briefing stays within it.
        public var fillsBudget: Bool
        public var model: SummaryModel
        /// What may be left out of a sentence before it is scored and counted against the budget
        /// (``SentenceTrimmer``); the summary shows the trimmed sentence beside the whole one.
        public var trimming: SentenceTrimmer.Rules

        /// None: each rule was measured on NeuS and AllSides, and none improved the held-out figures
        /// enough to trade a briefing's attributions and details for (docs/evaluation.md, Summaries).
        public static let defaultTrimming: SentenceTrimmer.Rules = []

        public init(
            maxSentences: Int = 5, maxWords: Int? = nil, corroborationThreshold: Double = 0.45, sentencesPerArticle: Int = 400,
            order: Order = .reading, fillsBudget: Bool = false, model: SummaryModel = .trained, trimming: SentenceTrimmer.Rules = defaultTrimming
        ) {
            self.trimming = trimming
            self.maxSentences = maxSentences
            self.maxWords = maxWords
            self.corroborationThreshold = corroborationThreshold
            self.sentencesPerArticle = sentencesPerArticle
            self.order = order
            self.fillsBudget = fillsBudget
            self.model = model
        }
    }

    public var options: Options

    public init(options: Options = .init()) { self.options = options }

    /// - Parameter features: the articles' features when already computed (model fitting scores
    ///   many weightings of one story); they must come from these articles and options.
    /// - Parameter sources: the source of each article (same number, same source), so that
    ///   versions and copies of one text do not count as corroboration; by default every article
    ///   is its own source.
    public func summarize(_ articles: [Article], sources: [Int]? = nil, features precomputed: SummaryFeatures? = nil) -> [SummarySentence] {
        let features =
            precomputed
            ?? SummaryFeatures(articles: articles, sources: sources, sentencesPerArticle: options.sentencesPerArticle, trimming: options.trimming)
        let candidates = features.candidates
        guard !candidates.isEmpty else { return [] }
        let vectors = features.vectors

        var scored: [(index: Int, score: Double, sources: [Int])] = []
        for (index, candidate) in candidates.enumerated() where candidate.eligible {
            scored.append((index, options.model.probability(features.rows[index]), [candidate.article]))
        }
        // Exact ties fall to reading order, so the summary never depends on a sort's whims.
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        // A summary longer than this is no summary; the cap also bounds the work below.
        let maxSentences = min(options.maxSentences, 200)
        scored = Array(scored.prefix(max(maxSentences * 5, 100)))
        let index = CorroborationIndex(vectors: vectors, count: candidates.count)
        for k in scored.indices {
            let own = candidates[scored[k].index].article
            var sources: Set<Int> = [own]
            for other in index.neighbours(of: scored[k].index, vectors: vectors, threshold: options.corroborationThreshold) {
                sources.insert(candidates[other].article)
            }
            scored[k].sources = [own] + sources.subtracting([own]).sorted()
        }

        // Maximal marginal relevance.
        let best = scored.first?.score ?? 1
        var chosen: [(index: Int, sources: [Int])] = []
        var words = 0
        var pool = scored
        while chosen.count < maxSentences, !pool.isEmpty {
            if let budget = options.maxWords, words >= budget { break }
            var pick: Int?
            var pickValue = -Double.infinity
            for (k, entry) in pool.enumerated() {
                let redundancy = chosen.map { vectors[$0.index].cosine(vectors[entry.index]) }.max() ?? 0
                if redundancy >= 0.6 { continue }
                let value = 0.7 * entry.score / best - 0.3 * redundancy
                if value > pickValue {
                    pickValue = value
                    pick = k
                }
            }
            guard let k = pick else { break }
            let entry = pool.remove(at: k)
            let length = candidates[entry.index].words
            // Over the word budget: skip it, a shorter sentence may still fit.
            if let budget = options.maxWords, words + length > budget, !options.fillsBudget { continue }
            words += length
            chosen.append((entry.index, entry.sources))
        }

        if options.order == .reading {
            chosen.sort {
                let l = candidates[$0.index], r = candidates[$1.index]
                return l.article != r.article ? l.article < r.article : l.position < r.position
            }
        }
        return chosen.map { entry in
            let candidate = candidates[entry.index]
            let article = articles[candidate.article]
            let span = article.sentences[candidate.sentence].span
            let trimmed = candidate.kept.map { kept in
                SummarySentence.Trimmed(text: candidate.text, kept: kept.map { $0.shifted(by: span.start) })
            }
            return SummarySentence(
                text: trimmed == nil ? candidate.text : String(article[span]), sources: entry.sources.map { articles[$0].id },
                origin: SourceReference(article: article.id, span: span), trimmed: trimmed)
        }
    }

    // MARK: - Sentences that stand alone

    /// Openers that point back to something the reader has not seen.
    static let dependentOpeners: Set<String> = [
        "he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "that", "these", "those", "there",
        "but", "and", "or", "so", "yet", "also", "however", "still", "meanwhile", "instead", "then", "thus", "moreover",
        "furthermore", "besides", "nevertheless", "nonetheless", "otherwise", "such", "both", "neither", "either",
        "here", "which", "who", "whom", "whose", "where", "other", "others", "another", "later", "earlier",
    ]

    /// Share of the text's characters inside double quotation marks.
    static func quotedShare(_ text: String) -> Double {
        var inside = 0
        var total = 0
        var depth = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar == "\u{201C}" { depth += 1 }
            if depth > 0 { inside += 1 }
            if scalar == "\u{201D}" { depth = max(0, depth - 1) }
        }
        return total == 0 ? 0 : Double(inside) / Double(total)
    }

    static func standsAlone(_ text: String, words: Int) -> Bool {
        guard words >= 8, words <= 60 else { return false }
        guard let first = text.unicodeScalars.first else { return false }
        guard first.properties.isUppercase || first.properties.numericType != nil || first == "\u{201C}" else { return false }
        // Ends like a sentence.
        guard let last = text.unicodeScalars.last, [".", "!", "\u{201D}", "\u{2019}", ")"].contains(last) else { return false }
        // Whole quotations only.
        var depth = 0
        for scalar in text.unicodeScalars {
            if scalar == "\u{201C}" { depth += 1 }
            if scalar == "\u{201D}" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        guard depth == 0 else { return false }
        let opener = text.prefix { $0.isLetter }.lowercased()
        return !dependentOpeners.contains(opener)
    }
}

/// Finds the sentences whose TF-IDF cosine with a given one reaches a threshold.
///
/// Small stories are compared exhaustively. Large inputs go through an inverted index, leaving out
/// terms that more than a tenth of all sentences share: such terms carry little weight in the
/// cosine, and their posting lists would make the search quadratic.
struct CorroborationIndex {
    private var postings: [Int: [Int]] = [:]
    private let exhaustive: Bool
    private let count: Int

    init(vectors: [TermVectors.Vector], count: Int) {
        self.count = count
        exhaustive = count <= 5000
        guard !exhaustive else { return }
        for (i, vector) in vectors.enumerated() {
            for term in vector.weights.keys { postings[term, default: []].append(i) }
        }
        let limit = max(count / 10, 50)
        postings = postings.filter { $0.value.count <= limit }
    }

    func neighbours(of query: Int, vectors: [TermVectors.Vector], threshold: Double) -> [Int] {
        if exhaustive {
            return (0..<count).filter { $0 != query && vectors[query].cosine(vectors[$0]) >= threshold }
        }
        var seen: Set<Int> = []
        for term in vectors[query].weights.keys {
            for other in postings[term] ?? [] where other != query { seen.insert(other) }
        }
        return seen.filter { vectors[query].cosine(vectors[$0]) >= threshold }.sorted()
    }
}
