import Foundation
import SynopticIngest

/// Scores article extraction on the scrapinghub article-extraction-benchmark, the way its
/// `evaluate.py` does: per page, true/false positives and false negatives over word 4-gram
/// shingles of the extracted text against the annotated `articleBody` (each page's counts divided
/// by their sum, so long pages weigh no more than short ones); precision averaged over pages that
/// predicted anything, recall over pages with any truth; F1 from those two means.
///
/// Tokens are runs of Python's `\w` (letters, numbers and `_`, case kept), so scores are comparable
/// with the published figures.
public struct ExtractionEvaluation: Sendable {
    public struct Page: Sendable {
        public var id: String
        public var url: String
        public var truth: String
        public var gzipPath: URL
    }

    /// Normalized true positives, false positives and false negatives of one page.
    public struct Counts: Sendable, Hashable {
        public var truePositives: Double
        public var falsePositives: Double
        public var falseNegatives: Double

        public var precision: Double? {
            if falsePositives == 0 && falseNegatives == 0 { return 1 }
            if truePositives + falsePositives == 0 { return nil }
            return truePositives / (truePositives + falsePositives)
        }

        public var recall: Double? {
            if falsePositives == 0 && falseNegatives == 0 { return 1 }
            if truePositives + falseNegatives == 0 { return nil }
            return truePositives / (truePositives + falseNegatives)
        }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var precision: Double
        public var recall: Double
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public init(_ counts: [Counts]) {
            let precisions = counts.compactMap(\.precision)
            let recalls = counts.compactMap(\.recall)
            precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
            recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        }

        public var description: String { String(format: "P %.3f  R %.3f  F1 %.3f", precision, recall, f1) }
    }

    public init() {}

    /// The benchmark's pages, in id order.
    public static func loadPages(_ directory: URL) throws -> [Page] {
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("ground-truth.json")))
        guard let entries = truth as? [String: [String: Any]] else { throw EvaluationError("ground-truth.json is not an object of pages") }
        return entries.keys.sorted().map { id in
            Page(
                id: id, url: entries[id]?["url"] as? String ?? "", truth: entries[id]?["articleBody"] as? String ?? "",
                gzipPath: directory.appendingPathComponent("html/\(id).html.gz"))
        }
    }

    /// Extracted texts stored in the benchmark's own output format (`output/NAME.json`).
    public static func loadOutput(_ file: URL) throws -> [String: String] {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        // Newer outputs wrap the pages in {"output": {...}}.
        if let wrapped = (object as? [String: Any])?["output"] { object = wrapped }
        guard let entries = object as? [String: [String: Any]] else { throw EvaluationError("\(file.lastPathComponent) is not an object of pages") }
        return entries.mapValues { $0["articleBody"] as? String ?? "" }
    }

    /// The page's bytes, inflated.
    public static func html(of page: Page) throws -> [UInt8] {
        let compressed = [UInt8](try Data(contentsOf: page.gzipPath))
        return try Gzip.inflate(compressed, limit: 256 << 20)
    }

    /// A page's annotated body, read once, for judging the blocks removed from that page.
    public struct Annotation: Sendable {
        let shingles: [String: Int]
        let joinedTokens: String

        public init(_ truth: String) {
            shingles = ExtractionEvaluation.shingles(of: truth, n: 4)
            joinedTokens = ExtractionEvaluation.tokens(of: truth).joined(separator: " ")
        }

        /// Whether a removed block is article text by the annotation: most of its word 4-grams are
        /// in the annotated body (a block of fewer than four words must appear whole).
        public func contains(_ removed: String) -> Bool {
            let removedShingles = ExtractionEvaluation.shingles(of: removed, n: 4)
            guard !removedShingles.isEmpty else { return false }
            let isShort = ExtractionEvaluation.tokens(of: removed).count < 4
            let found = removedShingles.keys.filter { shingles[$0] != nil || (isShort && joinedTokens.contains($0)) }
            return found.count * 2 > removedShingles.count
        }
    }

    // MARK: - The benchmark's measure

    public static func counts(truth: String, prediction: String, n: Int = 4) -> Counts {
        let expected = shingles(of: truth, n: n)
        let predicted = shingles(of: prediction, n: n)
        var tp = 0.0, fp = 0.0, fn = 0.0
        for (shingle, count) in predicted {
            let truthCount = expected[shingle] ?? 0
            tp += Double(min(count, truthCount))
            fp += Double(max(0, count - truthCount))
        }
        for (shingle, count) in expected {
            fn += Double(max(0, count - (predicted[shingle] ?? 0)))
        }
        let sum = tp + fp + fn
        if sum > 0 { return Counts(truePositives: tp / sum, falsePositives: fp / sum, falseNegatives: fn / sum) }
        return Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0)
    }

    /// Word n-grams joined with a separator that no token contains; a text shorter than n is one
    /// shingle of all its tokens (the benchmark's rule).
    static func shingles(of text: String, n: Int) -> [String: Int] {
        let tokens = tokens(of: text)
        var result: [String: Int] = [:]
        guard !tokens.isEmpty else { return result }
        for start in 0..<max(1, tokens.count - n + 1) {
            let shingle = tokens[start..<min(tokens.count, start + n)].joined(separator: " ")
            result[shingle, default: 0] += 1
        }
        return result
    }

    /// Runs of Python's `\w`: letters (L*), numbers (N*) and the underscore. Combining marks are not
    /// word characters for Python, so they split tokens here too.
    static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

public struct EvaluationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
