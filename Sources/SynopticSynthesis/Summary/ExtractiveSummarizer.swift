import SynopticCore

/// A first, honest extractive summary of a story: centroid scoring with a lead bias, a bonus for
/// facts several articles carry, and maximal-marginal-relevance selection against redundancy.
///
/// Every sentence is quoted exactly from one article and lists every article that carries a close
/// match (TF-IDF cosine at or above ``Options/corroborationThreshold``). Sentences a reader could
/// not follow out of context are never chosen: those opening with a pronoun or a connective, those
/// holding half a quotation, fragments without closing punctuation, and headings.
public struct ExtractiveSummarizer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Most sentences in the summary.
        public var maxSentences: Int
        /// Most words in the summary (`nil` for no word budget).
        public var maxWords: Int?
        /// Cosine above which two sentences state the same thing.
        public var corroborationThreshold: Double
        /// Sentences of one article considered, from the top (news puts the facts first).
        public var sentencesPerArticle: Int

        public init(maxSentences: Int = 5, maxWords: Int? = nil, corroborationThreshold: Double = 0.45, sentencesPerArticle: Int = 400) {
            self.maxSentences = maxSentences
            self.maxWords = maxWords
            self.corroborationThreshold = corroborationThreshold
            self.sentencesPerArticle = sentencesPerArticle
        }
    }

    public var options: Options

    public init(options: Options = .init()) { self.options = options }

    struct Candidate {
        var article: Int
        var sentence: Int
        var position: Int
        var text: String
        var words: Int
        var eligible: Bool
    }

    public func summarize(_ articles: [Article]) -> [SummarySentence] {
        var candidates: [Candidate] = []
        for (a, article) in articles.enumerated() {
            var position = 0
            for (s, sentence) in article.sentences.enumerated() {
                guard position < options.sentencesPerArticle else { break }
                let kind = article.blocks[sentence.block].kind
                guard kind != .heading else { continue }
                let text = String(article[sentence.span])
                let words = WordCounter.count(in: text)
                candidates.append(
                    Candidate(
                        article: a, sentence: s, position: position, text: text, words: words,
                        eligible: kind == .paragraph && Self.standsAlone(text, words: words)))
                position += 1
            }
        }
        guard !candidates.isEmpty else { return [] }
        var terms = TermVectors()
        let vectors = terms.vectors(for: candidates.map { TermVectors.words($0.text) })

        // The centroid weighs every article equally, however long.
        var centroid: [Int: Double] = [:]
        var perArticle: [Int: Int] = [:]
        for candidate in candidates { perArticle[candidate.article, default: 0] += 1 }
        for (index, candidate) in candidates.enumerated() {
            let share = 1.0 / Double(perArticle[candidate.article]!)
            for (term, weight) in vectors[index].weights where vectors[index].norm > 0 {
                centroid[term, default: 0] += share * weight / vectors[index].norm
            }
        }
        let centroidVector = TermVectors.Vector(weights: centroid)

        // Score the eligible sentences, then check corroboration for the most central ones.
        var scored: [(index: Int, score: Double, sources: [Int])] = []
        for (index, candidate) in candidates.enumerated() where candidate.eligible {
            let lead = 1 + 0.5 * max(0, 1 - Double(candidate.position) / 5)
            // A briefing states what happened; mostly-quoted sentences belong to who-said-what.
            let reported = Self.quotedShare(candidate.text) > 0.5 ? 0.7 : 1.0
            scored.append((index, vectors[index].cosine(centroidVector) * lead * reported, [candidate.article]))
        }
        scored.sort { $0.score > $1.score }
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
            scored[k].score *= 1 + 0.3 * Double(sources.count - 1)
        }
        scored.sort { $0.score > $1.score }

        // Maximal marginal relevance.
        let best = scored.first?.score ?? 1
        var chosen: [(index: Int, sources: [Int])] = []
        var words = 0
        var pool = scored
        while chosen.count < maxSentences, !pool.isEmpty {
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
            if let budget = options.maxWords, words + length > budget { continue }
            words += length
            chosen.append((entry.index, entry.sources))
        }

        // Reading order: article order, then position in the article.
        chosen.sort {
            let l = candidates[$0.index], r = candidates[$1.index]
            return l.article != r.article ? l.article < r.article : l.position < r.position
        }
        return chosen.map { entry in
            let candidate = candidates[entry.index]
            let article = articles[candidate.article]
            return SummarySentence(
                text: candidate.text, sources: entry.sources.map { articles[$0].id },
                origin: SourceReference(article: article.id, span: article.sentences[candidate.sentence].span))
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
