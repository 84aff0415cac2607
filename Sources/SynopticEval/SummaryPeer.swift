import Foundation

/// The measured peers of the summary: sumy's LexRank and TextRank and a lead baseline
/// (`Benchmarks/peers/summaries_peers.py`), run on the same stories and budgets in the same run.
/// Their sentences come back here and are cut and scored exactly as Synoptic's are; with `--check`
/// the script also scores them with rouge-score itself, so both numbers can stand side by side.
public enum SummaryPeer {
    /// The script, inside a repository checkout.
    public static func script(in repository: URL) -> URL {
        repository.appendingPathComponent("Benchmarks/peers/summaries_peers.py")
    }

    /// The script's input, one object per story: `id`, `words` (the budget), `articles` (`title`,
    /// `text` as the data gives them) and `reference` (read only by `--check`).
    public static func stories(_ stories: [SummaryEvaluation.Story]) -> [[String: Any]] {
        stories.map { story in
            [
                "id": story.id, "words": story.words, "reference": story.reference,
                "articles": story.sources.map { ["title": $0.title, "text": $0.text] },
            ]
        }
    }

    /// What the script printed, gathered.
    public struct Output: Sendable {
        /// Each peer's summaries by story id, the peers in the order they first appear.
        public var peers: [(name: String, version: String, summaries: [String: [String]])] = []
        /// rouge-score's mean F1 (0…1) per peer, with `--check`.
        public var checks: [String: (scorer: String, rouge1: Double, rouge2: Double, rougeL: Double)] = [:]
        /// Why the peers did not run, when they did not.
        public var missing: String?

        public init() {}
    }

    /// Reads the script's lines.
    public static func output(_ lines: [[String: Any]]) -> Output {
        var output = Output()
        var index: [String: Int] = [:]
        for line in lines {
            guard let peer = line["peer"] as? String else { continue }
            if let missing = line["missing"] as? String {
                output.missing = missing
            } else if let scorer = line["check"] as? String {
                func value(_ key: String) -> Double { (line[key] as? NSNumber)?.doubleValue ?? 0 }
                output.checks[peer] = (scorer, value("rouge1"), value("rouge2"), value("rougeL"))
            } else if let id = line["id"] as? String, let sentences = line["sentences"] as? [String] {
                let k =
                    index[peer]
                    ?? {
                        index[peer] = output.peers.count
                        output.peers.append((peer, line["version"] as? String ?? "", [:]))
                        return output.peers.count - 1
                    }()
                output.peers[k].summaries[id] = sentences
            }
        }
        return output
    }
}
