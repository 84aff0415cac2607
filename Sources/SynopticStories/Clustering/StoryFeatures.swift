import Foundation
import SynopticCore

/// What clustering reads of an article: its content words, weighted, and the day it appeared.
///
/// Terms are word hashes (``WordHashes``). A headline word counts twice, a name (a capitalised
/// word inside a sentence) half again, because headlines and names are what two reports of one
/// event share most surely; function words and one-letter words do not count. Frequencies are
/// damped (1 + ln tf) so a word repeated through a long article does not outweigh the rest.
public struct StoryFeatures: Sendable, Hashable {
    /// A term and its damped, field-weighted frequency.
    public struct Term: Sendable, Hashable {
        public var hash: UInt64
        public var weight: Float
    }

    /// The article's terms, each once, in the order of their hashes: the order the clusterer
    /// weighs them in (floating-point sums depend on it), so it need not sort them per article,
    /// and no dictionary is built (SipHash on every term) only to be read in order.
    public private(set) var termList: [Term]
    /// The publication day (``CivilDate/dayNumber``), when the article has a date.
    public var day: Int?
    /// A hash of the words, to order articles of one day the same way whatever order they came in.
    public var contentHash: UInt64

    /// Damped, field-weighted frequency of each term.
    public var terms: [UInt64: Float] {
        Dictionary(uniqueKeysWithValues: termList.map { ($0.hash, $0.weight) })
    }

    public struct Weights: Sendable, Hashable {
        public var headline: Float = 2
        public var name: Float = 1.5
        /// Words past this many in the body count half: the lead says what the story is.
        public var leadWords = 400
        public init() {}
    }

    public init(article: Article, weights: Weights = .init()) {
        self.init(
            title: article.title, paragraphs: article.paragraphTexts,
            published: article.provenance.published, weights: weights)
    }

    public init(title: String?, paragraphs: [some StringProtocol], published: String?, weights: Weights = .init()) {
        var counter = Counter(weights: weights)
        if let title { counter.count(title, field: weights.headline, title: true) }
        for paragraph in paragraphs { counter.count(paragraph, field: 1, title: false) }
        var terms: [Term] = []
        terms.reserveCapacity(counter.raw.count)
        counter.raw.forEach { term, tf in terms.append(Term(hash: term, weight: tf >= 1 ? 1 + log(tf) : tf)) }
        terms.sort { $0.hash < $1.hash }
        self.termList = terms
        self.day = published.flatMap { CivilDate(iso8601: $0)?.dayNumber }
        self.contentHash = counter.content
    }

    /// Counts an article's words. A struct whose methods mutate it, rather than locals captured by
    /// a nested function, so that the per-word updates are plain stores (captured locals were
    /// boxed, and each access checked for exclusivity at run time).
    private struct Counter {
        let weights: Weights
        /// Counted in a table indexed by the hashes themselves: a `Dictionary` hashed every word
        /// of the article again with SipHash, which cost more than reading the words.
        var raw = TermWeights(capacity: 256)
        var content = WordHashes.offsetBasis
        var bodyWords = 0
        let stopWords = StoryFeatures.stopWords

        init(weights: Weights) { self.weights = weights }

        mutating func count(_ text: some StringProtocol, field: Float, title: Bool) {
            // The title counts its own words (always within the lead); the body's run on.
            var wordsSoFar = title ? 0 : bodyWords
            WordHashes.forEachWordWithShape(in: text) { hash, shape in
                content = WordHashes.mix(content ^ hash)
                wordsSoFar += 1
                guard shape.length >= 2, stopWords.weight(of: hash) == nil else { return }
                var weight = field
                if shape.capitalized && !shape.opensSentence { weight *= weights.name }
                if wordsSoFar > weights.leadWords { weight *= 0.5 }
                raw.add(weight, to: hash)
            }
            if !title { bodyWords = wordsSoFar }
        }
    }

    /// English function words, hashed the way ``WordHashes`` hashes words.
    static let stopWords: TermWeights = {
        var table = TermWeights(capacity: StopWords.english.count)
        for hash in StopWords.english.flatMap({ WordHashes.of($0) }) { table.add(1, to: hash) }
        return table
    }()
}
