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
        // Terms are numbered in order of first appearance and every sum runs in that order, so two
        // runs give the same summary (a dictionary's order changes from one process to the next).
        var ids: [String: Int] = [:]
        let terms = sentences.map { sentence in
            tokenizer.tokens(sentence).filter { !StopWords.english.contains($0) }.map { token -> Int in
                let term = token.count > 3 ? stemmer.stem(token) : token
                if let id = ids[term] { return id }
                ids[term] = ids.count
                return ids.count - 1
            }
        }
        var documentFrequency = [Int](repeating: 0, count: ids.count)
        for sentenceTerms in terms { for term in Set(sentenceTerms) { documentFrequency[term] += 1 } }
        let n = Double(sentences.count)
        let vectors = terms.map { sentenceTerms -> Vector in
            var counts: [Int: Double] = [:]
            for term in sentenceTerms { counts[term, default: 0] += 1 }
            return Vector(
                counts.keys.sorted().map { term in (term, counts[term]! * (log((1 + n) / (1 + Double(documentFrequency[term]))) + 1)) })
        }
        var centroid = [Double](repeating: 0, count: ids.count)
        for vector in vectors { for (term, weight) in vector.weights { centroid[term] += weight / n } }
        let centroidNorm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()

        let ranked = sentences.indices.map { index -> (Int, Double) in
            let vector = vectors[index]
            let dot = vector.weights.reduce(0) { $0 + $1.weight * centroid[$1.term] }
            return (index, vector.norm > 0 && centroidNorm > 0 ? dot / (vector.norm * centroidNorm) : 0)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var chosen: [Int] = []
        var words = 0
        for (index, _) in ranked where words < budget {
            let length = SummaryEvaluation.wordCount(sentences[index])
            guard length >= minimumWords else { continue }
            if chosen.contains(where: { vectors[$0].cosine(vectors[index]) >= redundancy }) { continue }
            chosen.append(index)
            words += length
        }
        return chosen.map { sentences[$0] }
    }

    /// A sparse vector: weights by term id, ascending.
    struct Vector {
        var weights: [(term: Int, weight: Double)]
        var norm: Double

        init(_ weights: [(term: Int, weight: Double)]) {
            self.weights = weights
            norm = weights.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        }

        /// Cosine by merging the two sorted lists.
        func cosine(_ other: Vector) -> Double {
            guard norm > 0, other.norm > 0 else { return 0 }
            var dot = 0.0
            var i = 0, j = 0
            while i < weights.count && j < other.weights.count {
                let a = weights[i], b = other.weights[j]
                if a.term == b.term {
                    dot += a.weight * b.weight
                    i += 1
                    j += 1
                } else if a.term < b.term {
                    i += 1
                } else {
                    j += 1
                }
            }
            return dot / (norm * other.norm)
        }
    }
}
