import Foundation
import SynopticCore
import SynopticStories

/// Runs duplicate detection over a generated `DuplicateSet` and scores the pairs it reports.
public enum DuplicateEvaluation {
    /// Pair-level counts against the set's families.
    public struct Score: Sendable, Hashable, CustomStringConvertible {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// Hard-negative pairs reported, of `hardNegatives`.
        public var hardNegativesReported = 0
        public var hardNegatives = 0

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public var description: String {
            String(format: "P %.4f  R %.4f  F1 %.4f", precision, recall, f1)
        }
    }

    /// Scores `reported` pairs: a pair within a family is right, any other scored pair is wrong,
    /// and every pair within a family that was not reported is missed.
    public static func score(_ reported: Set<DuplicateSet.Pair>, in set: DuplicateSet) -> Score {
        var score = Score()
        for pair in reported {
            if set.positives.contains(pair) {
                score.truePositives += 1
            } else if set.isScored(pair) {
                score.falsePositives += 1
            }
        }
        score.falseNegatives = set.positives.count - score.truePositives
        score.hardNegatives = set.hardNegatives.count
        score.hardNegativesReported = set.hardNegatives.reduce(0) { $0 + (reported.contains($1) ? 1 : 0) }
        return score
    }

    /// Recall of the pairs of each kind of copy with its original (`trimmed+words`, …), and of the
    /// pairs of two copies, as (kind, found, total), most frequent first.
    public static func recallByEdit(_ reported: Set<DuplicateSet.Pair>, in set: DuplicateSet) -> [(edits: String, found: Int, total: Int)] {
        var counts: [String: (Int, Int)] = [:]
        for pair in set.positives {
            let a = set.texts[pair.first], b = set.texts[pair.second]
            let kind: String
            if a.edits == "original" {
                kind = b.edits
            } else if b.edits == "original" {
                kind = a.edits
            } else {
                kind = "copy and copy"
            }
            // Headline edits do not change the body, which is all that is compared.
            let key = kind.replacingOccurrences(of: "+headline", with: "")
            let found = reported.contains(pair) ? 1 : 0
            counts[key, default: (0, 0)].0 += found
            counts[key, default: (0, 0)].1 += 1
        }
        return counts.map { (edits: $0.key, found: $0.value.0, total: $0.value.1) }.sorted { ($0.total, $0.edits) > ($1.total, $1.edits) }
    }

    /// What one run of Synoptic's index produced.
    public struct Run: Sendable {
        /// Every pair the matches imply: the matches themselves, and every member of an exact
        /// group paired with every other and with whatever its representative matched.
        public var pairs: Set<DuplicateSet.Pair>
        /// Matches as the index reported them, by kind.
        public var kinds: [DuplicatePair.Kind: Int]
        public var work: DuplicateIndex.Work
        /// Fingerprinting and indexing the whole stream, in seconds (best of the runs).
        public var seconds: Double
    }

    /// Feeds the stream to a `DuplicateIndex` in order, `runs` times, timing fingerprinting and
    /// indexing together (what a peer pays for its shingles, signatures and LSH).
    public static func runSynoptic(_ set: DuplicateSet, scheme: MinHashScheme = .standard, runs: Int = 1) -> Run {
        var best = Double.infinity
        var matches: [(Int, DuplicateMatch)] = []
        var index = DuplicateIndex(scheme: scheme)
        let clock = ContinuousClock()
        for _ in 0..<max(1, runs) {
            var found: [(Int, DuplicateMatch)] = []
            var fresh = DuplicateIndex(scheme: scheme)
            let elapsed = clock.measure {
                for (position, text) in set.texts.enumerated() {
                    for match in fresh.add(DuplicateFingerprint(paragraphs: text.paragraphs, shingleSize: scheme.shingleSize)) {
                        found.append((position, match))
                    }
                }
            }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            matches = found
            index = fresh
        }
        var kinds: [DuplicatePair.Kind: Int] = [:]
        for (_, match) in matches { kinds[match.kind, default: 0] += 1 }
        return Run(pairs: expand(matches, index: index), kinds: kinds, work: index.work, seconds: best)
    }

    /// The pairs the index's matches stand for, exact groups spelled out.
    static func expand(_ matches: [(Int, DuplicateMatch)], index: DuplicateIndex) -> Set<DuplicateSet.Pair> {
        var members: [Int: [Int]] = [:]
        for position in 0..<index.count { members[index.exactRepresentative(of: position), default: []].append(position) }
        var pairs: Set<DuplicateSet.Pair> = []
        for group in members.values where group.count > 1 {
            for i in group.indices { for j in group.indices where j > i { pairs.insert(DuplicateSet.Pair(group[i], group[j])) } }
        }
        for (position, match) in matches where match.kind != .exact {
            for a in members[index.exactRepresentative(of: position)] ?? [position] {
                for b in members[index.exactRepresentative(of: match.earlier)] ?? [match.earlier] where a != b {
                    pairs.insert(DuplicateSet.Pair(a, b))
                }
            }
        }
        return pairs
    }
}
