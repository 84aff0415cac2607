import Foundation
import SynopticCore

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
        public var text: String
        public var words: Int
        /// Whether a summary may use it (see ``ExtractiveSummarizer/standsAlone(_:words:)``).
        public var eligible: Bool
    }

    public private(set) var candidates: [Candidate] = []
    /// ``names``.count columns per candidate.
    public private(set) var rows: [[Double]] = []
    var vectors: [TermVectors.Vector] = []

    public init(articles: [Article], sentencesPerArticle: Int = 400) {
        var words: [[String]] = []
        for (a, article) in articles.enumerated() {
            var position = 0
            for (s, sentence) in article.sentences.enumerated() {
                guard position < sentencesPerArticle else { break }
                guard article.blocks.indices.contains(sentence.block) else { continue }
                let kind = article.blocks[sentence.block].kind
                guard kind != .heading else { continue }
                let text = String(article[sentence.span])
                let count = WordCounter.count(in: text)
                candidates.append(
                    Candidate(
                        article: a, sentence: s, position: position, text: text, words: count,
                        eligible: kind == .paragraph && ExtractiveSummarizer.standsAlone(text, words: count)))
                words.append(TermVectors.words(text).map(StorySentences.fold))
                position += 1
            }
        }
        guard !candidates.isEmpty else { return }
        var terms = TermVectors()
        vectors = terms.vectors(for: words)
        let n = candidates.count
        let articleCount = articles.count

        // The centroid weighs every article equally, however long.
        var perArticle = [Int](repeating: 0, count: articleCount)
        for candidate in candidates { perArticle[candidate.article] += 1 }
        var centroid: [Int: Double] = [:]
        for (i, vector) in vectors.enumerated() where vector.norm > 0 {
            let share = 1.0 / Double(perArticle[candidates[i].article])
            for entry in vector.entries { centroid[entry.id, default: 0] += share * entry.weight / vector.norm }
        }
        let centre = TermVectors.Vector(weights: centroid)

        // Cosines with the other articles' sentences, summed over an inverted index.
        var postings: [Int: [(Int, Double)]] = [:]
        for (i, vector) in vectors.enumerated() where vector.norm > 0 {
            for entry in vector.entries { postings[entry.id, default: []].append((i, entry.weight / vector.norm)) }
        }
        let othersCount = (0..<n).map { n - perArticle[candidates[$0].article] }
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
                for (j, weight) in list where candidates[j].article != candidates[i].article {
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

        // In how many articles each word appears.
        var articlesWith: [String: Int] = [:]
        var lastSeen: [String: Int] = [:]
        for (i, list) in words.enumerated() {
            for word in list where lastSeen[word] != candidates[i].article + 1 {
                lastSeen[word] = candidates[i].article + 1
                articlesWith[word, default: 0] += 1
            }
        }
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
/// ``trained`` was fitted by `synoptic eval summaries --train` on the NeuS *train* split (the
/// greedy ROUGE oracle's sentences as positives), never on the split it is scored on; the command
/// prints the weights in this form.
public struct SummaryModel: Sendable, Hashable {
    public var weights: [Double]

    /// Fitted on NeuS train; see the type's comment.
    public static let trained = SummaryModel(weights: [
        -3, 1, 0.5, 0.3, -0.5, 0, 1, 2, 0, 1, 0, 1, 0, 0, -0.5, 0, -0.5, 0,
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
