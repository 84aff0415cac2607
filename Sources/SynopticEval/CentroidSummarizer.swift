import Foundation
import Synoptic

/// The classic centroid summarizer, as in MEAD (Radev, Jing, Styś and Tam, "Centroid-based
/// summarization of multiple documents", 2004), kept plain as a baseline: no lead bias, no
/// position feature, no corroboration.
///
/// Each sentence is a TF-IDF vector over its stemmed content words (stop words out; IDF over the
/// story's sentences, smoothed: ln((1 + N) / (1 + df)) + 1). The centroid is the mean of those
/// vectors. Sentences are ranked by cosine with the centroid and taken in that order, skipping a
/// sentence whose cosine with one already taken reaches ``redundancy`` and sentences shorter than
/// ``minimumWords``, until the word budget is reached.
public struct CentroidSummarizer: Sendable {
    /// Cosine with a sentence already chosen at or above which a sentence is skipped as redundant.
    public var redundancy = 0.6
    /// Sentences with fewer whitespace-separated words are never chosen.
    public var minimumWords = 5

    let tokenizer = RougeTokenizer(stems: false)
    let stemmer = PorterStemmer()

    public init() {}

    /// The chosen sentences in rank order; they reach `words` words unless the sentences run out.
    public func summarize(_ sentences: [String], words budget: Int) -> [String] {
        let terms = sentences.map { sentence in
            tokenizer.tokens(sentence).filter { !StopWords.english.contains($0) }.map { $0.count > 3 ? stemmer.stem($0) : $0 }
        }
        var documentFrequency: [String: Int] = [:]
        for sentenceTerms in terms { for term in Set(sentenceTerms) { documentFrequency[term, default: 0] += 1 } }
        let n = Double(sentences.count)
        let vectors = terms.map { sentenceTerms -> [String: Double] in
            var vector: [String: Double] = [:]
            for term in sentenceTerms { vector[term, default: 0] += 1 }
            for (term, tf) in vector { vector[term] = tf * (log((1 + n) / (1 + Double(documentFrequency[term]!))) + 1) }
            return vector
        }
        var centroid: [String: Double] = [:]
        for vector in vectors { for (term, weight) in vector { centroid[term, default: 0] += weight / n } }

        let ranked = sentences.indices.map { ($0, Self.cosine(vectors[$0], centroid)) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
        }
        var chosen: [Int] = []
        var words = 0
        for (index, _) in ranked where words < budget {
            let length = SummaryEvaluation.wordCount(sentences[index])
            guard length >= minimumWords else { continue }
            if chosen.contains(where: { Self.cosine(vectors[$0], vectors[index]) >= redundancy }) { continue }
            chosen.append(index)
            words += length
        }
        return chosen.map { sentences[$0] }
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (term, weight) in small { if let other = large[term] { dot += weight * other } }
        let norms = (a.values.reduce(0) { $0 + $1 * $1 } * b.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return norms > 0 ? dot / norms : 0
    }
}
