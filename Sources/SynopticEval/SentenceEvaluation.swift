import Foundation
import SynopticCore
import SynopticText

/// Scores sentence segmentation against gold sentences: precision, recall and F1 over sentence
/// boundaries (the offset where a sentence after the first begins).
public struct SentenceEvaluation: Sendable {
    /// One text to segment, with its gold boundaries.
    public struct Item: Sendable, Hashable {
        public var name: String
        public var text: String
        public var boundaries: [Int]

        public init(name: String, text: String, boundaries: [Int]) {
            self.name = name
            self.text = text
            self.boundaries = boundaries
        }
    }

    public struct Score: Sendable, Hashable, CustomStringConvertible {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0

        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public mutating func add(predicted: [Int], gold: [Int]) {
            truePositives += Set(predicted).intersection(gold).count
            self.predicted += predicted.count
            self.gold += gold.count
        }

        public var description: String {
            String(format: "P %.3f  R %.3f  F1 %.3f  (%d of %d gold boundaries, %d predicted)", precision, recall, f1, truePositives, gold, predicted)
        }
    }

    public init() {}

    /// The body of each SemEval-2015 TimeLine document (its title and date lines left out, since
    /// the corpus keeps no line breaks to tell them apart), with gold boundaries.
    public static func loadTimeLineCorpus(_ directory: URL) throws -> [Item] {
        var items: [Item] = []
        var seen: Set<String> = []
        let fm = FileManager.default
        for sub in ["corpus_trackA_CAT", "corpus_trackB_CAT"] {
            let dir = directory.appendingPathComponent(sub)
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            // The two tracks share documents: each is scored once.
            for name in names.sorted() where name.hasSuffix(".xml") && seen.insert(name).inserted {
                let xml = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                let document = TokenizedDocument.readCAT(xml, name: "\(sub)/\(name)")
                // Sentence 0 is the headline and sentence 1 the date line.
                let body = document.tokens.drop { $0.sentence < 2 }
                guard !body.isEmpty else { continue }
                let text = DetokenizedText(body)
                items.append(Item(name: document.name, text: text.text, boundaries: text.boundaries))
            }
        }
        return items
    }

    /// Boundaries Synoptic finds in `text`, as offsets into `text`.
    public func predictedBoundaries(_ text: String, keepsQuotationsWhole: Bool) -> [Int] {
        let normalized = TextNormalizer().normalize(text)
        let segmenter = SentenceSegmenter(keepsQuotationsWhole: keepsQuotationsWhole)
        var starts: [Int] = []
        var spans: [TextSpan] = []
        for block in BlockSplitter().split(normalized.scalars) {
            for piece in block.pieces {
                spans.removeAll(keepingCapacity: true)
                segmenter.appendSentences(in: normalized.scalars, range: piece, to: &spans)
                starts.append(contentsOf: spans.map { normalized.map.sourceOffset(for: $0.start) })
            }
        }
        return Array(starts.dropFirst())
    }

    public func score(_ items: [Item], keepsQuotationsWhole: Bool) -> Score {
        var score = Score()
        for item in items {
            score.add(predicted: predictedBoundaries(item.text, keepsQuotationsWhole: keepsQuotationsWhole), gold: item.boundaries)
        }
        return score
    }
}
