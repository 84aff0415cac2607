import Foundation
import Synoptic

/// Scores story clustering against the AllSides roundups: every article under one line's `news`
/// belongs to that line's story.
///
/// All the articles are fed as one pile, in date order (the pipeline sorts a batch that way
/// itself), assembled as the pipeline assembles a text file with front matter (headline, outlet,
/// date), and clustered by ``StoryClusterer``. The score is B-cubed: for each article, the share
/// of its predicted story that belongs to its gold story (precision) and the share of its gold
/// story found in its predicted story (recall), averaged over articles (Bagga and Baldwin, 1998).
public struct StoryEvaluation: Sendable {
    public struct Item: Sendable {
        public var article: Article
        public var story: String

        public init(article: Article, story: String) {
            self.article = article
            self.story = story
        }
    }

    public struct Score: Sendable, CustomStringConvertible {
        public var precision: Double
        public var recall: Double
        public var articles: Int
        public var storiesFound: Int
        public var storiesExpected: Int
        /// Gold stories found whole and alone (one predicted story, exactly its articles).
        public var storiesExact: Int
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public var description: String {
            String(
                format: "B³ P %.3f  R %.3f  F1 %.3f  (%d articles; %d stories found, %d expected, %d exactly)", precision, recall, f1,
                articles, storiesFound, storiesExpected, storiesExact)
        }
    }

    public init() {}

    /// Reads `allsides-roundups-dev.jsonl`: one story a line, its articles under `news`.
    public static func load(_ file: URL) throws -> [Item] {
        let data = try Data(contentsOf: file)
        var items: [Item] = []
        let assembler = ArticleAssembler()
        for (number, line) in data.split(separator: 0x0A).enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            let story = (object["id"].map { "\($0)" }) ?? "line-\(number + 1)"
            let date = object["date"] as? String
            guard let news = object["news"] as? [String: Any] else { continue }
            for side in news.keys.sorted() {
                guard let entry = news[side] as? [String: Any] else { continue }
                let body = (entry["newBody"] as? [String] ?? []).joined(separator: "\n\n")
                let title = entry["newsTitle"] as? String
                let provenance = Provenance(
                    origin: .jsonLines, path: file.lastPathComponent, line: number + 1, url: entry["newsLink"] as? String,
                    outlet: entry["newsSource"] as? String, published: date.flatMap(DateNormalizer.iso8601))
                let article = assembler.assemble(
                    id: "\(story)-\(side)", provenance: provenance, metadata: .init(title: title), original: body)
                items.append(Item(article: article, story: story))
            }
        }
        return items
    }

    /// Clusters the items and scores the stories found.
    public func score(_ items: [Item], options: StoryClusterer.Options = .init()) -> (score: Score, clusters: [[Int]]) {
        let features = items.map { StoryFeatures(article: $0.article) }
        let clusters = StoryClusterer.cluster(features, options: options)
        return (Self.bCubed(clusters, gold: items.map(\.story)), clusters)
    }

    /// B-cubed precision and recall of `clusters` (indices into `gold`) against the gold labels.
    public static func bCubed(_ clusters: [[Int]], gold: [String]) -> Score {
        var goldSize: [String: Int] = [:]
        for label in gold { goldSize[label, default: 0] += 1 }
        var precision = 0.0
        var recall = 0.0
        var exact = 0
        for cluster in clusters {
            var inCluster: [String: Int] = [:]
            for index in cluster { inCluster[gold[index], default: 0] += 1 }
            for index in cluster {
                let shared = Double(inCluster[gold[index]]!)
                precision += shared / Double(cluster.count)
                recall += shared / Double(goldSize[gold[index]]!)
            }
            if inCluster.count == 1, let (label, n) = inCluster.first, goldSize[label] == n { exact += 1 }
        }
        let n = Double(max(gold.count, 1))
        return Score(
            precision: precision / n, recall: recall / n, articles: gold.count, storiesFound: clusters.count,
            storiesExpected: goldSize.count, storiesExact: exact)
    }
}
