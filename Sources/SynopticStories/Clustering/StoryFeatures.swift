import Foundation
import SynopticCore

/// What clustering reads of an article: its content words, weighted, and the day it appeared.
///
/// Terms are word hashes (``WordHashes``). A headline word counts twice, a name (a capitalised
/// word inside a sentence) half again, because headlines and names are what two reports of one
/// event share most surely; function words and one-letter words do not count. Frequencies are
/// damped (1 + ln tf) so a word repeated through a long article does not outweigh the rest.
public struct StoryFeatures: Sendable, Hashable {
    /// Damped, field-weighted frequency of each term.
    public var terms: [UInt64: Float]
    /// The publication day (``CivilDate/dayNumber``), when the article has a date.
    public var day: Int?
    /// A hash of the words, to order articles of one day the same way whatever order they came in.
    public var contentHash: UInt64

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
        // Counted in a table indexed by the hashes themselves: a `Dictionary` hashed every word of
        // the article again with SipHash, which cost more than reading the words.
        var raw = TermWeights(capacity: 256)
        var content = WordHashes.offsetBasis
        func count(_ text: some StringProtocol, field: Float, wordsSoFar: inout Int) {
            WordHashes.forEachWordWithShape(in: text) { hash, shape in
                content = WordHashes.mix(content ^ hash)
                wordsSoFar += 1
                guard shape.length >= 2, Self.stopWords.weight(of: hash) == nil else { return }
                var weight = field
                if shape.capitalized && !shape.opensSentence { weight *= weights.name }
                if wordsSoFar > weights.leadWords { weight *= 0.5 }
                raw.add(weight, to: hash)
            }
        }
        var titleWords = 0
        if let title { count(title, field: weights.headline, wordsSoFar: &titleWords) }
        var bodyWords = 0
        for paragraph in paragraphs { count(paragraph, field: 1, wordsSoFar: &bodyWords) }
        var terms: [UInt64: Float] = [:]
        terms.reserveCapacity(raw.count)
        raw.forEach { term, tf in terms[term] = tf >= 1 ? 1 + log(tf) : tf }
        self.terms = terms
        self.day = published.flatMap { CivilDate(iso8601: $0)?.dayNumber }
        self.contentHash = content
    }

    /// English function words, hashed the way ``WordHashes`` hashes words.
    static let stopWords: TermWeights = {
        var table = TermWeights(capacity: StopWords.english.count)
        for hash in StopWords.english.flatMap({ WordHashes.of($0) }) { table.add(1, to: hash) }
        return table
    }()
}
