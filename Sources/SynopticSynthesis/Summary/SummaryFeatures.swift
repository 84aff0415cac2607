import Foundation
import SynopticCore
import SynopticExtract

/// What the summary knows about each candidate sentence of a story: where it stands in its
/// article, how central it is to the story, how much of it the other outlets also carry, how close
/// it is to the headlines, and its length. A linear model over these (``SummaryModel``) scores how
/// likely a sentence is to belong in a summary.
///
/// Article order never enters: in a briefing it is reading order, not a judgment of the outlets.
public struct SummaryFeatures: Sendable {
    /// One row per candidate; the first column is the constant 1.
    public static let names = [
        "bias", "first sentence", "second sentence", "third sentence", "seventh or later", "1/(1+position)", "centroid cosine",
        "mean cosine to other articles", "max cosine to other articles", "word support across articles", "words in every article",
        "share of words in headlines", "own headline covered", "length/60", "under 8 words", "over 40 words", "mostly quoted",
        "has a digit",
    ]

    /// A candidate sentence: where it is, and its text.
    public struct Candidate: Sendable {
        public var article: Int
        public var sentence: Int
        /// Order among the article's body sentences, from 0.
        public var position: Int
        /// The sentence as a summary would show it: trimmed when ``kept`` is set.
        public var text: String
        /// The pieces of the sentence ``text`` keeps, as scalar offsets into the sentence, when
        /// the trimmer left parts out (``SentenceTrimmer``); `nil` for the whole sentence.
        public var kept: [TextSpan]?
        public var words: Int
        /// Whether a summary may use it (see ``ExtractiveSummarizer/standsAlone(_:words:)``).
        public var eligible: Bool
    }

    public private(set) var candidates: [Candidate] = []
    /// ``names``.count columns per candidate.
    public private(set) var rows: [[Double]] = []
    var vectors: [TermVectors.Vector] = []

    /// The TF-IDF cosine of two candidates (what the summary's redundancy test measures).
    public func cosine(_ i: Int, _ j: Int) -> Double { vectors[i].cosine(vectors[j]) }

    /// - Parameter sources: the source of each article; cross-article features count other
    ///   sources only (versions and copies of one text do not corroborate each other). By default
    ///   every article is its own source.
    /// - Parameter trimming: what the trimmer may leave out of each sentence; every feature,
    ///   the length and eligibility included, is of the sentence as trimmed.
    public init(
        articles: [Article], sources: [Int]? = nil, sentencesPerArticle: Int = 400,
        trimming: SentenceTrimmer.Rules = ExtractiveSummarizer.Options.defaultTrimming
    ) {
        let trimmer = SentenceTrimmer(rules: trimming)
        let sourceOf = sources.map { $0.count == articles.count ? $0 : Array(articles.indices) } ?? Array(articles.indices)
        var words: [[String]] = []
        for (a, article) in articles.enumerated() {
            var position = 0
            for (s, sentence) in article.sentences.enumerated() {
                guard position < sentencesPerArticle else { break }
                guard article.blocks.indices.contains(sentence.block) else { continue }
                let kind = article.blocks[sentence.block].kind
                guard kind != .heading else { continue }
                let whole = String(article[sentence.span])
                // Headings and quotation paragraphs are not trimmed: only body sentences are chosen.
                let trimmed = kind == .paragraph ? trimmer.trim(whole) : nil
                let text = trimmed?.text ?? whole
                let count = WordCounter.count(in: text)
                candidates.append(
                    Candidate(
                        article: a, sentence: s, position: position, text: text, kept: trimmed?.kept, words: count,
                        eligible: kind == .paragraph && ExtractiveSummarizer.standsAlone(text, words: count)))
                words.append(TermVectors.words(text).map(StorySentences.fold))
                position += 1
            }
        }
        guard !candidates.isEmpty else { return }
        var terms = TermVectors()
        vectors = terms.vectors(for: words)
        let n = candidates.count
        let articleCount = Set(sourceOf).count
        var perSource = [Int: Int]()
        for candidate in candidates { perSource[sourceOf[candidate.article], default: 0] += 1 }

        // The centroid weighs every article equally, however long.
        var perArticle = [Int](repeating: 0, count: articles.count)
        for candidate in candidates { perArticle[candidate.article] += 1 }
        let centre = TermVectors.centroid(of: vectors, shares: candidates.map { 1 / Double(perArticle[$0.article]) })

        // Cosines with the other articles' sentences, summed over an inverted index.
        var postings: [Int: [(Int, Double)]] = [:]
        for (i, vector) in vectors.enumerated() where vector.norm > 0 {
            for entry in vector.entries { postings[entry.id, default: []].append((i, entry.weight / vector.norm)) }
        }
        let othersCount = (0..<n).map { n - (perSource[sourceOf[candidates[$0].article]] ?? 0) }
        var sumOther = [Double](repeating: 0, count: n)
        var maxOther = [Double](repeating: 0, count: n)
        var dot = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        // Very large stories leave the commonest terms out of this sum: their postings would make it
        // quadratic, and their weight in any cosine is small.
        let cap = n <= 3000 ? n : max(300, n / 10)
        for i in 0..<n where vectors[i].norm > 0 {
            for entry in vectors[i].entries {
                guard let list = postings[entry.id], list.count <= cap else { continue }
                let w = entry.weight / vectors[i].norm
                for (j, weight) in list where sourceOf[candidates[j].article] != sourceOf[candidates[i].article] {
                    if dot[j] == 0 { touched.append(j) }
                    dot[j] += w * weight
                }
            }
            for j in touched {
                sumOther[i] += dot[j]
                maxOther[i] = max(maxOther[i], dot[j])
                dot[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }

        // In how many sources each word appears.
        var sourcesWith: [String: Set<Int>] = [:]
        for (i, list) in words.enumerated() {
            for word in list { sourcesWith[word, default: []].insert(sourceOf[candidates[i].article]) }
        }
        let articlesWith = sourcesWith.mapValues(\.count)
        let titles = articles.map { Set(TermVectors.words($0.title ?? "").map(StorySentences.fold)) }
        let allTitles = titles.reduce(into: Set<String>()) { $0.formUnion($1) }

        rows.reserveCapacity(n)
        for (i, candidate) in candidates.enumerated() {
            let p = candidate.position
            let distinct = Set(words[i])
            let support =
                distinct.isEmpty || articleCount < 2
                ? 0 : distinct.reduce(0.0) { $0 + Double((articlesWith[$1] ?? 1) - 1) } / Double(distinct.count * (articleCount - 1))
            let everywhere =
                distinct.isEmpty || articleCount < 2
                ? 0 : Double(distinct.filter { (articlesWith[$0] ?? 0) >= articleCount }.count) / Double(distinct.count)
            let inTitles = distinct.isEmpty ? 0 : Double(distinct.intersection(allTitles).count) / Double(distinct.count)
            let ownTitle = titles[candidate.article]
            let titleCovered = ownTitle.isEmpty ? 0 : Double(ownTitle.intersection(distinct).count) / Double(ownTitle.count)
            let length = Double(candidate.words)
            rows.append([
                1, p == 0 ? 1 : 0, p == 1 ? 1 : 0, p == 2 ? 1 : 0, p >= 6 ? 1 : 0, 1 / (1 + Double(p)), vectors[i].cosine(centre),
                othersCount[i] > 0 ? sumOther[i] / Double(othersCount[i]) : 0, maxOther[i], support, everywhere, inTitles, titleCovered,
                min(length, 60) / 60, length < 8 ? 1 : 0, length > 40 ? 1 : 0, ExtractiveSummarizer.quotedShare(candidate.text) > 0.5 ? 1 : 0,
                candidate.text.unicodeScalars.contains { $0.properties.numericType != nil } ? 1 : 0,
            ])
        }
    }
}

/// A logistic model over ``SummaryFeatures``: the probability that a sentence belongs in a summary.
///
/// ``trained`` was fitted by `synoptic eval summaries --train` on the NeuS *train* split, never on
/// the split it is scored on: a logistic regression with the greedy ROUGE oracle's sentences as
/// positives, then coordinate ascent on the weights against the train summaries' ROUGE (the
/// oracle is only a proxy for what the selection makes of the scores). The command prints the
/// weights in this form.
public struct SummaryModel: Sendable, Hashable {
    public var weights: [Double]

    /// Fitted on all 2,452 NeuS train stories (logistic fit, then coordinate ascent on train ROUGE);
    /// see the type's comment. Regenerate with `synoptic eval summaries --train`.
    public static let trained = SummaryModel(weights: [
        -2.4374,  // bias
        0.4100,  // first sentence
        0.0591,  // second sentence
        0.1400,  // third sentence
        -0.3163,  // seventh or later
        0.0015,  // 1/(1+position)
        0.9480,  // centroid cosine
        -2.2871,  // mean cosine to other articles
        2.0836,  // max cosine to other articles
        2.2093,  // word support across articles
        -2.3440,  // words in every article
        1.7531,  // share of words in headlines
        0.6096,  // own headline covered
        0.1101,  // length/60
        0.0000,  // under 8 words
        0.0198,  // over 40 words
        -0.4088,  // mostly quoted
        0.1199,  // has a digit
    ])

    public init(weights: [Double]) {
        precondition(weights.count == SummaryFeatures.names.count, "one weight per feature")
        self.weights = weights
    }

    /// The log-odds of a row.
    public func score(_ row: [Double]) -> Double {
        var total = 0.0
        for (w, x) in zip(weights, row) { total += w * x }
        return total
    }

    public func probability(_ row: [Double]) -> Double { 1 / (1 + exp(-score(row))) }
}
