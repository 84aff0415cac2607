import Foundation
import Synoptic

/// The measured peer of story clustering: scikit-learn's TF-IDF and average-linkage agglomerative
/// clustering (`Benchmarks/peers/stories_peers.py`), run on the same articles in the same run and
/// scored with the same ``StoryEvaluation/bCubed(_:gold:)``.
///
/// The script sweeps a grid of distance thresholds for each variant and prints the labels of every
/// run; it never sees the gold stories. The best threshold of each variant is chosen here, on the
/// same dev data Synoptic's threshold was calibrated on, so both are tuned alike.
public enum StoryPeer {
    /// One clustering run of the peer: a variant at one threshold.
    public struct Run: Sendable {
        public var peer: String
        public var version: String
        /// "text only" or "text + same day".
        public var variant: String
        public var threshold: Double
        public var seconds: Double
        /// Stories as lists of indices into the items, in the order the articles come.
        public var clusters: [[Int]]

        public init(peer: String, version: String, variant: String, threshold: Double, seconds: Double, clusters: [[Int]]) {
            self.peer = peer
            self.version = version
            self.variant = variant
            self.threshold = threshold
            self.seconds = seconds
            self.clusters = clusters
        }
    }

    /// The peer's input, one object per article: `id`, `title`, `text` (the clean body Synoptic
    /// reads) and `date` (`YYYY-MM-DD`, or null when the article has none).
    public static func articles(_ items: [StoryEvaluation.Item]) -> [[String: Any]] {
        items.map { item in
            let article = item.article
            let day = article.provenance.published.flatMap { CivilDate(iso8601: $0) }
            return [
                "id": article.id, "title": article.title ?? "", "text": article.body,
                "date": day.map { $0.iso as Any } ?? NSNull(),
            ]
        }
    }

    /// Reads one line the script printed. `nil` for any other line, and for a run whose labels do
    /// not name every article exactly once: a partial run cannot be scored as a whole pile.
    public static func run(from line: [String: Any], items: [StoryEvaluation.Item]) -> Run? {
        guard let peer = line["peer"] as? String, let variant = line["variant"] as? String,
            let threshold = (line["threshold"] as? NSNumber)?.doubleValue, let labels = line["labels"] as? [String: Any],
            labels.count == items.count
        else { return nil }
        var clusterOfLabel: [Int: Int] = [:]
        var clusters: [[Int]] = []
        for (index, item) in items.enumerated() {
            guard let label = (labels[item.article.id] as? NSNumber)?.intValue else { return nil }
            if let cluster = clusterOfLabel[label] {
                clusters[cluster].append(index)
            } else {
                clusterOfLabel[label] = clusters.count
                clusters.append([index])
            }
        }
        return Run(
            peer: peer, version: line["version"] as? String ?? "", variant: variant, threshold: threshold,
            seconds: (line["seconds"] as? NSNumber)?.doubleValue ?? 0, clusters: clusters)
    }

    /// The run of each variant with the highest B³ F1 (the lower threshold on a tie), in the order
    /// the variants first appear.
    public static func best(_ runs: [Run], gold: [String]) -> [(run: Run, score: StoryEvaluation.Score)] {
        var variants: [String] = []
        var best: [String: (run: Run, score: StoryEvaluation.Score)] = [:]
        for run in runs {
            let score = StoryEvaluation.bCubed(run.clusters, gold: gold)
            guard let current = best[run.variant] else {
                variants.append(run.variant)
                best[run.variant] = (run, score)
                continue
            }
            if score.f1 > current.score.f1 || (score.f1 == current.score.f1 && run.threshold < current.run.threshold) {
                best[run.variant] = (run, score)
            }
        }
        return variants.map { best[$0]! }
    }

    /// A reference, not a peer: every article of one day is one story (undated articles alone).
    /// What the date says by itself on this data, where all the articles of a story share its date.
    public static func dayAlone(_ items: [StoryEvaluation.Item]) -> [[Int]] {
        var clusterOfDay: [String: Int] = [:]
        var clusters: [[Int]] = []
        for (index, item) in items.enumerated() {
            guard let day = item.article.provenance.published.flatMap({ CivilDate(iso8601: $0) })?.iso else {
                clusters.append([index])
                continue
            }
            if let cluster = clusterOfDay[day] {
                clusters[cluster].append(index)
            } else {
                clusterOfDay[day] = clusters.count
                clusters.append([index])
            }
        }
        return clusters
    }
}
