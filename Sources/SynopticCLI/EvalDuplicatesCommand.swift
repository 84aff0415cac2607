import ArgumentParser
import Foundation
import Synoptic
import SynopticEval

/// `synoptic eval duplicates`
public struct EvalDuplicatesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "Exact duplicates, near-duplicates and copies on a set generated from real articles.",
        discussion: """
            Builds a set from ../shared/data (PolNeAR texts and AllSides bodies) with a fixed seed: every \
            article once, and copies of about half of them made the ways outlets reprint (edited headline, \
            trimmed ending, inserted or reordered paragraphs, small word edits), shuffled into one stream. \
            Every two texts of one family should be reported; different articles on the same topic (one \
            AllSides story, one PolNeAR day) are the hard negatives. Scores pair-level precision, recall \
            and F1; with --peers, datasketch's MinHashLSH runs on the same stream in the same run.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(
        help: ArgumentHelp(
            "A Python to run datasketch with in the same run (usually python3).",
            discussion:
                "Without datasketch, Benchmarks/peers/duplicates_peers.py installs it from PyPI into a venv at $SYNOPTIC_PEER_VENV (default ~/.cache/synoptic/peers).",
            valueName: "python"))
    public var peers: String?

    @Option(help: "The generator's seed.")
    public var seed: UInt64 = 2026

    @Option(help: "Time each system N times and keep the best.")
    public var runs: Int = 3

    @Option(help: "Also print up to N missed and N wrongly reported pairs.")
    public var errors: Int = 0

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            print("notice: ../shared/data is absent; nothing to evaluate (pass --data PATH)")
            return
        }
        let sources = try DuplicateSource.load(root)
        guard !sources.isEmpty else {
            print("notice: no PolNeAR texts or AllSides stories under \(root.path); nothing to evaluate")
            return
        }
        let set = DuplicateSet(sources: sources, seed: seed)
        let copies = set.texts.filter { $0.edits != "original" }.count
        let words = set.texts.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } }
        print(
            "Duplicates, generated set (seed \(seed)): \(set.texts.count) texts, \(words / 1000)k words: \(sources.count) real articles "
                + "(PolNeAR, AllSides) and \(copies) copies of them")
        print(
            "  \(set.positives.count) pairs to find (every two texts of one family), \(set.hardNegatives.count) hard-negative pairs "
                + "(same story or day); \(set.relatedFamilies.count) pairs of real articles already sharing a 50-word passage are not scored")
        print("")

        let scheme = MinHashScheme.standard
        let synoptic = DuplicateEvaluation.runSynoptic(set, scheme: scheme, runs: runs)
        let score = DuplicateEvaluation.score(synoptic.pairs, in: set)
        print("| system | precision | recall | F1 | hard negatives reported | time | texts/s | Synoptic is |")
        print("|---|---|---|---|---|---|---|---|")
        print(
            Self.row(
                "**synoptic** (\(scheme.shingleSize)-word shingles, \(scheme.permutations) hashes, \(scheme.bands)×\(scheme.rows) bands, verified)",
                score, seconds: synoptic.seconds, texts: set.texts.count) + " — |")
        var peerLines: [String] = []
        if let peers {
            peerLines = try runPeer(python: peers, set: set, synopticSeconds: synoptic.seconds)
        }
        for line in peerLines { print(line) }
        print("")
        let kinds = synoptic.kinds.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        print("synoptic matches as reported: \(kinds.isEmpty ? "none" : kinds) (exact copies linked to their group's first text)")
        let w = synoptic.work
        print(
            "synoptic work: \(w.texts) texts, \(w.exactHits) exact hits, \(w.signatures) signatures, \(w.bucketEntriesRead) bucket entries read, "
                + "\(w.verifications) verifications, \(w.candidatesSkipped) candidates over the limit; best of \(runs) in a "
                + (Self.isDebugBuild ? "debug build (time it with -c release)" : "release build"))
        print("recall by edit (pairs of a copy with its original; headline edits aside):")
        for (edits, found, total) in DuplicateEvaluation.recallByEdit(synoptic.pairs, in: set) {
            let name = edits.padding(toLength: 24, withPad: " ", startingAt: 0)
            print("  \(name) " + String(format: "%5d of %5d  %.3f", found, total, Double(found) / Double(max(total, 1))))
        }
        // How close the hard negatives come to the thresholds, measured exactly.
        var closest = (jaccard: 0.0, containment: 0.0)
        for pair in set.hardNegatives {
            let overlap = ShingleOverlap(
                DuplicateFingerprint(paragraphs: set.texts[pair.first].paragraphs).shingles,
                DuplicateFingerprint(paragraphs: set.texts[pair.second].paragraphs).shingles)
            closest = (max(closest.jaccard, overlap.jaccard), max(closest.containment, overlap.containment))
        }
        print(
            String(
                format: "hard negatives come closest at Jaccard %.2f and containment %.2f (thresholds: near %.2f, copy %.2f)", closest.jaccard,
                closest.containment, scheme.nearJaccard, scheme.copyContainment))
        if errors > 0 { printErrors(synoptic.pairs, set: set, scheme: scheme) }
    }

    /// Runs datasketch on the same stream and returns its table rows (or a line saying why not).
    func runPeer(python: String, set: DuplicateSet, synopticSeconds: Double) throws -> [String] {
        guard let repository = RepositoryLocator.repositoryRoot() else { throw RuntimeError("run from the repository to use --peers") }
        let results = try PeerRunner.run(
            python: python, script: PeerRunner.script(.duplicates, in: repository), arguments: ["--runs", "\(runs)", "--eval"],
            items: set.texts.map { ["text": $0.body] })
        var lines: [String] = []
        var breakdown: [String] = []
        for result in results {
            if let missing = result["missing"] as? String {
                lines.append("| datasketch MinHashLSH: not run (\(missing)) | | | | | | | |")
                continue
            }
            guard let raw = result["pairs"] as? [[Int]] else { continue }
            let pairs = Set(raw.compactMap { $0.count == 2 ? DuplicateSet.Pair($0[0], $0[1]) : nil })
            let score = DuplicateEvaluation.score(pairs, in: set)
            let seconds = result["seconds"] as? Double ?? 0
            let name =
                "datasketch \(result["version"] as? String ?? "") MinHashLSH, threshold \(result["threshold"] ?? "?") "
                + "(\(result["bands"] ?? "?")×\(result["rows"] ?? "?") bands, not verified)"
            breakdown.append(
                "threshold \(result["threshold"] ?? "?"): "
                    + String(format: "MinHash %.3f s + LSH %.3f s", result["minhash_seconds"] as? Double ?? 0, result["lsh_seconds"] as? Double ?? 0))
            lines.append(
                Self.row(name, score, seconds: seconds, texts: set.texts.count)
                    + String(format: " %.1f× faster |", seconds / max(synopticSeconds, 1e-9)))
        }
        if !breakdown.isEmpty {
            lines.append("")
            lines.append(
                "datasketch time (tokenize, shingle, sha1 and MinHash.bulk once; then one LSH per threshold): " + breakdown.joined(separator: "; "))
        }
        if lines.isEmpty { lines.append("| datasketch MinHashLSH: the peer printed no result (see its messages above) | | | | | | | |") }
        return lines
    }

    func printErrors(_ reported: Set<DuplicateSet.Pair>, set: DuplicateSet, scheme: MinHashScheme) {
        func describe(_ pair: DuplicateSet.Pair) -> String {
            let a = set.texts[pair.first], b = set.texts[pair.second]
            let overlap = ShingleOverlap(
                DuplicateFingerprint(paragraphs: a.paragraphs, shingleSize: scheme.shingleSize).shingles,
                DuplicateFingerprint(paragraphs: b.paragraphs, shingleSize: scheme.shingleSize).shingles)
            return "  \(a.id) (\(a.edits))  ~  \(b.id) (\(b.edits))  "
                + String(format: "Jaccard %.2f, containment %.2f, size ratio %.2f", overlap.jaccard, overlap.containment, overlap.sizeRatio)
        }
        let missed = set.positives.subtracting(reported).sorted()
        print("missed: \(missed.count)")
        for pair in missed.prefix(errors) { print(describe(pair)) }
        let wrong = reported.filter { !set.positives.contains($0) && set.isScored($0) }.sorted()
        print("wrongly reported: \(wrong.count)")
        for pair in wrong.prefix(errors) { print(describe(pair)) }
    }

    static func row(_ name: String, _ score: DuplicateEvaluation.Score, seconds: Double, texts: Int) -> String {
        "| \(name) | "
            + String(
                format: "%.4f | %.4f | %.4f | %d of %d | %.3f s | %.0f |", score.precision, score.recall, score.f1, score.hardNegativesReported,
                score.hardNegatives, seconds, Double(texts) / max(seconds, 1e-9))
    }

    static var isDebugBuild: Bool {
        #if DEBUG
            return true
        #else
            return false
        #endif
    }
}
