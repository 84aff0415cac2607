import Foundation
import SynopticCore

/// Bag-of-words vectors for sentences: lower-cased content words, weighted by TF-IDF over the
/// sentences of one story.
struct TermVectors {
    /// Sparse vector: term id → weight, with its Euclidean norm.
    ///
    /// Sums run over the terms in id order (``entries``): a dictionary's order changes from one
    /// process to the next, floating-point sums depend on it, and a summary must not change
    /// between two runs on the same articles because two sentences tied in one and not the other.
    struct Vector {
        let weights: [Int: Double]
        /// The same weights, by term id.
        let entries: [(id: Int, weight: Double)]
        let norm: Double

        init(weights: [Int: Double]) {
            self.weights = weights
            let entries = weights.map { (id: $0.key, weight: $0.value) }.sorted { $0.id < $1.id }
            self.entries = entries
            self.norm = entries.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        }

        /// The cosine, by one merge of the two id-ordered term lists.
        func cosine(_ other: Vector) -> Double {
            guard norm > 0, other.norm > 0 else { return 0 }
            var dot = 0.0
            var i = 0
            var j = 0
            let a = entries
            let b = other.entries
            while i < a.count && j < b.count {
                if a[i].id == b[j].id {
                    dot += a[i].weight * b[j].weight
                    i += 1
                    j += 1
                } else if a[i].id < b[j].id {
                    i += 1
                } else {
                    j += 1
                }
            }
            return dot / (norm * other.norm)
        }
    }

    /// The weighted mean of unit-length vectors: each vector scaled to length 1, times its share.
    /// A story's centre, with shares that make every article weigh the same however long.
    static func centroid(of vectors: [Vector], shares: [Double]) -> Vector {
        var centre: [Int: Double] = [:]
        for (vector, share) in zip(vectors, shares) where vector.norm > 0 {
            for entry in vector.entries { centre[entry.id, default: 0] += share * entry.weight / vector.norm }
        }
        return Vector(weights: centre)
    }

    private(set) var vocabulary: [String: Int] = [:]

    /// Content words of a text: letters and digits, lower-cased, without the function words that
    /// say nothing about what happened.
    static func words(_ text: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty, scalar == "’" || scalar == "'" || scalar == "-" || scalar == "." || scalar == "," {
                // Inner joiners stay out of the token but do not split a number like 106,000.
                if scalar == "," || scalar == "." {
                    if current.unicodeScalars.last?.properties.numericType == nil {
                        flush(&current, into: &words)
                    }
                } else {
                    flush(&current, into: &words)
                }
            } else {
                flush(&current, into: &words)
            }
        }
        flush(&current, into: &words)
        return words
    }

    private static func flush(_ current: inout String, into words: inout [String]) {
        guard !current.isEmpty else { return }
        let word = current.lowercased()
        current = ""
        if word.count > 1 || word.unicodeScalars.first?.properties.numericType != nil, !StopWords.english.contains(word) {
            words.append(word)
        }
    }

    /// Term-frequency vectors for `texts`, weighted by inverse document frequency across them.
    mutating func vectors(for texts: [[String]]) -> [Vector] {
        var documentFrequency: [Int: Int] = [:]
        let ids: [[Int]] = texts.map { words in
            words.map { word in
                if let id = vocabulary[word] { return id }
                let id = vocabulary.count
                vocabulary[word] = id
                return id
            }
        }
        for termIDs in ids { for id in Set(termIDs) { documentFrequency[id, default: 0] += 1 } }
        let count = Double(max(texts.count, 1))
        return ids.map { termIDs in
            var weights: [Int: Double] = [:]
            for id in termIDs { weights[id, default: 0] += 1 }
            for (id, tf) in weights {
                let idf = log((1 + count) / (1 + Double(documentFrequency[id] ?? 0))) + 1
                weights[id] = (1 + log(tf)) * idf
            }
            return Vector(weights: weights)
        }
    }
}
